"""Post cards in any markup: the general reader, beside the platform readers.

Newsletter and blog platforms turn an embedded post into a static card of their own (in the web
page and in the e-mail edition of the same letter), live blogs show a "via Twitter" entry, and
publishers draw their own. Whatever the classes, such a card is an element that holds the post's
**permalink** (a link to a status, a post, a video ...; in an e-mail, often wrapped in a tracking
redirect that carries it), the **author** (a profile link or the "@handle" the permalink names) and
the post's **text**, each in a block of its own. This reader works from that structure alone:

* for each permalink, the smallest element around its link that holds a block naming the author
  and a block of text besides, grown to hold the post's other links (the date link below the
  text, the likes);
* the author line gives the handle and the display name; a line that is a date gives the date
  text (the ID's moment wins where it encodes one); counts, buttons and "View on X" are left out;
* a card inside another card is a quote post: its own post in the outer one's ``quotes``;
* a link whose own text says "@handle" (a credit line, "Instagram: @handle") names the author of
  the post it links to, which another reader found.

Never cards: share, follow and intent links and profile or timeline widgets (no permalink); a
permalink in the writer's prose or a caption (the link is a word of a sentence, or no block of
the post's text stands apart from the author's name); a list of links to other posts (no author
block, or one element holding several posts' lines); anything in a rail of other stories.
Where a platform reader read the post, its record stands: a card only fills what it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from lxml import etree

from .. import hints, identity, vocab
from ..dates import parse_iso
from ..dom import Page
from ..model import Author, Media, Post
from ._common import Draft, HtmlElement, Link, absolute, parse_date, same_handle, shows_address, squash, tidy
from ._places import in_rail

LinkParser = Callable[[str], Link | None]
Key = tuple[str, str]
LineKind = Literal["author", "name", "date", "ui", "label", "media", "none", "text"]
"""What a block of a card is (:func:`_kind`)."""
"""A post's identity here: (platform, ID) or ("url", canonical permalink)."""

_MAX_UP = 8
"""How many elements up from a permalink a card may reach."""
_MAX_TEXT = 4000
"""A card holds one post (a long Facebook post at most): an element with more text is a page part."""
_MAX_BLOCKS = 40
_MAX_LINKS = 40
"""Links to posts in one card at most (its own, its quotes', the likes and reposts pages)."""
_MAX_TEXT_BLOCKS = 12
"""A card's text is one post's: a few paragraphs, not an article's."""
_MAX_LEAD_IN = 2
"""Lines of the writer's own before a card's author line (a live blog entry's lead-in)."""
_TEXT_REACH = 1
"""How many elements above the one that first holds the author line the post's text may sit."""
_MAX_LINE = 120
"""An author line or a date line is short."""
_MAX_NAME = 64
_NAME_WORDS = 6
_BLOCK_TAGS = frozenset(
    "p div li ul ol dl dd dt td th tr table tbody thead tfoot section article header footer figure "
    "figcaption blockquote h1 h2 h3 h4 h5 h6 pre hr caption details summary aside main address".split()
)
_SKIP_TAGS = frozenset(
    "script style template noscript svg button select textarea iframe object video audio".split()
)
_STOPS = frozenset({"body", "html", "main"})
_BR = "\x00"

