"""Spanish, as agencies (EFE) and Latin American and Spanish papers attribute quotes: «…»,
escribió la ministra en su cuenta de X; the subject is often left out («…», publicó en X)."""

from __future__ import annotations

from . import Gender, Language

_M, _F = Gender.MAN, Gender.WOMAN

LANGUAGE = Language(
    code="es",
    quote_marks={"«": "»", "“": "”"},
    speech_verbs=(
        "dijo", "dice", "afirmó", "afirma", "explicó", "explica",
        "señaló", "señala", "aseguró", "asegura", "declaró", "declara", "indicó", "indica", "expresó",
        "expresa", "manifestó", "sostuvo", "advirtió", "destacó", "subrayó", "celebró", "lamentó",
        "denunció", "criticó", "felicitó", "agradeció", "reaccionó", "anunció", "apuntó", "insistió",
        "recordó", "remarcó", "enfatizó", "precisó", "ironizó", "se quejó", "sentenció", "concluyó",
        "reclamó", "pidió", "cuestionó", "según",
        "propuso", "bromeó", "sugirió", "preguntó", "opinó", "contó", "confesó", "reveló", "admitió",
        "reconoció", "aclaró", "deseó", "prometió", "defendió", "exclamó", "juró", "acusó", "elogió",
        "aplaudió", "resumió", "zanjó", "arremetió", "mencionó", "se burló", "se despidió",
        "detalló", "puntualizó", "matizó", "recalcó", "comunicó", "informó", "avisó", "alertó",
        "aseguraba", "afirmaba", "lamentaba", "celebraba", "criticaba", "pedía", "advertía",
        "apuntaba", "insistía", "explicaba", "ironizaba", "bromeaba", "preguntaba",
        "comentaba",  # a remark, often spoken ("comentaba Pilar a la salida del mercado")
    ),
    writing_verbs=(
        "escribió", "escribe", "publicó", "publica", "comentó", "comenta", "respondió", "responde",
        "compartió", "comparte", "posteó", "postea", "contestó", "contesta", "replicó", "replica",
        # the imperfect, as a chronicle narrates a thread of replies ("respondía otro usuario")
        "escribía", "publicaba", "compartía", "respondía", "contestaba", "replicaba",
    ),
    posting_verbs=("tuiteó", "tuitea", "tuitearon", "trinó", "retuiteó"),
    adverbs=(
        "también", "luego", "después", "ya", "además", "nuevamente", "posteriormente", "más tarde",
        "originalmente", "inicialmente",
        "le", "les", "se", "lo", "nos",
    ),
    auxiliaries=("ha", "había", "han", "habían"),
    copulas=("es", "fue", "era", "estuvo", "estaba", "son", "fueron"),
    recipient_prepositions=("a", "al", "para"),
    series_positions=(
        "primer", "primera", "segundo", "segunda", "tercer", "tercera", "último", "última", "otro", "otra",
        "nuevo", "nueva", "posterior", "siguiente",
    ),
    byline_words=("Por",),
    follow_words=("Seguir",),
    under_words=("bajo", "debajo"),
    quote_verbs=("citó", "cita", "citaba"),
    before_head=(
        "propio", "propia", "mismo", "misma", "joven", "nuevo", "nueva", "antiguo", "antigua", "gran",
        "veterano", "veterana",
    ),
    participles=(
        "dicho", "señalado", "afirmado", "asegurado", "declarado", "expresado",
    ),
    written_participles=(
        "escrito", "publicado", "tuiteado", "comentado", "compartido", "respondido",
    ),
    verb_endings=("ó", "ió", "aron", "ieron"),
    post_verbs=(
        "decía", "dice", "rezaba", "reza", "señalaba", "indicaba", "comienza", "comenzaba", "empieza",
        "empezaba", "termina", "terminaba",
    ),
    post_nouns=("tuit", "tuits", "trino", "trinos", "publicación", "publicaciones", "posteo"),
    platform_nouns=("mensaje", "mensajes", "historia", "historias", "comentario", "comentarios", "hilo"),
    media_nouns=("foto", "fotos", "fotografía", "imagen", "imágenes", "selfie", "video", "vídeo", "mensaje"),
    account_nouns=("cuenta", "perfil", "página", "canal", "muro", "grupo"),
    platform_prepositions=(
        "en", "por", "vía", "a través de", "desde",
        # a verb of turning to the platform: "recurrió a X para", "usó sus redes sociales para"
        "recurrió a", "recurre a", "acudió a", "acude a", "usó", "utilizó",
    ),
    platform_fillers=(
        "su", "sus", "la", "el", "un", "una", "propia", "propio", "oficial", "plataforma", "red",
        "social", "los", "las", "propias",
        "aplicación", "app", "descentralizada", "microblogging", "mensajería", "popular",
    ),
    social_networks=("redes sociales", "red social", "redes"),
    video_nouns=("video", "vídeo", "videos", "vídeos", "transmisión", "directo"),
    pronouns={"él": _M, "ella": _F, "ellos": None, "ellas": None},
    possessives={"su": None, "sus": None},
    definite={"el": _M, "la": _F, "los": None, "las": None},
    demonstratives=("este", "esta", "ese", "esa", "aquel", "aquella"),
    indefinite=("un", "una", "otro", "otra", "uno"),
    someone=(
        "alguien", "uno", "una", "otro", "otra", "otros",
        "un tercero", "una tercera", "un cuarto", "una cuarta",
    ),
    crowd_nouns=(
        "usuario", "usuaria", "usuarios", "seguidor", "seguidora", "seguidores", "internauta",
        "internautas", "tuitero", "tuitera", "tuiteros", "lector", "lectora", "persona", "cibernauta",
    ),
    crowd_words=(
        "muchos", "muchas", "cientos", "miles", "decenas", "varios", "varias", "usuarios", "seguidores",
        "internautas", "reacciones", "comentarios", "mensajes", "críticas", "tuiteros",
    ),
    kin_and_roles={
        **dict.fromkeys(
            (
                "esposa", "madre", "hija", "hermana", "novia", "viuda", "tía", "abuela", "sobrina",
                "nieta", "actriz", "mujer", "señora", "presidenta", "ministra", "diputada", "senadora",
                "alcaldesa", "concejala", "gobernadora", "presentadora", "entrenadora", "jugadora",
                "escritora", "empresaria", "autora", "exministra",
            ),
            _F,
        ),
        **dict.fromkeys(
            (
                "esposo", "marido", "padre", "hijo", "hermano", "novio", "viudo", "tío", "abuelo",
                "sobrino", "nieto", "hombre", "señor", "diputado", "senador", "alcalde", "ministro",
                "presidente", "concejal", "gobernador", "actor", "presentador", "entrenador", "jugador",
                "escritor", "empresario", "autor", "exministro",
            ),
            _M,
        ),
    },
    role_nouns=(
        "compañero", "compañera", "amigo", "amiga", "líder", "candidato", "candidata", "figura",
        "estrella", "cantante", "periodista", "activista", "deportista", "futbolista", "artista",
        "intérprete", "modelo", "tenista", "ciclista", "piloto", "atleta", "influencer", "creador",
        "creadora", "investigador", "investigadora", "científico", "científica", "médico", "médica",
        "ejecutiva", "ejecutivo", "cofundadora", "cofundador", "fundadora", "fundador", "delantero",
        "defensa", "portero", "arquero", "centrocampista", "capitán", "capitana", "mediocampista",
        "rapero", "rapera", "productor", "productora", "vecina", "vecino", "comerciante", "edil",
        "edila",
    ),
    titles=(
        "presidente", "presidenta", "ministro", "ministra", "canciller", "alcalde", "alcaldesa",
        "diputado", "diputada", "senador", "senadora", "gobernador", "gobernadora", "secretario",
        "secretaria", "embajador", "embajadora", "portavoz", "vocero", "vocera", "coronel", "doctor",
        "doctora", "dra", "señor", "señora", "sr", "sra", "don", "doña", "expresidente",
        "expresidenta", "exministro", "exministra", "líder", "jefe", "jefa", "directora", "papa",
        "rey", "reina", "príncipe", "princesa", "concejal", "concejala",
    ),
    bodies=(
        "embajada", "ministerio", "policía", "gobierno", "partido", "club", "equipo", "empresa",
        "compañía", "grupo", "banda", "ayuntamiento", "alcaldía", "cancillería", "ejército", "agencia",
        "fiscalía", "asamblea", "federación", "asociación", "cuenta", "dependencia", "secretaría",
        "coordinación", "dirección", "institución", "organismo", "universidad", "hospital", "municipio",
    ),
    place_prepositions=("en",),
    spokes_nouns=("portavoz", "vocero", "vocera", "abogado", "abogada", "representante"),
    not_speakers=(
        "informe", "comunicado", "carta", "sitio web", "documento", "estudio", "encuesta", "artículo",
        "libro", "canción", "estribillo",
        # documentos judiciales: «según la demanda», «dice la denuncia»
        "demanda", "denuncia", "querella", "acusación", "sentencia", "expediente", "escrito", "correo",
        # escrito en otra parte: «escribió en su boletín»
        "boletín", "blog", "columna", "ensayo", "diario", "entrevista", "discurso",
    ),
    not_social=(
        r"\ben\s+(?:una|un)\s+(?:\w+\s+)?(?:entrevista|comunicado|discurso|carta|video|vídeo|declaración)\b",
        r"\ben\s+(?:(?:la|una|su)\s+)?(?:rueda|conferencia)\s+de\s+prensa\b",
        r"\bdurante\s+(?:una|la|el|un|su)\s+(?:\w+\s+)?(?:entrevista|rueda\s+de\s+prensa|conferencia|"
        r"discurso|sesión|comparecencia|debate)\b",
        # dicho en la sala, no escrito: «afirmó en el pleno del Ayuntamiento»
        r"\ben\s+(?:el|la)\s+(?:pleno|sesión|asamblea|tribuna|Congreso|Senado|Cámara)\b",
        r"\b(?i:consultad[oa]s?\s+por|en\s+declaraciones\s+a|a\s+preguntas\s+de)\b",
        r"\b(?:dijo|declaró|afirmó|explicó|aseguró)\s+a\s+(?:la\s+prensa|los\s+periodistas|medios)\b",
        r"\ben\s+(?:televisión|la\s+radio|cadena\s+nacional)\b",
        r"\bsegún\s+(?:un|el)\s+comunicado\b",
        r"\b(?:en|una)\s+(?:una\s+|su\s+)?columna\b",
        # documentos judiciales y correos: «escribió en la demanda», «según la denuncia»
        r"\b(?:en|según)\s+(?:el|la|los|las|un|una|su|sus)\s+(?:\w+\s+)?(?:demanda|denuncia|querella|"
        r"acusación|sentencia|expediente|escrito|documentos?\s+judiciales|correo(?:\s+electrónico)?|"
        r"comunicado|carta)\b",
        r"\bante\s+(?:el|la)\s+(?:tribunal|juez|jueza|corte)\b",
        r"^\s*(?:Preguntad[oa]s?|Consultad[oa]s?)\s+(?:por|sobre|si|acerca\s+de)\b",
        r"\bante\s+(?:la\s+prensa|los\s+periodistas|los\s+medios|las\s+cámaras|los\s+micrófonos)\b",
    ),
    fragment_before=(
        "el", "la", "los", "las", "un", "una", "unos", "unas", "del", "de", "al", "por", "para",
        "con", "en", "su", "sus", "como", "llamado", "llamada", "titulado", "titulada", "denominado",
    ),
    relative_pronouns=("quien", "quienes", "cuyo", "cuya", "cuyos", "cuyas"),
    possessive_relatives=("cuyo", "cuya", "cuyos", "cuyas"),
    prepositions=(
        "según", "de", "del", "a", "al", "en", "con", "para", "por", "sobre", "desde", "hacia", "sin",
        "contra", "entre",
    ),
    reported=("que", "dijo", "dice", "habría", "sería", "debería"),
    function_words=(
        "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "pero", "sin", "con", "en",
        "por", "para", "desde", "hasta", "tras", "ante", "así", "ya", "hoy", "ayer", "este", "esta",
        "estos", "estas", "ese", "esa", "también", "además", "luego", "después", "según", "mientras",
        "cuando", "donde", "como", "porque", "aunque", "asimismo", "foto", "él", "ella", "ellos",
        "ellas", "su", "sus", "lo", "le", "les", "se", "no", "más", "muy",
    ),
    particles=("de", "del", "de la", "de los"),
    additive=("también", "asimismo", "igualmente", "por su parte"),
    series_nouns=("serie", "ráfaga", "hilo", "sucesión", "cadena"),
    topic_before=(
        "sobre", "acerca de", "tras", "después de", "borró", "eliminó", "respecto a", "en respuesta a",
    ),
    consent_openings=(
        "Para mostrar este contenido", "Para ver este contenido", "Para visualizar este contenido",
        "Este contenido está bloqueado", "Contenido externo",
    ),
    consent_words=(
        "cookies", "consentimiento", "aceptar", "Aceptar", "autorizar", "configuración", "preferencias",
        "privacidad", "medición de audiencia", "cookies publicitarias", "terceros", "gestionar",
        "Gestionar mis preferencias", "activar", "Aceptar todo", "Rechazar todo",
    ),
    weekdays=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    relative_days={"hoy": 0, "esta mañana": 0, "esta noche": 0, "ayer": 1, "anoche": 1, "anteayer": 2},
    credit_words=("foto", "imagen", "captura", "captura de pantalla", "fuente", "crédito", "video", "vídeo"),
    credit_links=("vía", "via", "de"),
    handle_intros=(
        "bajo el usuario", "con el usuario", "bajo el nombre", "alias", "identificado como",
        "identificada como", "que firma como", "conocido como", "conocida como",
    ),
    at_words=("a las", "a la"),
    on_words=("el",),
    hour_words=("h", "horas"),
    pointers=("a continuación", "lo siguiente", "siguiente"),
    caption_verbs=("tituló", "subtituló", "acompañó"),
    said_in_video=(
        r"\b(?:vídeo|video|clip|directo)\b[^.:]{0,50}\b(?:en\s+el\s+que|en\s+la\s+que|donde)\s+(?:\w+\s+)?"
        r"(?:dice|dijo|explica|explicó|cuenta|contó|habla|habló|asegura|aseguró)\b",
    ),
    written_elsewhere=(
        "correo", "correo electrónico", "carta", "comunicado", "columna", "escrito", "boletín",
        "nota de prensa", "WhatsApp", "SMS", "mensaje de texto", "mensajes de texto", "mensajes privados",
    ),
    retort_verbs=("replicó", "respondió", "contestó", "contraatacó", "reviró"),
    continuing_verbs=(
        "añadió", "añade", "añadía", "agregó", "agrega", "agregaba", "remató", "apostilló", "sumó",
    ),
    long_ago=("una vez", "alguna vez", "hace años", "en su día"),
    once_more=("más", "otra"),
    negations=("no", "nunca", "jamás"),
    not_platform_users=("persona", "lector", "lectora"),
    there_words=("allí", "ahí", "allá"),
    accompany_verbs=(
        "acompañaba", "acompañaban", "acompañó", "acompañaron", "acompaña", "acompañan", "acompañando",
        "acompañada", "acompañado",
    ),
    going_on=(
        "y sigue", "y continúa", "y prosigue", "y más", "más adelante", "antes de añadir", "antes de agregar",
    ),
    conjunctions=("y", "e", "o", "pero"),
    sequencers=("luego", "después"),
    later_words=(
        "luego", "después", "poco después", "más tarde", "minutos después", "horas después",
        "al día siguiente",
    ),
    complementizers=("que",),
    with_words=("con",),
    caption_nouns=("texto", "mensaje", "leyenda"),
    description_nouns=("descripción", "leyenda", "pie de foto", "texto"),
    audience_nouns=("seguidores", "suscriptores"),
    beside_words=("junto a", "junto con", "acompañando", "acompañado de", "acompañada de"),
    comment_places=(
        "en los comentarios", "en la sección de comentarios", "bajo la publicación",
        "debajo de la publicación", "en el mismo hilo",
    ),
    clitics=("me", "te", "le", "les", "nos", "os"),
    reply_nouns=("comentario", "respuesta"),
    comment_nouns=("comentarios",),
    comment_verbs=("comentó", "comentaron", "comentar", "comentando", "comentado"),
    same_words=("mismo", "misma"),
    same_platform=("por la misma vía", "en la misma red", "en la misma plataforma", "por el mismo medio"),
    according_to=("según",),
    agent_prepositions=("por",),
    source_prepositions=("de", "del"),
    reads_in=("se lee", "se leía", "se puede leer"),
    dateline_words=("publicado", "actualizado"),
    series_items=("tuits", "publicaciones", "mensajes", "trinos"),
    in_words=("en",),
)  # fmt: skip
