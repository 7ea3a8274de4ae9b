"""German, as news agencies (dpa), papers and magazines attribute quotes: the verb comes second
and the speaker after it („…“, schrieb der Sänger auf Instagram), present tense is common
(schreibt, postet), and nouns are capitalised."""

from __future__ import annotations

from . import Gender, Language

_M, _F = Gender.MAN, Gender.WOMAN

_DAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_DAY_PARTS = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")
_DAY_TIMES = tuple(day + part for day in _DAYS for part in _DAY_PARTS)
"""Times a German article opens its sentences with, capitalised ("Am Montagabend sagte …", "Am
Abend meldete sich …"): no names."""

LANGUAGE = Language(
    code="de",
    quote_marks={"„": "“”", "»": "«", "«": "»", "‚": "‘’"},
    speech_verbs=(
        "sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint",
        "teilte", "teilt", "kündigte", "kündigt", "verkündete",
        "verkündet", "kritisierte", "kritisiert", "warnte", "warnt", "forderte", "fordert", "lobte",
        "lobt", "dankte", "dankt", "bedankte", "gratulierte", "gratuliert", "freute", "reagierte",
        "reagiert", "fragte", "fragt", "räumte", "gestand", "versprach", "schwärmte", "schwärmt",
        "jubelte", "klagte", "beklagte", "stellte", "äußerte", "äußert", "würdigte", "würdigt",
        "bilanzierte", "resümierte", "scherzte", "witzelte", "spottete", "stichelte", "bestätigte",
        "bestätigt", "verriet", "verrät", "zeigte", "so", "heißt", "hieß", "bat", "bittet",
        "appellierte", "appelliert", "mahnte", "mahnt", "konterte", "kontert", "entgegnete",
        "entgegnet", "erwiderte", "erwidert", "schimpfte", "wetterte", "ätzte", "lästerte",
        "versicherte", "beteuerte", "bedauerte", "polterte", "wünschte", "rief", "empfahl", "drohte",
        "spekulierte", "meldete sich",
    ),
    writing_verbs=(
        "schrieb", "schreibt", "schrieben", "postete", "postet", "posteten", "kommentierte",
        "kommentiert", "veröffentlichte", "veröffentlicht", "antwortete", "antwortet", "betitelte",
        "betitelt", "teilte", "retweetete",
    ),
    posting_verbs=("twitterte", "twittert", "twitterten", "tweetete", "tweetet", "tweeteten"),
    adverbs=(
        "auch", "dann", "später", "bereits", "kürzlich", "damals", "noch", "zudem", "daraufhin",
        "dazu", "jedoch", "aber", "wieder", "erneut", "zuletzt", "sofort", "prompt", "selbst",
        "nun", "jetzt", "schließlich", "außerdem", "ebenfalls", "ursprünglich", "zunächst",
    ),
    auxiliaries=("hat", "hatte", "haben", "hatten"),
    copulas=("ist", "war", "sind", "waren"),
    recipient_prepositions=("an",),
    series_positions=(
        "ersten", "zweiten", "dritten", "vierten", "letzten", "weiteren", "neuen", "späteren", "nächsten",
    ),
    byline_words=("Von",),
    follow_words=("Folgen",),
    under_words=("unter",),
    quote_verbs=("zitierte", "zitiert"),
    participles=(
        "mitgeteilt", "erklärt", "gesagt", "betont", "angekündigt", "verkündet", "reagiert",
    ),
    written_participles=(
        "geschrieben", "gepostet", "getwittert", "getweetet", "kommentiert", "veröffentlicht",
        "geteilt", "geantwortet",
    ),
    verb_endings=("te", "ten"),
    post_verbs=(
        "lautete", "lautet", "hieß", "heißt", "stand", "steht", "beginnt", "begann", "endet", "endete",
    ),
    post_nouns=(
        "Tweet", "Tweets", "Post", "Posts", "Posting", "Postings", "Beitrag", "Beitrags", "Beiträge",
        "Story", "Storys", "Stories", "Bildunterschrift", "Instagramstory", "Instagrampost",
        "Beiträgen",
    ),
    platform_nouns=(
        "Kommentar", "Kommentare", "Eintrag", "Status", "Thread", "Nachricht", "Erklärung",
        "Botschaft",
    ),
    media_nouns=(
        "Foto", "Fotos", "Bild", "Bilder", "Selfie", "Schnappschuss", "Schnappschüsse", "Video",
        "Nachricht",
    ),
    account_nouns=("Account", "Konto", "Profil", "Seite", "Kanal", "Feed", "Timeline", "Accounts", "Gruppe"),
    platform_prepositions=(
        "auf", "bei", "via", "über",
        # a verb of turning to the platform: "nutzte Instagram, um …", "griff zu X"
        "nutzte", "griff zu",
    ),
    platform_fillers=(
        "seinem", "ihrem", "seiner", "ihrer", "seinen", "ihren", "dem", "der", "den", "einem",
        "einer", "eigenen", "offiziellen", "Plattform", "Kurznachrichtendienst", "Onlinedienst",
        "Netzwerk", "sozialen", "Netzwerks", "Online-Netzwerk",
        "App", "Dienst", "Videoplattform", "Kurzvideo-App", "Videoportal", "Fotoplattform",
        "dezentralen", "Microblogging-Dienst", "Twitter-Alternative", "Video-App",
    ),
    social_networks=(
        "sozialen Medien", "sozialen Netzwerken", "sozialen Netzwerk", "Social Media",
        "sozialen Plattformen", "Netz",
    ),
    video_nouns=("Video", "Videos", "Insta-Video", "Livestream", "Clip", "Podcast", "Reel", "Videobotschaft"),
    pronouns={"er": _M, "sie": _F},
    possessives={
        **dict.fromkeys(("sein", "seine", "seinem", "seinen", "seiner", "seines"), _M),
        **dict.fromkeys(("ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres"), _F),
    },
    definite={"der": _M, "die": _F, "das": None, "den": None, "dem": None, "des": None},
    demonstratives=("dieser", "diese", "dieses", "jener", "jene", "diesen", "diesem", "jenen", "jenem"),
    indefinite=(
        "ein", "eine", "einer", "ein weiterer", "eine weitere", "ein anderer", "eine andere", "einem",
        "einen", "eines",
    ),
    someone=(
        "jemand", "einer", "eine", "ein anderer", "eine andere", "ein weiterer", "eine weitere",
        "andere", "manche",
        "ein dritter", "eine dritte", "ein vierter", "eine vierte",
    ),
    crowd_nouns=(
        "Fan", "Fans", "Nutzer", "Nutzerin", "Nutzerinnen", "User", "Userin", "Userinnen", "Person",
        "Zuschauer", "Zuschauerin", "Follower", "Followerin", "Leser", "Leserin", "Kommentator",
        "Kommentatorin", "Anhänger", "Anhängerin", "Kritiker", "Kritikerin", "Instagram-Nutzer",
        "X-Nutzer", "Twitter-Nutzer", "Internetnutzer", "Netzgemeinde",
    ),
    crowd_words=(
        "viele", "zahlreiche", "einige", "etliche", "Tausende", "tausende", "Hunderte", "hunderte",
        "Dutzende", "Fans", "Nutzer", "Nutzerinnen", "User", "Zuschauer", "Follower", "Reaktionen",
        "Kommentare", "Glückwünsche", "Kritiker", "Anhänger", "Leser",
    ),
    kin_and_roles={
        **dict.fromkeys(
            (
                "Frau", "Ehefrau", "Mutter", "Tochter", "Schwester", "Freundin", "Verlobte", "Witwe",
                "Tante", "Oma", "Großmutter", "Nichte", "Enkelin", "Partnerin", "Lebensgefährtin",
                "Dame", "Mama",
            ),
            _F,
        ),
        **dict.fromkeys(
            (
                "Mann", "Ehemann", "Vater", "Sohn", "Bruder", "Freund", "Verlobter", "Witwer", "Onkel",
                "Opa", "Großvater", "Neffe", "Enkel", "Partner", "Lebensgefährte", "Herr", "Papa",
            ),
            _M,
        ),
    },
    feminine_suffixes=("in",),
    role_nouns=(
        "Kollege", "Kollegin", "Weggefährte", "Weggefährtin", "Star", "Model", "Promi", "Influencer",
        "Politiker", "Politikerin", "Kandidat", "Kandidatin", "Musiker", "Musikerin", "Sportler",
        "Sportlerin", "Ex-Partner", "Ex-Partnerin", "Entertainer", "Moderator", "Moderatorin",
        "Künstler", "Künstlerin",
        # what the boulevard calls its people by their looks or fame ("die Blondine meldete sich")
        "Blondine", "Brünette", "Rothaarige", "Reality-Star", "TV-Star", "Realitystar", "Sternchen",
        "Sänger", "Sängerin", "Schauspieler", "Schauspielerin", "Rapper", "Rapperin", "Fußballer",
        "Stürmer", "Verteidiger", "Torhüter", "Trainer", "Trainerin", "Kapitän", "Kapitänin", "Spieler",
        "Spielerin", "Unternehmer", "Unternehmerin", "Autor", "Autorin", "Journalist", "Journalistin",
        "Wissenschaftler", "Wissenschaftlerin", "Arzt", "Ärztin", "Fitnesstrainer", "Influencerin",
        "Youtuber", "Youtuberin", "Streamer", "Streamerin", "Podcaster", "Podcasterin",
    ),
    titles=(
        "herr", "frau", "dr", "prof", "präsident", "präsidentin", "bundeskanzler", "bundeskanzlerin",
        "kanzler", "kanzlerin", "minister", "ministerin", "bürgermeister", "bürgermeisterin",
        "sprecher", "sprecherin", "abgeordnete", "abgeordneter", "senatorin", "botschafter",
        "botschafterin", "chef", "chefin", "vorsitzende", "vorsitzender", "trainer", "trainerin",
        "kapitän", "moderator", "moderatorin", "schauspieler", "schauspielerin", "sänger",
        "sängerin", "rapper", "rapperin", "model", "influencer", "influencerin", "landrat",
        "landrätin", "staatssekretär", "staatssekretärin", "könig", "königin", "prinz", "prinzessin",
        "papst", "bischof", "pfarrer", "oberst", "ehemalige", "ehemaliger", "frühere", "früherer",
        "stürmer", "torwart", "verteidiger",
    ),
    title_suffixes=(
        "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "sprecher",
        "sprecherin", "chef", "chefin", "abgeordnete", "abgeordneter", "politiker", "politikerin",
        "vorsitzende", "vorsitzender", "meister", "meisterin", "direktor", "direktorin", "trainer",
        "trainerin", "sekretär", "sekretärin", "botschafter", "botschafterin", "moderator",
        "moderatorin", "sänger", "sängerin", "star", "rapper", "rapperin", "schauspieler",
        "schauspielerin", "experte", "expertin", "kommissar", "kommissarin", "beauftragte",
        "beauftragter", "fahrer", "fahrerin", "spieler", "spielerin", "-Star", "-Chef", "-Chefin",
        "gründer", "gründerin", "führer", "führerin", "leiter", "leiterin",
    ),
    bodies=(
        "Botschaft", "Ministerium", "Polizei", "Regierung", "Partei", "Verein", "Verband",
        "Unternehmen", "Konzern", "Firma", "Band", "Gruppe", "Team", "Klub", "Club", "Behörde",
        "Stadt", "Gemeinde", "Sender", "Zeitung", "Feuerwehr", "Armee", "Bundeswehr",
        "Bundesregierung", "Staatsanwaltschaft", "Wetterdienst", "Senat", "Landesregierung",
        "Kanzleramt", "Präsidialamt", "Account", "Kanal", "Redaktion", "Mannschaft", "Rat",
        "Verwaltung", "Initiative", "Stiftung",
    ),
    place_prepositions=("in",),
    spokes_nouns=(
        "Sprecher", "Sprecherin", "Pressesprecher", "Pressesprecherin", "Regierungssprecher",
        "Regierungssprecherin", "Anwalt", "Anwältin", "Management", "Sprecherinnen",
    ),
    not_speakers=(
        "Bericht", "Erklärung", "Mitteilung", "Pressemitteilung", "Brief", "Website", "Webseite",
        "Dokument", "Studie", "Umfrage", "Artikel", "Buch", "Lied", "Songtext", "Refrain", "Strophe",
        "Schild", "Nachricht", "Video",
        "Beitrag", "Post", "Tweet",
        # Gerichtsakten: „heißt es in der Klageschrift“
        "Klage", "Klageschrift", "Anklage", "Anklageschrift", "Akte", "Akten", "Urteil", "Beschluss",
        "Schreiben", "E-Mail", "Mail",
        # anderswo geschrieben: „schrieb sie in ihrem Newsletter“
        "Newsletter", "Blog", "Kolumne", "Gastbeitrag", "Essay", "Tagebuch", "Interview",
    ),
    not_social=(
        r"\bgegenüber\s+(?:de[rnm]\s+|einer?\s+)?[\w„»«\"-]+",
        r"\bim\s+(?:Interview|Gespräch|Fernsehen|Podcast|Radio|Bundestag|Landtag|Stadtrat|Gemeinderat|Kreistag|"
        r"Plenum|Parlament|Nationalrat|ZDF|ARD)\b",
        r"\bin\s+der\s+(?:\w+\s+)?(?:Ratssitzung|Sitzung|Plenarsitzung|Debatte|Anhörung)\b",
        r"\bin\s+(?:einem|einer|der|dem)\s+(?:\w+\s+)?(?:Interview|Gespräch|Pressekonferenz|Rede|"
        r"Mitteilung|Pressemitteilung|Video|Brief|Stellungnahme|Talkshow|Sendung|Erklärung)\b",
        r"\bauf\s+(?:einer|der)\s+Pressekonferenz\b",
        r"\bwährend\s+(?:eines|einer|des|der|seines|ihres|seiner|ihrer)\s+(?:\w+\s+)?(?:Interviews?|"
        r"Pressekonferenz|Rede|Sitzung|Debatte|Auftritts?)\b",
        r"\b(?:de[rnm]|einer)\s+(?:Deutschen\s+Presse-Agentur|dpa|Nachrichtenagentur|Agentur)\b",
        r"\blaut\s+(?:einer|der)\s+(?:Mitteilung|Erklärung|Pressemitteilung)\b",
        r"\bin\s+(?:einer|seiner|ihrer)\s+(?:Kolumne|Gastbeitrag)\b|\bin\s+einem\s+Gastbeitrag\b",
        # Gerichtsakten und Schreiben: „schrieben die Anwälte in der Klageschrift“, „laut Anklage“
        r"\bin\s+(?:der|einer|ihrer|seiner|dem|einem|ihrem|seinem)\s+(?:\w+\s+)?(?:Klageschrift|Klage|"
        r"Anklageschrift|Anklage|Akte|Urteil|Beschluss|Schreiben|E-Mail|Mail|Eingabe|Beschwerde)\b",
        r"\blaut\s+(?:der\s+|einer\s+|den\s+)?(?:Klage|Klageschrift|Anklage|Anklageschrift|Gerichtsakten|"
        r"Gerichtsdokumenten|Ermittlungsakten|Akten|Urteil|Schreiben|E-Mail)\b",
        r"\bvor\s+Gericht\b",
        r"^\s*(?:Auf\s+die\s+Frage|Darauf\s+angesprochen|Gefragt,\s+ob)\b",
        r"\bauf\s+(?:Nachfrage|Anfrage)\b",
        # „teilte … mit“ (informierte: eine Mitteilung), nicht „teilte“ (postete)
        r"\bteilt(?:e|en)?\b[^.:;„“»«]{0,80}?\smit(?=\s*(?:[.:,;]|$))",
    ),
    fragment_before=(
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
        "von", "mit", "für", "auf", "zu", "im", "am", "vom", "zum", "zur", "als", "wie", "namens",
        "betitelt", "genannt", "sogenannte", "sogenannten", "seine", "ihre", "sein", "ihr",
        "seinen", "ihren", "seinem", "ihrem", "seiner", "ihrer", "unter", "über", "durch", "nach",
        "habe", "sei", "seien", "hätte", "hätten", "wäre", "wären", "werde", "würden", "Titel",
    ),
    relative_pronouns=("welcher", "welche", "welches", "der", "die", "das"),
    possessive_relatives=("dessen", "deren"),
    prepositions=(
        "laut", "von", "vom", "zu", "zum", "zur", "mit", "bei", "beim", "aus", "für", "gegen", "über",
        "an", "am", "auf", "in", "im", "ins", "unter", "neben", "zwischen",
    ),
    reported=("sagte", "sagt", "dass", "meinte", "glaubt", "sollte", "würde", "könnte", "habe", "sei"),
    not_a_role=("der", "die", "das", "bekannt", "geboren", "genannt"),
    not_in_role=("und", "oder", "aber", "mit", "von", "bei", "in", "auf", "nach", "vor", "als", "auch"),
    function_words=(
        *_DAY_TIMES,
        *_DAY_PARTS,
        "auch", "dazu", "damit", "doch", "nun", "dann", "aber", "also", "zudem", "später", "laut",
        "bereits", "seit", "nach", "vor", "im", "am", "zum", "zur", "für", "mit", "bei", "von",
        "auf", "in", "unter", "über", "wie", "als", "wenn", "während", "nachdem", "obwohl", "so",
        "da", "dort", "hier", "heute", "gestern", "jetzt", "damals", "ähnlich", "allerdings",
        "jedoch", "außerdem", "deshalb", "trotzdem", "immer", "einen", "eine", "ein", "der", "die",
        "das", "den", "dem", "des", "sein", "seine", "ihr", "ihre", "er", "sie", "es", "wir",
        "ich", "du", "man", "und", "oder", "denn", "weil", "dass", "ob", "kein", "keine", "nicht",
        "noch", "schon", "erst", "etwa", "rund", "knapp", "mehr", "viele", "zahlreiche", "einige",
        "alle", "diese", "dieser", "dieses", "zuletzt", "zunächst", "anschließend", "daraufhin",
        "inzwischen", "mittlerweile", "seitdem", "unterdessen", "derweil", "dabei", "darin",
        "darauf", "danach", "neben", "gegen", "ohne", "um", "bis", "aus", "durch", "wegen",
        "trotz", "statt", "quelle", "foto", "bild", "anzeige", "lesen", "weiterlesen", "kopiert",
        "einem", "einer", "eines", "seinem", "seiner", "ihrem", "ihrer", "unser", "unsere", "wer", "was",
        "wo", "warum", "wann", "welche", "welcher", "jeder", "jede", "viel", "mehr", "neu", "neue",
    ),
    particles=("von", "von der", "vom"),
    additive=("auch", "ebenfalls", "ebenso"),
    series_nouns=("Reihe", "Serie", "Flut", "Salve", "Vielzahl", "Thread"),
    topic_before=("über", "wegen", "gelöscht", "löschte", "reagierte auf", "angesprochen auf", "auf den"),
    consent_openings=(
        "Empfohlener externer Inhalt", "Empfohlener redaktioneller Inhalt", "Externer Inhalt",
        "An dieser Stelle finden Sie einen", "Um diesen Inhalt anzuzeigen", "Um diesen Inhalt zu sehen",
        "Wir benötigen Ihre Zustimmung", "Dieser Inhalt stammt von", "Zum Anzeigen dieses Inhalts",
        "Mit Aktivierung der Checkbox", "Ich bin damit einverstanden, dass mir externe Inhalte",
        "Um mit Inhalten aus", "Inhalte von Drittanbietern",
    ),
    consent_words=(
        "Zustimmung", "einverstanden", "Datenschutz", "Datenschutzerklärung", "Einstellungen",
        "Privatsphäre", "Privatsphäre-Einstellungen", "Cookies", "akzeptieren", "aktivieren",
        "Aktiviere", "zulassen", "laden", "anzuzeigen", "anzeigen", "ausblenden", "Drittanbieter",
        "Drittplattformen", "personenbezogene Daten", "Checkbox", "Anbieter", "CMP", "Anzeigen",
        "widerrufen", "externen", "externe", "Inhalt", "Inhalte", "Klick", "einblenden",
        "Alle akzeptieren", "Alle ablehnen",
    ),
    weekdays=_DAYS,
    relative_days={"heute": 0, "heute morgen": 0, "gestern": 1, "gestern abend": 1, "vorgestern": 2},
    credit_words=("Foto", "Bild", "Quelle", "Screenshot", "Bildschirmfoto", "Video"),
    credit_links=("via", "über", "von"),
    handle_intros=(
        "unter dem Namen", "unter dem Account", "unter dem Pseudonym", "alias", "mit dem Namen",
    ),
    at_words=("um",),
    on_words=("am",),
    hour_words=("Uhr",),
    pointers=("folgendes", "folgende", "unten", "wie folgt"),
    caption_verbs=("betitelte", "betitelt", "untertitelte", "untertitelt"),
    said_in_video=(
        r"\b(?:Video|Clip|Reel|Livestream)\b[^.:]{0,50},\s*in\s+(?:dem|welchem)\s+(?:er|sie|man)\s+"
        r"(?:\w+\s+)?(?:sagt|sagte|erklärt|erklärte|spricht|sprach|meint|meinte)\b",
    ),
    written_elsewhere=(
        "E-Mail", "Mail", "Brief", "Schreiben", "Mitteilung", "Pressemitteilung", "Erklärung",
        "Stellungnahme", "Kolumne", "Gastbeitrag", "Newsletter", "Rundschreiben", "WhatsApp", "SMS",
        "Chatnachricht", "Chatnachrichten", "Privatnachricht", "Privatnachrichten",
    ),
    retort_verbs=("konterte", "entgegnete", "erwiderte", "antwortete", "reagierte", "keilte zurück"),
    continuing_verbs=("fügte", "ergänzte", "ergänzt", "legte nach", "schob nach", "setzte nach"),
    long_ago=("einmal", "einst", "vor Jahren"),
    once_more=("noch", "nicht", "erst", "auf", "mehr", "schon"),
    negations=("nicht", "nie"),
    not_platform_users=("Person", "Leser", "Leserin", "Kritiker", "Kritikerin", "Anhänger", "Anhängerin"),
    there_words=("dort", "da", "darin"),
    accompany_verbs=("begleitete", "begleiteten", "begleitet", "begleitend", "begleitende", "begleitenden"),
    going_on=(
        "und weiter", "weiter heißt es", "weiter hieß es", "und weiter heißt es", "es heißt weiter",
        "es hieß weiter", "darin heißt es weiter", "darin hieß es weiter", "dort heißt es weiter",
    ),
    conjunctions=("und", "oder", "aber"),
    sequencers=("dann", "danach", "später"),
    later_words=(
        "später", "danach", "kurz darauf", "kurz danach", "wenig später", "am nächsten Tag", "tags darauf",
    ),
    complementizers=("dass",),
    with_words=("mit",),
    caption_nouns=("Bildunterschrift", "Worten"),
    description_nouns=("Bildunterschrift", "Beschreibung", "Videobeschreibung"),
    audience_nouns=("Follower", "Followern", "Followerinnen", "Abonnenten", "Abonnentinnen"),
    comment_places=(
        "in den Kommentaren", "in der Kommentarspalte", "unter dem Beitrag", "unter dem Post",
        "im selben Thread", "im gleichen Thread",
    ),
    reply_nouns=("Kommentar", "Antwort"),
    comment_nouns=("Kommentare", "Kommentaren"),
    comment_verbs=("kommentierte", "kommentierten", "kommentiert", "kommentieren"),
    same_words=("selben", "gleichen", "derselbe", "dieselbe", "dasselbe"),
    same_platform=("auf derselben Plattform", "auf der gleichen Plattform", "auf demselben Netzwerk"),
    according_to=("laut",),
    genitive_articles=("des", "der"),
    agent_prepositions=("von", "vom"),
    source_prepositions=("von", "vom"),
    reads_in=("hieß es", "heißt es", "steht", "stand"),
    dateline_words=("veröffentlicht", "aktualisiert", "Stand"),
    series_items=("Tweets", "Posts", "Beiträge", "Beiträgen", "Nachrichten", "Postings"),
    in_words=("in", "im", "unter"),
    before_late_subject=(
        "sich", "es", "das", "dies", "ihn", "ihm", "uns", "euch", "auch", "dazu", "noch", "wohl",
        "aber", "doch",
    ),
)  # fmt: skip
