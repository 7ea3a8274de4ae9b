"""Portuguese, as Brazilian and Portuguese papers attribute quotes: “…”, escreveu a ministra no X."""

from __future__ import annotations

from . import Gender, Language

_M, _F = Gender.MAN, Gender.WOMAN

LANGUAGE = Language(
    code="pt",
    quote_marks={"“": "”", "«": "»"},
    speech_verbs=("disse", "diz", "afirmou", "afirma", "explicou", "declarou", "comemorou", "lamentou"),
    writing_verbs=("escreveu", "escreve", "publicou", "postou", "comentou", "respondeu", "compartilhou"),
    posting_verbs=("tuitou", "tuíta"),
    adverbs=("também", "depois", "ainda", "já"),
    verb_endings=("ou",),
    post_verbs=("dizia", "diz"),
    post_nouns=("tuíte", "tuítes", "publicação", "publicações", "legenda"),
    platform_nouns=("comentário", "comentários", "story"),
    account_nouns=("conta", "perfil", "página", "canal"),
    platform_prepositions=("em", "no", "na", "pelo", "pela", "via"),
    platform_fillers=(
        "sua", "seu", "própria", "próprio", "oficial", "conta", "rede", "social", "suas", "seus",
    ),
    social_networks=("redes sociais", "rede social"),
    video_nouns=("vídeo", "vídeos", "live"),
    pronouns={"ele": _M, "ela": _F},
    possessives={"seu": None, "sua": None, "seus": None, "suas": None},
    indefinite=("um", "uma", "outro", "outra"),
    someone=("alguém",),
    crowd_nouns=(
        "usuário", "usuária", "usuários", "seguidor", "seguidora", "seguidores", "internauta",
        "internautas", "fã",
    ),
    crowd_words=(
        "muitos", "centenas", "milhares", "usuários", "seguidores", "internautas", "reações",
        "comentários",
    ),
    kin_and_roles={
        **dict.fromkeys(("esposa", "mãe", "filha", "irmã", "namorada", "atriz", "mulher"), _F),
        **dict.fromkeys(("marido", "pai", "filho", "irmão", "namorado", "ator", "homem"), _M),
    },
    titles=(
        "presidente", "ministro", "ministra", "prefeito", "prefeita", "deputado", "deputada",
        "senador", "senadora", "governador", "governadora",
    ),
    bodies=("embaixada", "ministério", "polícia", "governo", "partido", "clube", "empresa", "prefeitura"),
    spokes_nouns=("porta-voz", "advogado", "advogada", "assessoria"),
    not_social=(
        r"\bem\s+(?:uma\s+)?(?:entrevista|nota|comunicado|coletiva|vídeo|discurso)\b",
    ),
    fragment_before=(
        "os", "um", "uma", "do", "da", "dos", "das", "no", "na", "nos", "nas", "pelo", "pela",
        "intitulado",
    ),
    relative_pronouns=("quem",),
    prepositions=(
        "segundo", "de", "do", "da", "dos", "das", "em", "no", "na", "com", "para", "por", "pelo",
        "pela", "sobre", "entre", "nas", "nos",
    ),
    function_words=(
        "os", "as", "um", "uma", "e", "mas", "também", "segundo", "para", "com", "depois", "antes",
        "hoje", "ontem",
    ),
    particles=("da", "do", "dos"),
    additive=("também",),
    series_nouns=("série",),
    consent_openings=("Para exibir este conteúdo", "Para ver este conteúdo", "Para visualizar este conteúdo"),
    consent_words=(
        "cookies", "consentimento", "aceitar", "Aceitar", "autorizar", "preferências", "privacidade",
    ),
    weekdays=(
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
        "domingo",
    ),
    relative_days={"hoje": 0, "ontem": 1},
    credit_words=("foto", "imagem", "fonte"),
    credit_links=("via", "de"),
    at_words=("às",),
    on_words=("em",),
    continuing_verbs=("acrescentou", "acrescenta"),
    conjunctions=("e", "ou", "mas"),
    sequencers=("depois",),
    complementizers=("que",),
    with_words=("com",),
    caption_nouns=("legenda",),
    source_prepositions=("de", "do", "da"),
    reads_in=("lê-se",),
    dateline_words=("publicado", "atualizado"),
    series_items=("tuítes", "publicações", "mensagens"),
    in_words=("em", "no", "na"),
)  # fmt: skip
