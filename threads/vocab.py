"""The words and names every reader shares, in one place: months, weekdays, time zones, the
platforms (how articles name them, their hosts, where their profiles and hashtags live), the
sentence Instagram's embed code signs a post with, and the charset labels browsers rewrite.

Readers compose their patterns from these tables; none keeps a copy of its own. Per-language
words of the prose reader (verbs, quote marks, pronouns) live with it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import urlsplit

__all__ = [
    "CHARSET_ALIASES",
    "ENGLISH_MONTHS",
    "LINK_WRAPPERS",
    "MONTHS",
    "MONTH_PATTERN",
    "PLATFORMS",
    "PLATFORM_NAMES",
    "POSTED_BY",
    "POST_SHARED_BY",
    "TIME_ZONES",
    "WEEKDAYS",
    "Platform",
    "month",
    "phrase_alternation",
    "platform_alternation",
    "platform_of_host",
    "platform_of_url",
    "profile_of_url",
    "profile_url",
]

# ---------------------------------------------------------------- months and days

_MONTH_WORDS: tuple[str, ...] = (
    "",
    "january jan januar jänner janvier janv enero ene janeiro gennaio gen januari styczeń stycznia "
    "январь января янв ocak ledna leden tammikuuta ianuarie січня",
    "february feb februar février févr fevr febrero febr fevereiro fev febbraio februari luty lutego "
    "февраль февраля фев şubat února únor helmikuuta februarie лютого",
    "march mar märz mär mrz mars marzo março marco maart mrt marzec marca март марта mart března "
    "březen maaliskuuta maret martie березня",
    "april apr avril avr abril abr aprile kwiecień kwietnia апрель апреля nisan dubna duben "
    "huhtikuuta aprilie квітня",
    "may mai mayo maio maggio mag mei maj maja май мая mayıs května květen toukokuuta травня",
    "june jun juni juin junio junho giugno giu czerwiec czerwca июнь июня июн haziran června "
    "červen kesäkuuta iunie червня",
    "july jul juli juillet juil julio julho luglio lug lipiec lipca июль июля июл temmuz července "
    "červenec heinäkuuta iulie липня",
    "august aug août aout agosto ago augustus sierpień sierpnia август августа авг ağustos srpna "
    "srpen elokuuta agustus серпня augusti",
    "september sep sept septembre septiembre setiembre setembro set settembre sett wrzesień "
    "września сентябрь сентября сен eylül září syyskuuta septembrie вересня",
    "october oct oktober okt octobre octubre outubro out ottobre ott październik października "
    "октябрь октября окт ekim října říjen lokakuuta octombrie жовтня",
    "november nov novembre noviembre novembro listopad listopada ноябрь ноября ноя kasım "
    "listopadu marraskuuta noiembrie листопада",
    "december dec dezember dez décembre déc diciembre dic dezembro dicembre grudzień grudnia "
    "декабрь декабря дек aralık prosince prosinec joulukuuta desember decembrie грудня",
)
"""Month names as articles and embed widgets write them (nominative and genitive forms,
abbreviations without their dot), English, German, French, Spanish, Portuguese, Italian, Dutch,
Polish, Russian, Ukrainian, Turkish, Czech, Finnish, Romanian, Indonesian, Swedish. Index = month."""

MONTHS: Mapping[str, int] = MappingProxyType(
    {word: number for number, words in enumerate(_MONTH_WORDS) for word in words.split()}
)
"""A month word, lower case -> its number (1-12)."""

ENGLISH_MONTHS: tuple[str, ...] = (
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""Index = month number."""

MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
"""An English month as datelines write it, in full or abbreviated ("Oct.", "Sept")."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def month(word: str) -> int | None:
    """The month a word names, in any language of :data:`MONTHS`; an abbreviation of three letters
    or more counts when it starts the names of one month only ("Sept." -> 9, "Ju" -> None).

    >>> month("Oktober"), month("déc."), month("Sept"), month("ju")
    (10, 12, 9, None)
    """
    word = word.casefold().rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    if len(word) < 3:
        return None
    found = {number for name, number in MONTHS.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------- time zones

TIME_ZONES: Mapping[str, int] = MappingProxyType(
    {
        "UTC": 0,
        "GMT": 0,
        "PST": -8,
        "PDT": -7,
        "MST": -7,
        "MDT": -6,
        "CST": -6,
        "CDT": -5,
        "EST": -5,
        "EDT": -4,
        "CET": 1,
        "CEST": 2,
        "BST": 1,
        "MEZ": 1,
        "MESZ": 2,
    }
)
"""Time-zone abbreviations that embeds and wire copy print ("3:55pm PDT", "[1749 EST]"), as UTC
offsets in hours. Ambiguous ones (IST, AEST...) are left out: a wrong offset is worse than none."""

OTHER_TIME_ZONES: tuple[str, ...] = ("IST", "AEST", "AEDT", "JST")
"""Abbreviations that signatures print too but that :data:`TIME_ZONES` leaves without an offset:
read as part of a signature's time, never converted."""


# ---------------------------------------------------------------- platforms


@dataclass(frozen=True, slots=True)
class Platform:
    """What the readers and the views know of one platform."""

    key: str
    """The name in the JSON ("twitter", "bluesky")."""
    label: str
    """Its display name ("X (Twitter)")."""
    names: tuple[str, ...]
    """How articles and captions name it ("Twitter", "X"), matched without regard to case."""
    hosts: tuple[str, ...] = ()
    """Hosts of its permalinks (subdomains count: ``mobile.twitter.com``)."""
    profile: str | None = None
    """A profile's address, ``{handle}`` filled in (``{host}`` for a server's own, as Mastodon)."""
    hashtag: str | None = None
    """A hashtag's page, ``{tag}`` filled in."""
    handle: str | None = None
    """The shape of a handle the platform accepts (a regular expression), where it is strict."""
    link_wrappers: tuple[str, ...] = ()
    """Hosts through which it sends every link of a post (X's ``t.co``): the post's text shows the
    address the link leads to, or a shortened display of it, over the wrapper's address."""


PLATFORMS: Mapping[str, Platform] = MappingProxyType(
    {
        p.key: p
        for p in (
            Platform(
                "twitter", "X (Twitter)", ("Twitter", "X"), ("twitter.com", "x.com"),
                "https://x.com/{handle}", "https://x.com/hashtag/{tag}", r"\w{1,15}", ("t.co",),
            ),
            Platform(
                "facebook", "Facebook", ("Facebook",), ("facebook.com", "fb.com", "fb.watch"),
                "https://www.facebook.com/{handle}", "https://www.facebook.com/hashtag/{tag}",
            ),
            Platform(
                "instagram", "Instagram", ("Instagram",), ("instagram.com", "instagr.am"),
                "https://www.instagram.com/{handle}/", "https://www.instagram.com/explore/tags/{tag}/",
                r"[\w.]{1,30}",
            ),
            Platform(
                "threads", "Threads", ("Threads",), ("threads.net", "threads.com"),
                "https://www.threads.net/@{handle}", "https://www.threads.net/search?q=%23{tag}",
            ),
            Platform(
                "bluesky", "Bluesky", ("Bluesky", "BlueSky"), ("bsky.app",),
                "https://bsky.app/profile/{handle}", "https://bsky.app/hashtag/{tag}",
            ),
            Platform(
                "mastodon", "Mastodon", ("Mastodon",), (),
                "https://{host}/@{handle}", "https://{host}/tags/{tag}",
            ),
            Platform(
                "truthsocial", "Truth Social", ("Truth Social",), ("truthsocial.com",),
                "https://truthsocial.com/@{handle}", "https://truthsocial.com/tags/{tag}",
            ),
            Platform(
                "tiktok", "TikTok", ("TikTok", "Tiktok"), ("tiktok.com",),
                "https://www.tiktok.com/@{handle}", "https://www.tiktok.com/tag/{tag}",
            ),
            Platform("linkedin", "LinkedIn", ("LinkedIn", "Linkedin"), ("linkedin.com",)),
            Platform(
                "telegram", "Telegram", ("Telegram",), ("t.me", "telegram.me"),
                "https://t.me/{handle}", None, r"\w{5,32}",
            ),
            Platform("reddit", "Reddit", ("Reddit",), ("reddit.com", "redd.it", "redditmedia.com")),
            Platform("weibo", "Weibo", ("Weibo",), ("weibo.com",)),
            Platform(
                "youtube", "YouTube", ("YouTube", "Youtube"), ("youtube.com", "youtu.be"),
                "https://www.youtube.com/@{handle}", "https://www.youtube.com/hashtag/{tag}",
            ),
        )
    }
)  # fmt: skip
"""Every platform a reader knows, by its JSON name."""

