"""The prose reader: reads an article's paragraphs once, tracks who is who and who is said to be
posting, and runs the attribution rules (:mod:`threads.prose.rules`) for every quote.

Cheap where nothing is quoted: most paragraphs hold no quote, and a quote is a post only with
social evidence nearby. A first pass finds the quotes; only paragraphs around a quote that could
be a post (a social word in reach, or a passage about someone's posts before it) are read in
full, with the few before them for context. Names in the paragraphs skipped are looked up only
when a surname alone must be resolved (:meth:`Scanner.recall`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import chain

from .. import captions, dates, lexicon, notices, slots, vocab
from ..lexicon import Gender, words
from ..model import Author, Paragraph, Post
from ..people import GENERIC_ORGS, NOT_NAMES, Cast, Person, fold_key, is_title_word, split_title
from ..quotes import Quote, find_quotes, sentences
from . import evidence as E
from . import passages
from . import patterns as P
from .evidence import Cue, Gate
from .patterns import alternation
from .rules import RULES, Found, Rule, Site
from .speakers import Kind, Speaker, handle_in, read

__all__ = ["Candidate", "Scanner", "Sentence", "clean_quote"]

_NO_WORDS = Gate("")
_VERB_GATE = P.compiled(P.VERB_GATE)
_AFTER_RULES = frozenset(("after-post", "after-speaker-verb", "after-verb-speaker", "after-verb-alone"))
_BEFORE_QUOTE = 3
"""Sentences before a quote read for who is who (the subject a "he" or "the singer" means)."""
_WINDOW = 3
"""Paragraphs before a quote that are read in full for who is who."""
_HOT = 4
"""A quote can be a post only with a social word at most this many paragraphs before it (or in
the paragraph after it: a caption)."""
_REACH = 10
"""Paragraphs a passage about someone's posts ("a series of tweets", a caption naming them) holds
for after it, and after each post of theirs read since: it is looked for only that far back."""
_SINGLE = 3
"""Sentences a "single" context lasts (the subject said to have posted, or a post found)."""
_CROWD = 3
"""Paragraphs a crowd context lasts after its last renewal."""
_RECENT_SENTENCES = 3


class Lasting(StrEnum):
    SERIES = "series"
    """A passage about someone's posts ("sent out a series of tweets"): holds for the next
    paragraphs, renewed by each post of theirs."""
    SINGLE = "single"
    """A sentence saying someone posted, or a post of theirs: holds for the next few sentences."""
    CROWD = "crowd"
    """Many people posting ("Tributes poured in on Twitter"): holds for the next paragraphs, for
    anyone of the crowd (an unnamed user, an account) and for anyone who writes."""


@dataclass(slots=True)
class Context:
    """Why someone's later quotes are posts: a passage about their posts, or a caption."""

    lasting: Lasting
    platform: str
    evidence: str
    day: date | None
    until: int
    """The last sentence index (single) or paragraph index (series, crowd) it holds for."""
    since: int = 0
    """The sentence index it was set at."""


@dataclass(eq=False, slots=True)
class Sentence:
    """One sentence of a paragraph, as read."""

    paragraph: int
    text: str
    """The paragraph's whole text (offsets below are into it)."""
    start: int
    end: int
    base: int
    """The paragraph's position in the source."""
    quotes: list[Quote]
    outside: str
    """``text[start:end]`` with its quotes blanked out (same length, so offsets hold)."""
    index: int
    """Place among all sentences read."""
    subject: Person | None = None
    subject_end: int = 0
    cue: Cue | None = None
    _gate: Gate | None = None

    def gate(self) -> Gate:
        """The :class:`Gate` of the words outside the quotes (found once)."""
        if self._gate is None:
            self._gate = Gate(self.outside)
        return self._gate


