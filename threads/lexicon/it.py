"""Italian, as ANSA and the papers attribute quotes: «…», ha scritto il ministro su X."""

from __future__ import annotations

from . import Gender, Language

_M, _F = Gender.MAN, Gender.WOMAN

LANGUAGE = Language(
    code="it",
    quote_marks={"«": "»", "“": "”"},
    speech_verbs=("dice", "afferma", "spiega", "dichiara", "annuncia", "sottolinea", "commenta"),
    writing_verbs=("scrive", "pubblica", "posta", "risponde", "condivide"),
    posting_verbs=("twitta", "twittò", "cinguetta"),
    adverbs=("anche", "poi", "ancora", "già"),
    auxiliaries=("ha", "aveva", "hanno"),
    participles=(
        "detto", "dichiarato", "aggiunto", "spiegato", "affermato", "annunciato", "sottolineato",
    ),
    written_participles=(
        "scritto", "pubblicato", "commentato", "risposto", "twittato", "postato", "condiviso",
    ),
    verb_endings=("ato", "uto", "ito"),
    post_verbs=("diceva", "recitava", "si legge"),
    post_nouns=("tweet", "post", "didascalia"),
    platform_nouns=("messaggio", "storia", "storie", "commento", "commenti"),
    account_nouns=("account", "profilo", "pagina", "canale"),
    platform_prepositions=("su", "sul", "sulla", "via"),
    platform_fillers=("suo", "sua", "proprio", "propria", "ufficiale", "profilo", "account", "suoi"),
    social_networks=("social network", "social media", "social"),
    video_nouns=("video", "diretta"),
    pronouns={"lui": _M, "lei": _F},
    possessives={"suo": None, "sua": None, "suoi": None, "sue": None},
    definite={"il": _M, "lo": _M, "gli": None, "i": None},
    demonstratives=("questo", "questa", "quel", "quella"),
    indefinite=("un", "uno", "una", "un'", "un’"),
    someone=("qualcuno", "un altro", "un'altra"),
    crowd_nouns=("utente", "utenti", "follower", "lettore", "lettrice", "internauta"),
    crowd_words=("molti", "tanti", "centinaia", "migliaia", "utenti", "reazioni", "commenti"),
    kin_and_roles={
        **dict.fromkeys(("moglie", "madre", "figlia", "sorella", "fidanzata", "attrice", "donna"), _F),
        **dict.fromkeys(("marito", "padre", "figlio", "fratello", "fidanzato", "attore", "uomo"), _M),
    },
    titles=(
        "presidente", "ministro", "ministra", "sindaco", "senatore", "senatrice", "deputato",
        "deputata", "premier", "onorevole",
    ),
    bodies=(
        "ambasciata", "ministero", "polizia", "governo", "partito", "squadra", "società", "azienda",
        "comune",
    ),
    spokes_nouns=("portavoce", "avvocato", "avvocata"),
    not_social=(
        r"\bin\s+un['’]?\s*(?:intervista|nota|comunicato|video)\b",
        r"\bin\s+conferenza\s+stampa\b",
    ),
    fragment_before=("il", "lo", "gli", "dei", "della", "del", "per", "con", "un", "una", "intitolato"),
    relative_pronouns=("che", "il quale", "la quale"),
    prepositions=(
        "secondo", "di", "del", "della", "a", "al", "alla", "da", "dal", "in", "nel", "nella", "con",
        "su", "per", "tra", "fra", "sui", "nelle", "sul", "sulla",
    ),
    function_words=(
        "il", "lo", "la", "gli", "le", "un", "una", "e", "ma", "anche", "poi", "secondo", "per", "con",
        "dopo", "prima", "oggi", "ieri",
    ),
    particles=("di", "da", "della", "del"),
    additive=("anche",),
    series_nouns=("serie", "raffica"),
    consent_openings=(
        "Per visualizzare questo contenuto", "Per vedere questo contenuto",
        "Contenuto non disponibile",
    ),
    consent_words=(
        "cookie", "consenso", "accetta", "Accetta", "preferenze", "privacy", "abilitare",
        "terze parti",
    ),
    weekdays=("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    relative_days={"oggi": 0, "stamattina": 0, "ieri": 1, "ieri sera": 1},
    credit_words=("foto", "immagine", "fonte"),
    credit_links=("via", "da"),
    at_words=("alle",),
    on_words=("il",),
    continuing_verbs=("aggiunge", "ha aggiunto"),
    conjunctions=("e", "o", "ma"),
    sequencers=("poi",),
    complementizers=("che",),
    with_words=("con",),
    caption_nouns=("didascalia",),
    source_prepositions=("di", "da", "del", "della"),
    reads_in=("si legge",),
    dateline_words=("pubblicato", "aggiornato"),
    series_items=("tweet", "post", "messaggi"),
    in_words=("in", "nel", "nella"),
)  # fmt: skip
