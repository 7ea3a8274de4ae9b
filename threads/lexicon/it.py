"""Italian, as ANSA, Adnkronos and the papers attribute quotes: «…», ha scritto il ministro su X;
the present tense is the news tense («…», scrive la premier sui social)."""

from __future__ import annotations

from . import Gender, Language

_M, _F = Gender.MAN, Gender.WOMAN

LANGUAGE = Language(
    code="it",
    quote_marks={"«": "»", "“": "”"},
    speech_verbs=(
        "dice", "disse", "afferma", "affermò", "spiega", "dichiara", "dichiarò", "annuncia",
        "sottolinea", "commenta", "attacca", "replica", "osserva", "ribadisce", "denuncia",
        "lamenta", "esulta", "ironizza", "incalza", "conclude", "avverte", "accusa", "ringrazia",
        "precisa", "rilancia", "sbotta",
    ),
    writing_verbs=("scrive", "scrisse", "pubblica", "pubblicò", "posta", "risponde", "condivide"),
    posting_verbs=("twitta", "twittò", "cinguetta"),
    adverbs=("anche", "poi", "ancora", "già", "più tardi", "nuovamente", "subito"),
    auxiliaries=("ha", "aveva", "hanno"),
    copulas=("è", "era", "fu", "sono", "erano"),
    recipient_prepositions=("a", "ai", "al", "alla", "agli", "per"),
    series_positions=(
        "primo", "prima", "secondo", "seconda", "terzo", "terza", "ultimo", "ultima", "altro", "altra",
        "nuovo", "nuova", "successivo",
    ),
    byline_words=("Di",),
    follow_words=("Segui",),
    under_words=("sotto",),
    quote_verbs=("ha citato", "cita", "citò"),
    before_head=("stesso", "stessa", "giovane", "nuovo", "nuova", "ex", "grande"),
    participles=(
        "detto", "dichiarato", "aggiunto", "spiegato", "affermato", "annunciato", "sottolineato",
        "replicato", "ribadito", "osservato", "precisato", "denunciato", "attaccato", "esultato",
        "ringraziato", "ironizzato", "commentato",
    ),
    written_participles=(
        "scritto", "pubblicato", "commentato", "risposto", "twittato", "postato", "condiviso",
    ),
    verb_endings=("ato", "uto", "ito", "ò"),
    post_verbs=("diceva", "recitava", "si legge", "inizia", "iniziava", "comincia", "cominciava"),
    post_nouns=("tweet", "post", "didascalia", "cinguettio"),
    platform_nouns=("messaggio", "messaggi", "storia", "storie", "commento", "commenti"),
    media_nouns=("foto", "immagine", "immagini", "selfie", "video", "scatto", "messaggio"),
    account_nouns=("account", "profilo", "pagina", "canale", "gruppo"),
    platform_prepositions=(
        "su", "sul", "sulla", "sui", "via", "tramite", "attraverso",
        # a verb of turning to the platform: "ha affidato a Facebook il suo sfogo", "ha affidato ai social"
        "affidato a", "affidato ai", "affida a", "affida ai", "affidando a", "affidando ai", "ricorso a",
        "ricorso ai", "usato", "utilizzato",
    ),
    platform_fillers=(
        "suo", "sua", "proprio", "propria", "ufficiale", "profilo", "account", "suoi", "sue", "il",
        "la", "pagina", "piattaforma",
    ),
    social_networks=("social network", "social media", "social"),
    video_nouns=("video", "diretta"),
    pronouns={"lui": _M, "lei": _F, "loro": None},
    possessives={"suo": None, "sua": None, "suoi": None, "sue": None},
    definite={"il": _M, "lo": _M, "la": _F, "gli": None, "i": None, "le": None, "l'": None, "l’": None},
    demonstratives=("questo", "questa", "quel", "quella"),
    indefinite=("un", "uno", "una", "un'", "un’"),
    someone=("qualcuno", "un altro", "un'altra"),
    crowd_nouns=(
        "utente", "utenti", "follower", "lettore", "lettrice", "internauta", "internauti", "tifoso",
        "tifosa", "tifosi", "persona",
    ),
    crowd_words=(
        "molti", "tanti", "centinaia", "migliaia", "decine", "utenti", "reazioni", "commenti",
        "messaggi", "critiche", "tifosi",
    ),
    kin_and_roles={
        **dict.fromkeys(
            (
                "moglie", "madre", "figlia", "sorella", "fidanzata", "attrice", "donna", "zia",
                "nonna", "vedova", "ministra", "sindaca", "deputata", "senatrice", "signora",
                "calciatrice", "conduttrice", "allenatrice", "assessora",
            ),
            _F,
        ),
        **dict.fromkeys(
            (
                "marito", "padre", "figlio", "fratello", "fidanzato", "attore", "uomo", "zio",
                "nonno", "vedovo", "sindaco", "deputato", "senatore", "signore", "calciatore",
                "conduttore", "allenatore", "cantautore",
            ),
            _M,
        ),
    },
    role_nouns=(
        "compagno", "compagna", "amico", "amica", "leader", "candidato", "candidata", "stella",
        "cantante", "giornalista", "attivista", "atleta", "calciatore", "calciatrice", "artista",
        "influencer", "allenatore", "allenatrice", "conduttore", "conduttrice", "assessore",
        "assessora", "consigliere", "tecnico", "interprete", "modella", "modello", "tennista",
        "ciclista", "pilota", "ricercatore", "ricercatrice", "scrittore", "scrittrice", "imprenditore",
        "imprenditrice", "rapper", "youtuber", "medico", "scienziato", "scienziata",
    ),
    titles=(
        "presidente", "ministro", "ministra", "sindaco", "sindaca", "senatore", "senatrice",
        "deputato", "deputata", "premier", "onorevole", "assessore", "assessora", "segretario",
        "segretaria", "governatore", "governatrice", "ambasciatore", "dottor", "dottore",
        "dottoressa", "signor", "signora", "papa", "regina", "principe", "principessa",
        "vicepremier", "sottosegretario", "sottosegretaria",
    ),
    bodies=(
        "ambasciata", "ministero", "polizia", "governo", "partito", "squadra", "società", "azienda",
        "comune", "club", "gruppo", "band", "esercito", "agenzia", "procura", "regione",
        "federazione", "associazione", "account",
    ),
    place_prepositions=("a", "in"),
    spokes_nouns=("portavoce", "avvocato", "avvocata", "rappresentante", "legale"),
    not_speakers=(
        "rapporto", "comunicato", "nota", "lettera", "sito", "documento", "studio", "sondaggio",
        "articolo", "libro", "canzone", "brano", "ritornello", "strofa",
        # atti giudiziari: «secondo la denuncia», «si legge nella sentenza»
        "denuncia", "querela", "sentenza", "esposto", "ricorso", "email",
        # scritto altrove: «ha scritto nella sua rubrica»
        "newsletter", "blog", "rubrica", "editoriale", "intervista", "discorso",
    ),
    not_social=(
        r"\bin\s+un['’]?\s*(?:intervista|nota|comunicato|video|lettera|editoriale)\b",
        r"\b(?:in|durante\s+la|nella)\s+conferenza\s+stampa\b",
        r"\b(?i:interpellat[oaie]\s+da|intervistat[oaie]\s+da|ai\s+microfoni\s+di)\b",
        r"\b(?:ai|alla)\s+(?:giornalisti|cronisti|stampa)\b",
        r"\b(?:in|alla)\s+(?:tv|televisione|radio)\b",
        # detto in aula, non scritto: «ha detto in consiglio comunale»
        r"\bin\s+(?:consiglio\s+(?:comunale|regionale|provinciale|dei\s+ministri)|aula|parlamento|Parlamento|"
        r"Senato|Camera)\b",
        r"\b(?:durante|nel\s+corso\s+de)(?:lla|l)\s+(?:seduta|sessione|udienza|assemblea)\b",
        r"\b(?:nella|nel|secondo\s+la|secondo\s+il)\s+(?:sua\s+|suo\s+)?(?:denuncia|querela|sentenza|"
        r"lettera|nota|email|comunicato|rubrica|ricorso)\b",
    ),
    fragment_before=(
        "il", "lo", "gli", "dei", "della", "del", "per", "con", "un", "una", "intitolato", "le",
        "delle", "sul", "sulla", "come", "chiamato", "definito",
    ),
    relative_pronouns=("che", "il quale", "la quale"),
    prepositions=(
        "secondo", "di", "del", "della", "a", "al", "alla", "da", "dal", "in", "nel", "nella", "con",
        "su", "per", "tra", "fra", "sui", "nelle", "sul", "sulla",
    ),
    reported=("che", "avrebbe", "sarebbe", "dovrebbe"),
    function_words=(
        "il", "lo", "la", "gli", "le", "un", "una", "e", "ma", "anche", "poi", "secondo", "per", "con",
        "dopo", "prima", "oggi", "ieri", "lui", "lei", "loro", "suo", "sua", "non", "più", "molto",
        "quando", "dove", "come", "perché", "mentre",
    ),
    particles=("di", "da", "della", "del", "de"),
    additive=("anche",),
    series_nouns=("serie", "raffica", "sequenza"),
    topic_before=("su", "dopo", "riguardo a", "in risposta a", "cancellato", "rimosso"),
    consent_openings=(
        "Per visualizzare questo contenuto", "Per vedere questo contenuto",
        "Contenuto non disponibile",
    ),
    consent_words=(
        "cookie", "consenso", "accetta", "Accetta", "preferenze", "privacy", "abilitare",
        "terze parti",
    ),
    weekdays=("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    relative_days={"oggi": 0, "stamattina": 0, "stasera": 0, "ieri": 1, "ieri sera": 1},
    credit_words=("foto", "immagine", "fonte"),
    credit_links=("via", "da"),
    handle_intros=("con il nickname", "con il nome utente", "alias"),
    at_words=("alle",),
    on_words=("il",),
    pointers=("quanto segue", "seguente"),
    continuing_verbs=(
        "aggiunge", "ha aggiunto", "aggiunse", "aggiungeva", "prosegue", "rincara", "ha rincarato",
    ),
    long_ago=("una volta", "anni fa", "un tempo"),
    once_more=("ancora", "più"),
    negations=("non", "mai"),
    not_platform_users=("persona", "lettore", "lettrice"),
    there_words=("lì", "là", "vi"),
    accompany_verbs=(
        "accompagnava", "accompagnavano", "accompagna", "accompagnano", "accompagnato", "accompagnata",
        "accompagnando",
    ),
    going_on=("e ancora", "più avanti", "e più avanti", "e si legge ancora", "prima di aggiungere"),
    conjunctions=("e", "o", "ma"),
    sequencers=("poi", "quindi"),
    complementizers=("che",),
    with_words=("con",),
    caption_nouns=("didascalia", "testo", "messaggio"),
    audience_nouns=("follower", "iscritti"),
    beside_words=("accanto a", "a corredo di"),
    comment_places=("nei commenti", "sotto il post", "sotto al post", "nello stesso thread"),
    clitics=("mi", "ti", "gli", "ci", "vi"),
    reply_nouns=("commento", "risposta"),
    comment_nouns=("commenti",),
    comment_verbs=("ha commentato", "hanno commentato", "commenta"),
    same_words=("stesso", "stessa"),
    same_platform=("sulla stessa piattaforma", "sullo stesso social", "sullo stesso canale"),
    according_to=("secondo",),
    agent_prepositions=("da", "dal", "dalla"),
    source_prepositions=("di", "da", "del", "della"),
    reads_in=("si legge",),
    dateline_words=("pubblicato", "aggiornato"),
    series_items=("tweet", "post", "messaggi"),
    in_words=("in", "nel", "nella"),
)  # fmt: skip
