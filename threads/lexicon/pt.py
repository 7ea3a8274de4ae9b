"""Portuguese, as Brazilian and Portuguese papers and agencies (Agência Brasil, Lusa) attribute
quotes: “…”, escreveu a ministra no X; «…», publicou o clube nas redes sociais. The article "a"
is left out of the determiners: it is also English's indefinite article."""

from __future__ import annotations

from . import Gender, Language

_M, _F = Gender.MAN, Gender.WOMAN

LANGUAGE = Language(
    code="pt",
    quote_marks={"“": "”", "«": "»"},
    speech_verbs=(
        "disse", "diz", "afirmou", "afirma", "explicou", "explica", "declarou", "declara",
        "comemorou", "comemora", "lamentou", "lamenta", "destacou", "ressaltou", "criticou",
        "agradeceu", "anunciou", "alertou", "reagiu", "questionou", "ironizou", "desabafou",
        "celebrou", "pediu", "defendeu", "reclamou", "garantiu", "informou", "relatou", "disparou",
        "brincou", "provocou", "rebateu", "cobrou", "lembrou", "concluiu",
    ),
    writing_verbs=(
        "escreveu", "escreve", "publicou", "publica", "postou", "posta", "comentou", "comenta",
        "respondeu", "responde", "compartilhou", "compartilha", "partilhou", "partilha",
    ),
    posting_verbs=("tuitou", "tuíta", "tuitaram", "retuitou"),
    adverbs=("também", "depois", "ainda", "já", "mais tarde", "novamente", "logo", "se", "lhe"),
    auxiliaries=("tinha", "havia", "tem"),
    copulas=("é", "foi", "era", "são", "foram", "ficou"),
    recipient_prepositions=("a", "ao", "aos", "às", "para"),
    series_positions=(
        "primeiro", "primeira", "segundo", "segunda", "terceiro", "terceira", "último", "última", "outro",
        "outra", "novo", "nova",
    ),
    byline_words=("Por",),
    follow_words=("Seguir",),
    under_words=("sob", "abaixo"),
    quote_verbs=("citou", "cita"),
    before_head=(
        "próprio", "própria", "mesmo", "mesma", "jovem", "novo", "nova", "antigo", "antiga", "grande",
    ),
    participles=("dito", "afirmado", "declarado", "explicado"),
    written_participles=("escrito", "publicado", "postado", "tuitado", "comentado", "compartilhado"),
    verb_endings=("ou", "eu", "iu"),
    post_verbs=("dizia", "diz", "começa", "começava"),
    post_nouns=(
        "tuíte", "tuítes", "publicação", "publicações", "postagem", "postagens", "legenda",
    ),
    platform_nouns=("comentário", "comentários", "story", "stories", "mensagem", "mensagens", "fio"),
    media_nouns=("foto", "fotos", "imagem", "imagens", "vídeo", "selfie", "mensagem"),
    account_nouns=("conta", "perfil", "página", "canal", "grupo"),
    platform_prepositions=(
        "em", "no", "na", "num", "numa", "pelo", "pela", "via", "através do", "através da",
        "por meio do", "por meio da",
        # a verb of turning to the platform: "recorreu às redes sociais", "usou o Instagram para"
        "recorreu a", "recorreu ao", "recorreu à", "recorreu às", "usou", "utilizou",
    ),
    platform_fillers=(
        "sua", "seu", "própria", "próprio", "oficial", "conta", "rede", "social", "suas", "seus",
        "perfil", "página", "o", "os", "a", "as", "uma", "um", "plataforma",
    ),
    social_networks=("redes sociais", "rede social", "redes"),
    video_nouns=("vídeo", "vídeos", "live", "transmissão"),
    pronouns={"ele": _M, "ela": _F, "eles": None, "elas": None},
    possessives={"seu": None, "sua": None, "seus": None, "suas": None},
    definite={"o": _M, "os": None},
    demonstratives=("este", "esta", "esse", "essa", "aquele", "aquela"),
    indefinite=("um", "uma", "outro", "outra"),
    someone=("alguém", "outro", "outra"),
    crowd_nouns=(
        "usuário", "usuária", "usuários", "seguidor", "seguidora", "seguidores", "internauta",
        "internautas", "fã", "tuiteiro", "tuiteira", "leitor", "leitora", "pessoa", "torcedor",
        "torcedora",
    ),
    crowd_words=(
        "muitos", "muitas", "centenas", "milhares", "dezenas", "vários", "várias", "usuários",
        "seguidores", "internautas", "reações", "comentários", "mensagens", "críticas", "torcedores",
    ),
    kin_and_roles={
        **dict.fromkeys(
            (
                "esposa", "mãe", "filha", "irmã", "namorada", "viúva", "tia", "avó", "sobrinha",
                "neta", "atriz", "mulher", "senhora", "presidenta", "ministra", "deputada",
                "senadora", "prefeita", "governadora", "vereadora", "cantora", "jogadora",
                "apresentadora", "influenciadora",
            ),
            _F,
        ),
        **dict.fromkeys(
            (
                "marido", "pai", "filho", "irmão", "namorado", "viúvo", "tio", "avô", "sobrinho",
                "neto", "ator", "homem", "senhor", "ministro", "deputado", "senador", "prefeito",
                "governador", "vereador", "cantor", "jogador", "apresentador", "influenciador",
            ),
            _M,
        ),
    },
    role_nouns=(
        "companheiro", "companheira", "amigo", "amiga", "líder", "candidato", "candidata",
        "estrela", "cantor", "cantora", "jornalista", "ativista", "atleta", "jogador", "jogadora",
        "artista", "influenciador", "influenciadora", "apresentador", "apresentadora", "treinador",
        "técnico", "atacante", "goleiro", "autarca", "intérprete", "modelo", "tenista", "ciclista", "piloto",
        "pesquisador", "pesquisadora", "escritor", "escritora", "empresário", "empresária", "youtuber",
        "médico", "médica", "cientista", "rapper",
    ),
    titles=(
        "presidente", "presidenta", "ministro", "ministra", "prefeito", "prefeita", "deputado",
        "deputada", "senador", "senadora", "governador", "governadora", "vereador", "vereadora",
        "secretário", "secretária", "embaixador", "embaixadora", "porta-voz", "doutor", "doutora",
        "dr", "dra", "senhor", "senhora", "sr", "sra", "dom", "dona", "ex-presidente", "ex-ministro",
        "ex-ministra", "papa", "rainha", "príncipe", "princesa", "técnico",
    ),
    bodies=(
        "embaixada", "ministério", "polícia", "governo", "partido", "clube", "empresa", "prefeitura",
        "equipe", "grupo", "banda", "câmara", "assembleia", "exército", "agência",
        "federação", "confederação", "associação", "conta", "seleção",
    ),
    place_prepositions=("em",),
    spokes_nouns=("porta-voz", "advogado", "advogada", "assessoria", "representante"),
    not_speakers=(
        "relatório", "comunicado", "nota", "carta", "documento", "estudo", "pesquisa",
        "artigo", "livro", "música", "canção",
        # documentos judiciais: «segundo a denúncia», «diz o processo»
        "processo", "denúncia", "ação", "sentença", "decisão", "petição", "e-mail",
        # escrito em outro lugar: «escreveu em sua coluna»
        "boletim", "blog", "coluna", "ensaio", "entrevista", "discurso",
    ),
    not_social=(
        r"\bem\s+(?:uma\s+)?(?:\w+\s+)?(?:entrevista|nota|comunicado|coletiva|vídeo|discurso|carta)\b",
        r"\b(?:à|a)\s+(?:imprensa|jornalistas|repórteres)\b|\baos\s+(?:jornalistas|repórteres)\b",
        r"\b(?:na|em)\s+(?:televisão|TV|rádio|rede\s+nacional)\b|\bno\s+rádio\b",
        # dito no plenário, não escrito
        r"\b(?:no\s+plenário|na\s+(?:tribuna|sessão|Câmara|Assembleia)|no\s+(?:Senado|Congresso|Parlamento))\b",
        r"\bsegundo\s+(?:a|o|uma|um)\s+(?:nota|comunicado)\b",
        r"\b(?i:questionad[oa]s?\s+por|em\s+entrevista\s+(?:a|ao|à))\b",
        r"\b(?:em|na|no|segundo\s+a|segundo\s+o)\s+(?:sua\s+|seu\s+)?(?:denúncia|processo|ação|"
        r"sentença|decisão|petição|e-mail|coluna)\b",
    ),
    fragment_before=(
        "os", "um", "uma", "do", "da", "dos", "das", "no", "na", "nos", "nas", "pelo", "pela",
        "intitulado", "chamado", "chamada", "como",
    ),
    relative_pronouns=("quem", "cujo", "cuja", "cujos", "cujas"),
    possessive_relatives=("cujo", "cuja", "cujos", "cujas"),
    prepositions=(
        "segundo", "de", "do", "da", "dos", "das", "em", "no", "na", "com", "para", "por", "pelo",
        "pela", "sobre", "entre", "nas", "nos", "num", "numa",
    ),
    reported=("que", "teria", "seria", "deveria"),
    function_words=(
        "os", "as", "um", "uma", "e", "mas", "também", "segundo", "para", "com", "depois", "antes",
        "hoje", "ontem", "ele", "ela", "eles", "elas", "seu", "sua", "não", "mais", "muito",
        "quando", "onde", "como", "porque", "enquanto",
    ),
    particles=("da", "do", "dos", "de"),
    additive=("também",),
    series_nouns=("série", "sequência", "fio"),
    topic_before=("sobre", "após", "depois de", "apagou", "em resposta a"),
    consent_openings=("Para exibir este conteúdo", "Para ver este conteúdo", "Para visualizar este conteúdo"),
    consent_words=(
        "cookies", "consentimento", "aceitar", "Aceitar", "autorizar", "preferências", "privacidade",
    ),
    weekdays=(
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
        "domingo",
    ),
    relative_days={"hoje": 0, "ontem": 1, "anteontem": 2},
    credit_words=("foto", "imagem", "fonte", "reprodução"),
    credit_links=("via", "de"),
    handle_intros=("com o usuário", "com o perfil", "sob o nome"),
    at_words=("às",),
    hour_words=("h", "horas"),
    on_words=("em",),
    pointers=("a seguir", "o seguinte"),
    continuing_verbs=("acrescentou", "acrescenta", "acrescentava", "completou", "emendou", "arrematou"),
    long_ago=("certa vez", "uma vez", "há anos", "outrora"),
    once_more=("mais", "mais uma"),
    negations=("não", "nunca", "jamais"),
    not_platform_users=("pessoa", "leitor", "leitora"),
    there_words=("lá", "ali", "nela", "nele"),
    accompany_verbs=(
        "acompanhava", "acompanhavam", "acompanhou", "acompanha", "acompanham", "acompanhada",
        "acompanhado", "acompanhando",
    ),
    going_on=("e mais", "e segue", "e continua", "mais adiante", "antes de acrescentar"),
    conjunctions=("e", "ou", "mas"),
    sequencers=("depois", "em seguida"),
    complementizers=("que",),
    with_words=("com",),
    caption_nouns=("legenda", "texto", "mensagem"),
    audience_nouns=("seguidores", "inscritos"),
    beside_words=("junto com", "junto a", "ao lado de", "acompanhando"),
    comment_places=(
        "nos comentários", "na seção de comentários", "abaixo da publicação", "embaixo da publicação",
        "no mesmo fio",
    ),
    clitics=("me", "te", "lhe", "lhes", "nos"),
    reply_nouns=("comentário", "resposta"),
    comment_nouns=("comentários",),
    comment_verbs=("comentou", "comentaram"),
    same_words=("mesmo", "mesma"),
    same_platform=("na mesma rede", "na mesma plataforma", "pela mesma via"),
    according_to=("segundo", "de acordo com", "conforme"),
    agent_prepositions=("por", "pelo", "pela"),
    source_prepositions=("de", "do", "da"),
    reads_in=("lê-se",),
    dateline_words=("publicado", "atualizado"),
    series_items=("tuítes", "publicações", "mensagens", "postagens", "posts"),
    in_words=("em", "no", "na", "num", "numa"),
)  # fmt: skip
