"""Invented article pages for the archive tests: a prose quote of a post, an embedded post, and
a folder of such pages, written as a newsroom's CMS would leave them."""

from __future__ import annotations

from pathlib import Path

BRIDGE = "Good news: the bridge will reopen to traffic by the end of June, two weeks early #bridge"
BRIDGE_PART = "the bridge will reopen to traffic by the end of June"


def quote_page(title: str, url: str | None, text: str, speaker: str, day: int = 5) -> str:
    """An article quoting ``text`` as ``speaker``'s tweet, in its prose."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{canonical}
<meta property="article:published_time" content="2024-03-{day:02d}T08:00:00Z"></head><body><article>
<h1>{title}</h1>
<p>The council met on Tuesday to discuss the repairs, which have been delayed for weeks.</p>
<p>“{text},” {speaker} tweeted on Tuesday.</p>
<p>Residents said they were still waiting for answers about the timetable.</p>
</article></body></html>"""


def embed_page(
    title: str, url: str | None, text: str, name: str, handle: str, status: str, *, extra: str = ""
) -> str:
    """An article embedding one tweet (a static ``blockquote.twitter-tweet``)."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{canonical}
<meta property="article:published_time" content="2024-03-06T08:00:00Z"></head><body><article>
<h1>{title}</h1>
<p>Officials said on Monday that the work would resume.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>&mdash; {name} (@{handle})
<a href="https://twitter.com/{handle}/status/{status}">March 2, 2024</a></blockquote>
{extra}
<p>More details are expected later this week.</p>
</article></body></html>"""


def write_batch(folder: Path, n: int) -> list[Path]:
    """``n`` pages, each embedding a tweet of its own and quoting the tweet of the page before it
    in its prose (a post quoted by two articles, linked by its words)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        own = f"Crews finished section {i} of the river path today and it opens to walkers on Friday"
        before = f"section {i - 1} of the river path today and it opens to walkers"
        prose = f"<p>“{before},” Lena Okafor tweeted.</p>" if i else ""
        html = embed_page(
            f"River path, part {i}",
            f"https://news.example/river/{i}",
            own,
            "Lena Okafor",
            "lenaokafor",
            str(1_764_000_000_000_000_000 + i),
            extra=prose,
        )
        path = folder / f"page-{i:04d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths
