"""French, as the AFP and the papers attribute quotes: « … », a écrit la ministre sur X; the
pronoun after the verb (« … », a-t-il tweeté; écrit-elle)."""

from __future__ import annotations

from . import Gender, Language

_M, _F = Gender.MAN, Gender.WOMAN

LANGUAGE = Language(
    code="fr",
    quote_marks={"«": "»", "“": "”"},
    speech_verbs=(
        "dit", "déclare", "affirme", "explique", "estime", "souligne", "réagit", "annonce",
        "salue", "dénonce", "lance", "confie", "assure", "insiste", "raconte", "rappelle", "indique",
        "martèle", "ironise", "regrette", "précise", "note", "déplore", "s'est réjoui",
        "s'est réjouie", "s'est félicité", "s'est félicitée", "s'est indigné", "s'est indignée",
    ),
    writing_verbs=("écrit", "publie", "poste", "commente", "répond", "partage"),
    posting_verbs=("tweete", "twitte", "gazouille"),
    adverbs=(
        "aussi", "ensuite", "puis", "également", "déjà", "alors", "encore", "plus tard", "lui", "leur",
        "y",
    ),
    auxiliaries=("a", "avait", "ont", "avaient"),
    copulas=("est", "était", "fut", "sont", "étaient"),
    recipient_prepositions=("à", "aux", "pour"),
    series_positions=(
        "premier", "première", "deuxième", "second", "seconde", "troisième", "dernier", "dernière", "autre",
        "nouveau", "nouvel", "nouvelle", "suivant",
    ),
    byline_words=("Par",),
    follow_words=("Suivre", "S'abonner"),
    under_words=("sous",),
    quote_verbs=("a cité", "cite", "citait"),
    before_head=("propre", "même", "jeune", "nouveau", "nouvelle", "ancien", "ancienne", "grand", "grande"),
    participles=(
        "dit", "déclaré", "affirmé", "ajouté", "expliqué", "estimé", "souligné", "réagi", "annoncé",
        "salué", "dénoncé", "lancé", "confié", "assuré", "insisté", "raconté", "rappelé", "indiqué",
        "martelé", "ironisé", "regretté", "précisé", "noté", "déploré", "poursuivi",
    ),
    written_participles=(
        "écrit", "publié", "posté", "commenté", "répondu", "partagé", "tweeté", "twitté",
    ),
    verb_endings=("é",),
    post_verbs=("disait", "dit", "indiquait", "indique", "affirmait", "commence", "commençait"),
    post_nouns=("tweet", "tweets", "post", "posts", "légende", "gazouillis"),
    platform_nouns=(
        "publication", "publications", "story", "stories", "commentaire", "commentaires", "message",
        "messages",
    ),
    media_nouns=("photo", "photos", "image", "images", "selfie", "cliché", "vidéo", "message"),
    account_nouns=("compte", "page", "profil", "fil", "chaîne", "groupe"),
    platform_prepositions=(
        "sur", "via",
        # a verb of turning to the platform: "a eu recours à X", "s'est tourné vers Instagram"
        "recours à", "tourné vers", "tournée vers",
    ),
    platform_fillers=(
        "son", "sa", "ses", "le", "la", "les", "un", "une", "propre", "officiel", "officielle",
        "réseau", "social",
    ),
    social_networks=("réseaux sociaux", "réseau social", "médias sociaux"),
    video_nouns=("vidéo", "vidéos", "direct", "live"),
    pronouns={"il": _M, "elle": _F, "ils": None, "elles": None},
    possessives={"son": None, "sa": None, "ses": None, "leur": None},
    definite={"le": _M, "la": _F, "l'": None, "l’": None, "les": None},
    demonstratives=("ce", "cet", "cette", "ces"),
    indefinite=("un", "une", "un autre", "une autre"),
    someone=(
        "quelqu'un", "quelqu’un", "un autre", "une autre", "certains",
        "un troisième", "une troisième", "un quatrième", "une quatrième",
    ),
    crowd_nouns=(
        "fan", "fans", "internaute", "internautes", "utilisateur", "utilisatrice", "utilisateurs",
        "abonné", "abonnée", "abonnés", "lecteur", "lectrice", "personne", "twittos", "supporter",
        "supporteur", "supportrice",
    ),
    crowd_words=(
        "nombreux", "nombreuses", "centaines", "milliers", "plusieurs", "certains", "internautes",
        "abonnés", "fans", "réactions", "commentaires", "messages", "hommages", "twittos",
    ),
    kin_and_roles={
        **dict.fromkeys(
            (
                "femme", "épouse", "mère", "fille", "sœur", "soeur", "compagne", "veuve", "tante",
                "grand-mère", "nièce", "actrice", "chanteuse", "madame", "mme", "directrice",
                "présidente", "députée", "sénatrice", "ambassadrice", "comédienne", "animatrice",
                "joueuse", "chercheuse", "romancière", "autrice",
            ),
            _F,
        ),
        **dict.fromkeys(
            (
                "mari", "époux", "père", "fils", "frère", "compagnon", "veuf", "oncle", "grand-père",
                "neveu", "acteur", "chanteur", "homme", "monsieur", "directeur", "sénateur",
                "ambassadeur", "comédien", "animateur", "joueur", "chercheur", "romancier",
            ),
            _M,
        ),
    },
    role_nouns=(
        "collègue", "ami", "amie", "star", "figure", "candidat", "candidate", "vedette", "journaliste",
        "militant", "militante", "artiste", "sportif", "sportive", "interprète", "rappeur", "rappeuse",
        "influenceur", "influenceuse", "youtubeur", "youtubeuse", "entraîneur", "climatologue", "médecin",
        "scientifique", "spécialiste", "auteur", "mannequin", "humoriste",
    ),
    titles=(
        "président", "présidente", "ministre", "premier", "première", "maire", "député", "députée",
        "sénateur", "sénatrice", "porte-parole", "secrétaire", "ambassadeur", "ambassadrice",
        "général", "colonel", "docteur", "professeur", "monsieur", "madame", "m", "mme", "chef",
        "directeur", "directrice", "ancien", "ancienne", "pape", "roi", "reine", "prince",
        "princesse", "chanteur", "chanteuse", "acteur", "actrice",
    ),
    bodies=(
        "ambassade", "ministère", "police", "gendarmerie", "gouvernement", "parti", "club", "équipe",
        "entreprise", "société", "groupe", "mairie", "préfecture", "armée", "agence", "élysée",
        "fédération", "association", "compte",
    ),
    place_prepositions=("à", "en"),
    spokes_nouns=("porte-parole", "avocat", "avocate", "entourage"),
    not_speakers=(
        "rapport", "communiqué", "lettre", "site web", "document", "étude", "sondage", "article",
        "livre", "chanson", "message",
        # pièces judiciaires : « selon la plainte », « indique l'assignation »
        "plainte", "assignation", "requête", "jugement", "arrêt", "courriel", "procès-verbal",
        # écrit ailleurs : « a-t-elle écrit dans sa lettre d'information »
        "blog", "tribune", "chronique", "essai", "journal", "entretien", "discours",
    ),
    not_social=(
        r"\bdans\s+(?:une|un)\s+(?:\w+\s+)?(?:interview|entretien|communiqué|discours|lettre|vidéo|tribune|courriel)\b",
        r"\b(?:en|lors\s+d['’]une|lors\s+de\s+(?:la|sa))\s+conférence\s+de\s+presse\b",
        # dit en séance, non écrit : « a-t-il lancé au conseil municipal »
        r"\b(?:en\s+séance|dans\s+l['’]hémicycle|(?:à|devant)\s+l['’]Assemblée|(?:au|devant\s+le)\s+(?:Sénat|conseil\s+municipal|"
        r"conseil\s+régional|Parlement))\b",
        r"\b(?i:interrogée?s?\s+par)\b",  # « Interrogé par l'AFP, … a-t-il déclaré »
        r"\b(?:à|au|aux)\s+(?:la\s+presse|journalistes|micro\s+de|AFP|l['’]AFP)\b",
        r"\bsur\s+(?:France\s+\w+|BFMTV|TF1|LCI|RTL|CNews|Europe\s+1)\b",
        r"\bà\s+la\s+(?:télévision|radio)\b",
        # pièces judiciaires et courriels : « écrit dans la plainte », « selon l'assignation »
        r"\b(?:dans|selon)\s+(?:la|le|l['’]|sa|son|leur|une|un)\s*(?:\w+\s+)?(?:plainte|assignation|"
        r"requête|jugement|arrêt|courriel|procès-verbal|communiqué|lettre|dossier)\b",
        r"\bdevant\s+(?:le|la)\s+(?:tribunal|juge|cour)\b",
    ),
    fragment_before=(
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "au", "aux", "par",
        "pour", "avec", "sur", "sa", "son", "ses", "leur", "leurs", "ce", "cette", "en", "dans",
        "comme", "intitulé", "intitulée", "baptisé", "appelé", "serait", "aurait", "était",
    ),
    relative_pronouns=("qui", "dont", "lequel", "laquelle"),
    possessive_relatives=("dont",),
    prepositions=(
        "selon", "de", "du", "des", "à", "au", "aux", "en", "avec", "pour", "par", "sur", "chez",
        "contre", "dans", "vers", "sans", "entre",
    ),
    reported=("que", "qu'", "dit", "disait", "aurait", "serait", "devrait"),
    function_words=(
        "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "il", "elle", "ils", "elles",
        "ce", "cette", "cet", "ces", "et", "mais", "ou", "donc", "or", "ni", "car", "puis",
        "ensuite", "aussi", "également", "selon", "dans", "sur", "sous", "avec", "pour", "par",
        "sans", "lors", "après", "avant", "pendant", "depuis", "hier", "aujourd'hui", "demain",
        "cependant", "toutefois", "pourtant", "ainsi", "alors", "déjà", "encore", "enfin", "photo",
        "vidéo", "son", "sa", "ses", "leur", "leurs",
    ),
    particles=("de", "du", "de la", "d'", "d’"),
    additive=("aussi", "également", "de son côté", "de même"),
    series_nouns=("série", "salve", "fil", "rafale", "succession"),
    topic_before=("à propos de", "après", "concernant", "supprimé", "effacé", "au sujet de"),
    consent_openings=(
        "Pour afficher ce contenu", "Pour visualiser ce contenu", "Pour voir ce contenu",
        "Ce contenu est bloqué", "Ce contenu n'est pas disponible", "Contenu externe",
    ),
    consent_words=(
        "cookies", "consentement", "accepter", "Accepter", "autoriser", "Gérer mes choix",
        "paramètres", "confidentialité", "mesure d'audience", "cookies publicitaires", "tiers",
        "préférences", "activer", "Tout accepter", "Tout refuser",
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    relative_days={"aujourd'hui": 0, "ce matin": 0, "ce soir": 0, "hier": 1, "hier soir": 1, "avant-hier": 2},
    credit_words=("photo", "image", "capture", "capture d'écran", "source", "crédit", "vidéo"),
    credit_links=("via", "de"),
    handle_intros=("sous le pseudo", "sous le nom", "alias"),
    at_words=("à",),
    on_words=("le",),
    hour_words=("h",),
    pointers=("ci-dessous", "suivant", "voici"),
    continuing_verbs=(
        "ajoute", "a ajouté", "ajoutait", "poursuit", "a poursuivi", "renchérit", "a renchéri", "enchaîne",
        "a enchaîné",
    ),
    long_ago=("jadis", "autrefois", "il y a des années"),
    negations=("ne", "n'", "n’"),
    not_platform_users=("personne", "lecteur", "lectrice"),
    there_words=("là", "y"),
    accompany_verbs=(
        "accompagnait", "accompagnaient", "accompagne", "accompagnent", "accompagnant", "accompagné",
        "accompagnée", "accompagna",
    ),
    going_on=(
        "et encore", "plus loin", "et plus loin", "et d'ajouter", "et de poursuivre", "avant d'ajouter",
    ),
    conjunctions=("et", "ou", "mais"),
    sequencers=("puis", "ensuite"),
    complementizers=("que", "qu'", "qu’"),
    with_words=("avec",),
    caption_nouns=("légende", "mots"),
    audience_nouns=("abonnés", "followers"),
    beside_words=("accompagnant", "en légende d'", "en légende d’", "en légende de"),
    comment_places=(
        "dans les commentaires", "en commentaire", "sous la publication", "sous le post",
        "dans le même fil",
    ),
    clitics=("me", "te", "lui", "leur", "nous", "vous"),
    reply_nouns=("commentaire", "réponse"),
    comment_nouns=("commentaires",),
    comment_verbs=("a commenté", "ont commenté", "commente"),
    same_words=("même",),
    same_platform=("sur le même réseau", "sur la même plateforme", "par le même canal"),
    according_to=("selon", "d'après", "d’après"),
    agent_prepositions=("par",),
    source_prepositions=("de", "du", "d'", "d’"),
    reads_in=("on peut lire", "on lit", "peut-on lire"),
    dateline_words=("publié le", "mis à jour le"),
    series_items=("tweets", "posts", "messages", "publications"),
    in_words=("dans", "en"),
)  # fmt: skip
