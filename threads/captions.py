"""Caption markers: "Army Colonel Ann Reyes (Twitter)", "Photo: Twitter/@x", "Screenshot via Instagram".

A caption left where an embed or a screenshot of a post stood is evidence that the quotes beside
it are posts on that platform, and names (sometimes) whose. It is never a post itself.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import slots, vocab
from .lexicon import alternation, words

_PLATFORMS = vocab.platform_alternation().replace(" ", r"\s+")  # verbose patterns ignore a bare space

_CREDIT_WORDS = alternation(words("credit_words"))
_LINKS = alternation(words("credit_links"))

_PAREN = slots.lazy(
    rf"""^(?P<who>[^()\n]{{1,80}}?)\s*\(\s*        # Army Colonel Ann Reyes (
    (?:(?:{_LINKS})\s+|(?:{_CREDIT_WORDS})s?:\s*)?  # via, Photo:
    (?P<platform>{_PLATFORMS})                      # Twitter
    (?:\s*/\s*@?(?P<handle>[A-Za-z0-9_.]{{1,30}}))?  # /@handle
    \s*\)\s*\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A name or subject with the platform in parentheses, alone on its line: "Ann Reyes (Twitter)",
"(via Instagram)", "(Twitter/@annreyes)"."""

_CREDIT = slots.lazy(
    rf"""^(?:{_CREDIT_WORDS})s?                       # Photo, Screenshot, Foto, Captura de pantalla
    (?:\s+(?:{_LINKS}))?\s*[:\-–—|]?\s*             # via, from, :
    (?:(?:{_LINKS})\s+)?                             # Foto: via
    (?P<platform>{_PLATFORMS})                        # Instagram
    (?:\s*[/|]\s*(?:@(?P<handle>[A-Za-z0-9_.]{{1,30}})    # /@handle
    | (?P<bare>[A-Za-z0-9_.]{{1,30}})(?=\s*$)))?            # /handle, alone at the end ("/ Ann Lee": a name)
    (?P<rest>\s*[,/|–—-]?\s*(?P<who>[^()\n]{{0,60}}))?$  # , Ann Reyes""",
    re.IGNORECASE | re.VERBOSE,
)
"""A credit line: "Photo: Twitter/@x", "Image via Instagram", "Screenshot from Facebook / Name",
"Foto: Instagram/@x", "Captura de pantalla de X"."""


class Caption(NamedTuple):
    text: str
    platform: str
    who: str | None
    handle: str | None


def match(line: str) -> Caption | None:
    """A caption marker, when ``line`` is one and nothing else."""
    line = line.strip()
    if not line or len(line) > 120:
        return None
    m = _CREDIT.match(line)
    if m:
        who = (m.group("who") or "").strip() or None
        handle = m.group("handle") or m.group("bare")
        return Caption(line, vocab.PLATFORM_NAMES[m.group("platform").casefold()], who, handle)
    m = _PAREN.match(line) if "(" in line else None
    if m:
        who = m.group("who").strip(" -–—:|")
        if not who or who.endswith((".", "!", "?")) or len(who.split()) > 8:
            return None
        # "X" alone in parentheses is too common to mean the platform unless it is upper case
        if m.group("platform") in ("x", "threads"):
            return None
        return Caption(line, vocab.PLATFORM_NAMES[m.group("platform").casefold()], who, m.group("handle"))
    return None
