"""Mojibake repair, shared by load and the scrapers, with ftfy imported only when it is needed.

ftfy is the maintained tool for text that was decoded with the wrong charset ("â€”" for "—");
importing it costs more than reading a page, so it is loaded the first time a text holds the
characters mojibake is made of.
"""

from __future__ import annotations

import re

# Characters that mojibake is made of (UTF-8 read as windows-1252 or latin-1, or lost bytes).
MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00c5\u00e2\u00d0\u00d1\u0080-\u009f\ufffd]")


def is_broken(text: str) -> bool:
    """True when ``text`` shows mojibake (ftfy's test, asked only when the characters are there)."""
    if text.isascii() or not MOJIBAKE_HINT.search(text):  # isascii: a flag CPython keeps, no scan
        return False
    import ftfy.badness

    return bool(ftfy.badness.is_bad(text))


def fix(text: str) -> str:
    """``text`` with mojibake undone (ftfy's ``fix_encoding``: only the encoding, never the quotes)."""
    import ftfy

    if _LOST_CLOSING_QUOTE in text:
        # "”" (E2 80 9D) read as windows-1252 has no character for its last byte: a decoder left
        # "â€" and a replacement mark. Of the characters that end so, only the closing quote is
        # common in text, and ftfy cannot tell it without the byte.
        text = text.replace(_LOST_CLOSING_QUOTE, "\u201d")
    if "\u00e2\u20ac" in text:
        # or dropped it: "lucky,â€ Pim tweeted", "â€" then a space, a stop or the line's end; ftfy
        # would read the space as a mangled no-break space, and the quote as a dagger ("†")
        text = _BARE_CLOSING_QUOTE.sub("\u201d", text)
    return ftfy.fix_encoding(text)


_LOST_CLOSING_QUOTE = "\u00e2\u20ac\ufffd"
_BARE_CLOSING_QUOTE = re.compile("\u00e2\u20ac(?=[ \t\n\r.,;:!?)]|$)")
