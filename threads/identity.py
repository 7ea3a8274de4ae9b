"""identity: which post a record is, one rule for the whole package.

A post is known by the platform and its ID where the record carries one (or its permalink spells
one), else by its canonical permalink, else by its author and its normalised text. Two records are
one post (:func:`same`, :func:`same_post`) when:

1. both carry an ID on the same platform: the IDs decide;
2. else both carry a permalink: the canonical permalinks decide (two addresses, two posts);
3. else the words of one are a whole-word run of the other's (a prose quote of part of an embedded
   post), the shorter at least :data:`MIN_PART` characters (equal texts: :data:`MIN_TEXT`), on
   the same platform or one unknown. Records from one source need nothing more: the article
   itself set the quote beside the post, and an account's display name or handle often differs
   from the name an article gives ("Gov. Kristi Noem" for @govkristinoem, a joke name). Records
   from different sources must also have authors who may be one person
   (:func:`may_be_same_author`), since different people do post the same words.

``sequence`` merges the copies found in one page with it and ``embeds`` the copies of one embed
(one source); ``digest`` and the archive the posts that several articles quote (many sources).
:class:`Index` finds, among many records, the one a new record is, in time linear in their words
rather than quadratic.

>>> a = Post(platform="twitter", text="", id="20", url="https://x.com/Jack/status/20?s=20")
>>> b = Post(platform="twitter", text="Hello", url="http://mobile.twitter.com/i/web/status/20/")
>>> same_post(a, b)
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

from .model import Author, Post
from .vocab import PLATFORMS

__all__ = [
    "MIN_PART",
    "MIN_TEXT",
    "Identity",
    "Index",
    "identify",
    "may_be_same_author",
    "merge_copies",
    "name_key",
    "permalink",
    "same",
    "same_author",
    "same_post",
    "words",
]

MIN_TEXT = 12
"""Equal texts shorter than this ("Yes!", "🔥", "Thank you") are too common to prove one post."""
MIN_PART = 20
"""A text inside another proves one post only from this length on (a few common words do not)."""
KEY_CHOICES = 8
"""Inner words of a text among which :class:`Index` picks the rarest as its key."""

_WORD = re.compile(r"[^\W_]+")


def words(text: str | None) -> str:
    """Casefolded words joined by one space: what two copies of one text share.

    >>> words("“ISIS is losing,” in EVERY way…")
    'isis is losing in every way'
    """
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(_WORD.findall(text))


def contains(longer: str, shorter: str) -> bool:
    """Whether the words ``shorter`` are a whole-word run of the words ``longer`` (both :func:`words`).

    >>> contains("we are open late tonight", "open late"), contains("concat sat", "cat sat")
    (True, False)
    """
    return bool(shorter) and f" {shorter} " in f" {longer} "


# ---------------------------------------------------------------- permalinks

_ID_PARAMS = frozenset({"story_fbid", "fbid", "id", "v", "p"})
"""Query parameters that name the post itself (facebook ``permalink.php?story_fbid=``,
``photo.php?fbid=``, ``watch?v=``, WordPress ``?p=``); every other parameter is tracking or view."""

_HOST_PREFIX = re.compile(r"^(?:www\.|mobile\.|m\.|web\.|old\.|new\.|np\.)")
"""Prefixes that serve the same page as the bare host."""

_HOST_ALIASES: Mapping[str, str] = MappingProxyType(
    {host: p.hosts[0] for p in PLATFORMS.values() for host in p.hosts[1:]}
)
"""A platform's other hosts (x.com, threads.com, instagr.am, youtu.be, redd.it) -> its first one."""


class _Rule(NamedTuple):
    """How one platform's post addresses fold: ``pattern`` over the path, ``form`` of the canonical
    path, and which group is the post's ID on ``platform`` (None: the address names no global ID)."""

    name: str
    hosts: frozenset[str] | None
    """Hosts the rule applies to, after prefixes and aliases; None: any host."""
    pattern: re.Pattern[str]
    form: str
    platform: str | None
    id_group: str | None
    fold_case: bool
    """The platform ignores the case of the path (user names, numeric IDs)."""


