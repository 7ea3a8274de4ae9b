"""Article pages and web archives made up here, for the batch tests: every name, sentence and embed
drawn from a generator seeded by the page's number, so no two pages are alike and every run makes
the same ones."""

from __future__ import annotations

import io
import random
from pathlib import Path

FIRST = "Ana Ben Carla Dev Elif Femi Grace Hugo Ines Jon Kemal Lena".split()
LAST = "Reyes Okafor Lindqvist Moreau Haddad Tanaka Kowalski Ibarra Novak Mensah".split()
ROLES = ["Mayor", "Police Chief", "Senator", "Councillor", "Fire Chief", "Professor"]
TOPICS = ["bridge", "school", "storm", "budget", "harbour", "railway", "library"]
WORDS = (
    "the council said on Tuesday that work would resume after weeks of delay while residents "
    "waited for answers about funding and the timetable for repairs that engineers proposed"
).split()
VERBS = ["tweeted", "wrote on Twitter", "said in a tweet", "posted on X", "wrote on Facebook"]


def _sentence(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def _embed(rnd: random.Random, i: int, k: int, first: str, last: str) -> str:
    handle = f"{first}{last}{i % 89}".lower()
    text = _sentence(rnd, 12)
    kind = (i + k) % 4
    if kind == 0:
        status = 1_300_000_000_000_000_000 + i * 1000 + k
        return (
            f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>&mdash; {first} {last} '
            f'(@{handle}) <a href="https://twitter.com/{handle}/status/{status}">May {1 + i % 28}, 2024</a>'
            "</blockquote>"
        )
    if kind == 1:
        return (
            f'<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:{handle}/app.bsky.feed.post/'
            f'3k{i:05d}{k}abc"><p lang="en">{text}</p>&mdash; {first} {last} (<a href="https://bsky.app/'
            f'profile/{handle}.bsky.social">@{handle}.bsky.social</a>)</blockquote>'
        )
    if kind == 2:
        return (
            f'<iframe src="https://mastodon.example/@{handle}/{110_000_000 + i * 10 + k}/embed" '
            'class="mastodon-embed" width="400"></iframe>'
        )
    return f"<p>“{text[:-1]},” {first} {last} {rnd.choice(VERBS)}.</p>"


def article(i: int) -> str:
    """One news page: a headline, prose with attributed quotes, embeds of several platforms."""
    rnd = random.Random(i)
    people = [(rnd.choice(FIRST), rnd.choice(LAST), rnd.choice(ROLES)) for _ in range(3)]
    topic = rnd.choice(TOPICS)
    body = []
    for k, (first, last, role) in enumerate(people):
        body.append(f"<p>{_sentence(rnd, 20)} {_sentence(rnd, 14)}</p>")
        quote = _sentence(rnd, 10)[:-1]
        who = f"{role} {first} {last}" if k == 0 else last
        body.append(f"<p>“{quote},” {who} {rnd.choice(VERBS)} on Tuesday.</p>")
        if k < 2:
            body.append(_embed(rnd, i, k, first, last))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{topic.title()} plans ({i})</title>"
        f'<meta property="article:published_time" content="2024-05-{1 + i % 28:02d}T08:00:00Z">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{topic.title()} plans</h1>"
        + "".join(body)
        + "</article><footer><p>© Example News</p></footer></body></html>\n"
    )


def scraped(i: int) -> str:
    """A page's text as a scraper left it: an embed's signature flattened into the prose."""
    rnd = random.Random(-i - 1)
    first, last = rnd.choice(FIRST), rnd.choice(LAST)
    handle = f"{first}{last}".lower()
    return (
        f"{rnd.choice(TOPICS).title()} update\n\nMay {1 + i % 28}, 2024\n\n{_sentence(rnd, 18)}\n\n"
        f"{_sentence(rnd, 11)} pic.twitter.com/x{i}ab — {first} {last} (@{handle}) May {1 + i % 28}, 2024\n\n"
        f"{_sentence(rnd, 16)}\n"
    )


def write_pages(folder: Path, n: int) -> list[Path]:
    """``n`` pages (HTML, and every fifth one a scraped text) under ``folder``, in two subfolders."""
    paths = []
    for i in range(n):
        sub = folder / ("b" if i % 3 == 2 else "a")
        sub.mkdir(parents=True, exist_ok=True)
        if i % 5 == 4:
            path = sub / f"page-{i:03d}.txt"
            path.write_text(scraped(i), encoding="utf-8")
        else:
            path = sub / f"page-{i:03d}.html"
            path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


def write_archive(path: Path, first: int, n: int, *, gz: bool = True) -> None:
    """A web archive of ``n`` pages (numbers from ``first``), with the other records crawls hold
    between them: requests, an image, a redirect, and one page captured twice."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for k in range(n):
            i = first + k
            url = f"https://news.example.org/2024/05/story-{i}" if k != n - 1 else (
                f"https://news.example.org/2024/05/story-{first}"  # the first page, captured again
            )  # fmt: skip
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request)
            )
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(article(i).encode("utf-8")),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": f"2024-05-{1 + i % 28:02d}T10:00:00Z"},
                )
            )
            if k % 6 == 3:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], "HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        f"{url}/photo.png", "response", payload=io.BytesIO(b"\x89PNG..."), http_headers=image
                    )
                )
            if k % 9 == 5:
                moved = StatusAndHeaders("301 Moved", [("Location", url)], "HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        f"{url}/old", "response", payload=io.BytesIO(b""), http_headers=moved
                    )
                )
