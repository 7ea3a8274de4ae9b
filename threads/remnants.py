"""Flattened embeds in scraped text ("remnants"): the signature line of an embed that outlived its markup.

When a page with embedded posts is scraped to text, the embed's markup is gone but its words stay:

    TEXT [pic.twitter.com/X | https://t.co/X] — Display Name (@handle) Month D, YYYY

Recognised signatures (each one post):

- Twitter/X and Bluesky: ``— Name (@handle) Date``; the dash may be on a new line, mangled into
  mojibake (``â€”``), or deleted with two spaces left; the date may be glued to the next word
  (``December 31, 2017Trump``) and written in English, a few European languages or Japanese
  (``2016年5月28日``). A handle with dots (``name.bsky.social``) is a Bluesky handle.
- Instagram: ``A post shared by Name (@handle) on Sep 3, 2018 at 3:55pm PDT`` (after
  ``View this post on Instagram``), also in a few other languages and their times (``um 15.47 Uhr``,
  ``à 15h47``, ``a las 15:47``). A signature standing alone after a blank line takes the paragraph
  above as its caption, unless that is a consent notice, a button or an article's lead-in (``…:``).
- Facebook: ``Posted by Name on Sunday, July 30, 2017`` (after the Facebook SDK snippet).
- TikTok: ``@handle TEXT ♬ original sound - Name`` (the embed's section: the author's handle opens
  it, the sound line closes it; on one line or a few).
- Skip links, an accessibility practice of publishers' embed wrappers (``Skip Twitter post by @x``
  … ``End of Twitter post by @x``): the first starts a post, the second ends one (and stands for a
  signature where none survived).

The hard part is where a post's text begins, for scraped text has lost its paragraph breaks. It
begins at the start of the paragraph, after the previous signature, or after a hard marker (a
consent notice that stood where the embed was, in any language of :mod:`threads.lexicon`: see
:mod:`threads.notices`; Facebook's SDK snippet; a blank line); then
moves on past the last of these cues (see :func:`_text_start`): a sentence glued to the next
without a space (``expect.What kind``: a lost paragraph break), an introducing colon
(``tweeted:``), a line break, and the place where the article first quoted the post's words (the
post then stands again in full, and the remnant is the post). A tweet too long for its year starts
at the first sentence that makes it fit.

Not signatures: ``Celtics (99) @ Cavaliers (102) October 17, 2017`` (no ``(@handle)``), dates in
parentheses, e-mail addresses, an ``@`` in running text.

Everything here is linear in the length of a paragraph: the patterns are bounded, and the walks
around a signature look at a fixed window.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from datetime import date
from enum import IntEnum
from itertools import accumulate
from typing import Literal, NamedTuple

from . import dates, notices, slots, textfix, vocab
from .dom import squash
from .lexicon import alternation, words
from .model import Author, Media, Paragraph, Post
from .quotes import find_quotes, quote_marks

# ---------------------------------------------------------------- patterns

_WS = r"[ \t\u00a0\r\n]"
"""White space inside a signature (no-break spaces and CRLF included)."""

_WORD = r"[^\W\d_]{3,10}"
"""A month name or abbreviation (checked with :func:`threads.vocab.month` when the date is parsed)."""

_SP = r"[ \u00a0]"
_DATE = (
    rf"(?:{_WORD}\.?{_SP}{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?,?{_SP}{{1,3}}\d{{4}}"  # October 17, 2017
    rf"|\d{{1,2}}\.?{_SP}{{1,3}}(?:de{_SP})?{_WORD}\.?,?{_SP}{{1,3}}(?:de{_SP})?\d{{4}}"  # 17. Oktober 2017
    rf"|\d{{4}}{_SP}?[年년]{_SP}?\d{{1,2}}{_SP}?[月월]{_SP}?\d{{1,2}}{_SP}?[日일]"  # 2016年5月28日
    r"|\d{4}-\d{2}-\d{2})"
)
"""The date of a signature. The year is four digits exactly: ``20175 people`` is 2017, then "5 people"."""

_TIME = (
    rf"(?:,?{_SP}{{1,3}}(?:{alternation(words('at_words'))})?{_SP}{{0,3}}"
    # 3:55pm, 15:47, 15h47, 15.47 Uhr
    rf"\d{{1,2}}(?:[:.]|{_SP}?h{_SP}?)\d{{2}}{_SP}?(?:[ap]\.?m\.?|{alternation(words('hour_words'))})?"
    rf"(?:{_SP}?(?:{alternation((*vocab.TIME_ZONES, *vocab.OTHER_TIME_ZONES))}))?)"
)
"""An optional time after the date (Instagram, Bluesky): ``at 3:55pm PDT``. The zone needs no word
boundary after it: ``7:15pm PDTUproxx`` is the time glued to the next sentence."""

_TWITTER_HANDLE = r"[A-Za-z0-9_]{1,30}"
"""Twitter handles are 1 to 15 letters, digits and underscores; up to 30 are read (the handles of
Threads and Instagram, and those that writers and copies put in Twitter's shape, run longer; the
brackets and the date around one make the signature)."""
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOTTED_HANDLE = rf"{_LABEL}(?:\.{_LABEL})+"
"""Bluesky handles are domain names (``name.bsky.social``)."""

_ANCHOR = re.compile(
    rf"(?<![^\s\u2014\u2013])\(@(?:(?P<fedi>[A-Za-z0-9_.]{{1,30}}@{_DOTTED_HANDLE})"
    rf"|(?P<tw>{_TWITTER_HANDLE})|(?P<dot>{_DOTTED_HANDLE}))"
    r"(?P<printed>[ \t]\(https?://[^\s()]{1,500}\))?\)"  # a print view's "(@ann (https://…))"
    rf"(?:{_WS}{{1,3}}(?:{alternation(words('platform_prepositions'))}){_WS}{{1,3}}"
    rf"(?P<platform>{vocab.platform_alternation()})(?![\w.]))?"  # "(@ann) on Threads, March 3, 2024"
    rf",?{_WS}{{0,12}}(?:<a\b[^<>]{{0,500}}>|\[)?(?P<date>{_DATE})(?P<time>{_TIME})?"
    r"(?:\]\((?P<link>[^()\s]{1,500})\)"
    r"|[ \t]\((?P<paren>https?://[^\s()]{1,500})\)"  # a print view's "March 10, 2024 (https://…)"
    r"|[ \t]*\n?[ \t]*(?P<bare>https?://(?:(?:www|mobile)\.)?(?:twitter\.com|x\.com|bsky\.app)/[^\s()<>\"]{1,500}))?",
    re.IGNORECASE,
)
"""The fixed end of a Twitter/Bluesky/Mastodon signature: ``(@handle) Date`` (a Mastodon handle
``@user@instance``), the ``(`` after white space or a dash
(so ``x(@y)`` is not one). The name before it is found by walking back (:func:`_name_span`). The date
may sit in the ``<a>`` of embed markup left in the text as it was, or be a Markdown link to the post
(``[June 2, 2023](https://twitter.com/ann/status/1664…)``, as html2text and trafilatura write it), or
its permalink may follow the date on the same line or the next (a newsletter's ``– Ann Reyes
(@annreyes), 4. März 2024`` and the link below it)."""

_BYLINE = frozenset(words("byline_words"))
"""What opens an article's byline: the name after it is the reporter's, not a post's author."""

_TIKTOK = re.compile(r"♬[^\S\n]*(?P<sound>[^\n♬]{1,150}?)[^\S\n]*(?=\n|$)")
"""TikTok's sound line, the last of its embed's text (``♬ original sound - Ann``): the post's text
stands before it on its line, after the author's ``@handle`` the line opens with."""
_TIKTOK_HANDLE = re.compile(r"[^\S\n]*@(?P<handle>[A-Za-z0-9_.]{2,24})\s+")
_TIKTOK_LINES = 4
"""How many lines a scraped TikTok embed may take, from its handle to its sound line."""

_INSTAGRAM = re.compile(
    rf"(?:{vocab.phrase_alternation(vocab.POST_SHARED_BY)})"
    rf"{_WS}{{1,3}}(?P<name>[^\n()@]{{0,80}}?){_WS}{{0,3}}\(@(?P<handle>[A-Za-z0-9_.]{{1,30}})\)"
    rf"(?:{_WS}{{1,3}}(?:{alternation(words('on_words'))}){_WS}{{1,3}}(?P<date>{_DATE})(?P<time>{_TIME})?)?"
    r"(?:\]\((?P<link>[^()\s]{1,500})\))?",
    re.IGNORECASE,
)
"""Instagram's embed caption line; the date is optional (newer embeds leave it out). A Markdown
scrape keeps it as a link to the post (``[A post shared by Ann Reyes (@annreyes)](https://…)``)."""

_MASTODON_CARD = re.compile(
    r"\[?Post by @(?P<user>[A-Za-z0-9_]{1,30})@(?P<host>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)"
    r"\s{1,3}View on Mastodon(?:\]\((?P<link>[^()\s]{1,500})\))?"
)
"""Mastodon's embed since 4.3 without its script: a card that says whose post it is and links to
it ("Post by @ann@social.example View on Mastodon"), no text."""

_REDDIT = re.compile(
    r"(?:(?<=\n)|^)[ \t]*by[ \t]+\[?u/(?P<user>[A-Za-z0-9_\-]{3,20})\]?(?:\([^()\s]{1,300}\))?"
    r"[ \t]+in[ \t]+\[?(?:r/)?(?P<sub>[A-Za-z0-9_]{2,21})\]?(?:\([^()\s]{1,300}\))?[ \t]*(?=\n|$)"
)
"""Reddit's embed without its script: the post's title on its line, then "by u/name in sub" (the
links kept as Markdown by some scrapes)."""

_LEADS = vocab.phrase_alternation(tuple(dict.fromkeys(lead for lead, _ in vocab.POSTED_BY)))
_POSTED_BY = re.compile(_LEADS)
"""What opens Facebook's embed line, in any of its languages (a cheap test before the signatures)."""
_FACEBOOK = re.compile(
    rf"(?:{_LEADS}){_WS}{{1,3}}(?P<name>[^\n]{{1,80}}?){_WS}{{1,3}}"
    rf"(?:{alternation(tuple(dict.fromkeys(on for _, on in vocab.POSTED_BY)))}){_WS}{{1,3}}"
    rf"(?i:{alternation((*vocab.WEEKDAYS, *words('weekdays')))}),?{_WS}{{1,3}}(?P<date>{_DATE})"
)
"""Facebook's embed line, in the embed's language ("Posted by … on Thursday, August 5, 2021",
"Publicado por … en Jueves, 5 de agosto de 2021"). The weekday is required: a blog byline
``Posted by admin on March 3`` is not it."""

_PLATFORMS = rf"(?P<platform>{vocab.platform_alternation()})"
_SKIP_WHO = r"(?:@(?P<handle>[A-Za-z0-9_]{1,30})\b|(?P<name>[^\n@]{1,60}?)(?=[ \t]*(?:\r?\n|$)))"
"""Whose post a skip link names: a handle, or a name running to the end of its line."""
_SKIP_START = re.compile(rf"Skip {_PLATFORMS} (?:post|content)(?: \d+)?,? by {_SKIP_WHO}", re.IGNORECASE)
"""A skip link before an embed: the post's text starts after it."""
_SKIP_WORD = re.compile("[Ss\u017f][Kk\u212a][Ii\u0130\u0131][Pp]")
"""The word "skip" spelt with every character that _SKIP_START's IGNORECASE matches: a pattern that opens on
a character set, which the engine scans for at C speed (an IGNORECASE literal it tries at every place)."""
_SKIP_END = re.compile(rf"End of {_PLATFORMS} (?:post|content)(?: \d+)?,? by {_SKIP_WHO}", re.IGNORECASE)
"""A skip link's target after an embed: the post ends before it."""

_HARD = re.compile(
    r"\(function\(d, ?s, ?id\).{0,400}?facebook-jssdk'\)\);"  # the Facebook SDK snippet, left as text
    r"|Allow \w+ content\?.{0,800}?Accept and continue"  # a consent box in front of an embed
    r"|\[?(?:View this post on Instagram|View (?:on|more on) (?:Instagram|Threads|Facebook)"
    # the button in the embed's language, as the signature is read in it
    r"|Diesen Beitrag auf Instagram ansehen|Ver esta publicación en Instagram"
    r"|Voir cette publication sur Instagram|Visualizza questo post su Instagram"
    r"|Ver esta publicação no Instagram|Bekijk dit bericht op Instagram)"
    r"(?:\]\([^()\s]{1,500}\))?"  # a Markdown scrape keeps the button as a link to the post
    r"|</?blockquote\b[^<>]{0,300}>"  # embed markup left in the text as it was
    r"|\n[ \t\u00a0\r]*\n",  # a blank line inside a paragraph
    re.DOTALL,
)
"""Text after which a post's text starts afresh (nothing before it belongs to the next post)."""

_DASH = re.compile(
    r"[\u2014\u2013\u2015\u2012]|&[mn]dash;|&#821[12];"
    r"|â[€\x80]?[\u201d\u201c\x94\x93]?(?=\s)"  # em/en dash read as cp1252 or latin-1, a byte maybe lost
    r"|(?<!\S)-{1,2}(?=\s)"  # a spaced hyphen standing for the dash
)
"""The dash that opens a signature, in its spellings and manglings."""

_POSTED = alternation((*words("writing_verbs"), *words("posting_verbs")))
"""The verbs that introduce a post ("tweeted", "wrote", "schrieb")."""
_POSTED_OR_SAID = alternation((*words("writing_verbs"), *words("posting_verbs"), *words("post_verbs")))
"""The same, and the verbs that say a post's words ("said", "read"): they end a sentence before
one ("he said on Twitter. "), never introduce one with a colon ("You said: " inside a post)."""

_PLATFORM_NAMES = vocab.platform_alternation()
_A = alternation(words("indefinite"))
_POST_NOUN = alternation(words("post_nouns"))
_NETWORKS = alternation(words("social_networks"))
_CUE = slots.lazy(
    # a colon glued to what follows ("doing just that:President", "Twitter:@Corrynmb"), not "[C]ulture":
    # an introduction, and a lost paragraph break after it
    r"(?P<colon>(?<=[A-Za-z0-9)\"”'’]):)(?=[\"“'‘]?[A-Z@#]|\.@|pic\.twitter\.com/)"
    # a sentence glued to the next one: a paragraph break lost in scraping ("expect.What kind").
    # Not after a capital that follows a dot ("U.S.O"), not before a digit ("properties.71").
    r"|(?:(?<=[a-z0-9)\]\"”'’])|(?<=[A-Za-z][A-Z]))\.(?=[\"“'‘]?[A-Z])"
    # an introducing verb, platform or pointer and a colon ("tweeted: ", "Twitter: ", "the following: ")
    rf"|(?i:\b(?:{_POSTED}|{_PLATFORM_NAMES}|{alternation(words('pointers'))})[ \t]*:[ \t]+)"
    # a sentence that says the post comes ("Trump tweeted. ", "he wrote on Twitter. ")
    rf"|(?i:\b(?:{_POSTED_OR_SAID})(?:[ \t]+(?:{alternation(words('platform_prepositions'))})[ \t]+"
    rf"(?:{_PLATFORM_NAMES}|(?:{_A})[ \t]+(?:{_POST_NOUN})|{_NETWORKS}))?\.[ \t]+)(?=[\"“'‘]?[A-Z])"
    # thread numbering after a sentence: "Nazis. 1/Oh let"
    r"|(?<=[.!?:])[ \t]?(?=\d{1,3}/\d{0,3}\s?[\"“'‘]?[A-Z])"
    r"|(?P<line>\n)"  # a line break
)
"""Cues after which a post's text may begin; the last one before the signature wins, except that
after a glued colon (an introduction) a glued sentence break is the post's own line break."""

_POSTISH = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{1,30}(?!\w)|(?<!\w)#[^\W\d_]\w*|https?://|pic\.twitter\.com/")
"""What marks a sentence as a post's rather than the article's: a mention, a hashtag, a link (or
:data:`_NUMBERED` at its start)."""
_NUMBERED = re.compile(r"\s*\d{1,3}/\d{0,3}\s?[\"“'‘]?[A-Z]")
"""Thread numbering opening a post: ``1/ In defense``, ``11/11Get a real job``."""
_TOKEN = re.compile(r"[^\W_]+")
"""A word, as the scorer and the repeat checks see words: letters and digits."""
_STRONG_GAP = re.compile(r"[.!?\n]")
"""Between two words: a sentence ended here."""
_WEAK_GAP = re.compile(r"[:;]|\s\s")
"""Between two words: a clause ended, or quote marks were deleted, here."""
_STARTS_LIKE_POST = re.compile(r"[\"“'‘]?(?:[A-Z0-9@#]|\.@)")
_URL = re.compile(r"(?:https?://|www\.)[^\s\"“”<>]+|\bpic\.twitter\.com/[A-Za-z0-9]+", re.IGNORECASE)
_URL_END = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*$", re.IGNORECASE)
_TRAILING_URLS = re.compile(r"(?:\s*(?:(?:https?://|www\.)\S+|pic\.twitter\.com/\S+))+\s*$", re.IGNORECASE)
_RUN = re.compile(r"[ \t\u00a0\r\n]{2,}|\n")
"""A run of white space left where a dash or an emoji was deleted."""
_TERMINAL = ".!?…\"”’')]"
"""Characters a post's text often ends with, before the signature's name."""
_CAPITALISED = re.compile(r"(?:\s|^)((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*$")
_MOJIBAKE_HINT = re.compile(r"[âÃÂ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
_THREAD_NUMBER = re.compile(r"\(?(\d{1,3})\s?/\s?(\d{1,3})?\)?(?=[\s\"“'‘]|[^\W\d_])")
"""A post's place in a thread, as its author numbered it: ``1/``, ``(2/5)``, ``11/11Get``."""
_LINE_SPACE = re.compile(r"[ \t\u00a0]+")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,300}>")
"""A tag of markup left in the text."""

_NAME_WINDOW = 60
"""How far back from ``(@`` a display name (and the dash before it) may start: Twitter names are 50 chars."""
_REPEAT_WORDS = 6
"""Words that must repeat for a post's opening to count as quoted earlier in the article."""
_SKIP_REACH = 8
"""How many paragraphs a skip link may reach over to its end marker."""
_ALIGN_WORDS = 4
"""Words around a word that, standing earlier too, let a found start move back over it."""
_TAIL_WORDS = 5
"""Words at a post's end that, found earlier, mark the article's paraphrase before the post."""


# ---------------------------------------------------------------- records


_SignatureKind = Literal["anchor", "instagram", "facebook", "tiktok", "mastodon", "reddit", "skip_end"]
"""Which line signs a flattened embed: an anchor line (``— Name (@handle) date``), Instagram's or
Facebook's embed line, TikTok's sound line, or a skip link's end marker."""


class _Signature(NamedTuple):
    """A signature found in a paragraph: the post's text ends at ``start``."""

    start: int
    end: int
    platform: str
    name: str | None
    handle: str | None
    published: date | None
    published_text: str | None
    evidence: str
    marker: bool = False
    """A skip link's end marker: a post only if text stands before it."""
    text_from: int | None = None
    """Where the post's text starts at the latest (after the ``@handle`` a TikTok line opens with)."""
    link: str | None = None
    """The post's address the signature links its date to (a Markdown scrape keeps it)."""
    printed: bool = False
    """The page was printed with each link's address after it in parentheses ("#tag
    (https://…)"): those addresses are the page's, not the post's words."""


# ---------------------------------------------------------------- entry point


def extract(paragraphs: Sequence[Paragraph], *, article_date: date | None = None) -> list[Post]:
    """Every flattened embed in the paragraphs, one :class:`Post` (kind ``remnant``) each, in order.

    ``article_date`` stands in for a post's own date where the length a tweet may have is weighed.
    """
    posts: list[Post] = []
    i = 0
    found_before = True
    while i < len(paragraphs):
        if _cannot_hold(paragraphs[i].text):
            found_before = False
            i += 1
            continue
        card = _card(paragraphs[i])
        if card is not None:
            posts.append(card)
            found_before = True
            i += 1
            continue
        n = _skip_reach(paragraphs, i)
        found = list(_extract_block(paragraphs[i : i + n], article_date))
        if (
            n == 1
            and i > 0
            and not found_before
            and _SIGNATURE_FIRST.match(paragraphs[i].text)
            and _POST_LINK_END.search(paragraphs[i - 1].text)
        ):
            # "The bridge reopens Monday pic.twitter.com/x", a blank line, then "— Ann Reyes
            # (@annreyes) October 17, 2017": the paragraph before, ending in the post's link, is its text
            found = list(_extract_block(paragraphs[i - 1 : i + 1], article_date)) or found
        elif n == 1 and i > 0 and not found_before and _alone_signed(found, paragraphs[i - 1].text):
            # "Back home at last!", a blank line, then "A post shared by Ann Reyes (@annreyes)"; "Ein
            # Verbot ersetzt keine Medienbildung. …", then "— Lea Hartung (@leahartung.bsky.social)
            # 3. Februar 2025": the embed's text and its signature, flattened apart; the paragraph
            # above, as long as a post may be, is its text (unless a notice or a button)
            found = [p for p in _extract_block(paragraphs[i - 1 : i + 1], article_date) if p.text] or found
        elif n == 1 and i > 1 and not found and not found_before and _alone_facebook(paragraphs, i):
            # "¡Ya corre el agua!", a blank line, then "Publicado por Ana Ruiz en Jueves, 12 de
            # noviembre de 2020" alone: the paragraph above is the post, on a page that names Facebook
            found = [p for p in _extract_block(paragraphs[i - 1 : i + 1], article_date) if p.text]
        posts.extend(found)
        found_before = bool(found)
        i += n
    return posts


_FACEBOOK_LIMIT = 5000
"""A long Facebook post flattened to one paragraph (the limit is far larger; longer paragraphs
are the article's)."""
_CAPTION_LIMIT = 2200
"""The longest caption Instagram takes."""
_POST_LIMITS = {"bluesky": 320, "mastodon": 520, "threads": 520, "instagram": _CAPTION_LIMIT}
"""How long the text above a signature standing alone may be: what each platform lets a post have
(with room for a link or an emoji counted short); a longer paragraph is the article's. Not X: a
tweet's lone signature takes the paragraph above only when it ends in the tweet's link (the
fixture ``blank_line_signature``), as X's posts run to any length now and scrapes of old pages
often keep a signature whose text they dropped."""


def _alone_signed(found: list[Post], before: str) -> bool:
    """Whether the paragraph was a signature alone (one post, no text: Instagram's line, or a dash
    signature of a platform above) and the one before may be its text."""
    if len(found) != 1 or found[0].text or found[0].platform not in _POST_LIMITS:
        return False
    return _may_be_its_text(before.strip(), _POST_LIMITS[found[0].platform])


def _may_be_its_text(before: str, limit: int) -> bool:
    """Whether a paragraph above a signature standing alone may be the post's text: as long as a
    post may be, not an article's sentence that introduces the post ("She shared a photo with her
    fans:"), a consent notice or a button's label."""
    return (
        0 < len(before) <= limit
        and not before.endswith(":")
        and not notices.is_notice(before)
        and not notices.is_button(before)
        and _HARD.fullmatch(before) is None
    )


def _cannot_hold(text: str) -> bool:
    """Whether a paragraph can give no post and end no skip block, read on its own or with the one
    before: every reader above needs an "@" (a card, a signature ``(@handle)``), a TikTok sound
    line's "♬", a "by" (Instagram's, a skip link's), Reddit's "u/" or a Facebook line's opening
    words, and a block of several paragraphs opens on a skip link's "Skip". Most paragraphs have
    none of them: a few substring tests instead of the readers' patterns."""
    return (
        "@" not in text
        and " by " not in text
        and "u/" not in text  # Reddit's "by u/name in sub" opens its line
        and "♬" not in text
        and _SKIP_WORD.search(text) is None
        and _POSTED_BY.search(text) is None
    )


_CARD = re.compile(
    rf"""(?P<name>[^\n@]{{1,80}}?)(?:\n|[ \t]+(?=@))                 # the handle on its line or the name's
    @(?P<handle>[A-Za-z0-9_.]{{1,30}}@{_DOTTED_HANDLE}|{_DOTTED_HANDLE}|{_TWITTER_HANDLE})
      (?:[ \t]*·[ \t]*(?:{alternation(words("follow_words"))}))?[ \t]*\n
    (?:[ \t]*·[ \t]*\n)?(?:[ \t]*(?:{alternation(words("follow_words"))})[ \t]*\n)?
    (?P<text>[^\n][\s\S]{{0,4000}}?)\n
    (?P<when>[^\n]{{0,20}}?(?P<date>{_DATE})[^\n]{{0,24}})
    (?P<tail>(?:\n[^\n.!?]{{0,40}}){{0,8}})""",
    re.VERBOSE,
)
"""A post's card as a scrape or a copy of the rendered embed prints it: the display name, the
``@handle`` (beside the name or on a line of its own; ``· Follow`` after it or on lines of their
own), the text, the time and date, then the card's counts and buttons ("412", "Reply", "Copy
link", "Mastodon"), each on a line of its own."""
_APP_CARD = re.compile(
    rf"""(?P<name>[^\n@]{{1,80}})\n
    @(?P<handle>[A-Za-z0-9_.]{{1,30}}@{_DOTTED_HANDLE}|{_DOTTED_HANDLE}|{_TWITTER_HANDLE})[ \t]*\n
    (?:[ \t]*·[ \t]*\n)?
    [ \t]*(?P<when>\d{{1,2}}[ \t]?(?:s|m|min|h|hr|hrs|d|w|j|g|t|Std\.?|Min\.?)       # 5 h, 3 Std.
      |{_WORD}\.?[ \t]\d{{1,2}}|\d{{1,2}}\.?[ \t]{_WORD}\.?)[ \t]*\n                  # Jun 3, 3. Juni
    (?P<text>[^\n][\s\S]{{0,4000}}?)
    (?P<tail>(?:\n[ \t]*\d[\d.,]{{0,6}}(?:[ \t]?(?:K|M|k|mil|Mio\.?|Tsd\.?|mln))?[ \t]*){{2,6}})""",
    re.VERBOSE,
)
"""A card as a phone's app shows it and a copy prints it: the display name, the ``@handle``, a
dot, the age of the post ("5 h", "3 Std.", "Jun 3"), the text, then its counts ("1,2 mil",
"412"), each on a line of its own; no date but the age."""
_CLOCK = re.compile(r"\d{1,2}[:.h]\d{2}")
_CARD_PLATFORM = re.compile(rf"(?i)\b(?P<platform>{vocab.platform_alternation()})\b")


def _card(paragraph: Paragraph) -> Post | None:
    """The post a paragraph that is one card holds (:data:`_CARD`), or None."""
    text = paragraph.text
    if "\n@" not in text and " @" not in text:
        return None
    m = _CARD.fullmatch(text.strip())
    if m is None:
        return _app_card(paragraph)
    published = dates.parse_written(squash(m.group("date")))
    name = _clean_name(m.group("name"))
    if published is None or name is None or len(name.split()) > 8:
        return None
    framed = (
        (m.group("tail") or "").strip() or _CLOCK.search(m.group("when")) or "·" in text[: m.start("text")]
    )
    if not framed:
        return None  # a name, a handle, words and a date: an author's box as well as a card
    handle = m.group("handle")
    named = _CARD_PLATFORM.search(m.group("tail") or "")
    if "@" in handle:
        platform = "mastodon"
    elif "." in handle:
        platform = "bluesky"
    elif named is not None:
        platform = vocab.PLATFORM_NAMES.get(named.group("platform").casefold(), "twitter")
    else:
        platform = "twitter"
    body = _clean(m.group("text"))
    if not body:
        return None
    return Post(
        platform=platform,
        text=body,
        author=Author(name=name, handle=handle, platform=platform),
        kind="remnant",
        published=published,
        position=paragraph.position + text.find(m.group("text")[:20]),
        evidence=(f"card '@{handle} … {squash(m.group('when'))}'",),
        confidence=0.9,
        extra={"published_text": squash(m.group("when"))},
    )


def _app_card(paragraph: Paragraph) -> Post | None:
    """The post of a paragraph that is one card as a phone's app shows it (:data:`_APP_CARD`)."""
    text = paragraph.text
    m = _APP_CARD.fullmatch(text.strip())
    if m is None:
        return None
    name = _clean_name(m.group("name"))
    body = _clean(m.group("text"))
    if name is None or len(name.split()) > 8 or not body:
        return None
    handle = m.group("handle")
    platform = "mastodon" if "@" in handle else "bluesky" if "." in handle else "twitter"
    return Post(
        platform=platform,
        text=body,
        author=Author(name=name, handle=handle, platform=platform),
        kind="remnant",
        position=paragraph.position + text.find(m.group("text")[:20]),
        evidence=(f"card '@{handle} · {squash(m.group('when'))}'",),
        confidence=0.8,
        extra={"published_text": squash(m.group("when"))},
    )


def _alone_facebook(paragraphs: Sequence[Paragraph], i: int) -> bool:
    """Whether paragraph ``i`` is a Facebook signature alone ("Posted by Ann Reyes on Thursday,
    March 5, 2020", in the embed's language) and the one before may be its post: not the article's
    opening (a blog's byline under its title reads the same), not an introduction ending in a
    colon, a notice or a button; and the article names Facebook elsewhere."""
    text = paragraphs[i].text.strip()
    m = _FACEBOOK.match(text)
    if m is None or m.end() < len(text.rstrip(" .")):
        return False
    if not _may_be_its_text(paragraphs[i - 1].text.strip(), _FACEBOOK_LIMIT):
        return False
    return any("facebook" in p.text.casefold() for k, p in enumerate(paragraphs) if k != i)


_SIGNATURE_FIRST = re.compile(r"\s*[—–-]{1,2}\s*[^()\n]{1,60}\(@")
_POST_LINK_END = re.compile(r"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*$", re.IGNORECASE)


def _skip_reach(paragraphs: Sequence[Paragraph], i: int) -> int:
    """How many paragraphs from ``i`` make one block: up to the end marker that closes a skip
    marker left open in paragraph ``i`` (the post's text stands in the paragraphs between), else 1."""
    if _SKIP_WORD.search(paragraphs[i].text) is None:
        return 1  # no "Skip" (in any case), so no skip marker
    skips = list(_SKIP_START.finditer(paragraphs[i].text))
    if not skips or _SKIP_END.search(paragraphs[i].text, skips[-1].end()):
        return 1
    for k in range(i + 1, min(len(paragraphs), i + _SKIP_REACH)):
        if _SKIP_END.search(paragraphs[k].text):
            return k - i + 1
    return 1


def _extract_block(parts: Sequence[Paragraph], article_date: date | None) -> Iterator[Post]:
    """The posts of one paragraph, or of a few joined by line breaks (:func:`_skip_reach`)."""
    if len(parts) == 1:
        text, shifts = parts[0].text, [0]
    else:  # one line each, so that no blank line between them reads as a hard break
        text = "\n".join(p.text.strip() for p in parts)
        shifts = [len(p.text) - len(p.text.lstrip()) for p in parts]
    if (
        "(@" not in text
        and " by " not in text
        and "u/" not in text  # Reddit's "by u/name in sub" opens its line
        and "♬" not in text
        and not _POSTED_BY.search(text)
    ):
        return
    offsets = list(accumulate((len(p.text.strip()) + 1 for p in parts[:-1]), initial=0))

    def position(at: int) -> int:
        k = bisect_right(offsets, at) - 1
        return parts[k].position + shifts[k] + at - offsets[k]

    found = _candidates(text)
    if not found:
        return  # no signature to read: the hard spans are not looked for
    hard = sorted(
        [(m.start(), m.end()) for m in _HARD.finditer(text)]
        + [(m.start(), m.end()) for m in _SKIP_START.finditer(text)]
        + list(notices.notices(text))
    )
    hard_ends = sorted(e for _, e in hard)
    floor = 0
    for sig in _signatures(text, hard, found):
        k = bisect_right(hard_ends, sig.start)
        floor = max(floor, hard_ends[k - 1] if k else 0)
        end = _rstrip(text, floor, sig.start)
        start = _text_start(text, floor, end, _length_limit(sig, article_date))
        if sig.text_from is not None:
            start = max(start, sig.text_from)
        body = _clean(text[start:end], printed=sig.printed)
        if not body and (sig.marker or sig.platform == "facebook"):
            # a marker, or a blog byline "Posted by admin on Monday, March 5, 2018", with nothing before it
            floor = sig.end
            continue
        yield _post(sig, body, position(start if body else sig.start))
        floor = sig.end


# ---------------------------------------------------------------- signatures


_Candidate = tuple[int, int, _SignatureKind, re.Match[str]]


def _candidates(text: str) -> list[_Candidate]:
    """Every match of the signature patterns in ``text``, by start (the longest first)."""
    found: list[_Candidate] = []
    kinds: tuple[tuple[_SignatureKind, re.Pattern[str]], ...] = (
        ("anchor", _ANCHOR),
        ("instagram", _INSTAGRAM),
        ("facebook", _FACEBOOK),
        ("tiktok", _TIKTOK),
        ("mastodon", _MASTODON_CARD),
        ("reddit", _REDDIT),
    )
    for kind, pattern in kinds:
        found += [(m.start(), m.end(), kind, m) for m in pattern.finditer(text)]
    found += [(m.start(), m.end(), "skip_end", m) for m in _SKIP_END.finditer(text)]
    found.sort(key=lambda f: (f[0], -f[1]))
    return found


def _signatures(text: str, hard: list[tuple[int, int]], found: list[_Candidate]) -> Iterator[_Signature]:
    """The signatures of a paragraph in order (``found``: :func:`_candidates`), none overlapping
    another or a hard span."""
    hard_starts = [s for s, _ in hard]
    hard_ends = sorted(e for _, e in hard)
    last_end = 0
    for start, _end, kind, m in found:
        k = bisect_left(hard_starts, start) - 1  # the hard span that starts last before this one
        if start < last_end or (k >= 0 and hard[k][1] > start):
            continue
        k = bisect_right(hard_ends, start)
        floor = max(last_end, hard_ends[k - 1] if k else 0)
        sig = _make_signature(text, kind, m, floor)
        if sig is None:
            continue
        last_end = sig.end
        yield sig


def _make_signature(text: str, kind: _SignatureKind, m: re.Match[str], floor: int) -> _Signature | None:
    if kind == "skip_end":
        handle = m.group("handle")
        who = f"@{handle}" if handle else (m.group("name") or "").strip()
        return _Signature(
            start=m.start(),
            end=m.end(),
            platform=vocab.PLATFORM_NAMES[m.group("platform").casefold()],
            name=None if handle else who or None,
            handle=handle,
            published=None,
            published_text=None,
            evidence=f"marker '{squash(m.group(0))}'",
            marker=True,
        )
    if kind == "reddit":
        return _Signature(
            m.start(), m.end(), "reddit", None, m.group("user"), None, None,
            f"signature '{squash(m.group(0))}'",
        )  # fmt: skip
    if kind == "mastodon":
        return _Signature(
            m.start(), m.end(), "mastodon", None, f"{m.group('user')}@{m.group('host')}", None, None,
            f"card '{squash(m.group(0))}'", text_from=m.start(), link=m.group("link"),
        )  # fmt: skip
    if kind == "tiktok":
        opened = None
        line_end = m.start()
        for _ in range(_TIKTOK_LINES):  # the handle opens the sound's line or one of a few above it
            line = max(text.rfind("\n", floor, line_end) + 1, floor)
            opened = _TIKTOK_HANDLE.match(text, line, m.start())
            if opened is not None or line <= floor:
                break
            line_end = line - 1
        if opened is None:
            return None  # a note symbol alone signs nothing
        printed = _PRINTED_LINK.match(text, opened.end())
        return _Signature(
            m.start(), m.end(), "tiktok", None, opened.group("handle"), None, None,
            f"signature '♬ {_PRINTED_LINKS.sub('', squash(m.group('sound')))}'",
            text_from=printed.end() if printed else opened.end(), printed=printed is not None,
        )  # fmt: skip
    date_text = m.group("date")
    published = dates.parse_written(squash(date_text)) if date_text else None
    if date_text and published is None:
        return None
    full_date = squash(date_text + (m.groupdict().get("time") or "")) if date_text else None
    if kind == "instagram":
        name = _clean_name(m.group("name"))
        handle = m.group("handle")
        start = m.start()
        if m.group("link") and start > floor and text[start - 1] == "[":
            start -= 1  # the Markdown link's bracket opens the signature, not the caption's end
        return _Signature(
            start, m.end(), "instagram", name, handle, published, full_date,
            f"signature '{squash(m.group(0))}'", link=m.group("link"),
        )  # fmt: skip
    if kind == "facebook":
        name = _clean_name(m.group("name"))
        return _Signature(
            m.start(), m.end(), "facebook", name, None, published, full_date,
            f"signature '{squash(m.group(0))}'",
        )  # fmt: skip
    handle = m.group("tw") or m.group("dot") or m.group("fedi")
    platform = "twitter" if m.group("tw") else "mastodon" if m.group("fedi") else "bluesky"
    if m.group("platform"):  # the platform named after the handle
        platform = vocab.PLATFORM_NAMES.get(m.group("platform").casefold(), platform)
    sep, name, has_dash = _name_span(text, m.start(), floor)
    if not has_dash and name is not None:
        first, _, rest = name.partition(" ")
        if first in _BYLINE and rest:
            return None  # "By Jane Okonedo (@JaneOkonedo) May 20, 2024": the article's byline
        if name.casefold() in vocab.PLATFORM_NAMES:
            return None  # "Follow us on X (@LettresMag) 28 août 2024": the platform, no one's name
    if platform == "bluesky" and not (has_dash or handle.lower().endswith(".bsky.social")):
        return None  # "(@example.com) October 17, 2017" is an address, not a Bluesky handle
    shown = f"— {name} " if name else "— "
    return _Signature(
        sep, m.end(), platform, name, handle, published, full_date,
        f"signature '{shown}(@{handle}) {full_date}'",
        link=m.group("link") or m.group("bare") or m.group("paren"),
        printed=bool(m.group("printed") or m.group("paren")),
    )  # fmt: skip


def _name_span(text: str, anchor: int, floor: int) -> tuple[int, str | None, bool]:
    """Walk back from ``(@``: where the signature starts, the display name, whether a dash was seen.

    With a dash (``— Name (@x)``) the name is what stands between. Without one (the dash deleted,
    two spaces left), the name starts after the nearest run of spaces; three or more spaces right
    before ``(@`` mean the name itself was deleted (emoji only), unless that run follows the end of
    the post's text. A name may hold runs where emoji were deleted (``B b   g``, ``Morten  verbye``):
    it reaches back to the nearest run that follows what looks like the end of a post's text (a
    stop, a quote, a link) when there is one in reach.
    """
    ws_start = anchor
    while ws_start > floor and text[ws_start - 1] in " \t\u00a0\r\n":
        ws_start -= 1
    window_start = max(floor, ws_start - _NAME_WINDOW)
    dash = None
    for d in _DASH.finditer(text, window_start, ws_start):
        dash = d
    if dash is not None:
        segment = text[dash.end() : ws_start]
        if not _URL.search(segment) and "\n" not in segment.strip() and not _RUN.search(segment.strip()):
            return dash.start(), _clean_name(segment), True
    direct = anchor - ws_start
    runs = [r for r in _RUN.finditer(text, window_start, ws_start) if r.end() < ws_start]
    if not runs:
        if ws_start == floor:
            return ws_start, None, False
        m = _CAPITALISED.search(text, window_start, ws_start)
        if m is None or direct >= 3:
            return ws_start, None, False
        return m.start(1), _clean_name(m.group(1)), False
    nearest = runs[-1]
    if direct >= 3 and "\n" not in text[ws_start:anchor]:
        if _ends_post(text, floor, nearest.start()):
            return nearest.start(), _clean_name(text[nearest.end() : ws_start]), False
        return ws_start, None, False
    if direct <= 2:
        for run in reversed(runs):
            if _ends_post(text, floor, run.start()):
                return run.start(), _clean_name(text[run.end() : ws_start]), False
    return nearest.start(), _clean_name(text[nearest.end() : ws_start]), False


def _ends_post(text: str, floor: int, at: int) -> bool:
    """Whether the text before ``at`` ends like a post's text: a stop, a quote, a link, or nothing."""
    if at <= floor:
        return True
    if text[at - 1] in _TERMINAL:
        return True
    return _URL_END.search(text, max(floor, at - 40), at) is not None


# ---------------------------------------------------------------- where the text starts


def _text_start(text: str, floor: int, end: int, limit: int | None) -> int:
    """Where the post's own text starts in ``text[floor:end]`` (see the module docstring)."""
    start = floor
    for cue in (_last_cue(text, floor, end, limit), *_repeat_starts(text, floor, end)):
        if cue is not None and start < cue < end:
            start = cue
    if limit is not None:
        start = _fit_length(text, start, end, limit)
    while start < end and text[start] in " \t\u00a0\r\n":
        start += 1
    return start


def _last_cue(text: str, floor: int, end: int, limit: int | None) -> int | None:
    """The last cue in ``text[floor:end]`` after which the post may start (see :data:`_CUE`).

    A glued sentence break is the post's own line break, not the article's paragraph break, after
    a glued colon (an introduction), or when the sentence before it reads like a post (``@name``,
    ``#tag``, a link, ``11/`` numbering) and the text from there still fits a tweet.
    """
    last = None
    introduced = False
    for m in _CUE.finditer(text, floor, end):
        if not _TOKEN.search(text, m.end(), end):
            continue
        if m.group(0) == "." and (
            introduced
            or (
                limit is not None
                and (_POSTISH.search(text, last or floor, m.start()) or _NUMBERED.match(text, last or floor))
                and _tweet_length(text[last or floor : end]) <= limit + 5
            )
        ):
            continue
        last = m.end()
        if m.group("colon"):
            introduced = True
        elif m.group("line"):
            introduced = False
    return last


class Gap(IntEnum):
    """What stands between a word and the one before it."""

    NONE = 0
    WEAK = 1
    """A clause ended (a colon), or quote marks were deleted (two spaces)."""
    STRONG = 2
    """A sentence ended (or this is the first word)."""


class _Token(NamedTuple):
    """A word of the text before a signature."""

    word: str
    """Casefolded."""
    start: int
    """Where it starts, with the marks a post's first word may carry (:func:`_lead`)."""
    end: int
    gap: Gap
    """What stands before it."""
    starts: bool
    """It looks like a post's start: a capital, a digit, ``@``, ``#``, ``.@`` (quote marks allowed before)."""

    @property
    def sentence_start(self) -> bool:
        return self.gap == Gap.STRONG and self.starts


def _tokens(text: str, floor: int, end: int) -> list[_Token]:
    """The words of ``text[floor:end]``."""
    out: list[_Token] = []
    prev = floor
    for m in _TOKEN.finditer(text, floor, end):
        lead = _lead(text, m.start(), prev)
        if not out or _STRONG_GAP.search(text, prev, lead):
            gap = Gap.STRONG
        elif _WEAK_GAP.search(text, prev, lead):
            gap = Gap.WEAK
        else:
            gap = Gap.NONE
        out.append(
            _Token(m.group(0).casefold(), lead, m.end(), gap, bool(_STARTS_LIKE_POST.match(text, lead)))
        )
        prev = m.end()
    return out


def _lead(text: str, at: int, floor: int) -> int:
    """Move back over the marks a post's first word may carry: quotes, ``@``, ``#``, ``.@``."""
    while at > floor and text[at - 1] in "\"“'‘@#([":
        at -= 1
    if at > floor + 1 and text[at] == "@" and text[at - 1] == ".":
        at -= 1
    return at


def _repeat_starts(text: str, floor: int, end: int) -> tuple[int | None, int | None]:
    """Where the post starts when the article quoted it earlier in the same stretch of text.

    Head: the first sentence whose opening words already stood earlier, after a break or with a
    capital (the article quoted the post with its quote marks stripped, then the post stands in
    full). Tail: the last words already stood earlier (the article quoted or paraphrased its end):
    the post starts at the first sentence after that. Either start must follow a sentence's end,
    so a quote inside the post ("Trump: North Korea is ...") is not taken for the post's start.
    Found, a start moves back over the words before it that repeat earlier words too, to where
    the second stand begins (``... #MAGA I am UNINTIMIDATED ...``: a post that ends without a stop).
    """
    core = _TRAILING_URLS.search(text, floor, end)
    toks = _tokens(text, floor, core.start() if core else end)
    folded = [t.word for t in toks]
    n = _ALIGN_WORDS
    first_ahead: dict[tuple[str, ...], int] = {}
    first_behind: dict[tuple[str, ...], int] = {}
    for k in range(len(toks)):
        first_ahead.setdefault(tuple(folded[k : k + n]), k)
        first_behind.setdefault(tuple(folded[max(0, k - n + 1) : k + 1]), k)

    def repeated(k: int) -> bool:
        return (
            first_ahead[tuple(folded[k : k + n])] + n <= k
            or first_behind[tuple(folded[max(0, k - n + 1) : k + 1])] + n <= k
        )

    def back(i: int) -> int:
        k = i
        while k > 0 and repeated(k - 1):
            k -= 1
        return toks[k].start if k < i and toks[k].starts else toks[i].start

    head = None
    seen: dict[tuple[str, ...], int] = {}
    for i in range(len(toks) - _REPEAT_WORDS + 1):
        key = tuple(folded[i : i + _REPEAT_WORDS])
        if not (toks[i].gap or toks[i].starts):
            continue  # neither the post nor the quote of it starts mid-sentence in lower case
        j = seen.setdefault(key, i)
        if j + _REPEAT_WORDS <= i and toks[i].sentence_start and sum(map(len, key)) >= 15:
            head = back(i)
            break
    tail = None
    if len(toks) > 2 * _TAIL_WORDS:
        key = tuple(folded[-_TAIL_WORDS:])
        first_tail = len(toks) - _TAIL_WORDS
        for i in range(first_tail - _TAIL_WORDS, -1, -1):
            if tuple(folded[i : i + _TAIL_WORDS]) == key:
                later = (k for k in range(i + _TAIL_WORDS, first_tail) if toks[k].sentence_start)
                after = next(later, None)
                if after is not None:
                    tail = back(after)
                break
    return head, tail


def _length_limit(sig: _Signature, article_date: date | None) -> int | None:
    """How long the post's text could be: Twitter's limit in the post's year (None: no limit known)."""
    if sig.platform != "twitter":
        return None
    when = sig.published or article_date
    if when is None or when < date(2017, 9, 26):
        return 140
    if when < date(2023, 2, 8):
        return 280
    return None


def _fit_length(text: str, start: int, end: int, limit: int) -> int:
    """Move ``start`` to the first sentence start that makes the text short enough for a tweet."""
    if _tweet_length(text[start:end]) <= limit + 5:
        return start
    lo = max(start, end - 4 * limit)
    for tok in _tokens(text, lo, end):
        if tok.gap and tok.starts and tok.start > start and _tweet_length(text[tok.start : end]) <= limit + 5:
            return tok.start
    return start


def _tweet_length(body: str) -> int:
    """Characters as Twitter counts them: links 23, attached media nothing."""
    n = 0
    pos = 0
    squashed = squash(_TAG.sub(" ", body))
    for m in _URL.finditer(squashed):
        n += m.start() - pos
        n += 0 if m.group(0).lower().startswith("pic.twitter.com") else 23
        pos = m.end()
    return n + len(squashed) - pos


# ---------------------------------------------------------------- building the post


def _post(sig: _Signature, body: str, position: int) -> Post:
    media = []
    links = []
    for m in _URL.finditer(body):
        url = m.group(0).rstrip(".,;:!?)]\"”’'")
        if url.lower().startswith("pic.twitter.com/"):
            media.append(Media(url=f"https://{url}", kind="photo"))
        else:
            links.append(url)
    extra: dict[str, object] = {"published_text": sig.published_text}
    if not body:
        extra["text_missing"] = True
    number = _THREAD_NUMBER.match(body)
    if number:
        extra["thread_number"] = int(number.group(1))
    post_id: str | None = None
    post_url: str | None = None
    if sig.link is not None:
        from .embeds import parse_link  # the embed readers load only for a signature that links

        link = parse_link(sig.link)
        if link is not None and link.platform == sig.platform:
            post_id, post_url = link.id, link.url
    return Post(
        platform=sig.platform,
        text=body,
        author=Author(name=sig.name, handle=sig.handle, platform=sig.platform),
        kind="remnant",
        id=post_id,
        url=post_url,
        published=sig.published,
        media=tuple(media),
        links=tuple(links),
        position=position,
        evidence=(sig.evidence,),
        confidence=0.9 if body else 0.6,
        extra=extra,
    )


def _rstrip(text: str, floor: int, end: int) -> int:
    """The end of the post's text: before the white space and dash left of the signature."""
    while end > floor and (text[end - 1] in " \t\u00a0\r\n\u2014\u2013"):
        end -= 1
    return end


_MD_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{1,300})\]\((?P<url>[^()\s]{1,500})\)")
"""A Markdown link in a scraped post: its text is what the post showed."""
_REPLYING = re.compile(
    r"(?:Replying to|Antwort an|En respuesta a|En réponse à|In risposta a|Em resposta a)\s+"
    r"(?:@[A-Za-z0-9_]{1,30}(?:,?\s+(?:and|und|y|et|e)\s+|,\s*)?)+"
)
"""The line a copied reply starts with, in the languages X writes it ("Replying to @city and
@mayor", "Antwort an @stadt"): the reply's context, not its text."""


def _clean(body: str, *, printed: bool = False) -> str:
    """A post's text as shown: line breaks kept (CRLF folded), runs of spaces squashed, mojibake
    fixed, left-over markup (``<p>``, ``&amp;``) read; on a printed page, the links' addresses
    in parentheses dropped."""
    if printed and "(" in body:
        body = _PRINTED_LINKS.sub("", body)
    if _MOJIBAKE_HINT.search(body):
        body = textfix.fix(body)
    if "](" in body:
        body = _MD_LINK.sub(r"\g<text>", body)  # "[@city](https://x.com/city)", "[t.co/x](https://t.co/x)"
    if "<" in body or "&" in body:
        from html import unescape  # rarely needed: html.entities is a 2,000-entry table to load

        body = unescape(_TAG.sub(" ", body))
    lines = (_LINE_SPACE.sub(" ", line).strip() for line in body.replace("\r\n", "\n").split("\n"))
    kept = [line for line in lines if line]
    if kept and all(line.startswith(">") for line in kept):
        # a Markdown blockquote ("> We open Monday.", ">"): the marks are the scrape's, not the post's
        kept = [line for line in (line.lstrip(">").strip() for line in kept) if line]
    if len(kept) > 1 and _REPLYING.fullmatch(kept[0]):
        kept = kept[1:]  # "Replying to @city": the reply's context line, not its text
    text = "\n".join(kept)
    if text[:1] in _OPENING_MARKS:
        # „Wir streiken nicht …“ — Ann Reyes (@annreyes): a newsletter or a print view set the
        # post in quote marks; the marks are the page's, not the post's
        whole = find_quotes(text, limit=2)
        if len(whole) == 1 and whole[0].start == 0 and whole[0].end == len(text):
            text = whole[0].text.strip()
    return text


_OPENING_MARKS = frozenset(quote_marks())
_PRINTED_LINK = re.compile(r"[ \t]*\(https?://[^\s()]{1,500}\)[ \t]*")
_PRINTED_LINKS = re.compile(r"(?<=\S)[ \t]\(https?://[^\s()]{1,500}\)")
"""A link's address a print view writes after its text ("#tag (https://…)")."""


def _clean_name(raw: str | None) -> str | None:
    """A display name as written (emoji stand-ins kept), or None when nothing word-like is left."""
    if raw is None:
        return None
    name = squash(raw).strip(" -\u2014\u2013")
    if _MOJIBAKE_HINT.search(name):
        name = textfix.fix(name)
    return name if _TOKEN.search(name) else None
