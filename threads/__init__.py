"""threads: find the social-media posts an article quotes and rebuild them as clean threads.

>>> import threads
>>> rec = threads.reconstruct("<p>“We are open late tonight,” librarian Ana Ruiz tweeted.</p>")
>>> [(t.author.name, t.platform, len(t.posts)) for t in rec.threads]
[('Ana Ruiz', 'twitter', 1)]
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .errors import EngineProblem, TemplateProblem, ThreadsError, TimedOut, UnreadableInput
    from .model import Author, Media, Options, Post, Reconstruction, Source, Thread

# The model, the errors and the submodules people use from here (threads.render.render,
# threads.digest.digest, threads.cluster.run) load on first use, so that `threads --version`
# answers at once.
_SUBMODULES = frozenset({"render", "digest", "model", "errors", "vocab", "cluster"})
_LAZY = {
    **dict.fromkeys(("Author", "Media", "Options", "Post", "Reconstruction", "Source", "Thread"), "model"),
    **dict.fromkeys(
        ("EngineProblem", "TemplateProblem", "ThreadsError", "UnreadableInput", "TimedOut"), "errors"
    ),
}


def __getattr__(name: str) -> object:
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")  # the import sets it as an attribute
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Author",
    "EngineProblem",
    "Media",
    "Options",
    "Post",
    "Reconstruction",
    "Source",
    "TemplateProblem",
    "Thread",
    "ThreadsError",
    "TimedOut",
    "UnreadableInput",
    "__version__",
    "cluster",
    "digest",
    "reconstruct",
    "render",
]


def reconstruct(
    source: str | bytes | os.PathLike[str], *, url: str | None = None, options: Options | None = None
) -> Reconstruction:
    """Find the posts ``source`` quotes and group them into threads.

    ``source`` is a path, a URL, ``"-"`` for stdin, a string of HTML or text, or bytes.
    Raises :class:`threads.errors.UnreadableInput` when it cannot be read, and a TypeError or
    ValueError naming the parameter for an argument of the wrong kind.
    """
    from .load import load
    from .model import Options
    from .scrape import scrape
    from .sequence import sequence

    if isinstance(source, os.PathLike):
        if not isinstance(os.fspath(source), str):
            raise TypeError("source: a path must be a str path, not bytes")
    elif not isinstance(source, str | bytes | bytearray):
        raise TypeError(
            f"source must be a path, a URL, '-', a str of HTML or text, or bytes, not {type(source).__name__}"
        )
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be a threads.Options or None, not {type(options).__name__}")
    opts = options or Options()
    src = load(source, url=url or opts.url, options=opts)
    return sequence(src, scrape(src, opts))