_HANDLE_TEXT = re.compile(r"(?<![\w@/.])@(?P<handle>[\w.]{1,30}\w|\w)(?:@[\w.-]+)?")
"""An "@handle" as a card prints it (a fediverse one with its server)."""
_PLATFORM_WORDS = vocab.platform_alternation()
_VIA = re.compile(
    rf"^\W*(?:(?:via|on|from|view(?:ed)? on|see (?:it |this (?:post )?)?on|open(?:ed)? (?:in|on)|read on|"
    rf"watch on|source:?|posted on)\s+)?(?:{_PLATFORM_WORDS})(?:\s+(?:post|tweet|video|link))?\W*$"
    r"|^\W*(?:tweet|post|permalink|link|source|view(?: post| tweet)?|open|original)\W*$",
    re.IGNORECASE,
)
"""A link's own text that only says where the post is ("via Twitter", "View on Instagram")."""
_UI = re.compile(
    rf"""^[\W\d.,]*[kKmM]?(?:\s*(?:
        (?:replies|reply|retweets?|reposts?|quotes?|likes?|views?|comments?|shares?|bookmarks?)
      | (?:antworten|gefällt\ mir|me\ gusta|j'aime|mi\ piace)          # the same, localised
      | (?:follow|following|folgen|seguir|suivre)                       # follow buttons
      | copy\ link(?:\ to\ (?:post|tweet))? | translate(?:\ post|\ tweet)?
      | read\ \d[\d,.]*\s*(?:replies|comments) | read\ more | show\ more | see\ more | more
      | show\ this\ thread | verified(?:\ account)? | embedded\ (?:post|tweet)
      | report(?:\ (?:post|tweet|this))?
      | replying\ to\ @[\w.]+                                            # a reply's context line
      | (?:(?:view|see|open|watch|read)\ (?:it\ |this\ |the\ full\ |more\ )?
          (?:post|tweet|video|profile|conversation)?\s*(?:on|in)\s+)?
        (?:{_PLATFORM_WORDS})                                            # "View on X", "Twitter"
    )\W*[\d.,]*[kKmM]?)+\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Lines of a card that are not the post: counts, buttons, the platform's name."""
_TIME_OF_DAY = re.compile(r"^\W*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\W*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[·∙•|—–―]+|\s-\s")
_LEAD_IN = re.compile(r"[:：]\s*$")
_CREDIT = re.compile(
    r"^\W*(?:image\s+|photo\s+|bild\s*|foto\s*)?(?:copyright|©|photo(?:graph)?|foto|bild|credits?|"
    r"source|quelle|fuente|crédits?|screenshot|via)\b",
    re.IGNORECASE,
)
"""A credit line under an image ("Image copyright @handle", "Photo: @handle"): no author line."""
"""A line ending in a colon introduces what follows: the writer's words, not an author line."""


@dataclass(eq=False)
class _Block:
    """A run of a card's text between block boundaries."""

    element: HtmlElement
    text: str
    anchors: list[HtmlElement] = field(default_factory=list)
    images: list[HtmlElement] = field(default_factory=list)
    times: list[HtmlElement] = field(default_factory=list)


@dataclass(eq=False)
class _Card:
    """A permalink's card: its element, the post read from it, the cards inside it."""

    key: Key
    link: Link
    element: HtmlElement
    draft: Draft
    inner: list[_Card] = field(default_factory=list)


def _key(link: Link) -> Key:
    return (link.platform, link.id) if link.id else ("url", identity.permalink(link.url) or "")


def known_keys(posts: Iterable[Post]) -> dict[Key, Post]:
    """The posts other readers found, by their identities (:func:`_key` of their ID or permalink)."""
    keys: dict[Key, Post] = {}
    for p in posts:
        if p.id:
            keys[(p.platform, p.id)] = p
        if (u := identity.permalink(p.url)) is not None:
            keys[("url", u)] = p
    return keys


def extract(page: Page, parse: LinkParser, known: Iterable[Post] = ()) -> Iterator[Post]:
    permalinks = _permalinks(page, parse)
    if not permalinks:
        return
    found = known_keys(known)
    where = _Places(permalinks)
    # a link that is a word of the writer's sentence starts no card (a card's own links may be);
    # the deepest links first, so that a card inside another (a quote post) is read before the
    # outer one, whose lines then leave it out; a post whose card held an unread one is tried again
    # a post another reader found with its author named needs nothing a card could add
    starts = [(a, kl) for a, kl in permalinks if _card_like(a) and not _complete(found.get(kl[0]))]
    pending = sorted(starts, key=lambda item: -len(where.around(item[0])))
    for _ in range(3):
        left = []
        for a, (key, link) in pending:
            if any((c := where.cards.get(node)) is not None and c.key == key for node in where.around(a)):
                continue  # another link of a post whose card is read
            card = _card_of(page, a, key, link, where)
            if card is not None:
                where.add(card)
            else:
                left.append((a, (key, link)))
        if len(left) == len(pending):
            break
        pending = left
    cards = _grown_cards(page, where)
    for card in _outermost(page, cards):
        if in_rail(card.element):
            continue
        post = _post(page, card)
        other = found.get(card.key) or found.get(("url", identity.permalink(card.link.url) or ""))
        if other is not None:
            filled = _only_what_is_missing(post, other)
            if filled is not None:
                yield filled
        else:
            yield post
    yield from _credits(page, permalinks, cards, found)


class _Places:
    """Which element holds which, gathered once: the elements around each permalink, and the cards
    read so far by the elements around them (so a page of thousands of links stays linear)."""

    def __init__(self, permalinks: list[tuple[HtmlElement, tuple[Key, Link]]]) -> None:
        self.keys: dict[HtmlElement, Key] = {a: kl[0] for a, kl in permalinks}
        self._around: dict[HtmlElement, set[HtmlElement]] = {}
        self._links: dict[HtmlElement, list[HtmlElement]] = {}
        for a in self.keys:
            for node in (a, *a.iterancestors()):
                self._links.setdefault(node, []).append(a)
        self.cards: dict[HtmlElement, _Card] = {}
        self._cards: dict[HtmlElement, list[_Card]] = {}

    def around(self, el: HtmlElement) -> set[HtmlElement]:
        found = self._around.get(el)
        if found is None:
            found = self._around[el] = {el, *el.iterancestors()}
        return found

    def inside(self, el: HtmlElement, container: HtmlElement) -> bool:
        return container in self.around(el)

    def links_in(self, container: HtmlElement) -> list[HtmlElement]:
        """The permalinks inside ``container`` (or it itself)."""
        return self._links.get(container, [])

    def own_links(self, container: HtmlElement, key: Key) -> list[HtmlElement]:
        """The permalinks to the post ``key`` inside ``container``."""
        return [x for x in self.links_in(container) if self.keys[x] == key]

    def add(self, card: _Card) -> None:
        self.cards[card.element] = card
        for node in (card.element, *card.element.iterancestors()):
            self._cards.setdefault(node, []).append(card)

    def cards_in(self, container: HtmlElement) -> list[_Card]:
        """The cards read so far inside ``container`` (or it itself)."""
        return self._cards.get(container, [])


# ---------------------------------------------------------------- permalinks


def _complete(post: Post | None) -> bool:
    return post is not None and bool(post.author.name and post.author.handle)


_POSTISH = re.compile(
    r"/status(?:es)?/\d|/(?:p|reels?|tv)/|/post/|/video/|/posts/|/videos/|/photos?/|story_fbid|fbid=|/permalink"
    r"|/@[^/?#]+/\d|/comments/|//t(?:elegram)?\.me/\w+/\d|/feed/update/|/activity-|at://",
    re.IGNORECASE,
)
"""What an address of a post holds somewhere (a cheap test before the platform's parser)."""


def _permalinks(page: Page, parse: LinkParser) -> list[tuple[HtmlElement, tuple[Key, Link]]]:
    """Links (``a[href]``) to a post, also through a tracking redirect, in document order."""
    out: list[tuple[HtmlElement, tuple[Key, Link]]] = []
    for hit in hints.of(page).hits:
        el = hit.element
        if el.tag != "a" or hit.name != "href" or hints.Holds.ADDRESS not in hit.holds:
            continue
        value = hit.value
        if _POSTISH.search(value):
            addresses = [value.strip()]
        elif "%" in value or "eyJ" in value or "aHR0c" in value or "\\/" in value:
            addresses = hints.candidates(value)[1:]  # a tracking link: the addresses it wraps
        else:
            continue  # a share, follow or profile link, a platform's own page
        for address in addresses:
            if not _POSTISH.search(address):
                continue
            link = parse(address)
            if link is not None and not link.embed and (link.id or link.url):
                out.append((el, (_key(link), link)))
                break
    return out


def _inside(el: HtmlElement, container: HtmlElement) -> bool:
    return el is container or any(a is container for a in el.iterancestors())


def _outermost(page: Page, cards: dict[HtmlElement, _Card]) -> list[_Card]:
    """Cards not inside another card, each with the cards right inside it as its quotes (a quote
    of a quote stays with the card it is in), in document order."""
    outer: list[_Card] = []
    for el, card in sorted(cards.items(), key=lambda item: page.order(item[0])):
        holder = next((cards[a] for a in el.iterancestors() if a in cards), None)
        if holder is None:
            outer.append(card)
        elif card.key != holder.key:
            holder.inner.append(card)
    return outer


# ---------------------------------------------------------------- one card


def _card_of(page: Page, a: HtmlElement, key: Key, link: Link, where: _Places) -> _Card | None:
    """The smallest element around ``a`` that reads as ``link``'s card; ``None`` where none does.

    Elements that add no text (a table's body, a link's wrapper) count as no step up: the post's
    text must sit within :data:`_TEXT_REACH` steps of the first element holding its author line.
    """
    el: HtmlElement | None = a
    reach = _MAX_UP
    level = 0
    seen = ""
    for _ in range(_MAX_UP * 2):
        if el is None or el.tag in _STOPS or level > reach:
            return None
        text = squash(el.text_content())
        if text != seen:
            level += 1
            seen = text
        if len(where.links_in(el)) > _MAX_LINKS:
            return None  # a card links to its post, a quote, the likes: not to dozens of posts
        held = where.cards_in(el)
        if any(c.key == key for c in held):
            return None  # the post's card is read already: this is a link to it from elsewhere
        inner = [c for c in held if c.element is not el]
        if _foreign(el, key, where, inner):
            return None  # the element holds another post's link outside that post's card: a list
        if len(text) > _MAX_TEXT:
            return None
        draft, named = _read(page, el, key, link, where, inner)
        if draft is not None:
            return _Card(key, link, el, draft)
        if named and reach == _MAX_UP:
            reach = level + _TEXT_REACH  # the post's text sits close to its author line
        el = el.getparent()
    return None


def _grown_cards(page: Page, where: _Places) -> dict[HtmlElement, _Card]:
    """Each card grown to hold its post's other links (:func:`_grown`), read again there, the cards
    inside it left out of its text: once every card is known, so a quote inside is no stranger."""
    grown: dict[HtmlElement, _Card] = {}
    for el, card in where.cards.items():
        bigger = _grown(el, card.key, where)
        if bigger is not el and bigger not in where.cards and bigger not in grown:
            inner = [c for c in where.cards_in(bigger) if c.element is not bigger and c.key != card.key]
            draft = _read(page, bigger, card.key, card.link, where, inner)[0]
            if draft is not None:
                grown[bigger] = _Card(card.key, card.link, bigger, draft)
                continue
        grown[el] = card
    return grown


def _foreign(el: HtmlElement, key: Key, where: _Places, inner: list[_Card]) -> bool:
    """Whether ``el`` holds a link to another post that is not inside a card read already."""
    inside_cards = {x for c in inner for x in where.links_in(c.element)}
    return any(where.keys[x] != key and x not in inside_cards for x in where.links_in(el))


def _grown(el: HtmlElement, key: Key, where: _Places) -> HtmlElement:
    """``el`` grown to the highest of its next few ancestors that adds more links to the same post
    and no line of its own but dates and counts (the date link under a card's text)."""
    best = el
    mine = len(where.own_links(el, key))
    up = el.getparent()
    for _ in range(3):
        if up is None or up.tag in _STOPS:
            break
        if len(where.links_in(up)) > _MAX_LINKS:
            break
        ours = len(where.own_links(up, key))
        if ours > mine:
            inner = [c for c in where.cards_in(up) if c.key != key]
            if _foreign(up, key, where, inner):
                break
            if not all(_minor(b.text) for b in _blocks(up, skip={best, *(c.element for c in inner)})):
                break
            best, mine = up, ours
        up = up.getparent()
    return best


def _minor(text: str) -> bool:
    """A line that is no post text: a count, a button, a date, the platform's name."""
    line = squash(text)
    return not line or bool(_UI.match(line)) or _is_date(line)


_DATE_WORDS = frozenset(
    "at on um à a las le la de del el am pm a.m. p.m. uhr h utc gmt the of en di".split()
    + [day[:3] for day in vocab.WEEKDAYS]
    + list(vocab.WEEKDAYS)
)
"""Words a date line holds besides month names, weekdays, numbers and time zones."""
_DATE_TOKEN = re.compile(r"[^\W_]+\.?|\d{1,2}[:.]\d{2}")


def _is_date(line: str) -> bool:
    """Whether a short line is only a date or a time ("5:00 PM · Mar 7, 2023", "7 mars 2023"), not
    a sentence that names one."""
    line = _SEPARATORS.sub(" ", line).strip()
    if not line or len(line) > 60:
        return False
    if _TIME_OF_DAY.match(line) or (line[:4].isdigit() and parse_iso(line) is not None):
        return True
    words = [
        t for t in _DATE_TOKEN.findall(line)
        if not t[0].isdigit() and t.lower() not in _DATE_WORDS and t.lower().rstrip(".") not in vocab.MONTHS
        and t.lower().rstrip(".") not in vocab.WEEKDAYS and t.upper() not in vocab.TIME_ZONES
    ]  # fmt: skip
    return len(words) == 0 and (parse_date(line) is not None or parse_iso(line) is not None)


def _blocks(card: HtmlElement, skip: set[HtmlElement]) -> list[_Block]:
    """The card's text, cut at block boundaries; ``skip`` (cards inside it) left out."""
    out: list[_Block] = []
    stack: list[HtmlElement] = [card]
    parts: list[str] = []
    current = _Block(card, "")

    def flush() -> None:
        nonlocal current
        text = tidy("".join(parts)) if parts else ""
        parts.clear()
        if text or current.images or current.times:
            current.text = text
            out.append(current)
        current = _Block(stack[-1], "")

    walker = etree.iterwalk(card, events=("start", "end"))
    skipped: HtmlElement | None = None
    for event, node in walker:
        if skipped is not None:  # the end of a left-out element: only its tail counts
            skipped = None
            if node.tail:
                parts.append(node.tail)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if node is not card and (not tag or tag in _SKIP_TAGS or node in skip):
                walker.skip_subtree()
                skipped = node
                continue
            if tag in _BLOCK_TAGS and node is not card:
                flush()
                stack.append(node)
                current = _Block(node, "")
            elif tag == "br":
                parts.append(_BR)
            elif tag == "a":
                current.anchors.append(node)
            elif tag == "img":
                current.images.append(node)
            elif tag == "time":
                current.times.append(node)
            if node.text:
                parts.append(node.text)
        else:
            if tag in _BLOCK_TAGS and node is not card:
                flush()
                stack.pop()
                current = _Block(stack[-1], "")
            if node is not card and node.tail:
                parts.append(node.tail)
    flush()
    return out[:_MAX_BLOCKS]


def _read(
    page: Page, card: HtmlElement, key: Key, link: Link, where: _Places, inner: list[_Card]
) -> tuple[Draft | None, bool]:
    """``(post, named)``: the post that ``card`` shows, if it reads as ``link``'s card (an author
    line, and the post's text in blocks of its own right after or before it); ``named`` tells
    whether the author line is there, with or without the text."""
    blocks = _blocks(card, skip={c.element for c in inner})
    if not blocks or len(blocks) >= _MAX_BLOCKS:
        return None, False
    mine = where.own_links(card, key)
    author_at, handle, name, profile = _author(blocks, link, card)
    if author_at is None:
        return None, False
    kinds = [_kind(b, i == author_at, mine) for i, b in enumerate(blocks)]
    if (
        name is None
        and author_at > 0
        and kinds[author_at - 1] == "text"
        and _looks_like_name(blocks[author_at - 1].text)
    ):
        name = squash(blocks[author_at - 1].text)
        kinds[author_at - 1] = "name"
    if "text" not in kinds:  # the post's text is its link (in an e-mail), after the author line
        kinds = ["text" if k == "label" and i > author_at else k for i, k in enumerate(kinds)]
    texts = [i for i, k in enumerate(kinds) if k == "text"]
    after = _run(kinds, author_at, +1)
    before = _run(kinds, author_at, -1)
    chosen = after or before
    lead_in = [i for i in texts if i < author_at] if after else []
    if not chosen or len(texts) > _MAX_TEXT_BLOCKS or len(lead_in) > _MAX_LEAD_IN:
        return None, True
    if len(texts) - len(chosen) - len(lead_in) > 0 and after:
        return None, True  # more text after the post's own: the writer's, around a credit line
    if _apart(card, blocks[author_at].element, [blocks[i].element for i in chosen], mine):
        return None, True
    text = "\n\n".join(blocks[i].text for i in chosen)
    date_text = next((squash(b.text) for b, k in zip(blocks, kinds, strict=True) if k == "date"), None)
    stamped = next((t.get("datetime") for b in blocks for t in b.times if t.get("datetime")), None)
    avatar = {img for img in blocks[author_at].images}
    media = [
        Media(url=src, kind="photo", alt=img.get("alt") or None)
        for i in chosen
        for img in blocks[i].images
        if img not in avatar and (src := absolute(img.get("src") or img.get("data-src"), page.base_url))
    ]
    links = [
        h
        for i in chosen
        for x in blocks[i].anchors
        if x not in where.keys
        and (h := absolute(x.get("href"), page.base_url))
        and not vocab.profile_of_url(h)
    ]
    return Draft.of_link(
        link,
        "card: permalink, author line and text in their own blocks",
        author=Author(name=name, handle=same_handle(handle, link.handle), url=profile, id=link.author_id),
        text=text,
        published=moment
        if isinstance(moment := parse_iso(stamped or ""), datetime) and not link.id_time
        else None,
        date_text=date_text or stamped,
        media=tuple(media),
        links=tuple(links),
    ), True


def _apart(card: HtmlElement, author: HtmlElement, text: list[HtmlElement], links: list[HtmlElement]) -> bool:
    """Whether the author line and every card-like link to the post sit in one part of ``card``
    and the text in others: an embed that holds no text (a caption left out) beside the writer's
    paragraphs, not a card whose parts are its text."""
    part = next((e for e in (author, *author.iterancestors()) if e.getparent() is card), None)
    if part is None:
        return False
    own = [x for x in links if _card_like(x)]
    return bool(own) and all(_inside(x, part) for x in own) and not any(_inside(t, part) for t in text)


def _run(kinds: list[LineKind], author_at: int, step: int) -> list[int]:
    """The blocks of text next to the author line, in order: from the line on in direction
    ``step``, over the name, date, image and button lines, until the text ends."""
    run: list[int] = []
    i = author_at + step
    while 0 <= i < len(kinds):
        kind = kinds[i]
        if kind == "text":
            run.append(i)
        elif run and kind not in ("media", "none", "label"):
            break  # the text is over (a date line, buttons, another author line)
        elif kind == "author":
            break
        i += step
    return sorted(run)


def _card_like(a: HtmlElement) -> bool:
    """Whether a link to the post reads as a card's link, not as a word of the writer's sentence:
    its text is a date, a "via Twitter", an "@handle", nothing but an image, or it holds lines."""
    own = squash(a.text_content())
    if not own or _VIA.match(own) or _is_date(own) or _HANDLE_TEXT.fullmatch(own.strip("()")):
        return True
    if (m := _HANDLE_TEXT.search(own)) and len((own[: m.start()] + own[m.end() :]).split()) <= _NAME_WORDS:
        return True  # the author line as a link: "Ann Reyes @ann"
    if shows_address(own, a.get("href") or "") and _own_line(a):
        return True  # the address itself on a line of its own: an e-mail card's link to its post
    return any(
        isinstance(d.tag, str) and (d.tag in _BLOCK_TAGS or d.tag in ("br", "img"))
        for d in a.iterdescendants()
    )


def _own_line(a: HtmlElement) -> bool:
    """Whether ``a`` stands on a line of its own: no text of the sentence before or after it."""
    if (a.tail or "").strip():
        return False
    prev = a.getprevious()
    parent = a.getparent()
    before = prev.tail if prev is not None else parent.text if parent is not None else ""
    if (before or "").strip():
        return False
    return prev is None or (isinstance(prev.tag, str) and (prev.tag in _BLOCK_TAGS or prev.tag == "br"))


def _author(
    blocks: list[_Block], link: Link, card: HtmlElement
) -> tuple[int | None, str | None, str | None, str | None]:
    """``(block index, handle, display name, profile URL)`` of the card's author line: the first
    short block naming the handle the permalink names (any handle when it names none), as an
    "@handle" or a link to the profile."""
    wanted = (link.handle or "").lower().partition("@")[0] or None
    for i, block in enumerate(blocks):
        line = squash(block.text)
        if len(line) > _MAX_LINE or _LEAD_IN.search(line) or _CREDIT.match(line):
            continue
        profile = None
        handle = None
        for x in [*block.anchors, *(p for p in block.element.iterancestors("a") if _inside(p, card))]:
            found = vocab.profile_of_url(absolute(x.get("href")))
            same = found is not None and (
                found[0] == link.platform or found[0] == "mastodon" == _fediverse(link)
            )
            if found and same and (wanted is None or found[1].lower().partition("@")[0] == wanted):
                profile, handle = absolute(x.get("href")), found[1]
                break
        for m in _HANDLE_TEXT.finditer(line):
            if wanted is None or m["handle"].lower() == wanted:
                handle = handle or m["handle"]
                break
        if handle is None:
            continue
        return i, handle, _name_in(line, handle, profile, block), profile
    return None, None, None, None


def _fediverse(link: Link) -> str | None:
    return "mastodon" if link.platform in ("mastodon", "truthsocial") else None


def _name_in(line: str, handle: str, profile: str | None, block: _Block) -> str | None:
    """The display name on an author line: the profile link's text, else what precedes the handle
    on the line (or follows it, when the handle comes first), without dates, separators, buttons."""
    for x in block.anchors:
        own = squash(x.text_content())
        if profile and absolute(x.get("href")) == profile and own and not own.startswith("@"):
            return own[:_MAX_NAME]
    m = next((h for h in _HANDLE_TEXT.finditer(line) if h["handle"].lower() == handle.lower()), None)
    if m is None:
        return None
    before, after = line[: m.start()].rstrip(" ("), line[m.end() :].lstrip(" )")
    rest = _SEPARATORS.sub(" ", before if before.strip(" —–-·|") else after)
    words = [w for w in rest.split() if not _UI.match(w)]
    while words and _is_date(" ".join(words[-3:])):  # a date after the name ("Ann Reyes · Mar 7, 2023")
        words = words[:-3] if len(words) >= 3 and _is_date(" ".join(words[-3:])) else words[:-1]
    name = " ".join(words).strip(" ,;:()")
    if not name or len(name) > _MAX_NAME or _is_date(name):
        return None
    return name


def _looks_like_name(text: str) -> bool:
    line = squash(text)
    return 0 < len(line) <= _MAX_NAME and len(line.split()) <= 6 and not line.endswith((".", "!", "?", ":"))


def _kind(block: _Block, is_author: bool, mine: list[HtmlElement]) -> LineKind:
    """What a block of a card is: the author line, a date line, buttons and counts, an image, text,
    or a "label" (the whole line is a link to the post: "View this post on Instagram", or in an
    e-mail the text itself, which is text when the card holds no other)."""
    if is_author:
        return "author"
    line = squash(block.text)
    if not line:
        return "media" if block.images else "none"
    if _is_date(line) or (block.times and len(line) <= 60):
        return "date"
    if _UI.match(line) or _VIA.match(line):
        return "ui"
    parts = [p.strip() for p in _SEPARATORS.split(line) if p.strip()]
    if len(parts) > 1 and all(_UI.match(p) or _is_date(p) for p in parts):
        return "date" if any(_is_date(p) for p in parts) else "ui"  # "5:00 PM · Mar 7, 2023 · 12 Likes"
    if any(
        squash(x.text_content()) == line and (x in block.anchors or _inside(block.element, x)) for x in mine
    ):
        return "label"
    return "text"


# ---------------------------------------------------------------- posts


def _post(page: Page, card: _Card) -> Post:
    quotes = [_post(page, c) for c in card.inner]
    return replace(card.draft, quotes=tuple(quotes)).post(page, card.element)


def _only_what_is_missing(post: Post, other: Post) -> Post | None:
    """What a card of a post another reader found adds to that reader's record: the author's name,
    handle and profile where it lacks them, or ``None`` when it adds nothing. The reader's text,
    date and media stand (a card's lines around an embed that shows no caption are no caption)."""
    a, b = other.author, post.author
    author = Author(
        name=None if a.name else b.name,
        handle=None if a.handle else b.handle,
        platform=b.platform,
        url=None if a.url else b.url,
        id=None if a.id else b.id,
    )
    if not (author.named or author.url):
        return None
    return replace(post, text="", author=author, published=None, media=(), links=(), quotes=(), extra={})


_CREDIT_LINK = re.compile(
    rf"(?:(?:{_PLATFORM_WORDS})\s*[:/·-]?\s*)?@(?P<handle>[\w.]{{1,30}})(?:\s*(?:on|/|·|-)\s*(?:{_PLATFORM_WORDS}))?",
    re.IGNORECASE,
)
"""A link's text that names the post's author and nothing else: "@ann", "Instagram: @ann", "@ann on X"."""


def _credits(
    page: Page,
    permalinks: list[tuple[HtmlElement, tuple[Key, Link]]],
    cards: dict[HtmlElement, _Card],
    found: dict[Key, Post],
) -> Iterator[Post]:
    """Links whose own text names the author of a post another reader found ("Instagram: @ann")."""
    read = {c.key for c in cards.values()}
    for a, (key, link) in permalinks:
        if key not in found or key in read:
            continue
        m = _CREDIT_LINK.fullmatch(squash(a.text_content()))
        if (
            m is None
            or (link.handle and link.handle.lower() != m["handle"].lower())
            or found[key].author.handle
        ):
            continue
        author = Author(handle=m["handle"], platform=link.platform)
        yield Post(
            platform=link.platform, text="", author=author, kind="embed", id=link.id, url=link.url,
            position=page.position(a), evidence=("credit line: a link to the post naming its @handle",),
        )  # fmt: skip