def _rule(
    name: str,
    hosts: str | None,
    pattern: str,
    form: str,
    platform: str | None = None,
    id_group: str | None = None,
    *,
    fold_case: bool = False,
) -> _Rule:
    return _Rule(
        name,
        frozenset(hosts.split()) if hosts else None,
        re.compile(pattern, re.VERBOSE),
        form,
        platform,
        id_group,
        fold_case,
    )


PERMALINK_RULES: tuple[_Rule, ...] = (
    # /jack/status/20, /i/web/status/20, /i/status/20, /jack/statuses/20, and /status/20/photo/1:
    # the ID alone names the tweet (a renamed account keeps its tweets' IDs)
    _rule(
        "tweet",
        "twitter.com",
        r"^/(?:i/web|i|[^/]+)/status(?:es)?/(?P<id>\d{1,20})(?:/.*)?$",
        "/i/status/{id}",
        "twitter",
        "id",
    ),
    # /p/CODE, /reel/CODE, /reels/CODE, /tv/CODE, /user/p/CODE, and /p/CODE/embed/captioned: one media
    _rule(
        "instagram media",
        "instagram.com",
        r"^/(?:[A-Za-z0-9._]+/)?(?:p|reels?|tv)/(?P<id>[A-Za-z0-9_-]+)(?:/.*)?$",
        "/p/{id}",
        "instagram",
        "id",
    ),
    _rule(
        "threads post",
        "threads.net",
        r"^/(?:@[A-Za-z0-9._]+/post|t)/(?P<id>[A-Za-z0-9_-]+)(?:/.*)?$",
        "/t/{id}",
        "threads",
        "id",
    ),
    _rule(
        "tiktok video",
        "tiktok.com",
        r"^/@[^/]+/(?:video|photo)/(?P<id>\d{1,20})(?:/.*)?$",
        "/video/{id}",
        "tiktok",
        "id",
    ),
    # handles are case-insensitive; DIDs (did:plc:...) are lower case already
    _rule(
        "bluesky post",
        "bsky.app",
        r"^/profile/(?P<who>[^/]+)/post/(?P<id>[a-z0-9]+)(?:/.*)?$",
        "/profile/{who}/post/{id}",
        fold_case=True,
    ),
    # /r/sub/comments/ID/slug and /comments/ID: the ID names the post
    _rule(
        "reddit post",
        "reddit.com",
        r"^/(?:r/[^/]+/)?comments/(?P<id>[a-z0-9]+)(?:/.*)?$",
        "/comments/{id}",
        fold_case=True,
    ),
    _rule("reddit short link", "reddit.com", r"^/(?P<id>[a-z0-9]{5,10})$", "/comments/{id}", fold_case=True),
    _rule(
        "telegram message",
        "t.me",
        r"^/(?:s/)?(?P<channel>[A-Za-z0-9_]+)/(?P<msg>\d+)(?:/.*)?$",
        "/{channel}/{msg}",
        fold_case=True,
    ),
    _rule(
        "youtube short link",
        "youtube.com",
        r"^/(?:shorts/|embed/|live/)?(?P<v>[A-Za-z0-9_-]{11})$",
        "/watch?v={v}",
    ),
    # Mastodon servers are many: any host with /@user/ID or /users/user/statuses/ID (and /embed)
    _rule(
        "mastodon status",
        None,
        r"""^/(?:@(?P<user>[A-Za-z0-9_]+(?:@[A-Za-z0-9.-]+)?)
               |users/(?P<user2>[A-Za-z0-9_]+)/statuses)
            /(?P<id>\d{1,19})(?:/embed)?$""",
        "/@{user}/{id}",
        fold_case=True,
    ),
)
"""Post addresses per platform, first match wins; an address no rule matches keeps its path."""


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
"""A scheme ("https:", "mailto:"), not a host and port ("example.org:8080")."""


