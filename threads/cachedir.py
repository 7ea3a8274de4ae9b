"""The user's cache folder for what ``threads`` keeps between runs (compiled templates):
``$XDG_CACHE_HOME/threads`` (else ``~/.cache/threads``), private to the user.
``THREADS_NO_CACHE`` (set to anything) turns every cache off."""

from __future__ import annotations

import os


def enabled() -> bool:
    return not os.environ.get("THREADS_NO_CACHE")


def folder(name: str) -> str | None:
    """``<cache>/threads/<name>``, made private (0700) when missing; ``None`` when caching is off,
    or the folder cannot be made, is not the user's own, or cannot be written."""
    if not enabled():
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "threads", name)  # os.path, not pathlib: this runs at start-up
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        uid = getattr(os, "getuid", None)  # POSIX: the folder must be the user's own
        if (uid is not None and os.stat(path).st_uid != uid()) or not os.access(path, os.W_OK):
            return None  # not ours to trust or to write
    except OSError:
        return None
    return path
