"""The words journalists quote posts with, one module per language: English, German, French,
Spanish, Italian, Portuguese, and the few words of Dutch that embed signatures print.

Each language module holds one :class:`Language` record: its quote marks, the verbs that report
speech, writing and posting, the phrases that name a platform, its pronouns, determiners, role and
kin nouns, the words that say quoted words were spoken or written elsewhere, the consent notices
its news sites print where an embed was, weekdays and relative days. Readers never keep word
lists of their own: the prose reader (:mod:`threads.prose`), the people it tracks
(:mod:`threads.people`), remnants, captions and dates take them from here, merged over all
languages by :func:`words` (a news page mixes them: an English tweet quoted in a German article).
Months, platform names and Instagram's signature, shared with the embed readers, live in
:mod:`threads.vocab`.

Adding a language is adding a module beside these and one line in :data:`LANGUAGES`.

>>> "schrieb" in words("writing_verbs"), gender_of("Kanadierin"), gender_of("wife")
(True, <Gender.WOMAN: 'f'>, <Gender.WOMAN: 'f'>)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cache
from types import MappingProxyType

from .. import vocab

__all__ = [
    "LANGUAGES",
    "OTHER_QUOTE_MARKS",
    "Gender",
    "Language",
    "alternation",
    "gender_of",
    "words",
]


class Gender(StrEnum):
    """Whom a pronoun, a determiner or a noun can stand for."""

    MAN = "m"
    WOMAN = "f"
    BODY = "n"
    """An organisation, an office or an account: "it", never "he" or "she"."""


@dataclass(frozen=True, slots=True)
class Language:
    """The words of one language that the readers use. Every tuple holds words as written in
    running text (lower case unless the language capitalises them, as German nouns); a phrase may
    hold spaces, which match any run of white space."""

    code: str
    """ISO 639-1 ("en")."""
    quote_marks: Mapping[str, str] = field(default_factory=dict)
    """An opening mark -> the marks that may close it."""
    speech_verbs: tuple[str, ...] = ()
    """Reporting verbs that say nothing of the medium ("said", "added", "sagte", "dijo")."""
    writing_verbs: tuple[str, ...] = ()
    """Reporting verbs that say the words were written or posted ("wrote", "posted", "commented"):
    a platform named nearby is where (:mod:`threads.prose`)."""
    posting_verbs: tuple[str, ...] = ()
    """Verbs that name a platform by themselves ("tweeted", "twitterte", "tuiteó")."""
    adverbs: tuple[str, ...] = ()
    """Adverbs and auxiliaries that stand between a speaker and the verb ("he also tweeted")."""
    auxiliaries: tuple[str, ...] = ()
    """Finite auxiliaries of compound tenses ("has", "hatte", "ha", "a")."""
    copulas: tuple[str, ...] = ()
    """Finite forms of "to be" ("was", "war", "fue", "è"): "Another was less kind:" ends the
    speaker phrase at the verb, as "Otro fue más crítico:" does."""
    participles: tuple[str, ...] = ()
    """Past participles of speech verbs, after an auxiliary ("gesagt", "dit", "dicho")."""
    written_participles: tuple[str, ...] = ()
    """Participles that say the words were written or posted ("écrit", "gepostet", "publicado")."""
    verb_endings: tuple[str, ...] = ()
    """Endings of a finite past verb that is in none of the lists ("-ed", "-te", "-ó"): read as a
    reporting verb only where a platform phrase says the words were posted ("ranted on X")."""
    post_verbs: tuple[str, ...] = ()
    """What a post does with its words: "the tweet read", "said", "lautete", "decía"."""
    post_nouns: tuple[str, ...] = ()
    """A post itself: "tweet", "post", "caption", "Beitrag", "publicación" (singular and plural)."""
    platform_nouns: tuple[str, ...] = ()
    """Nouns that name a post only with the platform before them ("Instagram story", "Facebook
    comment", "X thread"): alone they mean other things (a news story, a commentary)."""
    media_nouns: tuple[str, ...] = ()
    """What a post shows: "posted a photo" on a platform named before is a post ("photo", "Foto")."""
    account_nouns: tuple[str, ...] = ()
    """Where an account's posts stand: "account", "page", "feed", "Konto", "cuenta"."""
    platform_prepositions: tuple[str, ...] = ()
    """Prepositions before a platform's name that say "posted there": "on", "auf", "en", "sur"."""
    platform_fillers: tuple[str, ...] = ()
    """Words between such a preposition and the platform: "his", "own", "official", "seinem"."""
    social_networks: tuple[str, ...] = ()
    """Social media without a platform named: "social media", "redes sociales"."""
    video_nouns: tuple[str, ...] = ()
    """Spoken media: words said in a video are not a post ("video", "livestream", "Insta-Video")."""
    pronouns: Mapping[str, Gender | None] = field(default_factory=dict)
    """Subject pronouns, lower case, with whom they stand for (``None``: anyone)."""
    possessives: Mapping[str, Gender | None] = field(default_factory=dict)
    """Possessive determiners with their owner ("his" -> a man)."""
    definite: Mapping[str, Gender | None] = field(default_factory=dict)
    """Definite articles, with the gender of a person they name where the language tells it
    ("der" -> a man, "la" -> a woman)."""
    demonstratives: tuple[str, ...] = ()
    indefinite: tuple[str, ...] = ()
    """Indefinite determiners: a speaker so introduced is someone new ("a user", "eine Userin")."""
    someone: tuple[str, ...] = ()
    """Indefinite pronouns that are a speaker on their own ("someone", "jemand", "one")."""
    crowd_nouns: tuple[str, ...] = ()
    """People who comment on posts: "fan", "user", "Nutzerin", "internaute" (with a determiner
    they are an anonymous poster)."""
    crowd_words: tuple[str, ...] = ()
    """Words that make a sentence's subject a crowd ("hundreds", "fans", "reactions", "zahlreiche")."""
    kin_and_roles: Mapping[str, Gender] = field(default_factory=dict)
    """Nouns that tell a person's gender ("wife", "Tochter", "actriz", "spokesman")."""
    role_nouns: tuple[str, ...] = ()
    """Nouns that name a person by what they are, of either gender ("colleague", "star",
    "Weggefährte"): "the star tweeted" is someone named before."""
    feminine_suffixes: tuple[str, ...] = ()
    """Endings of a capitalised role noun that make it a woman's ("-in": "Kanadierin")."""
    titles: tuple[str, ...] = ()
    """Titles, ranks, offices and honorifics written before a name ("Col.", "Senator", "Dr")."""
    title_suffixes: tuple[str, ...] = ()
    """Endings of a compound noun that make it a title ("-minister", "-präsidentin")."""
    bodies: tuple[str, ...] = ()
    """Nouns that name an organisation: "the embassy", "the police department", "die Polizei"."""
    place_prepositions: tuple[str, ...] = ()
    """Prepositions of where an organisation sits, after its noun ("the embassy in Kyiv")."""
    org_name_ends: tuple[str, ...] = ()
    """Words that end an organisation's name but name no kind a reporter calls it by ("Hollowmere
    Games", "Brackwater Holdings", "Ferris Point Fire Rescue"): the name is no person's."""
    spokes_nouns: tuple[str, ...] = ()
    """People who speak for someone else: their words are a statement, not a post of theirs."""
    not_speakers: tuple[str, ...] = ()
    """Nouns that "say" without being anyone: "the report said", "the statement read"."""
    not_social: tuple[str, ...] = ()
    """Regular-expression phrases that say the words were spoken or written elsewhere ("told
    reporters", "in an interview", "gegenüber", "en rueda de prensa")."""
    fragment_before: tuple[str, ...] = ()
    """Words right before a quote that make it part of the reporter's phrase (an article, a
    possessive, a preposition: 'through the "account run by his family"')."""
    relative_pronouns: tuple[str, ...] = ()
    neuter_pronouns: tuple[str, ...] = ()
    """A pronoun for a thing, as the subject of "read" ("The post was deleted, but it read:")."""
    possessive_relatives: tuple[str, ...] = ()
    """Relative pronouns that own the noun after them ("whose tweets", "dessen Posts", "cuyos
    mensajes"): never the subject of a verb after them."""
    """ "who", "der", "que": a clause about the speaker, never the attribution itself."""
    prepositions: tuple[str, ...] = ()
    """Prepositions that never open a clause: a name right after one is not the sentence's subject
    ("in China", "von Trump"); "after" and "before", which may ("After Ann tweeted"), are not here."""
    reported: tuple[str, ...] = ()
    """Words after which a platform is reported, not where the subject posted ("said it was the
    last time he would craft a tweet")."""
    not_a_role: tuple[str, ...] = ()
    """Words that open an appositive describing someone, not giving a role ("known for ...")."""
    not_in_role: tuple[str, ...] = ()
    """Words before a name that are no part of a title ("which", "and", "one")."""
    function_words: tuple[str, ...] = ()
    """Capitalised at a sentence's start, never part of a name ("Also", "Dazu", "También")."""
    particles: tuple[str, ...] = ()
    """Lower-case words inside names ("de", "von", "van der")."""
    additive: tuple[str, ...] = ()
    """ "also", "auch", "también": another voice of the same kind."""
    series_nouns: tuple[str, ...] = ()
    """ "a series of tweets", "eine Reihe von Posts"."""
    topic_before: tuple[str, ...] = ()
    """Words before a post's noun that make the post the topic, not the medium ("about the tweet")."""
    consent_openings: tuple[str, ...] = ()
    """How a consent notice that stands where an embed was begins ("To display this content")."""
    consent_words: tuple[str, ...] = ()
    """Words of such a notice's sentences and buttons ("cookies", "accept", "Datenschutz")."""
    weekdays: tuple[str, ...] = ()
    """Monday first."""
    relative_days: Mapping[str, int] = field(default_factory=dict)
    """A phrase -> days back from the article's date ("yesterday" -> 1)."""
    credit_words: tuple[str, ...] = ()
    """What a caption credit starts with ("Photo", "Screenshot", "Foto", "Captura")."""
    credit_links: tuple[str, ...] = ()
    """What joins a credit to its source ("Photo via Instagram", "Foto: über Twitter", "Captura de X")."""
    at_words: tuple[str, ...] = ()
    """ "at" before a time of day in a signature ("at 3:55pm", "um 15:55", "a las")."""
    hour_words: tuple[str, ...] = ()
    """A word after a time of day in a signature ("15.47 Uhr", "15:47 h")."""
    on_words: tuple[str, ...] = ()
    """ "on" before a date in a signature ("A post shared by Ann (@ann) on May 5, 2018", "am")."""
    handle_intros: tuple[str, ...] = ()
    """Words that give a speaker's account in prose ("under the handle @x", "who posts as @x")."""
    pointers: tuple[str, ...] = ()
    """Words that point at the post that follows ("below", "the following", "folgendes")."""
    before_late_subject: tuple[str, ...] = ()
    """Words between a fronted verb and its subject ("sieht das auch dieser Zuschauer")."""
    in_words: tuple[str, ...] = ()
    """ "in" ("in a video", "In dem Post hieß es", "dans une vidéo")."""
    series_items: tuple[str, ...] = ()
    """Posts in the plural, as a series holds them ("a series of tweets", "eine Reihe von Beiträgen")."""
    continuing_verbs: tuple[str, ...] = ()
    """Reporting verbs that add to what the same speaker just said ("added", "fügte hinzu", "añadió")."""
    long_ago: tuple[str, ...] = ()
    """Words that date a quote to long before ("as he once wrote", "wie sie einmal schrieb", "como
    dijo una vez"): a saying cited, not what was posted near the article's platform."""
    once_more: tuple[str, ...] = ()
    """Words beside one of :attr:`long_ago` that make it "again", "even" or "at once" ("once
    again", "noch einmal", "nicht einmal", "una vez más", "ancora una volta")."""
    not_platform_users: tuple[str, ...] = ()
    """Crowd nouns that do not make a platform's crowd ("person", "reader", "voter"): "a Facebook
    person" is no phrase, "a Threads reader" no user."""
    there_words: tuple[str, ...] = ()
    """ "There", of a platform or a page just named ("Dort hieß es:", "Allí se leía:"): what stands
    there is the post the sentence before said was posted."""
    accompany_verbs: tuple[str, ...] = ()
    """Forms of "accompany" ("Only one line accompanied it:", "el texto que acompañaba la
    publicación"): words that go with a photo or a post are its caption."""
    negations: tuple[str, ...] = ()
    """Words that deny the verb right after them ("não perdeu tempo", "no tardó", "n'a pas"): a
    subject may stand before them as before the verb."""
    going_on: tuple[str, ...] = ()
    """Words before a colon that go on with the words just quoted ("and further", "und weiter",
    "e ancora", "avant d'ajouter"): the same speaker's, the same text's."""
    conjunctions: tuple[str, ...] = ()
    """Coordinating conjunctions ("and", "und", "y"): two names joined are neither alone the subject."""
    sequencers: tuple[str, ...] = ()
    """Words that put a second act after a first ("then", "dann", "luego"): "… and then tweeted"."""
    later_words: tuple[str, ...] = ()
    """Words that say time passed before the next words ("minutes later", "kurz darauf", "poco
    después"): what follows them is a later post, not the one just quoted going on."""
    complementizers: tuple[str, ...] = ()
    """What opens reported speech ("that", "dass", "que"): the words after it are the reporter's."""
    with_words: tuple[str, ...] = ()
    """ "with" ("shared a photo with the caption", "mit den Worten")."""
    caption_nouns: tuple[str, ...] = ()
    """What a posted photo's words are called after "with the" ("caption", "Worten", "légende")."""
    agent_prepositions: tuple[str, ...] = ()
    """What names who did a thing after its participle ("shared by", "geteilt von", "publicado
    por"): "The post, shared by the account @rail_updates, read:"."""
    source_prepositions: tuple[str, ...] = ()
    """What links a post to its author ("the tweet from Ann", "el mensaje de Ana")."""
    audience_nouns: tuple[str, ...] = ()
    """Who reads an account ("followers", "Abonnenten", "seguidores"): words told to "his 2 million
    followers" or "her Instagram followers" were posted."""
    beside_words: tuple[str, ...] = ()
    """What sets words beside a posted picture ("alongside", "zu", "junto a"): "wrote alongside a
    photo of the crowd" is a caption."""
    comment_places: tuple[str, ...] = ()
    """Where replies to a post stand ("in the comments", "unter dem Beitrag", "en el mismo hilo"):
    words written there were posted, on the platform the article named last."""
    comment_nouns: tuple[str, ...] = ()
    """Replies counted ("drew 3,000 comments", "mehr als 500 Kommentare"): where they stand, the
    crowd that wrote them posted."""
    clitics: tuple[str, ...] = ()
    """Object pronouns standing before a verb ("que me respondió", "le escribió", "gli ha
    risposto"): between a speaker and the verb, as an adverb stands."""
    reply_nouns: tuple[str, ...] = ()
    """One reply to a post ("comment", "Kommentar", "respuesta"): "The top comment under the video
    read:" is a post of someone replying, whoever the article names as its writer."""
    comment_verbs: tuple[str, ...] = ()
    """Verbs of replying to a post, before the post ("commented on", "kommentierte", "a commenté"):
    "commented on the post" is a reply posted there."""
    caption_verbs: tuple[str, ...] = ()
    """Verbs of writing a caption on a picture or a video ("captioned", "betitelte"): the picture
    or the video named with them is the post, not another medium."""
    description_nouns: tuple[str, ...] = ()
    """What is written with a picture or a video ("caption", "descripción", "Beschreibung"): words
    there are not said in the video."""
    said_in_video: tuple[str, ...] = ()
    """Regular expressions of words said in a video ("a video on Instagram in which he says"): a
    post's video, but its words are no post's text."""
    written_elsewhere: tuple[str, ...] = ()
    """Texts written for other readers than a platform's ("email", "letter", "statement", "Brief",
    "comunicado"): a "wrote" after a sentence saying one was sent is that text's."""
    retort_verbs: tuple[str, ...] = ()
    """Verbs of answering back in an exchange ("shot back", "konterte", "replicó"): someone who
    posted before, answering right after a post on the platform, answers there."""
    same_words: tuple[str, ...] = ()
    """"The same", before a noun: "the same account" is the one that just posted."""
    same_platform: tuple[str, ...] = ()
    """The platform just named, named again ("on the same platform", "auf derselben Plattform",
    "por la misma vía")."""
    according_to: tuple[str, ...] = ()
    """What cites a quote's source after it ("according to", "laut", "selon"): a post named after
    it is where the words were posted ("“…,” according to a post on Reyes's Facebook page")."""
    series_positions: tuple[str, ...] = ()
    """Words that place a message among others of a series ("in a second message", "dans un
    premier message", "in einer weiteren Nachricht"): one of the posts of a thread or a story."""
    recipient_prepositions: tuple[str, ...] = ()
    """What names whom a message is addressed to ("a message to staff", "eine Nachricht an die
    Mitarbeiter", "un mensaje a los vecinos"): a letter or an e-mail, not a post."""
    genitive_articles: tuple[str, ...] = ()
    """Articles that make the noun after a post its owner ("in einem Post der Band")."""
    reads_in: tuple[str, ...] = ()
    """ "it says" in a post ("In dem Post hieß es", "en el mensaje se lee")."""
    before_head: tuple[str, ...] = ()
    """Adjectives written before the noun of a Romance noun phrase ("la propia artista", "el
    joven delantero", "l'ancienne ministre"): the noun after them is the head."""
    quote_verbs: tuple[str, ...] = ()
    """Verbs of quoting a post in one's own ("quoted the tweet", "zitierte den Beitrag", "citó el
    mensaje"): on the platform the article named, a quote-post."""
    under_words: tuple[str, ...] = ()
    """ "under", "unter", "bajo", "sous": words set under a video are its caption or its comments,
    written ("Unter das Video schrieb sie:"), not words said in it."""
    follow_words: tuple[str, ...] = ()
    """The follow button of a post's card, as its text is copied or scraped ("Follow", "Folgen",
    "Seguir"): a line of the card's frame, not of the post."""
    byline_words: tuple[str, ...] = ()
    """What opens an article's byline ("By", "Von", "Por", "Par"): "By Jane Okonedo (@jane) May
    20, 2024" names the reporter, it signs no post."""
    dateline_words: tuple[str, ...] = ()
    """What a dateline may start with ("Published:", "Aktualisiert", "Publié le")."""


def _languages() -> tuple[Language, ...]:
    from . import de, en, es, fr, it, nl, pt

    return (en.LANGUAGE, de.LANGUAGE, fr.LANGUAGE, es.LANGUAGE, it.LANGUAGE, pt.LANGUAGE, nl.LANGUAGE)


LANGUAGES: tuple[Language, ...] = _languages()
"""Every language the readers know, English first."""

OTHER_QUOTE_MARKS: Mapping[str, str] = MappingProxyType({"「": "」", "『": "』"})
"""Quote marks of languages without a module here (Chinese, Japanese)."""

_FIELDS = frozenset(f.name for f in fields(Language))


@cache
def words(name: str, *codes: str) -> tuple[str, ...]:
    """One field of every language (or of the languages ``codes``), merged in order, each word once;
    for a mapping, its keys; a German word with ß has its Swiss spelling with ss beside it.

    >>> words("pronouns", "en")
    ('he', 'she', 'they')
    """
    if name not in _FIELDS:
        raise KeyError(name)
    out: dict[str, None] = {}
    for lang in LANGUAGES:
        if codes and lang.code not in codes:
            continue
        value = getattr(lang, name)
        out.update(dict.fromkeys(value))
        if lang.code == "de":  # Swiss German writes ss for ß ("hiess es", "begrüsste")
            out.update(dict.fromkeys(w.replace("ß", "ss") for w in value if "ß" in w))
    return tuple(out)


@cache
def mapping(name: str) -> Mapping[str, object]:
    """One mapping field of every language merged (the first language that has a key wins), keys
    casefolded."""
    out: dict[str, object] = {}
    for lang in LANGUAGES:
        for key, value in getattr(lang, name).items():
            out.setdefault(key.casefold(), value)
    return MappingProxyType(out)


alternation = vocab.phrase_alternation
"""A regular-expression alternation of literal phrases, longest first (so that "a tweeté" is
tried before "a"); a space matches any run of white space."""


@cache
def _suffixes() -> tuple[str, ...]:
    return words("feminine_suffixes")


def gender_of(noun: str) -> Gender | None:
    """Whom a role or kin noun names, when the noun tells ("wife", "Vater", "Kanadierin",
    "actriz"); ``None`` when it does not ("singer", "Person")."""
    key = noun.casefold().strip(".,")
    found = mapping("kin_and_roles").get(key)
    if isinstance(found, Gender):
        return found
    if noun[:1].isupper() and len(noun) > 6 and noun.endswith(_suffixes()):
        return Gender.WOMAN  # German "-in": "Kanadierin", "Ministerpräsidentin", "Userin"
    return None