@dataclass(eq=False, slots=True)
class Candidate:
    """A quote with a speaker: a post when it has social evidence."""

    quote: Quote
    text: str
    speaker: Person
    position: int
    sentence: Sentence
    rule: str
    evidence: list[str] = field(default_factory=list)
    platform: str | None = None
    day: date | None = None
    not_social: bool = False
    continues: bool = False
    """A split or joined quote that goes on the previous one's post."""
    pending: bool = False
    """A fragment kept only if the speaker goes on (see the rule "indirect")."""

    def continued_by(self, site: Site, rule: str) -> Candidate:
        """The next part of this candidate's post: same speaker, evidence, platform and day."""
        return Candidate(
            site.quote, site.text, self.speaker, site.position, site.sentence, rule, list(self.evidence),
            self.platform, self.day, self.not_social, continues=True,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """A post as the reader found it, with the rules that attributed its parts (the first part's
    first: see the rules' examples)."""

    rules: tuple[str, ...]
    post: Post


def explain(paragraphs: Sequence[Paragraph], *, article_date: date | None = None) -> list[Finding]:
    """The posts of :func:`extract`, each with the names of the rules that attributed it."""
    scanner = Scanner(article_date, False)
    posts = scanner.run(paragraphs, None)
    groups = [g for g in scanner.groups() if g[0].evidence and not g[0].not_social]
    return [Finding(tuple(c.rule for c in g), post) for g, post in zip(groups, posts, strict=True)]


def extract(
    paragraphs: Sequence[Paragraph],
    *,
    article_date: date | None = None,
    title: str | None = None,
    all_quotes: bool = False,
) -> list[Post]:
    """Quoted posts in running prose, in document order."""
    return Scanner(article_date, all_quotes).run(paragraphs, title)


class Scanner:
    def __init__(self, article_date: date | None, all_quotes: bool) -> None:
        self.article_date = article_date
        self.all_quotes = all_quotes
        self.cast = Cast()
        self.contexts: dict[int, Context] = {}
        """Person (by their place in the cast) -> why their quotes are posts."""
        self.crowd: Context | None = None
        self.nearby: tuple[Cue, int] | None = None
        """The latest social cue read, and its paragraph: where a writer nearby posted."""
        self.last_platform: str | None = None
        """The platform the article last named: where "the post" is."""
        self.last_posting: Person | None = None
        """Who was last said to be posting (the owner of "the tweet said")."""
        self.last_poster: tuple[Person, int] | None = None
        """Whose post was found last (named or not: "the agency"), and its paragraph."""
        self.posters: dict[int, Context] = {}
        """A named person whose post was found (by their place in the cast) -> the last one's
        context: "…," she wrote, sentences later, is theirs again where nothing else is named."""
        self.speaking: tuple[Person, int, bool] | None = None
        """Who was last said to be speaking (to reporters, in an interview), the sentence, and
        whether they wrote elsewhere (an email, a statement): their next words ("she added",
        "lamentó") are spoken, or that text, whatever was posted nearby."""
        self.elsewhere = -10
        """The last sentence that named a text written for other readers than a platform's
        (messages sent, an email, a statement): words "written" just after are that text's."""
        self.candidates: list[Candidate] = []
        self.sentence_index = 0
        self.series_paragraph: tuple[int, Person] | None = None
        """The last paragraph that told of someone's series of posts (or quoted one of them alone)."""
        self.colon_tail: Sentence | None = None
        """The last sentence of the paragraph before, when it ends in a colon."""
        self.recent: deque[Sentence] = deque(maxlen=_RECENT_SENTENCES)
        self.before: Sentence | None = None
        """The sentence before the one being read, in the same paragraph."""
        self.last_set_off: Candidate | None = None
        """The latest candidate from a paragraph set off by the markup alone (see :func:`_quotes_of`)."""
        self.page = E.PageWords(())
        self.paragraphs: Sequence[Paragraph] = ()
        self._where: dict[str, tuple[int, list[int]]] = {}
        """A capitalised word -> how often it stands in the page, and the paragraphs holding it."""
        self._recalled: dict[str, int] = {}
        """A surname looked up -> how far along its paragraphs in :attr:`_where` the lookup went."""
        self.paragraph_now = 0
        """The paragraph being read."""
        self.title: str | None = None
        self._series_until = -1
        """The last paragraph a series context holds for."""
        self._single_until = -1
        self.guessed: Person | None = None
        """The person the last description was taken to mean by recency alone (see :meth:`_described`)."""
        self.skipped: set[int] = set()
        """Paragraphs not read in full, whose names :meth:`recall` indexes when needed."""

    # -- driving

    def run(self, paragraphs: Sequence[Paragraph], title: str | None) -> list[Post]:
        """Read the paragraphs once. A paragraph is read in full when it holds a quote that may be
        a post (:meth:`_worth`), with the few before it (kept waiting until then); a paragraph
        that drops out of that window unread is looked at only for a passage that lasts (a series
        of posts), and only when a later quote may need it; its names are read only if a surname
        must be resolved."""
        with slots.reading(chain((p.text for p in paragraphs), (title or "",))):
            return self._run(paragraphs, title)

    def _run(self, paragraphs: Sequence[Paragraph], title: str | None) -> list[Post]:
        self.paragraphs = paragraphs
        self.page = E.PageWords(paragraphs)
        quoted = self.page.quoted
        found: dict[int, list[Quote]] = {}
        waiting: deque[int] = deque()
        unread: list[int] = []
        last_read = -10
        self.title = title
        for k, para in enumerate(paragraphs):
            text = para.text
            if k <= last_read + 2 and (caption := captions.match(text)) is not None:
                self._caption(caption, para.position, k)
                continue
            quotes = found[k] = _quotes_of(para) if k in quoted else []
            if quotes and (self.all_quotes or _attributable(text, quotes)):
                self._flush(unread, k)
                if self._worth(k):
                    self._read_before(waiting, found)
                    waiting.clear()
                    self._paragraph(k, para, quotes)
                    last_read = k
                    continue
            waiting.append(k)
            if len(waiting) > _WINDOW:
                unread.append(waiting.popleft())
        self.skipped.update(unread)
        self.skipped.update(waiting)
        return self._posts()

    def _flush(self, unread: list[int], k: int) -> None:
        """The paragraphs that dropped out of the window unread, looked at before a quote that may
        need them, in reading order: a passage that lasts (:data:`_REACH` paragraphs before ``k``)
        may make the quote a post."""
        for j in unread:
            if j >= k - _REACH:
                self._unread(j)
            else:
                self.skipped.add(j)
        unread.clear()

    def _read_before(self, waiting: deque[int], found: dict[int, list[Quote]]) -> None:
        """The last few sentences before a paragraph worth reading (who "he" or "the singer" is),
        across the paragraphs waiting; the rest of them only for a passage that lasts."""
        budget = _BEFORE_QUOTE
        last: dict[int, int] = {}
        for j in reversed(waiting):
            if budget <= 0:
                break
            n = len(sentences(self.paragraphs[j].text, found[j]))
            last[j] = min(n, budget)
            budget -= last[j]
        for j in waiting:
            if j in last:
                self._paragraph(j, self.paragraphs[j], found[j], attribute=False, last=last[j])
            else:
                self._unread(j)

    def _worth(self, k: int) -> bool:
        """Whether the quotes of a paragraph that may attribute one (:func:`_attributable`) may be
        posts: evidence possible (a social word in it, in the paragraph before or the short one
        after, or someone said to be posting)."""
        return self.all_quotes or self._near_social(k) or self._live(k)

    def _near_social(self, k: int) -> bool:
        """A social word in paragraph ``k``, in the :data:`_WINDOW` paragraphs before (read in full
        before it: "The department announced the exposures on Facebook …", a paragraph of
        background, then "“…,” the department wrote"), or in the short one after (a caption)."""
        page, paragraphs = self.page, self.paragraphs
        after = k + 1 < len(paragraphs) and len(paragraphs[k + 1].text) <= 120 and page.social(k + 1)
        if page.social(k) or page.social(k - 1) or after:
            return True
        # further back only for words said to be written ("…," the department wrote): what is
        # said that far from a platform is speech, and those paragraphs need not be read
        return any(page.social(j) for j in range(k - 2, max(-1, k - _WINDOW - 1), -1)) and bool(
            _WRITING_WORD.search(paragraphs[k].text.lower())
        )

    def _unread(self, k: int) -> None:
        """A paragraph no quote needs: only a passage about someone's posts in it is read (it
        lasts: "sent a series of tweets on Monday")."""
        self.skipped.add(k)
        if self.page.series(k) and E.series(self.paragraphs[k].text):
            self._paragraph(k, self.paragraphs[k], [], attribute=False, lasting_only=True)

    def frequent(self, word: str) -> bool:
        """Whether a capitalised word recurs through the article inside sentences (not at their
        start): a person known by one name ("Elton", "Rihanna", "Suso"), not a word that starts
        sentences."""
        return self._places(word)[0] >= _FREQUENT and word.casefold() not in _COMMON_START

    def _places(self, word: str) -> tuple[int, list[int]]:
        """How often a capitalised word stands in the page, and in which paragraphs (looked up
        once per word, only for the words asked about)."""
        found = self._where.get(word)
        if found is None:
            found = self._where[word] = self.page.places(word)
        return found

    def recall(self, name: str) -> None:
        """Before a surname alone is resolved: the full names of the paragraphs before that hold it,
        if the cast does not know it ("21-year-old Ryan Dubicki rolled his eyes", read cheaply, then
        "Dubicki said").

        Only the skipped paragraphs that hold the word are read, each once, and a word's list of
        paragraphs is walked once in all: linear in the page, however many surnames are asked."""
        if " " in name.strip() or self.cast.mention(name, create=False, subject=False) is not None:
            return
        places = self._places(name)[1]
        i = self._recalled.get(name, 0)
        while i < len(places) and places[i] < self.paragraph_now:
            k = places[i]
            i += 1
            if k in self.skipped:
                self.skipped.discard(k)
                self._index_names(self.paragraphs[k].text)
            else:
                # a paragraph read for its subjects, which named this one as an object only
                # ("beating Frenchman Luc Arnaud by 38 minutes", then "Arnaud was gracious")
                self._index_names(self.paragraphs[k].text, ending=name)
        self._recalled[name] = i

    def _index_names(self, text: str, ending: str | None = None) -> None:
        """The full names of a paragraph not read (``ending``: only those ending in that word),
        known from now on (not as subjects)."""
        if _title_case(text):
            return  # "‘Neutral’ Snopes Fact-Checker David Emery Attacks …": a headline's words
        for m in _FULL_NAME.finditer(text):
            run = m.group("run").split()
            if ending is not None and (run[-1].rstrip(".,") != ending or not _given_before(run)):
                continue  # a given name and the surname asked for, not "Tochter Honor"
            if len(run) >= 2:
                self.cast.mention(m.group("run"), subject=False, touch=False)

    def _paragraph(
        self,
        k: int,
        para: Paragraph,
        quotes: list[Quote],
        *,
        attribute: bool = True,
        lasting_only: bool = False,
        last: int = _BEFORE_QUOTE,
    ) -> None:
        text = para.text
        if (
            (self.title and text == self.title)
            or dates.parse_dateline(text) is not None
            or notices.is_notice(text)
            or notices.is_skip_link(text)
        ):
            return
        if not quotes and len(text) <= 60 and passages.heading(self, text) is not None:
            return  # "Kim Kardashian" over the paragraphs about her
        self.paragraph_now = k
        prefix = _DATELINE_PREFIX.match(text)
        prev: Candidate | None = None
        self.before = None
        spans = sentences(text, quotes, attributed=_attributed)
        chosen = self._worth_reading(k, text, spans, quotes) if attribute else []
        needed = set() if lasting_only else _needed(spans, chosen, last)
        worth = set(chosen)
        by_sentence = _by_sentence(spans, quotes)
        for i, (s_start, s_end) in enumerate(spans):
            if prefix and s_start == 0:
                s_start = prefix.end()
            inner = [q for q in by_sentence[i] if q.start >= s_start]
            self.sentence_index += 1
            outside = _outside(text, s_start, s_end, inner) if inner else text[s_start:s_end]
            s = Sentence(k, text, s_start, s_end, para.position, inner, outside, self.sentence_index)
            if i in needed or (self.page.series(k) and s.gate().series):
                self._passage(s)
            elif self.page.social(k):
                self._cue_only(s)
            for q in inner:
                if q not in worth:
                    continue
                cand = self._attribute(s, q, prev)
                if cand is not None:
                    self.candidates.append(cand)
                    prev = cand
                    if not q.opener:
                        self.last_set_off = cand
            self.recent.append(s)
            self.before = s
        final = self.before
        self.colon_tail = final if final is not None and text.rstrip().endswith(":") else None

    def _worth_reading(
        self, k: int, text: str, spans: list[tuple[int, int]], quotes: list[Quote]
    ) -> list[Quote]:
        """The quotes of a paragraph that may be posts, the rest passed over: some evidence must be
        possible (a social word here or in the paragraph before, or someone said to be posting),
        and an attribution (a listed verb in the sentence, a colon, or the quote opening it)."""
        if self.all_quotes:
            return quotes
        if not (self._near_social(k) or self._live(k)):
            return []
        chosen: list[Quote] = []
        for (start, end), inner in zip(spans, _by_sentence(spans, quotes), strict=True):
            if not inner:
                continue
            sentence = text[start:end]
            if (
                ":" in sentence
                or _VERB_GATE.search(sentence.lower())
                or not text[start : inner[0].start].strip()
            ):
                chosen.extend(inner)
            elif self.page.social(k) and Gate(sentence).social:
                chosen.extend(inner)  # "He apologized on Twitter explaining the post “was a joke.”"
        return chosen

    def _live(self, k: int) -> bool:
        """Whether anyone is said to be posting now (a context that may make a quote a post)."""
        if k <= self._series_until and any(
            c.lasting == Lasting.SERIES and k <= c.until for c in self.contexts.values()
        ):
            return True
        if self.sentence_index <= self._single_until or (self.crowd is not None and k <= self.crowd.until):
            return True
        if self.posters and _WRITING_WORD.search(self.paragraphs[k].text.lower()):
            return True  # someone who posted before may write again ("…," she wrote)
        return self.nearby is not None and self.nearby[1] >= k - 1

    # -- passages: who is the subject, and do they say posts are being quoted?

    def _passage(self, s: Sentence) -> None:
        if _headline(s.outside):
            return
        subject, end = passages.subject(self, s)
        subject, end2 = passages.names_around_verbs(self, s.outside, subject)
        s.subject, s.subject_end = subject, end or end2
        gate = s.gate() if self.page.social(s.paragraph) else _NO_WORDS
        clean = E.clean(s.outside)
        s.cue = E.social(clean) if gate.social else None
        if (
            s.cue is None
            and self.last_platform
            and subject is not None
            and (shared := E.shared(clean, s.subject_end))
        ):
            s.cue = Cue(self.last_platform, shared, s.subject_end)  # "Norman had posted a picture"
        if s.cue is None and gate.social and (noun := E.post_noun(clean)):
            if self.last_platform:
                s.cue = Cue(self.last_platform, noun, clean.find(noun), bare=True)
            elif noun.casefold().rstrip("s") not in _PRINT_TOO:
                # "added in a final post:", no platform named: a post all the same (a caption
                # may be a printed photo's)
                s.cue = Cue("unknown", noun, clean.find(noun), bare=True)
        if s.cue is None and gate.social:
            s.cue = E.follow_up(clean, self.last_platform)  # "showed their support in the comments"
        if s.cue is not None:
            self.nearby = (s.cue, s.paragraph)
            if s.cue.platform != "unknown":
                self.last_platform = s.cue.platform
        elif (
            gate.social
            and clean != s.outside
            and (aside := E.social(s.outside) or E.platform_named(s.outside))
            and not aside.bare
        ):
            # "The coastguard, which publishes its warnings on Mastodon, was blunter.", "Henning,
            # who rarely uses Bluesky, responded there": a platform named in a relative clause says
            # where its subject writes, not that this sentence quotes a post; words "posted" or
            # "written" right after may stand there
            self.nearby = (aside, s.paragraph)
            if aside.platform != "unknown":
                self.last_platform = aside.platform
        self._contexts(s, clean, gate)
        if (s.cue is None or s.cue.bare) and _WRITTEN_ELSEWHERE.search(s.outside) is not None:
            self.elsewhere = self.sentence_index

    def _cue_only(self, s: Sentence) -> None:
        """A sentence not read in full still says which platform the article is about now."""
        if not s.gate().social:
            return
        cue = E.social(E.clean(s.outside))
        if cue is not None:
            s.cue = cue
            self.nearby = (cue, s.paragraph)
            if cue.platform != "unknown":
                self.last_platform = cue.platform

    def _contexts(self, s: Sentence, clean: str, gate: Gate) -> None:
        """Who the sentence says is posting: a passage about someone's posts, the subject's own
        post, a crowd posting; and whose posting it ends (speaking, an interview)."""
        subject, cue = s.subject, s.cue
        crowd = _crowd(s.outside)
        if crowd and cue is None and gate.social:
            # "Fans flooded the club's Instagram post with comments": the post of another is
            # where a crowd writes
            cue = E.social(s.outside)
        if cue is not None and crowd:
            self.crowd = Context(
                Lasting.CROWD, cue.platform, f"passage '{cue.words}'", self._day(clean), s.paragraph + _CROWD
            )
        elif self.crowd is not None and cue is not None:
            self.crowd.until = max(self.crowd.until, s.paragraph + _CROWD)
        if subject is None or crowd:
            return
        old = self.contexts.get(subject.order)
        series = E.series(clean) if gate.series else None
        if series is not None:
            platform = cue.platform if cue and cue.platform != "unknown" else "twitter"
            day = self._day(clean) or (old.day if old else None)
            self._set(
                subject,
                Context(Lasting.SERIES, platform, f"passage '{series.group(0)}'", day, s.paragraph + _REACH),
            )
            self.series_paragraph = (s.paragraph, subject)
        elif E.not_social(clean) or E.spoken(clean):
            self.speaking = (subject, self.sentence_index, _WRITTEN_ELSEWHERE.search(clean) is not None)
            if old is not None and old.lasting == Lasting.SINGLE:
                del self.contexts[subject.order]  # "Speaking later in Hanoi, Trump said ..."
        elif (
            cue is not None
            and not cue.bare
            and _own_cue(s, cue)
            and (old is None or old.lasting != Lasting.SERIES)
        ):
            until = self.sentence_index + _SINGLE
            self._set(
                subject,
                Context(Lasting.SINGLE, cue.platform, f"passage '{cue.words}'", self._day(clean), until),
            )

    def _set(self, person: Person, context: Context) -> None:
        context.since = self.sentence_index
        self.contexts[person.order] = context
        if context.lasting == Lasting.SERIES:
            self._series_until = max(self._series_until, context.until)
        else:
            self._single_until = max(self._single_until, context.until)
        self.last_posting = person

    def context_of(self, person: Person) -> Context | None:
        ctx = self.contexts.get(person.order)
        if ctx is not None and ctx.lasting == Lasting.SINGLE and self.sentence_index > ctx.until:
            return None
        if ctx is not None and ctx.lasting == Lasting.SERIES and self.paragraph_now > ctx.until:
            return None
        return ctx

    def _day(self, text: str) -> date | None:
        return E.day_of(text, self.article_date)

    # -- quotes: who said it, with what evidence

    def _attribute(self, s: Sentence, q: Quote, prev: Candidate | None) -> Candidate | None:
        text = s.text
        nxt = next(iter(find_quotes(text, q.end, s.end, limit=1)), None)
        after = text[q.end : nxt.start if nxt is not None else s.end]
        if nxt is not None and after.strip() == "(" and text.startswith(")", nxt.end):
            # '"Vi forhandler ikke …" ("We do not negotiate …"), he posted': the attribution
            # stands after the translation in brackets
            later = next(iter(find_quotes(text, nxt.end + 1, s.end, limit=1)), None)
            after = text[nxt.end + 1 : later.start if later is not None else s.end]
        elif (bracket := _TRANSLATION_AFTER.match(text, q.end)) is not None:
            # '"Gracias a todos" (Thank you all. This is only the beginning), he wrote in the
            # caption': a translation in brackets, its own sentences inside; the attribution
            # stands after it
            end = _SENTENCE_END.search(text, bracket.end())
            after = text[bracket.end() : end.start() + 1 if end is not None else len(text)]
        lead_start = max(s.start, prev.quote.end if prev is not None and prev.sentence is s else s.start)
        leadin, lead_sentence, carried = text[lead_start : q.start], s, False
        tail = self.colon_tail
        if q.start == 0 and tail is not None and tail.paragraph == s.paragraph - 1 and not leadin.strip():
            leadin, lead_sentence, carried = tail.text[tail.start : tail.end], tail, True
        site = Site(s, q, clean_quote(q.text), leadin, after, prev, s.base + q.start, lead_sentence, carried)
        for rule in RULES:
            found = rule.find(self, site)
            if found is None:
                continue
            if found.veto:
                return None
            cand = self._candidate(rule, site, found)
            if cand is not None:
                return cand
        return None

    def _candidate(self, rule: Rule, site: Site, found: Found) -> Candidate | None:
        speaker = found.speaker
        if speaker is None:
            return None
        if found.continues is not None:
            found.continues.pending = False  # a fragment the speaker goes on from: one post from it
            return found.continues.continued_by(site, rule.name)
        prev = self.candidates[-1] if self.candidates else None
        near = prev is not None and prev.sentence.paragraph >= site.sentence.paragraph - 1
        if (
            prev is not None
            and near
            and prev.pending
            and prev.speaker is speaker
            and found.verb in P.CONTINUING
        ):
            # "… explaining the post “was meant to be funny.” He added: “…”": one post, from the fragment
            prev.pending = False
            return prev.continued_by(site, rule.name)
        pending = found.pending or (rule.name != "in-part" and _fragment_of_sentence(site))
        cand = Candidate(
            site.quote, site.text, speaker, site.position, site.sentence, rule.name, pending=pending
        )
        region = E.clean(found.region)
        if region and E.spoken(region):
            cand.not_social = True
            return cand
        if rule.name in _AFTER_RULES and E.spoken(_words_before(site.sentence.text, site.quote.start)):
            cand.not_social = True  # "En un video transmitido en vivo por Facebook, una vecina …: “…”, dijo."
            return cand
        if not self._attribution(cand, found, region):
            return None
        if not cand.evidence and not cand.not_social and rule.name in _AFTER_RULES:
            self._own_leadin(cand, site)
        elif not cand.evidence and not cand.not_social and rule.name == "lead-colon":
            self._own_leadin(cand, site, named_only=True)  # "Weller zitierte den Beitrag mit den Worten:"
        if not cand.evidence and not cand.not_social:
            self._from_context(cand, found)
        if not cand.evidence and not cand.not_social:
            # "„…“, meldete die Polizei. Der Beitrag sammelte 5.000 Likes": the next sentence opens
            # on the post the quote was
            after = site.sentence.text[site.sentence.end :]
            if (opens := _POST_OPENS.match(after)) is not None:
                cand.evidence.append(f"post '{opens.group('noun')}'")
                cand.platform = cand.platform or self.last_platform
        if cand.day is None:
            cand.day = self._day(region) if region else None
        if cand.day is None and (ctx := self.context_of(speaker)) is not None:
            cand.day = cand.day or ctx.day
        if cand.evidence and not cand.pending:
            self._posted(cand)
        return cand

    def _attribution(self, cand: Candidate, found: Found, region: str) -> bool:
        """The evidence the attribution itself gives (a posting verb, a platform phrase, a post
        named); false when a verb the lexicon does not list stands without a platform phrase."""
        verb = found.verb
        cue = E.social(region) if region else None
        noun = None
        if cue is None and verb and self.last_platform:
            if _writes(verb):
                noun = E.post_noun(region) or E.post_medium(region)  # "she wrote in the caption"
            elif found.evidence is None:
                noun = E.post_medium(region)  # "in a follow-up post, the weather service said"
        if noun and self.last_platform and not E.not_social(region):
            cue = Cue(self.last_platform, noun, region.find(noun), bare=True)  # "she wrote in the caption"
        elif (
            cue is None
            and verb
            and not self.last_platform
            and (medium := E.post_medium(region))
            and not E.not_social(region)
        ):  # "added in a final post:", no platform named before
            cue = Cue("unknown", medium, region.find(medium), bare=True)
        introduces = verb is not None or region.rstrip().endswith(":")  # "le contestó en la misma red:"
        if cue is None and noun is None and introduces and not E.not_social(region):
            # "wrote in the comments", "on the same platform"; "in the comments under the chef's
            # Instagram post": the post replied to (left out of the cleaned region) names the platform
            around = E.social(found.region)
            cue = E.follow_up(region, around.platform if around else self.last_platform)
        if (
            cue is None
            and found.ref is not None
            and found.ref.kind == Kind.HANDLE
            and (
                (verb and (_writes(verb) or found.ref.crowd))
                or (verb is None and region.rstrip().endswith(":"))
            )
        ):
            # "@cityworks posted:"; "said another user, @dockrat_dan": one of a crowd known by
            # an account speaks where accounts do, whatever the verb; "@NWSTallahassee followed
            # with a warning:" an account that introduces words posts them
            cue = Cue(self.last_platform or "unknown", f"@{found.ref.handle}", 0)
        if (
            cue is None
            and verb
            and _writes(verb)
            and (h := _HANDLE_BESIDE.search(region))
            and not E.not_social(region)
        ):
            # "“…,” wrote Kevin Osei, who posts as @kosei": a writer given by their account
            cue = Cue(self.last_platform or "unknown", h.group(0), h.start())
        if verb and not P.listed_verb(verb) and not E.posted_there(region, verb):
            return False  # "ranted on Twitter", "schwärmte auf Instagram", "celebró en X": nothing else
        if cue is not None and E.elsewhere_first(region, cue.start):
            cue = None  # "told Rolling Stone, days after deleting their Instagram account"
        if cue is not None:
            cand.platform = cue.platform
            cand.evidence.append(f"verb '{verb}'" if verb and cue.words == verb else f"phrase '{cue.words}'")
        elif found.evidence is not None:
            ctx = self.context_of(cand.speaker)
            cand.platform = found.platform or (ctx.platform if ctx else None) or self.last_platform
            if found.evidence == "series" and ctx is not None:
                cand.evidence.append(ctx.evidence)
                cand.day = ctx.day
            elif found.evidence != "series":
                cand.evidence.append(found.evidence)
        cand.not_social = not cand.evidence and E.not_social(region)
        return True

    def _own_leadin(self, cand: Candidate, site: Site, *, named_only: bool = False) -> None:
        """'Reyes posted on Facebook after the vote that “…,” she added': the subject's own
        lead-in says where the words were posted (``named_only``: a platform named or a post
        shared, not a post noun alone)."""
        s = site.sentence
        cue = s.cue
        if cue is None or cand.speaker is not s.subject or site.lead_sentence is not s:
            return
        if named_only and cue.bare:
            return
        if s.start + cue.start < site.quote.start:
            cand.platform = cue.platform
            cand.evidence.append(f"phrase '{cue.words}'")

    def _from_context(self, cand: Candidate, found: Found) -> None:
        """Evidence from what the article said before: the speaker is posting (their own
        context), one of a crowd posting, or writing right after a platform was named."""
        speaker, verb, ref = cand.speaker, found.verb, found.ref
        if not speaker.named and speaker.role and set(speaker.role.casefold().split()) & P.SPOKES:
            return  # "a company spokesperson said": an organisation's statement
        verb_word = verb.split()[-1].casefold() if verb else None
        own = found.region
        if (clause := _PARTICIPLE_CLAUSE.search(own)) is not None:
            own = own[: clause.start()]  # "he posted, adding a link to a ministry statement"
        medium = next(
            (m for m in _OTHER_MEDIUM.finditer(own) if m.group(0).casefold() != verb_word), None
        )  # "ha escrito" is the verb, not "un escrito" (a court filing)
        another = (
            self.posters.get(speaker.order)
            if verb is None
            and speaker.named
            and own.rstrip().endswith(":")
            and (E.post_noun(own) is not None or _PLATFORM_NOUN_WORD.search(own) is not None)
            and _WRITTEN_ELSEWHERE.search(own) is None
            else None
        )  # one who posted, introducing "a shorter message:" of theirs: another post
        if (
            another is None
            and medium is not None
            and not _UNDER.search(own, max(0, medium.start() - 32), medium.start())
            and not _POSTED_A.search(own, max(0, medium.start() - 40), medium.start())
            and verb_word not in _CAPTION_VERBS
            and not E.described(own)
        ):
            return  # "the website, which contains the following statement:" (not "captioned the video:")
        if _ABOUT_A_POST.search(cand.text):
            return  # 'Tijen kommentiert: „… So wurde der Tweet dann …“': words about the post, not it
        if _long_ago(own):
            return  # "As he once wrote:": a saying cited, whatever he posted this week
        writes = verb is not None and _writes(verb)
        if cand.sentence.index - self.elsewhere == 1:
            # "…alongside text messages he sent. In one of those messages, he wrote:": that text
            return
        if (
            self.speaking is not None
            and self.speaking[0] is speaker
            and self.sentence_index - self.speaking[1] <= _SINGLE
            and self.context_of(speaker) is None
            and (not writes or self.speaking[2])
        ):
            # "…, she told reporters. “…,” she added": still speaking, whoever posted nearby; but
            # "Unter das Video schrieb sie:" after her words in the video is written; "explained
            # the closure in an email to families. “…,” she wrote": written, and in the email
            return
        ctx = self.context_of(speaker) if not found.guessed else None
        crowd = self.crowd if self.crowd is not None and cand.sentence.paragraph <= self.crowd.until else None
        if ctx is None and crowd is not None and (writes or _one_of_many(speaker, ref)):
            ctx = crowd
        if ctx is None and writes and speaker.named and (earlier := self.posters.get(speaker.order)):
            ctx = earlier  # "Later Saturday the mayor returned to the subject. “…,” she wrote."
        if ctx is None and another is not None:
            ctx = another  # "He followed that on Sunday with a shorter message:": one more of his posts
        if (
            ctx is None
            and verb is not None
            and " ".join(verb.casefold().split()) in _RETORTS
            and speaker.named
            and (earlier := self.posters.get(speaker.order)) is not None
            and self.nearby is not None
            and self.nearby[1] >= cand.sentence.paragraph - 1
        ):
            # "“Nobody is ripping anything out,” the mayor wrote [on Bluesky]. Mahal shot back: “…”":
            # one who posted, answering a post just quoted, answers where it stands
            ctx = earlier
        goes_on = (
            verb is not None
            and (verb_word in P.CONTINUING or verb.casefold() in P.CONTINUING)
            and self._post_just_before(cand)
        )  # '“…”, a écrit une fan. “…”, a renchéri une autre.'
        if ctx is None and (writes or goes_on or found.platform == "additive") and self.nearby is not None:
            cue, k = self.nearby
            if k >= cand.sentence.paragraph - 1:
                ctx = Context(Lasting.SINGLE, cue.platform, f"passage '{cue.words}'", None, 0)
        if ctx is not None:
            cand.platform = ctx.platform
            cand.evidence.append(ctx.evidence)
            cand.day = ctx.day

    def _post_just_before(self, cand: Candidate) -> bool:
        """Whether the candidate before this one, in its paragraph, is a post (words "added" or
        "went on" after it, by anyone, follow it in its place)."""
        last = self.candidates[-1] if self.candidates else None
        return (
            last is not None
            and last.sentence.paragraph == cand.sentence.paragraph
            and bool(last.evidence)
            and not last.not_social
        )

    def _posted(self, cand: Candidate) -> None:
        """A post found: its speaker is posting for the next few sentences ("she added"), and an
        unnamed one is one of a crowd."""
        speaker = cand.speaker
        platform = cand.platform or "unknown"
        old = self.contexts.get(speaker.order)
        k = cand.sentence.paragraph
        if old is not None and old.lasting == Lasting.SERIES and k <= old.until:
            old.until = k + _REACH  # their posts go on: the passage about them holds on
            self._series_until = max(self._series_until, old.until)
            self.last_posting = speaker
        else:
            until = self.sentence_index + _SINGLE
            self._set(speaker, Context(Lasting.SINGLE, platform, cand.evidence[0], None, until))
        self.last_poster = (speaker, k)
        if speaker.named:
            self.posters[speaker.order] = Context(Lasting.SINGLE, platform, cand.evidence[0], None, 0)
        if not speaker.named:
            self.crowd = Context(Lasting.CROWD, platform, cand.evidence[0], cand.day, k + 1)
        if self.nearby is None or self.nearby[1] < k:
            # a post quoted is a platform named: the next paragraph's writer ("That drew a reply
            # from the coach, who wrote:") writes there, as after "on X"
            said = _EVIDENCE_WORDS.search(cand.evidence[0])
            self.nearby = (Cue(platform, said.group(1) if said else cand.evidence[0], 0), k)

    # -- speakers

    def found(
        self,
        ref: Speaker,
        site: Site,
        *,
        region: str,
        verb: str | None,
        at: str | None = None,
        app: str | None = None,
        pre: str = "",
    ) -> Found:
        """A rule's speaker phrase, resolved, with the account and the role written beside it
        ("Ann Reyes (@annreyes)", "Ann Reyes, a nurse from Ohio,", "utility spokesman Ann Reyes")."""
        pre = pre.strip()
        if verb and not P.listed_verb(verb) and not E.posted_there(region, verb):
            return Found(None)  # an unlisted verb says nothing without a platform: no one resolved
        self.guessed = None
        after_preposition = bool(_PREP_BEFORE.search(pre)) and not _ACCOUNT_OF.search(pre)
        person = self.resolve(ref, after_preposition=after_preposition)
        guessed = person is not None and person is self.guessed
        handle = (at or "")[1:] or handle_in(region)
        if person is not None and handle and person.handle is None:
            person.handle = handle
        if person is not None and ref.kind == Kind.NAME and person.role is None:
            if app:
                person.role = passages.role_of(app)
            elif pre:
                person.role = _role_before(pre, ref.name or "")
        return Found(person, region=region, verb=verb, ref=ref, guessed=guessed)

    def resolve(self, ref: Speaker, *, after_preposition: bool = False) -> Person | None:
        """The person a speaker phrase means (a new one for someone never named)."""
        cast = self.cast
        if ref.kind == Kind.PRONOUN:
            person = self.pronoun(ref.surface)
            return person or cast.anonymous(ref.surface.lower(), gender=ref.gender)
        if ref.kind == Kind.HANDLE:
            return cast.by_handle(ref.handle or "")
        if ref.kind == Kind.NAME:
            return self._named(ref, after_preposition)
        if ref.kind == Kind.DESCRIPTION:
            person = self._described(ref)
            if person is not None:
                return person
        person = cast.anonymous(ref.surface, gender=ref.gender, head=ref.head)
        person.role = ref.role
        if ref.body:
            cast.set_gender(person, Gender.BODY)
        return person

    def _named(self, ref: Speaker, after_preposition: bool = False) -> Person | None:
        name = ref.name or ref.surface
        self.recall(name)
        org = ref.body and len(name.split()) == 1
        person = self.cast.mention(name, org=org, after_preposition=after_preposition)
        if person is None:
            return None
        if ref.body and person.gender is None:
            self.cast.set_gender(person, Gender.BODY)
        self.cast.set_gender(person, ref.gender)
        if ref.role:
            if person.role is None and not ref.body:
                titles = [t for t in split_title(name)[0] if t.casefold() not in ref.role.casefold().split()]
                person.role = " ".join((ref.role, *titles))
            person.describe(ref.role.split()[-1])
        if ref.head:
            person.describe(ref.head)
        return person

    def _described(self, ref: Speaker) -> Person | None:
        """ "the reality figure", "der Popstar", "la ministra": someone called so before, else the
        latest subject who can be meant (by gender), else no one yet; "the same account", "la
        misma cuenta": the one whose post was found last."""
        head = ref.head or ""
        if (
            head.casefold() in P.ACCOUNT_NOUNS
            and self.last_poster is not None
            and set((ref.role or "").casefold().split()) & _SAME_WORDS
        ):
            return self.cast.touch(self.last_poster[0])
        person = self.cast.nominal(head, proper=ref.proper)
        if person is None and ref.body and not ref.proper and head.casefold() in GENERIC_ORGS:
            # "Critics, including the State Association of School Administrators, argue …. The
            # association weighed in": named in the sentences before, not as their subject
            for s in self.recent:
                passages.register_names(self, s)
            person = self.cast.nominal(head, any_body=False)
        words_ = ref.role.split()[:-1] if ref.role else []
        for noun in reversed(words_) if person is None and ref.body else ():
            # "the police department" after "The Riverton police" was named
            if noun.casefold() in P.BODIES:
                person = self.cast.nominal(noun, proper=ref.proper)
                if person is not None:
                    break
        if person is None and ref.body and ref.proper:
            # "the Lakeside police department": a body of its own, not the last department named
            body = " ".join((*ref.proper, *(w for w in words_ if w not in ref.proper), head))
            if head[:1].isupper() and ref.role and ref.role.split()[0].casefold() in _SOURCE_WORDS:
                # "el Ministerio de Trabajo": the head named first, then what it is of
                body = f"{head} {ref.role}"
            return self.cast.mention(body, org=True)
        if person is None and not ref.relational and not ref.body and passages.is_role(head):
            # "the reality figure": most often the person the article is about, last named; a
            # guess, so no evidence of theirs carries over ("the announcer said" is not Reyes's)
            person = self.cast.latest(ref.gender, strong=True)
            if person is None or not person.named or person.gender == Gender.BODY:
                return None
            if (
                person.descriptions
                and head.casefold() not in person.descriptions
                and head.casefold() in P.ROLE_NOUNS
            ):
                # "La actriz Daniela Restrepo reaccionó …", then "la artista respondió": the
                # actress is not called the artist a sentence later; the one the headline names is
                person = self._headlined(ref.gender) or person
            self.guessed = person
            return self.cast.touch(person)
        if person is None:
            return None
        person.add_alias(ref.surface)
        person.describe(head)
        self.cast.set_gender(person, ref.gender)
        return self.cast.touch(person)

    def _headlined(self, gender: Gender | None) -> Person | None:
        """The one person the headline names in full (of ``gender`` or of none known), if any."""
        title = (self.title or "").casefold()
        if not title:
            return None
        found = [
            p
            for p in self.cast.people
            if p.named
            and len(p.tokens) >= 2
            and p.gender != Gender.BODY
            and (gender is None or p.gender in (gender, None))
            and re.search(rf"(?<!\w){re.escape(p.name.casefold())}(?!\w)", title)
        ]
        return found[0] if len(found) == 1 else None

    def pronoun(self, word: str) -> Person | None:
        """The person a pronoun means; when no one fits "he" or "she", the people the last few
        sentences name besides their subjects are looked at too ("Senator Maria Okafor met
        Governor Tom Ortiz. He later tweeted")."""
        person = self.cast.pronoun(word)
        if person is not None:
            return person
        for s in self.recent:
            passages.register_names(self, s)
        return self.cast.pronoun(word)

    def post_owner(self, det: str, tail: str, noun: str, mods: str = "") -> Person | None:
        """Whose "post read" it is: "her"/"his"/"their" as a pronoun; the account named after it
        ("the tweet from Vulture magazine"); else the one most lately said to be posting (for a
        noun that names no platform, as "the caption", only in the sentence or two before); for
        one post of a series ("A later post", "the final update": ``mods``, the words before the
        noun), the one whose post was found last."""
        owner = self._post_owner(det, tail, noun)
        if owner is None and set(mods.casefold().split()) & _SERIES_POSITIONS and self.last_poster:
            person, k = self.last_poster
            if self.paragraph_now - k <= _REACH:
                return self.cast.touch(person)
        return owner

    def _post_owner(self, det: str, tail: str, noun: str) -> Person | None:
        if det.casefold() in P.POSSESSIVES:
            return self.pronoun(det)
        if det.endswith(("'s", "’s")) and det[:1].isupper():
            return self.cast.mention(det[:-2], subject=False)  # "Darrow's final post … It read:"
        m = _FROM_NAME.match(tail)
        if m is not None and (found := read(m.group("who") or m.group("gen"))) is not None:
            return self.resolve(found[0])  # "the tweet from Vulture magazine", "from the club's account"
        m = _POST_ON_ACCOUNT.match(f"{det} {noun}{tail}")
        if m is not None:  # "a post on Reyes's Facebook page", "a tweet on her account", "the club's"
            own = m.group("own")
            if own.casefold() in P.POSSESSIVES:
                return self.pronoun(own)
            whose = _OWNER_END.sub("", own)
            if whose[:1].islower() and (described := read(whose)) is not None:
                return self.resolve(described[0])
            return self.cast.mention(whose, subject=False)
        m = _ON_NAMED_ACCOUNT.match(tail)
        if m is not None:  # "on the official White House X account", "on the Riverton Water Board account"
            words_ = m.group("own").split()
            while words_ and words_[-1].casefold() in vocab.PLATFORM_NAMES:
                words_.pop()  # "White House X account": the platform, not a word of the name
            if words_:
                return self.cast.mention(" ".join(words_), subject=False)
        for s in list(self.recent)[-2:]:
            # "a Facebook post Harlan published in 2021. The post … read:": whose it is, named in
            # the clause after its noun, not the sentence's subject who shows it
            if (by := _POST_BY_NAME.search(s.outside)) is not None:
                return self.cast.mention(by.group("run"), subject=False)
        person = self.last_posting
        ctx = self.context_of(person) if person is not None else None
        if person is None or ctx is None:
            owner = self._account_owner()
            if owner is None and _PLATFORM_NOUN.search(noun):
                owner = self._sharer()
            return owner or self._named_post_subject()
        return person if _PLATFORM_NOUN.search(noun) or self.sentence_index - ctx.since <= 2 else None

    def dropped_subject(self, s: Sentence) -> Person | None:
        """The subject a sentence leaves out, where it says the words were posted ("Ferraro
        anunció que se retira. Lo hizo con un mensaje que posteó en sus redes sociales:"; Spanish,
        Italian and Portuguese leave it out): the named subject of the sentence before, in the
        same paragraph."""
        if s.cue is None or s.cue.bare:
            return None
        before = None
        for r in self.recent:
            if r is s:
                break
            before = r
        else:
            before = self.before  # ``s`` is the sentence being read
        if before is None or before is s or before.paragraph != s.paragraph:
            return None
        return before.subject  # named or described ("La propia artista fue la primera en hablar.")

    def _named_post_subject(self) -> Person | None:
        """The subject of a sentence just read that named a post of a platform ("Bea Marr has
        edited a LinkedIn post in which …. The post, published on Monday, originally read:")."""
        for k, s in enumerate(reversed(self.recent)):
            if s.cue is None or s.subject is None:
                continue
            if _POST_WORD.search(s.cue.words) or (k == 0 and not s.cue.bare):
                # or the sentence just read said where its subject turned ("Felix Anhalt wandte
                # sich auf LinkedIn an die Öffentlichkeit. „…“, beginnt der Beitrag.")
                return s.subject
        return None

    def _sharer(self) -> Person | None:
        """Who, in the last sentences read, posted or shared something ("the city's account posted
        a bingo card on Monday"): the owner of a post whose noun names its platform ("the tweet
        read") when no platform was named before it."""
        for s in reversed(self.recent):
            if s.subject is not None and _SHARER_VERB.match(E.clean(s.outside), s.subject_end):
                return s.subject
        return None

    def _account_owner(self) -> Person | None:
        """The owner of the account a post was just named on ("someone read a post on his
        Facebook page", "a tweet from Reyes’s account"), in the last few sentences read."""
        for s in reversed(self.recent):
            m = _POST_ON_ACCOUNT.search(s.outside)
            if m is None:
                continue
            own = m.group("own")
            if own.casefold() in P.POSSESSIVES:
                return self._named_before_possessive(s.outside, m.start("own"), own)
            return self.cast.mention(_OWNER_END.sub("", own), create=False, subject=False)
        return None

    def _named_before_possessive(self, text: str, at: int, own: str) -> Person | None:
        """Whom "his"/"her" means in "searching for Okafor after a neighbour read a post on her
        Facebook page": the person named last before it in the sentence whose gender fits (not
        the sentence's subject by default: the resolver of "he tweeted" would take that)."""
        gender = P.POSSESSIVES.get(own.casefold())
        names = [m.group("run") for m in _FULL_NAME.finditer(text, 0, at)]
        for run in reversed(names):
            person = self.cast.mention(run, create=False, subject=False)
            if person is not None and (not isinstance(gender, Gender) or person.gender in (None, gender)):
                return person
        return None

    def series_owner(self, k: int) -> Person | None:
        if self.series_paragraph is None or self.series_paragraph[0] != k - 1:
            return None
        return self.series_paragraph[1]

    def sentence_before(self, s: Sentence) -> Sentence | None:
        before = self.before
        return before if before is not None and before.paragraph == s.paragraph and before is not s else None

    def named_before(self, s: Sentence, cue: Cue) -> Person | None:
        """The name nearest before a cue ("… for Mayor Ann Reyes, known for tweeting"): whom the
        cue is about, when the sentence has no subject."""
        last = None
        for m in _FULL_NAME.finditer(s.outside, 0, cue.start):
            if len(m.group("run").split()) >= 2:
                last = m
        return self.cast.mention(last.group("run")) if last is not None else None

    def post_named(self, s: Sentence) -> tuple[Person, Cue] | None:
        """ "Sein letztes Instagram-Posting ist vom Oktober", "Her last tweet was on Monday": a
        sentence naming someone's post, and whose it is."""
        m = _NAMED_POST.search(s.outside)
        if m is None:
            return None
        cue = E.social(m.group(0))
        if cue is None:
            return None
        owner = self.pronoun(m.group("det")) if m.group("det").casefold() in P.POSSESSIVES else s.subject
        return (owner, cue) if owner is not None else None

    # -- captions

    def _caption(self, cap: captions.Caption, position: int, k: int) -> None:
        evidence = f"caption '{cap.text}'"
        person = self.cast.mention(cap.who, subject=False, create=False) if cap.who else None
        if person is not None:
            old = self.contexts.get(person.order)
            self._set(
                person, Context(Lasting.SERIES, cap.platform, evidence, old.day if old else None, k + _REACH)
            )
        last = max((c.sentence.paragraph for c in self.candidates), default=-1)
        for cand in self.candidates:
            if (
                cand.sentence.paragraph == last
                and last >= k - 2
                and (person is None or cand.speaker is person)
            ):
                if evidence not in cand.evidence:
                    cand.evidence.append(evidence)
                if cand.platform is None:
                    cand.platform = cap.platform

    # -- assembly

    def groups(self) -> list[list[Candidate]]:
        """The candidates, each post's parts together (a split quote, a continued one)."""
        groups: list[list[Candidate]] = []
        for cand in self.candidates:
            if cand.continues and groups and groups[-1][-1].speaker is cand.speaker:
                groups[-1].append(cand)
            else:
                groups.append([cand])
        return [g for g in groups if not (g[0].pending and len(g) == 1)]

    def _posts(self) -> list[Post]:
        authors: dict[int, Author] = {}
        posts: list[Post] = []
        for group in self.groups():
            head = group[0]
            evidence = list(dict.fromkeys(e for c in group for e in c.evidence))
            social = bool(evidence) and not head.not_social
            if not social and not self.all_quotes:
                continue
            platform = next((c.platform for c in group if c.platform), None) if social else None
            author = authors.get(head.speaker.order) or _author(head.speaker, platform)
            authors[head.speaker.order] = author
            posts.append(
                Post(
                    platform=(platform or "unknown") if social else "unknown",
                    text=_join(c.text for c in group),
                    author=author,
                    kind="quote",
                    published=next((c.day for c in group if c.day), None),
                    position=head.position,
                    evidence=tuple(evidence) if social else ("quoted statement, no social evidence",),
                    confidence=0.8 if social else 0.3,
                )
            )
        return posts


# ---------------------------------------------------------------- helpers


def _author(person: Person, platform: str | None) -> Author:
    if not person.named:
        role = person.role or person.name
        aliases = tuple(a for a in (person.name, *person.aliases) if not a.startswith("@"))
        return Author(name=None, handle=person.handle, platform=platform, role=role, aliases=aliases)
    return Author(
        name=person.name,
        handle=person.handle,
        platform=platform,
        role=person.role,
        aliases=tuple(person.aliases),
    )


def _given_before(run: list[str]) -> bool:
    """Whether the word before a name's last is a name's too ("Luc Arnaud"), not a title, a kin
    noun or a noun ("Tochter Honor", "Frenchman Arnaud")."""
    word = run[-2] if len(run) >= 2 else ""
    return (
        word[:1].isupper()
        and not is_title_word(word)
        and lexicon.gender_of(word) is None
        and fold_key(word) not in NOT_NAMES
    )


def _writes(verb: str) -> bool:
    """A verb that says the words were written or posted ("wrote", "posted", "schrieb")."""
    folded = " ".join(verb.casefold().split())
    last = folded.split()[-1]
    return folded in _WRITING or last in _WRITING


_WRITING = frozenset(v.casefold() for v in (*P.WRITING, *P.POSTING, *words("written_participles")))
_WRITING_WORD = P.compiled(rf"(?<![\w’'\-])(?:{P.trie({w for w in _WRITING if ' ' not in w})})(?![\w’'\-])")
"""A writing or posting verb as a word of a paragraph (lower-cased): a cheap test first."""


_PARTICIPLE_CLAUSE = P.compiled(r",\s+[a-z]+ing\b")
"""A clause of its own after the verb (", adding a link to a ministry statement"): what it names
is not where the words were written."""
_EVIDENCE_WORDS = P.compiled(r"'(.+)'")
"""The words an evidence string quotes ("verb 'tweeted'" -> tweeted)."""
_OTHER_MEDIUM = P.compiled(
    rf"(?i:\b(?:{alternation(tuple(w for w in words('not_speakers') if w.casefold() not in P.POST_NOUNS))})\b)"  # noqa: E501
)
"""A medium other than a post named in the attribution ("statement", "website", "Brief")."""
_POSTED_A = P.compiled(
    rf"(?<![\w’'\-])(?i:{alternation((*P.POSTING, *words('written_participles')))})"
    rf"\s+(?:\w+\s+){{0,3}}$"
)
"""A posting verb before the medium ("posted a simpler message"): what was posted, not a letter."""
_UNDER = P.compiled(rf"(?<![\w’'\-])(?i:{alternation(words('under_words'))})\s+(?:\w+\s+){{0,2}}$")
"""Words set under the medium ("Unter das Video schrieb sie:"): its caption or comments, not it."""
_PLATFORM_NOUNS = alternation(words("platform_nouns"))
_THE = alternation(words("definite"))
_POST_ON_ACCOUNT = P.compiled(
    rf"""(?<![\w’'])(?i:{alternation((*words("indefinite"), *words("definite")))})\s+
    (?:[\w’'\-]+\s+){{0,2}}?(?:{P.POST_NOUN}|(?i:{_PLATFORM_NOUNS}))\s+           # a post, a message
    (?i:{alternation((*words("platform_prepositions"), *words("source_prepositions")))})\s+   # on, from, auf
    (?P<own>(?i:{alternation(words("possessives"))})|{P.NAME_RUN}(?<=[’']s|s[’'])       # his, Reyes’s
      |(?i:{_THE})\s+(?:[\w\-]+[’']?\s+){{0,2}}?[\w\-]+(?:[’']s|s[’']))\s+          # the fans' club’s
    (?:(?i:{alternation(words("platform_fillers"))})\s+){{0,2}}                           # official
    (?:(?-i:{P.PLATFORM})[\s-]*)?(?i:{alternation(words("account_nouns"))})\b          # Facebook page"""
)
"""A post named on someone's account: "a post on his Facebook page", "a tweet from Reyes’s account"."""
_ON_NAMED_ACCOUNT = P.compiled(
    rf"""\s+(?i:{alternation((*words("platform_prepositions"), *words("source_prepositions")))})\s+
    (?:(?i:{alternation((*words("definite"), *words("platform_fillers")))})\s+){{0,3}}   # the official
    (?P<own>{P.NAME_RUN})(?:\s*-\s*|\s+)(?:(?-i:{P.PLATFORM})[\s-]*)?                   # White House (X)
    (?i:{alternation(words("account_nouns"))})\b\s*$                                      # account"""
)
"""The account a post stands on, named by its owner's name: "on the White House account"."""
_SHARER_VERB = P.compiled(
    rf"""[^.;:“”"„«»]{{0,30}}?(?<![\w’'\-])(?i:{alternation((*P.WRITING, *P.POSTING))})\s+  # posted, shared
    (?!(?i:{alternation(words("complementizers"))})\b)(?=[\w’'\-])                 # an object, not "that …"""
)
"""A sentence's subject that posts or shares something: "posted a bingo card", "teilte ein Foto"."""
_HANDLE_BESIDE = P.compiled(rf"(?<![\w.@]){P.HANDLE}(?![\w@])")
"""A handle in an attribution (not an e-mail address's second half)."""
_OWNER_END = P.compiled(r"(?:[’']s|[’'])$")
_FROM_NAME = P.compiled(
    rf"""\s*(?:(?:{alternation(words("source_prepositions"))})\s+(?P<who>.+)
    |(?=(?:{alternation(words("genitive_articles"))})\s)(?P<gen>.+))$"""
)
"""Whose a post is, named after it: "from Vulture magazine", "von Reyes", "der Band" (genitive)."""
_POST_WORD = P.compiled(rf"(?<![\w’'\-]){P.POST_NOUN}(?![\w’'\-])")
_PLATFORM_NOUN = P.compiled(rf"{P.POSTING_WORD}|{P.PLATFORM}|(?i:\btuit|\btrino)")
_FREQUENT = 3
_COMMON_START = frozenset(w.casefold() for w in words("function_words"))
_WRITTEN_ELSEWHERE = P.compiled(rf"(?i:\b(?:{alternation(words('written_elsewhere'))})\b)")
"""Written words that are no post ("in an email", "in einem Brief", "en un comunicado"): what the
writer "wrote" next is that text too."""
_PLATFORM_NOUN_WORD = P.compiled(rf"(?i:\b(?:{alternation(words('platform_nouns'))})\b)")
"""What a platform calls a post of its own ("message", "update", "story"), alone."""
_SOURCE_WORDS = frozenset(w.casefold() for w in words("source_prepositions"))


def _words_before(text: str, at: int) -> str:
    """The words before ``at`` back to the sentence before's end (a lead-in ending in a colon is
    a sentence of its own for the splitter)."""
    before = text[max(0, at - 240) : at]
    stop = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    return before[stop + 2 :] if stop >= 0 else before


_MADE_POSTS = alternation((*P.WRITING, *P.POSTING, "published", "made"))
_POST_BY_NAME = P.compiled(
    rf"""(?i:\b(?:{alternation((*words("post_nouns"), *words("media_nouns")))}))\s+
    (?P<run>{P.NAME_RUN})\s+(?:had\s+|has\s+)?(?:{_MADE_POSTS})\b"""
)
"""A post and who made it, in the clause after its noun ("a Facebook post Harlan published", "a
photograph Harlan shared on Instagram")."""
_CAPTION_VERBS = frozenset(v.casefold() for v in words("caption_verbs"))
_RETORTS = frozenset(" ".join(v.casefold().split()) for v in words("retort_verbs"))
_WHOLE_SENTENCE = P.compiled(rf"[.!?…]\s+[{P.UP}]")
_SUBJECT_FIRST_VERBS = tuple(
    v
    for f in ("speech_verbs", "continuing_verbs", "writing_verbs", "posting_verbs")
    for v in words(f, "en", "nl")
)
"""Verbs of the languages that may put the subject first right after a quote closed on a stop
('“We won!” Reyes tweeted.'); German and the Romance languages put the verb first there ('„Genug!“
schrieb Anna Weber', '« Assez ! » a écrit…'), so a capital and a verb there start a new sentence
('„…“ Wenig später meldete sich …')."""
_ATTRIBUTION_AFTER = P.compiled(
    rf"""\s*(?:{P.NAME_RUN}|@\w+|(?:{P.PRONOUN}))(?:\s*\([^)]{{1,40}}\))?,?\s+{P.ADV}(?:{alternation(_SUBJECT_FIRST_VERBS)})(?![\w’'\-])
    | \s*(?:{alternation(P.REPORTING)})\s+[{P.UP}@]"""
)


def _attributed(text: str, at: int) -> bool:
    """Whether an attribution starts at ``at``, after a quote that closed on a stop: '“We won!”
    Reyes tweeted', '“Genug!” schrieb Anna Weber' (same sentence), not '“We won!” After that …'."""
    return _ATTRIBUTION_AFTER.match(text, at) is not None


def _by_sentence(spans: list[tuple[int, int]], quotes: list[Quote]) -> list[list[Quote]]:
    """The quotes of each sentence (both in order: one walk, not a scan per sentence)."""
    out: list[list[Quote]] = [[] for _ in spans]
    i = 0
    for q in quotes:
        while i < len(spans) and spans[i][1] <= q.start:
            i += 1
        if i < len(spans) and spans[i][0] <= q.start:
            out[i].append(q)
    return out


def _needed(spans: list[tuple[int, int]], quotes: list[Quote], last: int) -> set[int]:
    """The sentences of a paragraph to read in full (others only if they name a platform or
    posts): the sentence of each quote worth reading, and the few before it; in a paragraph read
    for the quotes after it, its ``last`` few."""
    if not quotes:
        return set(range(max(0, len(spans) - last), len(spans)))
    needed: set[int] = set()
    qi = 0
    for i, (start, end) in enumerate(spans):
        while qi < len(quotes) and quotes[qi].start < start:
            qi += 1
        if qi < len(quotes) and quotes[qi].start < end:
            needed.update(range(max(0, i - _BEFORE_QUOTE), i + 1))
    return needed


def _attributable(text: str, quotes: list[Quote]) -> bool:
    """Whether a paragraph may attribute one of its quotes: a listed verb, a colon, a quote
    opening the paragraph or a sentence (a series, a split quote, a post named before it)."""
    if ":" in text or _VERB_GATE.search(text.lower()) or Gate(text).social:
        return True
    return any(
        q.start == 0 or text[max(0, q.start - 2) : q.start].strip() in (".", "!", "?", "") for q in quotes
    )


def _one_of_many(speaker: Person, ref: Speaker | None) -> bool:
    """One of a crowd posting: "one", "another", "jemand", "a user", an account (not "a former
    employee", not a named person saying something, not an organisation or its spokesperson
    answering them: "the transit agency said" is a statement, unless it writes)."""
    if ref is not None and (ref.crowd or ref.kind == Kind.HANDLE):
        return True
    return not speaker.named and speaker.handle is not None


_PRINT_TOO = frozenset(w.casefold() for f in ("caption_nouns", "description_nouns") for w in words(f))
"""Post nouns that print has too (a photo's caption): a post only where a platform was named."""
_SAME_WORDS = frozenset(w.casefold() for w in words("same_words"))
_POST_OPENS = P.compiled(
    rf"^\s*(?:{alternation(tuple(w.capitalize() for w in words('definite')))})\s+"
    rf"(?P<noun>(?i:{alternation(tuple(n for n in words('post_nouns') if ' ' not in n))}))\b"
)
"""A sentence opening on a post ("The post was shared 9,000 times", "Der Beitrag sammelte …")."""
_SERIES_POSITIONS = frozenset(w.casefold() for w in words("series_positions"))


def _fragment_of_sentence(site: Site) -> bool:
    """A quote that starts in lower case inside the reporter's sentence ('Such a move is “open
    incitement,” he added'): a fragment, a post only if whole sentences of it follow."""
    lead = P.SENTENCE_STOP.split(site.leadin)[-1].strip()  # the reporter's sentence so far
    if not site.quote.text[:1].islower() or not lead or site.carried or lead.endswith((":", ",", "—", "–")):
        return False
    if E.names_its_text(lead):
        return False  # "with the caption “from 40 people in a basement to this.”": all of it, as written
    return _WHOLE_SENTENCE.search(site.quote.text) is None  # "… this bridge. Shameful!": more than a fragment


def _crowd(outside: str) -> bool:
    """A sentence about many people ("Hundreds of people tweeted", "Tributes poured in", "Unter
    dem Beitrag gratulierten zahlreiche Nutzer"): a crowd word among its first words."""
    first = outside.split()[:10]
    return any(w.strip(",.;:").casefold() in P.CROWD_WORDS for w in first)


def _own_cue(s: Sentence, cue: Cue) -> bool:
    """Whether the cue is the subject's own ("Johnson wrote on Twitter he ...", "In a Facebook
    post, Reyes wrote", "Auf Instagram postete die 32-Jährige"), not reported ("said it was the last
    time he would craft a tweet"), and the sentence quotes no more than a phrase."""
    if any(len(q.text.split()) > 4 for q in s.quotes):
        return False
    clean = E.clean(s.outside)
    if cue.start < s.subject_end:
        return True  # a platform named before the subject: "In a Facebook post on Friday, Reyes wrote"
    near = clean[s.subject_end : s.subject_end + _OWN_REACH]
    at = near.find(cue.words)
    if at < 0:
        return False
    before = near[:at]
    return not _REPORTED.search(before) or bool(_OWN_VERB.fullmatch(before))


_PREP_BEFORE = P.compiled(P.PREP_BEFORE)
_TRANSLATION_AFTER = re.compile(r"[ \t]*\((?=[^()“”\"„«»]{8,400}\)\s*[,;]\s*[^\W\d_])[^()“”\"„«»]{8,400}\)")
"""A translation in brackets right after a quote, unquoted, up to the comma of the attribution
after it ("(Thank you all. This is only the beginning), he wrote")."""
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_ACCOUNT_OF = P.compiled(
    rf"""(?i:\b(?:{alternation(words("account_nouns"))})\s+(?:[\w’'\-]+\s+)?
    (?:{alternation(words("source_prepositions"))})\s*$)"""
)
"""An account "of" its owner before a name ("the official account of the Lakers posted"): the
name is who posts, not a place after a preposition."""
_LOWER = P.compiled(r"[a-zà-ÿ]")
_TITLE_START = P.compiled(rf"(?:[{P.UP}][\w’'.\-]*\s+)+(?:{alternation(words('conjunctions'))}|&)")
_NOT_IN_ROLE = frozenset(w.casefold() for w in words("not_in_role"))


def _role_before(pre: str, name: str) -> str | None:
    """The words written before a name, when they are its title ("utility spokesman", "state
    Senator"): not an article, not words of the sentence ("which", "and", "one")."""
    if not _LOWER.search(pre) or len(pre.split()) > 5 or name.endswith(("’s", "'s", "s’", "s'")):
        return None
    titles = split_title(name)[0]
    words = pre.casefold().split()
    if words[-1] in _ARTICLE_WORDS and not titles:
        return None  # "the ACLU’s Jay Stanley": an article is no role
    if _NOT_IN_ROLE.isdisjoint(words) or (titles and _TITLE_START.fullmatch(pre)):
        return " ".join([*pre.split(), *titles])
    return None


_OWN_REACH = 160
"""How far after its subject a sentence's platform may stand and still be the subject's own
("Reyes announced the closing with a black-and-white photo of her kitchen staff on Instagram"):
about a clause of news prose, not to the end of a long sentence."""
_REPORTED = P.compiled(rf"\b(?:{alternation(words('reported'))})\b")
_OWN_VERB = P.compiled(rf"\s*(?:{alternation(P.SPEECH)})\s+")
_ARTICLE_WORDS = frozenset(w.casefold() for f in ("definite", "indefinite") for w in words(f))


def _quotes_of(para: Paragraph) -> list[Quote]:
    """The quotes of a paragraph; one set off by the markup alone (a ``<blockquote>`` without
    quote marks) is one quote from end to end."""
    found = find_quotes(para.text, open_end=True)
    if not found and para.quoted:
        return [Quote(0, len(para.text), para.text, "")]
    return found


def _headline(text: str) -> bool:
    """A line in title case ("Lady Gaga Shares Photo With Her Ex") names no subject we can trust."""
    if text.rstrip().endswith((".", "!", "?", ":")):
        return False
    words = text.split()
    if len(words) < 4:
        return False
    capital = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capital >= 0.7 * len(words)


def _outside(text: str, start: int, end: int, quotes: list[Quote]) -> str:
    """The sentence with its quotes blanked out (same length, so offsets hold). The reporter's
    comma inside a closing mark stays (AP style: 'Norman, known as the “Shark,” posted')."""
    chunk = list(text[start:end])
    for q in quotes:
        for i in range(max(q.start, start), min(q.end, end)):
            chunk[i - start] = " "
        if q.text.endswith(",") and start <= q.end - 1 < end:
            chunk[q.end - 1 - start] = ","
    return "".join(chunk)


def _title_case(text: str) -> bool:
    """A headline written in title case: most of its words capitalised."""
    words_ = text.split()
    if not 3 <= len(words_) <= 30:
        return False
    return sum(w[:1].isupper() for w in words_) >= 0.7 * len(words_)


def _join(parts: Iterable[str]) -> str:
    """Parts of one quote split by its attribution, rejoined: the reporter turned the full stop
    before "he said" into a comma (AP style), so a part that ends bare before a capital gets it back."""
    out = ""
    for part in parts:
        if out and part[:1].isupper() and out[-1:].isalnum():
            out += "."
        out = f"{out} {part}" if out else part
    return out


def clean_quote(text: str) -> str:
    """Quote text as posted: the reporter's comma before the closing mark goes."""
    text = " ".join(text.split())
    return text[:-1].rstrip() if text.endswith(",") else text


_DATELINE_PREFIX = P.compiled(r"^[A-Z][A-Z .,'’-]{1,40}\s*\([^)]{1,40}\)\s*[-–—]+\s*")
_FULL_NAME = P.compiled(rf"(?<![\w’'.\-])(?P<run>{P.NAME_RUN})")
_LONG_AGO = P.compiled(
    rf"""(?P<before>[\w’']+\s+)?(?<![\w’'])(?i:{alternation(words("long_ago"))})(?![\w’'])(?P<after>\s+[\w’']+)?"""
)
_ONCE_MORE = frozenset(w.casefold() for w in words("once_more"))


def _long_ago(region: str) -> bool:
    """Whether the attribution dates its words to long before ("as she once wrote", "schrieb er
    einst"), not "once again", "noch einmal", "una vez más"."""
    for m in _LONG_AGO.finditer(region):
        near = {(m.group(g) or "").strip().casefold() for g in ("before", "after")}
        if not near & _ONCE_MORE:
            return True
    return False


_ABOUT_A_POST = P.compiled(
    rf"""(?<![\w’'])(?i:{alternation((*words("definite"), *words("demonstratives")))})\s+
    (?:{P.POST_NOUN})(?![\w’'\-])"""
)
"""A post named in a quote ("the tweet", "der Tweet", "ce message"): words said about a post, not
one, when nothing but the article's context says they were posted."""
_HIS_OR_THE = alternation(
    tuple(form for w in (*words("possessives"), *words("definite")) for form in (w, w.capitalize()))
)
_NAMED_POST = P.compiled(
    rf"""(?P<det>{_HIS_OR_THE})
    \s+(?:[\w’'\-]+\s+){{0,2}}?{P.POST_NOUN}\b"""
)