LINK_WRAPPERS: frozenset[str] = frozenset(h for p in PLATFORMS.values() for h in p.link_wrappers)
"""Every platform's link-wrapping hosts (:attr:`Platform.link_wrappers`)."""

PLATFORM_NAMES: Mapping[str, str] = MappingProxyType(
    {name.casefold(): p.key for p in PLATFORMS.values() for name in p.names}
)
"""A platform as an article names it, case folded ("x", "truth social") -> its JSON name."""


def platform_alternation(*keys: str) -> str:
    """A regular-expression alternation of the names articles give the platforms ``keys`` (all of
    them when none is given), longest first, for a pattern that reads them."""
    chosen = [PLATFORMS[k] for k in keys] if keys else list(PLATFORMS.values())
    names = {name for p in chosen for name in p.names}
    return "|".join(re.escape(n).replace(r"\ ", " ") for n in sorted(names, key=lambda n: (-len(n), n)))


_BY_HOST: Mapping[str, str] = MappingProxyType({h: p.key for p in PLATFORMS.values() for h in p.hosts})


def platform_of_host(host: str | None) -> str | None:
    """The platform whose permalinks live on ``host`` or a subdomain of it ("mobile.twitter.com" ->
    "twitter"); ``None`` for any other host.

    >>> platform_of_host("mobile.x.com"), platform_of_host("bsky.app"), platform_of_host("example.org")
    ('twitter', 'bluesky', None)
    """
    host = (host or "").lower().rstrip(".")
    while host:
        if host in _BY_HOST:
            return _BY_HOST[host]
        _, _, host = host.partition(".")
    return None


def platform_of_url(url: str | None) -> str | None:
    """The platform of an http(s) address by its host (:func:`platform_of_host`); ``None`` for
    another host, another scheme or an address that does not parse."""
    if not url or not _HTTP.match(url):
        return None
    try:
        return platform_of_host(urlsplit(url).hostname)
    except ValueError:  # "http://[oops/": no host to read
        return None


_HTTP = re.compile(r"^https?://", re.IGNORECASE)
_HANDLE_SHAPES: dict[str, re.Pattern[str]] = {}


def profile_url(platform: str | None, handle: str | None, host: str | None = None) -> str | None:
    """The profile address of ``handle`` on ``platform`` (``user@host`` for the fediverse, where
    ``host`` may also come from the post's permalink); ``None`` when the platform has no profile
    template, the handle is not one the platform accepts, or a server's host is needed and unknown.

    >>> profile_url("twitter", "@jack"), profile_url("mastodon", "ann@social.example")
    ('https://x.com/jack', 'https://social.example/@ann')
    >>> profile_url("bluesky", "did:plc:abc"), profile_url("twitter", "not a handle")
    ('https://bsky.app/profile/did:plc:abc', None)
    """
    from urllib.parse import quote

    if not handle:
        return None
    handle = handle.lstrip("@")
    if "@" in handle:
        handle, host = handle.split("@", 1)
        if platform not in ("mastodon", None, "unknown"):
            return None
        platform = "mastodon"
    known = PLATFORMS.get(platform or "")
    if known is None or known.profile is None or ("{host}" in known.profile and not host):
        return None
    if known.handle:
        shape = _HANDLE_SHAPES.get(known.key)
        if shape is None:
            shape = _HANDLE_SHAPES[known.key] = re.compile(known.handle, re.ASCII)
        if not shape.fullmatch(handle):
            return None
    return known.profile.format(handle=quote(handle, safe="._-:"), host=host)


