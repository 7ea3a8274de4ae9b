"""safe: what text and links may leave the tool, decided in one place.

Everything the tool writes passes here once, at its way out: every JSON document
(:meth:`Reconstruction.to_dict`, the feeds, the jsonl lines) through :func:`data`, every
``{{ ... }}`` of every template (the Jinja environment's ``finalize``) through :func:`shown`, and
every line on stderr (errors, warnings, the log) through :func:`line`. Every URL field of every
format goes through :func:`url`.

- :func:`text`: C0 and C1 control characters removed (newline and tab kept), so that no escape
  sequence from a page (``ESC c``, an OSC window title or clipboard write, line drawing, clear
  screen) reaches a terminal; a lone surrogate (JSON's ``"\\ud800"`` decodes to one) becomes
  U+FFFD, so the text can always be encoded as UTF-8.
- :func:`shown`: :func:`text`, and also the invisible and bidi formatting characters that could
  disguise what a reader sees (:data:`INVISIBLE`): for HTML and Markdown. JSON keeps them: they are
  the post's data, and a JSON reader sees them escaped or not at all.
- :func:`url`: the allowlist: an http, https or mailto URL (after undoing the obfuscations browsers
  forgive: controls, spaces and invisible characters inside the scheme), else ``None``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

SCHEMES = frozenset({"http", "https", "mailto"})
"""The URL schemes any output may carry."""

CONTROLS = re.compile(
    r"""
    [\x00-\x08]      # C0 controls before tab (NUL, BEL, backspace ...)
    | [\x0b-\x1f]    # C0 controls after newline: vertical tab, form feed, CR, ESC, separators
    | [\x7f-\x9f]    # DEL and the C1 controls (CSI U+009B, OSC U+009D, ... start terminal sequences)
    """,
    re.VERBOSE,
)
"""Control characters that never leave the tool: every C0 and C1 control but tab and newline."""
SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: what JSON's ``"\\ud800"`` decodes to; no UTF-8 text can hold one."""

INVISIBLE = re.compile(
    """
    [\u00ad]                # soft hyphen: shows nothing, or a hyphen only at a line break
    | [\u061c]              # Arabic letter mark (bidi)
    | [\u200b-\u200f]       # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    | [\u202a-\u202e]       # bidi embeddings and overrides (U+202E turns "gpj.exe" around)
    | [\u2060-\u2064]       # word joiner, invisible function application, times, separator, plus
    | [\u2066-\u2069]       # bidi isolates
    | [\ufeff]              # zero-width no-break space (byte-order mark)
    | [\U000e0000-\U000e007f]  # the tag block: invisible ASCII look-alikes that can smuggle text
    """,
    re.VERBOSE,
)
"""Invisible and bidi formatting characters, taken out of what HTML and Markdown show."""
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")


def text(value: str) -> str:
    """``value`` without C0/C1 controls (newline and tab kept), lone surrogates as U+FFFD."""
    if value.isprintable():  # the common case, checked in C: no control, surrogate or format character
        return value
    return SURROGATE.sub("\ufffd", CONTROLS.sub("", value))


def encodable(value: str) -> str:
    """``value`` with lone surrogates as U+FFFD (lxml would cut a page short at the first one)."""
    return value if value.isascii() or SURROGATE.search(value) is None else SURROGATE.sub("\ufffd", value)


def shown(value: str) -> str:
    """``value`` as HTML and Markdown may show it: :func:`text`, without :data:`INVISIBLE` characters."""
    if value.isprintable():
        return value
    return INVISIBLE.sub("", text(value))


def line(value: object) -> str:
    """``value`` as one line for stderr: :func:`text`, with newlines and tabs as spaces."""
    return " ".join(text(str(value)).split())


def url(value: str | None) -> str | None:
    """The URL if its scheme is on the allowlist (:data:`SCHEMES`), cleaned of the controls, spaces
    and invisible characters browsers skip; else ``None`` (also for ``//host`` and unparsable URLs).

    >>> url("https://example.org/a"), url(" JAVA\\tSCRIPT:alert(1)"), url("//evil.example/")
    ('https://example.org/a', None, None)
    """
    if not value or not isinstance(value, str):
        return None
    cleaned = _URL_JUNK.sub("", INVISIBLE.sub("", SURROGATE.sub("", value)))
    if cleaned.startswith("//"):
        return None
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:  # "http://[" and other URLs that do not parse
        return None
    return cleaned if scheme in SCHEMES else None


def data(value: Any) -> Any:
    """A JSON-ready value with :func:`text` applied to every string in it (keys too)."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {
            (text(k) if isinstance(k, str) else k): (text(v) if isinstance(v, str) else data(v))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [text(v) if isinstance(v, str) else data(v) for v in value]
    return value