class _Address(NamedTuple):
    key: str
    platform: str | None
    post_id: str | None


def _address(url: str | None) -> _Address | None:
    return _cached_address(url) if url else None


@lru_cache(maxsize=4096)
def _cached_address(url: str) -> _Address | None:
    """:func:`_address` (copies of one post carry one address: read once)."""
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    elif not _SCHEME.match(text):
        text = "https://" + text  # "twitter.com/jack/status/20", as articles print addresses
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:  # a malformed port or bracketed host
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or " " in host:
        return None
    host = _HOST_PREFIX.sub("", host)
    host = _HOST_ALIASES.get(host, host)
    if port is not None and port not in (80, 443):
        host += f":{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    kept = sorted((k, v) for k, v in parse_qsl(parts.query) if k in _ID_PARAMS)
    if host == "youtube.com" and path == "/watch" and kept:
        kept = [kv for kv in kept if kv[0] == "v"]
    for rule in PERMALINK_RULES:
        if rule.hosts is not None and host not in rule.hosts:
            continue
        m = rule.pattern.match(path)
        if m is None:
            continue
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        if "user2" in groups:
            groups["user"] = groups.pop("user2")
        path = rule.form.format_map(groups)
        if rule.fold_case:
            path = path.lower()
        post_id = m["id"] if rule.id_group and rule.platform else None
        return _Address(host + path, rule.platform, post_id)
    if host == "twitter.com":
        path = path.lower()  # profile and list pages: names are case-insensitive
    query = "&".join(f"{k}={v}" for k, v in kept)
    return _Address(host + path + (f"?{query}" if query else ""), None, None)


def permalink(url: str | None) -> str | None:
    """The canonical form of a post's address, for comparing: no scheme, no ``www.``/``mobile.``,
    twitter.com for x.com, no query string but the parameters that name a post, no fragment or
    trailing slash, and each platform's post address in one form (:data:`PERMALINK_RULES`).
    Case is folded only where the platform ignores it (Instagram shortcodes keep theirs).

    >>> permalink("https://mobile.x.com/Jack/status/20/photo/1?s=20#m")
    'twitter.com/i/status/20'
    >>> permalink("https://www.instagram.com/reel/CyZ_a1/?igsh=abc")
    'instagram.com/p/CyZ_a1'
    >>> permalink("https://www.facebook.com/permalink.php?story_fbid=1&id=9&ref=embed")
    'facebook.com/permalink.php?id=9&story_fbid=1'
    >>> permalink("mailto:a@example.org") is None
    True
    """
    found = _address(url)
    return found.key if found else None


# ---------------------------------------------------------------- authors


def name_key(name: str | None) -> tuple[str, str]:
    """(first, last) word of a name, initials left out ("Donald J. Trump" == "Donald Trump")."""
    toks = [t for t in words(name).split() if len(t) > 1]
    if not toks:
        return ("", "")
    return (toks[0], toks[-1])


def same_author(a: Author, b: Author) -> bool:
    """One person: equal handles; else equal last names and equal first names, or one name that is
    only a surname ("Reyes" is "Ann Reyes"). A permanent account ID (a Bluesky DID) on both outranks
    handles and names. An author with neither is nobody's."""
    if a.id and b.id:
        return a.id == b.id
    if a.handle and b.handle:
        return a.handle.lower() == b.handle.lower()
    fa, la = name_key(a.name)
    fb, lb = name_key(b.name)
    if not la or not lb or la != lb:
        return False
    return fa == fb or len(words(a.name).split()) == 1 or len(words(b.name).split()) == 1


