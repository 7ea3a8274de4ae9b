"""render: a Reconstruction as Markdown, a standalone HTML page, or JSON.

One Jinja ``Environment``: a user's template folder first, then the built-in templates;
HTML autoescaped, Markdown escaped with the ``md`` filter, undefined names an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import markupsafe

from . import __version__
from .errors import TemplateProblem
from .model import Reconstruction

FORMATS = ("md", "html", "json")
TEMPLATE_FOR = {"md": "thread.md", "html": "thread.html"}

_SAFE_SCHEMES = {"http", "https", "mailto"}
# Characters that start inline Markdown syntax or raw HTML anywhere, and block syntax at a line start.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&]|!(?=\[))")
_MD_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")
# Bidi overrides and zero-width characters that could disguise text.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or the repository's top-level folder."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "thread.md").is_file():
            return candidate
    raise TemplateProblem(f"built-in templates not found next to {here}")


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is http, https or mailto (after undoing obfuscation), else None."""
    if not url:
        return None
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", _INVISIBLE.sub("", url))
    if cleaned.startswith("//"):
        return None
    scheme = urlsplit(cleaned).scheme.lower()
    return cleaned if scheme in _SAFE_SCHEMES else None


def md_escape(text: Any) -> str:
    """Text for Markdown: every character that could become syntax or HTML is backslash-escaped."""
    s = _INVISIBLE.sub("", "" if text is None else str(text))
    s = " ".join(s.split())
    s = _MD_INLINE.sub(r"\\\1", s)
    return _MD_BLOCK_START.sub(_escape_block_start, s)


def _escape_block_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def plain(text: Any) -> str:
    """Text with bidi and zero-width controls removed (for HTML, which autoescapes the rest)."""
    return _INVISIBLE.sub("", "" if text is None else str(text))


_EDIT_MARK = re.compile(r"\[[^\[\]<>]{1,40}\]")


def edit_marks(text: Any) -> markupsafe.Markup:
    """Escape ``text`` for HTML, then mark editorial insertions ("[percent]") and elisions ("[…]")."""
    escaped = str(markupsafe.escape(plain(text)))
    return markupsafe.Markup(_EDIT_MARK.sub(lambda m: f'<span class="ins">{m.group(0)}</span>', escaped))


def human_date(value: date | datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.strftime("%B %-d, %Y, %H:%M") + (" UTC" if value.tzinfo else "")
    return value.strftime("%B %-d, %Y")


def iso_date(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


PLATFORM_LABELS = {
    "twitter": "X (Twitter)",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "threads": "Threads",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "tiktok": "TikTok",
    "reddit": "Reddit",
    "telegram": "Telegram",
    "linkedin": "LinkedIn",
    "truthsocial": "Truth Social",
    "youtube": "YouTube",
    "unknown": "unknown platform",
}


def platform_label(platform: str | None) -> str:
    return PLATFORM_LABELS.get(platform or "unknown", (platform or "unknown").title())


FILTERS: Mapping[str, Callable[..., Any]] = {
    "md": md_escape,
    "plain": plain,
    "edit_marks": edit_marks,
    "safe_url": safe_url,
    "human_date": human_date,
    "iso_date": iso_date,
    "platform_label": platform_label,
}


@lru_cache(maxsize=8)
def environment(user_dir: str | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if user_dir:
        if not Path(user_dir).is_dir():
            raise TemplateProblem(f"{user_dir}: template folder not found")
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml"), default_for_string=False
        ),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def render(
    rec: Reconstruction,
    fmt: str = "md",
    *,
    templates: str | Path | None = None,
    show_evidence: bool = False,
) -> str:
    """``rec`` as ``fmt`` ("md", "html" or "json"), with templates from ``templates`` first."""
    if fmt == "json":
        return json.dumps(rec.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt not in TEMPLATE_FOR:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    name = TEMPLATE_FOR[fmt]
    return render_template(name, templates=templates, rec=rec, show_evidence=show_evidence)


def render_template(name: str, *, templates: str | Path | None = None, **context: Any) -> str:
    env = environment(str(templates) if templates else None)
    try:
        template = env.get_template(name)
        return template.render(version=__version__, **context)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateProblem(f"{e.filename or name}:{e.lineno}: {e.message}") from None
    except jinja2.UndefinedError as e:
        raise TemplateProblem(f"{name}: {e.message}") from None
    except jinja2.TemplateNotFound as e:
        raise TemplateProblem(f"template not found: {e.name}") from None
