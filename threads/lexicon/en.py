"""English, as wire services, networks and papers attribute quotes (AP and Reuters usage)."""

from __future__ import annotations

from .. import vocab
from . import Gender, Language

_M, _F, _N = Gender.MAN, Gender.WOMAN, Gender.BODY

LANGUAGE = Language(
    code="en",
    quote_marks={"“": "”", '"': '"', "‘": "’", "'": "'"},
    speech_verbs=(
        "said", "says", "pointed out", "points out", "noted", "notes", "explained", "stated", "argued",
        "claimed", "asked", "responded", "answered", "declared",
        "announced", "insisted", "remarked", "warned", "quipped", "joked", "told", "tells", "cautioned",
        "urged", "observed", "concluded", "mused", "vowed", "boasted", "complained", "lamented",
        "admitted", "acknowledged", "suggested", "proclaimed", "fired back", "shot back", "chimed in",
        "weighed in", "retorted", "blasted", "slammed", "praised", "thanked", "recalled", "predicted",
        "countered", "conceded", "exclaimed", "wondered", "demanded", "charged", "alleged", "raged",
        "ranted", "snapped", "scoffed", "teased", "hinted", "pleaded", "promised", "reiterated",
        "emphasized", "emphasised", "stressed", "affirmed", "maintained", "contended", "asserted",
        "congratulated", "states", "explains", "claims", "argues", "insists", "warns", "gushed",
        "raved", "celebrated", "confirmed", "revealed",
        # "took to Instagram to say:", "took to X on Monday, writing:" ("went on X to say:": continuing)
        "took to", "turned to",
        # how reporters set off what a post said besides "said" ("she confessed", "he fumed")
        "confessed", "reflected", "apologized", "apologised", "begged", "cheered", "protested",
        "sighed", "reminded", "fumed", "shouted", "bragged", "mocked", "taunted", "deadpanned",
        "marveled", "marvelled", "griped", "sniped", "assured", "reassured", "clarified", "began",
    ),
    writing_verbs=(
        "wrote", "writes", "posted", "posts", "replied", "commented", "shared", "messaged",
        "captioned", "wrote back", "posted back", "shared back", "penned", "uploaded",
    ),
    posting_verbs=(
        "tweeted", "tweets", "retweeted", "skeeted", "tooted", "reposted", "quote-tweeted", "quote-posted",
    ),
    adverbs=(
        "also", "then", "later", "again", "further", "quickly", "simply", "soon", "once", "just",
        "finally", "previously", "earlier", "initially", "originally", "recently", "subsequently",
        "separately",
        "additionally", "even", "immediately", "angrily", "sarcastically", "bluntly", "defiantly",
        "publicly",
    ),
    auxiliaries=("had", "has", "have", "would", "was"),
    participles=("said", "added", "replied", "commented"),
    written_participles=("written", "posted", "tweeted", "shared"),
    copulas=("is", "was", "were", "are"),
    recipient_prepositions=("to",),
    series_positions=(
        "first", "second", "third", "fourth", "final", "last", "later", "next", "new", "another",
        "follow-up", "subsequent",
    ),
    byline_words=("By",),
    follow_words=("Follow",),
    under_words=("under", "beneath", "below", "over"),
    quote_verbs=("quoted", "quotes"),
    verb_endings=("ed",),
    post_verbs=("read", "reads", "said", "says", "stated", "begins", "began", "ends", "ended"),
    post_nouns=("tweet", "tweets", "tweetstorm", "post", "posts", "caption", "captions", "posting"),
    platform_nouns=(
        "story", "stories", "status", "update", "updates", "thread", "comment", "comments", "reply",
        "replies", "message", "messages", "statement",
    ),
    media_nouns=(
        "photo", "photos", "picture", "pictures", "image", "images", "selfie", "snap", "snapshot",
        "video", "clip", "message", "note",
    ),
    account_nouns=(
        "account", "accounts", "page", "feed", "profile", "timeline", "channel", "site", "handle", "group",
    ),
    platform_prepositions=("on", "to", "via", "onto"),
    platform_fillers=(
        "his", "her", "their", "its", "the", "a", "an", "own", "official", "verified", "personal",
        # what a reporter calls a platform its readers may not know ("on the decentralized
        # network Mastodon", "on the video-sharing app TikTok", "on the social media platform X")
        "platform", "site", "network", "app", "service", "social", "media", "networking",
        "microblogging", "decentralized", "decentralised", "video", "video-sharing", "photo-sharing",
        "messaging", "short-video", "rival", "alternative", "popular",
    ),
    social_networks=(
        "social media", "social network", "social networks", "social networking",
        "social networking site",
        "social networking sites", "social platforms",
    ),
    video_nouns=("video", "videos", "livestream", "live stream", "live video", "podcast", "reel", "clip"),
    pronouns={"he": _M, "she": _F, "they": None},
    possessives={"his": _M, "her": _F, "their": None, "its": _N},
    definite={"the": None},
    demonstratives=("this", "that", "these", "those"),
    indefinite=("a", "an", "one", "another", "some"),
    someone=(
        "someone", "somebody", "one", "another", "others", "a third", "a fourth", "a fifth", "yet another",
    ),
    crowd_nouns=(
        "fan", "fans", "user", "users", "follower", "followers", "commenter", "commenters", "viewer",
        "viewers", "reader", "readers", "person", "supporter", "supporters", "critic", "critics",
        "tweeter", "poster", "netizen", "netizens", "listener", "subscriber", "customer", "resident",
        "voter", "observer", "twitter user", "instagram user", "facebook user",
    ),
    crowd_words=(
        "hundreds", "thousands", "dozens", "millions", "many", "some", "others", "several", "people",
        "fans", "users", "followers", "viewers", "readers", "tributes", "reactions", "comments",
        "responses", "messages", "critics", "supporters", "netizens", "commenters", "replies",
    ),
    kin_and_roles={
        **dict.fromkeys(
            (
                "wife", "mother", "daughter", "sister", "girlfriend", "fiancée", "fiancee", "widow",
                "aunt", "grandmother", "niece", "granddaughter", "stepmother", "stepdaughter", "actress",
                "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "businesswoman", "woman",
                "girl", "mum", "mom", "queen", "princess", "duchess", "lady", "dame", "mrs", "ms",
                "miss", "sister-in-law", "mother-in-law", "daughter-in-law", "empress", "countess",
            ),
            _F,
        ),
        **dict.fromkeys(
            (
                "husband", "father", "son", "brother", "boyfriend", "fiancé", "fiance", "widower",
                "uncle", "grandfather", "nephew", "grandson", "stepfather", "stepson", "actor",
                "spokesman", "chairman", "congressman", "councilman", "businessman", "man", "boy",
                "dad", "king", "prince", "duke", "lord", "sir", "mr", "brother-in-law",
                "father-in-law", "son-in-law", "emperor", "count",
            ),
            _M,
        ),
    },
    role_nouns=(
        "colleague", "teammate", "friend", "partner", "rival", "ally", "aide", "adviser", "advisor",
        "figure", "icon", "legend", "veteran", "boss", "captain", "coach", "model", "celebrity",
        "personality", "host", "anchor", "comedian", "star", "chief", "head", "leader", "founder",
        "member", "candidate", "nominee", "athlete", "musician", "artist", "influencer", "youtuber",
        "official", "lawmaker", "politician", "activist", "survivor", "victim", "witness", "student",
        "teacher", "nurse", "doctor", "hydrologist", "scientist", "expert", "critic", "fan", "user",
        "resident", "correspondent", "assistant", "consultant", "participant", "president",
        "contestant", "entrant", "attendant", "agent",
        # sport, whose reporters name players by position ("the defender wrote")
        "defender", "midfielder", "striker", "forward", "goalkeeper", "keeper", "winger", "skipper",
        "quarterback", "pitcher", "shortstop", "linebacker", "receiver", "rookie", "champion",
        "playmaker", "fullback", "full-back", "batter", "bowler", "golfer", "boxer", "cyclist",
        "swimmer", "sprinter", "driver", "guard", "center", "centre",
        # trades and offices a story calls its people by
        "astronomer", "astrophysicist", "meteorologist", "forecaster", "economist", "analyst",
        "professor", "researcher", "executive", "entrepreneur", "owner", "chef", "designer",
        "novelist", "author", "rapper", "singer-songwriter", "frontman", "frontwoman", "streamer",
        "podcaster", "creator", "reporter", "journalist", "columnist", "actress", "actor",
        "congressman", "congresswoman", "councilman", "councilwoman", "commissioner", "superintendent",
    ),
    titles=(
        "dj", "mc", "army", "navy", "marine", "marines", "air", "force", "guard", "coast", "national", "col",
        "colonel", "lt", "lieutenant", "gen", "general", "maj", "major", "capt", "captain", "sgt",
        "sergeant", "adm", "admiral", "cmdr", "commander", "brig", "brigadier", "cpl", "corporal",
        "pvt", "private", "ens", "ensign", "staff", "master", "chief", "petty", "officer", "warrant",
        "president", "vice", "senator", "sen", "rep", "representative", "congressman",
        "congresswoman", "congressperson", "delegate", "gov", "governor", "lieutenant-governor",
        "mayor", "councilman", "councilwoman", "councillor", "alderman", "dr", "mr", "mrs", "ms",
        "mx", "miss", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend", "fr",
        "father", "sister", "brother", "rabbi", "imam", "pope", "cardinal", "bishop", "archbishop",
        "king", "queen", "prince", "princess", "duke", "duchess", "earl", "emperor", "sheikh",
        "secretary", "minister", "prime", "chancellor", "ambassador", "envoy", "consul", "judge",
        "justice", "sheriff", "attorney", "spokesman", "spokeswoman", "spokesperson", "deputy",
        "assistant", "associate", "commissioner", "director", "chairman", "chairwoman", "chair",
        "ceo", "cfo", "coo", "cto", "founder", "executive", "head", "leader", "speaker", "whip",
        "premier", "coach", "manager", "detective", "inspector", "constable", "superintendent",
        "agent", "trooper", "first", "former", "ex", "then", "late", "acting", "interim",
        "incoming", "outgoing", "retired", "u.s", "us", "u.k", "uk", "un", "eu", "white", "house",
        "state", "defense", "foreign", "interior", "home", "press",
    ),
    bodies=(
        "embassy", "ministry", "department", "agency", "company", "firm", "group", "team", "club",
        "campaign", "party", "office", "police", "army", "military", "government", "council",
        "committee", "organization", "organisation", "foundation", "union", "network", "newspaper",
        "station", "band", "league", "federation", "association", "airline", "brand", "site",
        "account", "app", "startup", "charity", "broadcaster", "publisher", "platform", "service",
        "retailer", "carrier", "bank", "maker", "studio", "label", "museum", "zoo", "school",
        "university", "hospital", "city", "county", "court", "force", "magazine", "outlet",
        "institute", "institution", "commission", "bureau", "authority", "center", "centre",
        "society", "trust", "corporation", "college", "academy", "library", "theatre", "theater",
        "festival", "coalition", "alliance", "caucus", "administration", "board", "district",
        "observatory", "laboratory", "lab", "inc", "ltd", "llc",
    ),
    org_name_ends=(
        "games", "interactive", "labs", "media", "holdings", "records", "entertainment",
        "productions", "systems", "technologies", "motors", "foods", "partners", "capital",
        "ventures", "pictures", "films", "airways", "energy", "pharmaceuticals", "software",
        "networks", "solutions", "industries", "enterprises", "brands", "logistics", "robotics",
        "therapeutics", "rescue", "aerospace", "insurance", "utilities", "transit",
    ),
    place_prepositions=("in",),
    spokes_nouns=(
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "rep", "publicist",
        "lawyer", "attorney", "agent", "statement", "press office",
    ),
    not_speakers=(
        "report", "statement", "release", "letter", "website", "document", "filing", "survey", "study",
        "poll", "article", "book", "song", "lyrics", "chorus", "sign", "message", "note", "notice", "email",
        "e-mail",
        "memo", "ad", "advert", "banner", "headline", "video", "post", "tweet", "caption", "error",
        # court papers: "the lawsuit says", "according to the complaint, Reyes wrote:"
        "lawsuit", "suit", "complaint", "indictment", "affidavit", "motion", "petition", "transcript",
        "documents", "papers", "records", "testimony", "deposition", "ruling", "verdict", "judgment",
        # writing elsewhere: "she wrote in her newsletter"
        "newsletter", "blog", "op-ed", "column", "essay", "memoir", "diary", "editorial", "speech",
        "interview",
    ),
    not_social=(
        r"\btold\s+(?:reporters|journalists|a\s+news\s+conference|[A-Z][\w’']+|the\s+\w+|an?\s+\w+)",
        r"\bin\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:interview|statement|speech|press\s+release|news\s+release|op-ed|letter|e-?mail|"
        r"memo|filing|sermon|address|text\s+message|blog\s+post|essay|column|book|memoir)\b",
        r"\bat\s+an?\s+(?:news\s+conference|press\s+conference|rally|event|briefing|hearing|meeting|summit|"
        r"ceremony|campaign\s+stop|fundraiser|dinner|conference|town\s+hall)\b",
        r"\bon\s+(?:CNN|Fox|MSNBC|NBC|CBS|ABC|NPR|BBC|television|TV|radio|(?:his|her|their|its|the)\s+"
        r"(?:website|web\s+site|blog|podcast|show))\b",
        r"\btestified\b",
        r"\bduring\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:interview|speech|hearing|briefing|"
        r"podcast|broadcast|debate|appearance)\b",
        # said in the chamber, not posted: "she told the council", "in the Commons", "on the Senate floor"
        r"\b(?:in|before)\s+(?:the\s+)?(?:Commons|Lords|[Ss]enate|[Pp]arliament|[Cc]ouncil\s+chamber|[Cc]hamber)\b",
        r"\bon\s+the\s+(?:(?:Senate|House|Commons)\s+)?floor\b",
        r"\b(?:in|at|during)\s+(?:the|his|her|their|its|a)\s+(?:[\w-]+\s+)?(?:news|press)\s+conference\b",
        r"\b(?i:under\s+cross-examination|on\s+the\s+(?:witness\s+)?stand)\b",
        r"\b(?i:asked)\s+by\s+(?:reporters|journalists|a\s+reporter|[A-Z][\w’']+)\b",
        # an answer to a question put to them: "Asked whether he wrote the posts himself, he said:"
        r"^\s*(?:When\s+)?[Aa]sked\s+(?:whether|if|about|why|how|what|when|who)\b",
        r"\bin\s+remarks\b",
        # spoken in a video, to its viewers: "she says to the camera", "he told viewers"
        r"\b(?:to|into)\s+(?:the\s+)?camera\b",
        r"\btold\s+(?:his|her|their|its)?\s*viewers\b",
        r"\b[Ss]peaking\b(?!\s+(?:on|via|over)\s)",
        r"\bin\s+an?\s+(?:\w+\s+)?(?:video|livestream|clip)\b",
        r"\bin\s+a\s+(?:joint\s+)?statement\b",
        # court papers and other documents, named with any determiner ("wrote in the filing",
        # "in court documents", "according to the complaint")
        r"\bin\s+(?:the|its|his|her|their)\s+(?:\w+\s+)?(?:filing|lawsuit|suit|complaint|indictment|"
        r"affidavit|motion|petition|brief|ruling|statement|letter|e-?mail|memo|press\s+release)\b",
        r"\bin\s+(?:court|legal|charging)\s+(?:documents|papers|records|filings?)\b",
        r"\baccording\s+to\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:\w+\s+){0,2}?(?:complaint|lawsuit|"
        r"suit|filing|indictment|affidavit|documents?|papers|records|transcripts?|statement|e-?mail|"
        r"letter|memo|report|testimony)\b",
    ),
    fragment_before=(
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
        "of", "to", "from", "by", "via", "through", "with", "about", "for", "in", "on", "at", "as",
        "into", "like", "titled", "entitled", "called", "named", "dubbed", "headlined", "labeled",
        "labelled", "reading", "marked", "signed",
    ),
    relative_pronouns=("who", "which", "whose", "whom", "where"),
    possessive_relatives=("whose",),
    neuter_pronouns=("it",),
    prepositions=(
        "to", "in", "of", "from", "for", "at", "with", "by", "about", "against", "among", "between",
        "into", "onto", "over", "under", "during", "without", "through", "toward", "towards", "across",
        "within",
    ),
    reported=(
        "said", "says", "say", "told", "tells", "that", "believed", "thinks", "thought", "should",
        "would", "could",
    ),
    not_a_role=(
        "who", "which", "whose", "on", "in", "at", "as", "and", "but", "known", "born", "seen",
        "described", "considered", "regarded", "dubbed", "nicknamed", "widely", "best", "often",
        "long", "once", "now", "still", "himself", "herself", "themselves", "speaking", "writing",
        "talking", "adding", "according", "referring", "responding", "replying", "noting", "saying",
    ),
    not_in_role=(
        "which", "who", "whom", "whose", "that", "in", "on", "at", "from", "by", "with", "and", "or",
        "but", "after", "before", "when", "while", "as", "one", "some", "another", "also", "then",
    ),
    function_words=(
        "the", "a", "an", "and", "but", "or", "so", "yet", "for", "nor", "if", "as", "at", "by", "in",
        "of", "on", "to", "up", "via", "with", "from", "into", "onto", "over", "after", "before",
        "when", "while", "then", "than", "this", "that", "these", "those", "there", "here", "it",
        "its", "we", "i", "you", "they", "he", "she", "his", "her", "our", "their", "my", "your",
        "who", "what", "where", "which", "why", "how", "also", "still", "just", "even", "however",
        "meanwhile", "moreover", "instead", "today", "yesterday", "tonight", "photo", "image",
        "video", "screenshot", "source", "credit", "caption", "update", "editor", "note", "read",
        "watch", "see", "later", "earlier", "last", "next", "one", "another", "some", "many",
        "others", "someone",
    ),
    particles=(
        "de", "del", "della", "di", "da", "van", "von", "van der", "van den", "von der", "la", "le",
        "al", "el", "bin", "ibn", "ter", "du", "dos", "st.", "st",
    ),
    additive=("also", "too", "as well", "likewise"),
    series_nouns=(
        "series", "string", "flurry", "barrage", "volley", "stream", "spate", "couple", "pair",
        "slew", "torrent", "number", "raft", "round", "burst", "thread", "storm",
    ),
    topic_before=(
        "about", "over", "regarding", "deleted", "deleting", "delete", "removed", "after", "before",
        "responded to", "replied to", "reacted to", "referring to", "responding to", "replying to",
        "reacting to", "asked about",
    ),
    consent_openings=(
        "To display this content from", "To display this content", "To view this content",
        "To see this content", "This content is provided by", "This content is hosted by",
        "This content is not available due to your privacy preferences", "This external content",
        "This embedded content is from a site that does not comply with",
        "We ask for your permission before anything is loaded",
        "You need to consent to cookies to see this",
    ),
    consent_words=(
        "cookies", "cookie", "consent", "enable", "accept", "allow", "privacy", "preferences",
        "advertisement tracking", "audience measurement", "manage my choices", "manage consent",
        "permission", "third party", "third-party", "settings", "policy", "continue", "allow once",
        "allow all",
        "accept all", "reject all",
    ),
    weekdays=vocab.WEEKDAYS,
    relative_days={
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "yesterday": 1, "last night": 1,
    },
    credit_words=(
        "photo", "image", "picture", "screenshot", "screengrab", "screen grab", "source", "credit",
        "video", "embed",
    ),
    credit_links=("via", "from", "courtesy of", "credit"),
    handle_intros=(
        "under the handle", "under the name", "under the username", "who posts as", "who tweets as",
        "who goes by", "known online as", "whose handle is", "posting as", "going by", "known as",
    ),
    at_words=("at",),
    on_words=("on",),
    pointers=("below", "following", "follows"),
    caption_verbs=("captioned", "captions", "subtitled"),
    said_in_video=(
        r"\b(?:video|clip|reel|livestream)\b[^.:]{0,50}\b(?:in\s+which|where)\s+(?:he|she|they|it|the\s+\w+)\s+"
        r"(?:says|said|explains|explained|speaks|spoke|tells|told|addresses|addressed)\b",
    ),
    written_elsewhere=(
        "email", "e-mail", "letter", "memo", "statement", "press release", "news release", "filing",
        "court filing", "op-ed", "column", "newsletter", "essay", "text message", "blog post",
        "text messages", "WhatsApp", "direct message", "direct messages", "DMs", "SMS", "voicemail",
    ),
    retort_verbs=(
        "shot back", "fired back", "hit back", "responded", "retorted", "countered", "answered",
        "replied", "clapped back",
    ),
    continuing_verbs=("added", "adds", "continued", "continues", "followed up", "went on"),
    long_ago=("once", "years ago", "long ago"),
    once_more=("again", "more", "at", "all"),
    negations=("not", "never"),
    not_platform_users=(
        "person", "reader", "readers", "customer", "resident", "voter", "observer", "critic", "critics",
        "listener",
    ),
    there_words=("there",),
    accompany_verbs=("accompanied", "accompanying", "accompanies", "accompany"),
    going_on=("and further", "it went on", "it goes on", "it continued", "it continues", "before adding"),
    conjunctions=("and", "or", "but"),
    sequencers=("then", "before", "later"),
    later_words=(
        "later", "minutes later", "hours later", "shortly afterwards", "the next day",
    ),
    complementizers=("that",),
    with_words=("with",),
    caption_nouns=("caption", "words"),
    description_nouns=("caption", "description"),
    audience_nouns=("followers", "subscribers"),
    beside_words=("alongside", "accompanying"),
    comment_places=(
        "in the comments", "in the comment section", "in the comments section", "in the replies",
        "under the post", "below the post", "beneath the post", "in the same thread",
    ),
    reply_nouns=("comment", "reply"),
    comment_nouns=("comments", "replies"),
    comment_verbs=(
        "commented on", "commented under", "replied to", "commenting on", "commenting under",
        "comment on", "comment under",
    ),
    same_words=("same",),
    same_platform=("on the same platform", "on the same site", "on the same network", "on the same app"),
    according_to=("according to",),
    agent_prepositions=("by",),
    source_prepositions=("from", "of", "by"),
    dateline_words=("published", "updated", "posted", "date", "last updated"),
    series_items=("tweets", "posts", "messages", "updates", "replies", "stories"),
    in_words=("in",),
)  # fmt: skip