def may_be_same_author(a: Author, b: Author) -> bool:
    """Nothing shows two people: either is unknown; equal handles (both known); else
    :func:`same_author`, equal last names ("Gov. Kristi Noem", "Kristi Noem") or a last name
    inside the other's handle ("Anna Pickard", @annapickard).

    >>> may_be_same_author(Author(name="Anna Pickard"), Author(name="anna or whatever", handle="annapickard"))
    True
    >>> may_be_same_author(Author(name="Ben Ortiz"), Author(name="Jane Smith", handle="jsmith"))
    False
    """
    if not (a.handle or a.name) or not (b.handle or b.name):
        return True
    if a.handle and b.handle:
        return a.handle.lower() == b.handle.lower()
    if same_author(a, b):
        return True
    for one, other in ((a, b), (b, a)):
        last = name_key(one.name)[1]
        if len(last) < 3:
            continue
        if last == name_key(other.name)[1]:
            return True
        if other.handle and last in words(other.handle).replace(" ", ""):
            return True
    return False


# ---------------------------------------------------------------- posts


@dataclass(frozen=True, slots=True)
class Identity:
    """What tells one post from another, read off a record once."""

    platform: str
    id: str | None
    """The post's ID on ``platform``: the record's own, else the one its permalink spells."""
    id_platform: str | None
    """The platform the ID belongs to (the permalink's, when the ID was read from it)."""
    permalink: str | None
    """:func:`permalink` of the record's URL."""
    author: Author
    text: str
    """:func:`words` of the post's text."""

    @property
    def key(self) -> str:
        """The post's identity as one string: ``id:PLATFORM:ID``, else ``url:PERMALINK``, else
        ``text:PLATFORM:AUTHOR:DIGEST`` (AUTHOR is ``@handle``, else the name's words, else empty;
        DIGEST 20 hex digits of the BLAKE2b hash of the words, so that a key stays short)."""
        if self.id:
            return f"id:{self.id_platform}:{self.id}"
        if self.permalink:
            return f"url:{self.permalink}"
        a = self.author
        who = f"@{a.handle.lower()}" if a.handle else words(a.name)
        digest = hashlib.blake2b(self.text.encode("utf-8"), digest_size=10).hexdigest()
        return f"text:{self.platform}:{who}:{digest}"


def identify(post: Post) -> Identity:
    """The :class:`Identity` of ``post``."""
    address = _address(post.url)
    post_id: str | None = post.id or None
    id_platform: str | None = post.platform
    if post_id is None and address is not None and address.post_id:
        post_id, id_platform = address.post_id, address.platform
    return Identity(
        platform=post.platform,
        id=post_id,
        id_platform=id_platform,
        permalink=address.key if address else None,
        author=post.author,
        text=words(post.text),
    )


def _platforms_agree(a: str, b: str) -> bool:
    return a == b or "unknown" in (a, b)


def same(a: Identity, b: Identity, *, one_source: bool = True) -> bool:
    """Whether two identities are one post (the three steps in this module's docstring);
    ``one_source``: both were found in one page."""
    if a.id and b.id and a.id_platform == b.id_platform:
        return a.id == b.id
    if a.permalink and b.permalink:
        return a.permalink == b.permalink
    short, long_ = (a.text, b.text) if len(a.text) <= len(b.text) else (b.text, a.text)
    if len(short) < (MIN_TEXT if short == long_ else MIN_PART) or not contains(long_, short):
        return False
    if not _platforms_agree(a.platform, b.platform):
        return False
    return one_source or may_be_same_author(a.author, b.author)


def same_post(a: Post, b: Post, *, one_source: bool = True) -> bool:
    """Whether ``a`` and ``b`` are one post: see :func:`same`."""
    return same(identify(a), identify(b), one_source=one_source)


# ---------------------------------------------------------------- many records


