"""Caption markers: "Army Colonel Ann Reyes (Twitter)", "Photo: Twitter/@x", "Screenshot via Instagram".

A caption left where an embed or a screenshot of a post stood is evidence that the quotes beside
it are posts on that platform, and names (sometimes) whose. It is never a post itself.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import vocab

_PLATFORMS = vocab.platform_alternation()

# "Name or subject (Twitter)" alone on its line, optionally "(Twitter/@handle)" or "(via Twitter)".
_PAREN = re.compile(
    rf"^(?P<who>[^()\n]{{1,80}}?)\s*\(\s*(?:via\s+|source:\s*|photo:\s*)?(?P<platform>{_PLATFORMS})"
    rf"(?:\s*/\s*@?(?P<handle>[A-Za-z0-9_.]{{1,30}}))?\s*\)\s*\.?$",
    re.IGNORECASE,
)
# "Photo: Twitter/@x", "Image via Instagram", "Screenshot from Facebook / Name".
_CREDIT = re.compile(
    rf"^(?:photo|image|picture|screenshot|screengrab|screen grab|source|credit|video|embed)s?"
    rf"(?:\s+(?:via|from|courtesy of|credit))?\s*[:\-–—|]?\s*(?:via\s+)?(?P<platform>{_PLATFORMS})"
    rf"(?:\s*[/|]\s*@?(?P<handle>[A-Za-z0-9_.]{{1,30}}))?(?P<rest>\s*[,/|–—-]?\s*(?P<who>[^()\n]{{0,60}}))?$",
    re.IGNORECASE,
)


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
        return Caption(line, vocab.PLATFORM_NAMES[m.group("platform").casefold()], who, m.group("handle"))
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