_NOT_HANDLES = frozenset(
    """
    intent share sharer sharer.php home hashtag hashtags search explore i p reel reels tv status
    statuses watch login signup settings about privacy tos terms help plugins dialog tr messages
    notifications tags tag web embed widgets download policies legal pages groups events posts
    video videos photo photos permalink.php story.php profile.php live channel c user u r
    """.split()
)
"""Path words of platform addresses that are pages of the platform, never an account."""
_PROFILE_PATH = re.compile(r"^/(?P<at>@)?(?P<handle>[\w.-]{1,64})/?$")
_BLUESKY_PROFILE = re.compile(r"^/profile/(?P<handle>did:[a-z]+:[\w.:%-]+|[\w.-]{1,253})/?$")


def profile_of_url(url: str | None) -> tuple[str, str] | None:
    """``(platform, handle)`` for the address of an account's own page on a platform ("x.com/jack",
    "instagram.com/ann.reyes/", "bsky.app/profile/ann.example", "social.example/@ann"); ``None``
    for a post, a platform's own pages (share, search, hashtags) or another site.

    >>> profile_of_url("https://twitter.com/Jack?ref_src=twsrc"), profile_of_url("https://x.com/intent/tweet")
    (('twitter', 'Jack'), None)
    >>> profile_of_url("https://bsky.app/profile/did:plc:abc"), profile_of_url("https://social.example/@ann")
    (('bluesky', 'did:plc:abc'), ('mastodon', 'ann@social.example'))
    """
    if not url or not _HTTP.match(url):
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    platform = platform_of_host(host)
    if platform == "bluesky":
        m = _BLUESKY_PROFILE.match(parts.path)
        return (platform, m["handle"]) if m else None
    m = _PROFILE_PATH.match(parts.path)
    if m is None or m["handle"].lower() in _NOT_HANDLES:
        return None
    if platform is None:  # a fediverse server: only "/@user"
        return ("mastodon", f"{m['handle']}@{host}") if m["at"] and host else None
    return platform, m["handle"]


# ---------------------------------------------------------------- Instagram's signature

POST_SHARED_BY: tuple[str, ...] = (
    "A post shared by",
    "Ein Beitrag geteilt von",
    "Une publication partagée par",
    "Publication partagée par",
    "Una publicación compartida por",
    "Una publicación compartida de",
    "Uma publicação compartilhada por",
    "Uma publicação partilhada por",
    "Un post condiviso da",
    "Een bericht gedeeld door",
    "Ett inlägg delat av",
    "Et innlegg delt av",
    "Et opslag delt af",
    "Post udostępniony przez",
    "Публикация от",
    "Публікація від",
    "Bir gönderi paylaştı",
    # the embed code of 2015-2016 named the medium
    "A photo posted by",
    "A video posted by",
    "Una foto publicada por",
    "Un video publicado por",
    "Un vídeo publicado por",
)
"""The sentence Instagram's embed code signs a post with ("A post shared by Name (@handle)"), in
the languages of its localised embeds, and as its embed code of 2015-2016 wrote it ("A photo
posted by Name (@handle) on Jun 7, 2016 at 9:03am PDT"). (Korean puts the name first:
"Name님의 게시물".)"""


# ---------------------------------------------------------------- Facebook's signature

POSTED_BY: tuple[tuple[str, str], ...] = (
    ("Posted by", "on"),
    ("Publicado por", "en"),
    ("Publicado por", "em"),
    ("Publiée par", "sur"),
    ("Publié par", "sur"),
    ("Pubblicato da", "su"),
    ("Gepostet von", "am"),
    ("Veröffentlicht von", "am"),
    ("Geplaatst door", "op"),
)
"""The line Facebook's embed code signs a post with ("Posted by Name on Thursday, August 5,
2021"), in the languages of its localised embeds: what opens it and the word before the date."""


def phrase_alternation(phrases: tuple[str, ...]) -> str:
    """A regular-expression alternation of literal phrases, longest first; a space matches any run
    of white space (a no-break space included)."""
    ordered = sorted(set(phrases), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in ordered)


# ---------------------------------------------------------------- charsets

CHARSET_ALIASES: Mapping[str, str] = MappingProxyType(
    {label: "cp1252" for label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii")}
)
"""Charset labels that browsers read as windows-1252 (the WHATWG encoding standard)."""