class Index:
    """Records added one by one, and for a new record the first of them that is the same post.

    A record is compared only with those that could be the same: the one with its ID, those with
    its permalink, and for a text of :data:`MIN_TEXT` characters or more those that share a word
    which one text must hold if it sits inside the other (a word inside the shorter text is a
    whole word of the longer; the rarest inner word is the key). Comparing each record with every
    one kept would be quadratic: 8,000 quotes on a page took ten seconds so.
    """

    def __init__(self, *, one_source: bool = True) -> None:
        self.one_source = one_source
        """Records from one page (see :func:`same`)."""
        self.identities: list[Identity] = []
        self._by_id: dict[tuple[str | None, str], set[int]] = {}
        self._by_url: dict[str, set[int]] = {}
        self._by_word: dict[str, set[int]] = {}  # every word of each text of MIN_TEXT+ characters
        self._by_key: dict[str, set[int]] = {}  # one inner word of each such text (see _key_word)
        self._few_words: set[int] = set()  # such texts with no inner word: always compared
        self._long_texts: set[int] = set()

    def __len__(self) -> int:
        return len(self.identities)

    def _key_word(self, tokens: list[str]) -> str | None:
        """An inner word (not the first or last, which a quote may cut): the rarest of the first
        :data:`KEY_CHOICES` (any inner word would do; a rare one brings fewer candidates)."""
        inner = tokens[1 : KEY_CHOICES + 1] if len(tokens) > KEY_CHOICES + 1 else tokens[1:-1]
        if not inner:
            return None
        by_word = self._by_word
        return min(inner, key=lambda t: (len(by_word.get(t, ())), -len(t)))

    def add(self, post: Post, ident: Identity | None = None) -> int:
        """Keep ``post`` (whose identity may be given) as a new record; its number."""
        self.identities.append(ident or identify(post))
        self._index(len(self.identities) - 1)
        return len(self.identities) - 1

    def replace(self, n: int, post: Post) -> None:
        """Record ``n`` is now ``post`` (a merged copy): it is found under its new keys too."""
        self.identities[n] = identify(post)
        self._index(n)

    def _index(self, n: int) -> None:
        ident = self.identities[n]
        if ident.id:
            self._by_id.setdefault((ident.id_platform, ident.id), set()).add(n)
        if ident.permalink:
            self._by_url.setdefault(ident.permalink, set()).add(n)
        if len(ident.text) >= MIN_TEXT:
            self._long_texts.add(n)
            tokens = ident.text.split(" ")
            for t in tokens:
                self._by_word.setdefault(t, set()).add(n)
            key = self._key_word(tokens)
            if key is None:
                self._few_words.add(n)
            else:
                self._by_key.setdefault(key, set()).add(n)

    def candidates(self, ident: Identity) -> set[int]:
        """Numbers of the records that could be the same post as ``ident``."""
        found: set[int] = set()
        if ident.id:
            found |= self._by_id.get((ident.id_platform, ident.id), set())
        if ident.permalink:
            found |= self._by_url.get(ident.permalink, set())
        if len(ident.text) >= MIN_TEXT:
            tokens = ident.text.split(" ")
            by_key = self._by_key
            for t in set(tokens):  # kept texts inside this one
                if t in by_key:
                    found |= by_key[t]
            found |= self._few_words
            key = self._key_word(tokens)  # this text inside kept ones
            found |= self._by_word.get(key, set()) if key is not None else self._long_texts
        return found

    def find(self, post: Post | Identity) -> int | None:
        """The first record (by number) that is the same post as ``post``.

        Indexes may hold stale entries (a merged record takes the richer text): each candidate is
        checked, so the answer is the one comparing every record would give."""
        ident = post if isinstance(post, Identity) else identify(post)
        for n in sorted(self.candidates(ident)):
            if same(ident, self.identities[n], one_source=self.one_source):
                return n
        return None


def merge_copies(posts: Iterable[Post], merge: Callable[[Post, Post], Post]) -> list[Post]:
    """``posts`` with the copies of one post merged into one record (``merge(kept, copy)``), each
    where its first copy stands; a copy is matched against the merged record, which knows more."""
    index = Index()
    kept: list[Post] = []
    for post in posts:
        ident = identify(post)
        n = index.find(ident)
        if n is None:
            kept.append(post)
            index.add(post, ident)
        else:
            kept[n] = merge(kept[n], post)
            index.replace(n, kept[n])
    return kept
