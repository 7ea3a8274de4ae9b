"""The HTML view without a browser (structure, microformats read back by mf2py, escaping), the
template folder override and its errors, and the built wheel carrying templates and schema."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
import mf2py
import pytest

import threads
from threads.errors import TemplateProblem
from threads.model import Author, Post, Reconstruction, Thread
from threads.render import hashtag_url, many_voices, mention_url, post_html, render, shown_links, view_of

from .clirun import invoke
from .render_samples import HOSTILE_TEXTS, few_threads, hostile, mixed, reactions, several_authors, source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "amn-raqqa-2017-10-17.txt"


def html_of(rec: Reconstruction) -> Any:
    return lxml.html.fromstring(render(rec, "html"))


# ------------------------------------------------------------------------------------ microformats


@pytest.mark.parametrize("make", [several_authors, hostile, lambda: threads.reconstruct(str(SEED))])
def test_mf2py_reads_back_authors_texts_and_dates(make: Any) -> None:
    rec = make()
    parsed = mf2py.parse(doc=render(rec, "html"))
    entries = [i for i in parsed["items"] if "h-entry" in i["type"]]
    assert len(entries) == len(rec.posts)
    for entry, post in zip(entries, rec.posts, strict=True):
        props = entry["properties"]
        author = props["author"][0]
        assert author["type"] == ["h-card"]
        expected_name = post.author.name or f"@{post.author.handle}"
        assert author["properties"]["name"] == [expected_name]
        assert props["content"][0]["value"] == post.text
        if post.published:  # mf2py writes the offset without its colon
            stamp = post.published.isoformat().replace(":", "")
            assert [d.replace(":", "") for d in props["published"]] == [stamp]
        if post.url and post.url.startswith("https://"):
            assert props["url"] == [post.url]


def test_mf2py_reads_quoted_posts_as_quotation_of() -> None:
    parsed = mf2py.parse(doc=render(several_authors(), "html"))
    first = next(i for i in parsed["items"] if "h-entry" in i["type"])
    cite = first["properties"]["quotation-of"][0]
    assert cite["type"] == ["h-cite"]
    assert cite["properties"]["content"] == ["Raqqa offensive begins #Raqqa"]
    assert cite["properties"]["author"][0]["properties"]["name"] == ["SDF Press"]
    assert cite["properties"]["url"] == ["https://twitter.com/SDFpress/status/900000000000000001"]


# ------------------------------------------------------------------------------------- HTML structure


def test_page_is_standalone_with_a_csp_that_forbids_scripts() -> None:
    doc = html_of(several_authors())
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src 'none'" in csp
    assert doc.xpath("//script") == [] and doc.xpath("//link[@rel='stylesheet']") == []
    assert doc.xpath("//*[@src]") == []
    assert doc.get("lang") == "en"


def test_landmarks_headings_contents_and_numbered_posts() -> None:
    doc = html_of(several_authors())
    assert len(doc.xpath("/html/body//header[@class='page']")) == 1
    assert len(doc.xpath("//main")) == 1 and len(doc.xpath("//footer")) == 1
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    toc = doc.xpath("//nav[@class='toc']//a/@href")
    assert toc == ["#thread-1", "#thread-2"]
    assert [s.get("id") for s in doc.xpath("//section[@class='thread']")] == ["thread-1", "thread-2"]
    counts = [c.text for c in doc.xpath("//span[@class='count']")]
    assert counts == ["1/2", "2/2", "1/1"]
    times = doc.xpath("//article//div[@class='post-head']/time/@datetime")
    assert times == ["2017-10-17T14:05:00+00:00", "2017-10-17", "2017-10-18"]


def test_a_short_contents_list_is_open_a_long_one_folded() -> None:
    details = html_of(several_authors()).xpath("//nav[@class='toc']/details")[0]
    assert details.get("open") is not None
    assert details.xpath("./summary")[0].text_content() == "Contents"
    three = few_threads()
    assert html_of(three).xpath("//nav[@class='toc']/details/@open") == [""]
    # one more thread, or the posts without text as a fourth line, and the box starts folded
    four = Reconstruction(three.source, (*three.threads, several_authors().threads[0]))
    assert html_of(four).xpath("//nav[@class='toc']/details/@open") == []
    nobody = Author(platform="bluesky")
    nothing = Post("bluesky", "", nobody, kind="embed", url="https://bsky.app/x", position=99)
    gathered = Reconstruction(three.source, (*three.threads, Thread(nothing.author, "bluesky", (nothing,))))
    assert view_of(gathered).entries == 4 and not view_of(gathered).contents_open
    assert html_of(gathered).xpath("//nav[@class='toc']/details/@open") == []


def test_single_author_page_has_no_contents_list() -> None:
    rec = several_authors()
    one = Reconstruction(source=rec.source, threads=rec.threads[:1])
    assert html_of(one).xpath("//nav") == []


def test_mentions_hashtags_links_and_edit_marks() -> None:
    doc = html_of(several_authors())
    assert doc.xpath("//a[@class='mention']/@href") == ["https://x.com/CJTFOIR", "https://other.example/@bob"]
    assert doc.xpath("//a[@class='hashtag']/@href") == [
        "https://x.com/hashtag/defeatISIS",
        "https://x.com/hashtag/Raqqa",
        "https://social.example/tags/news",
    ]
    assert doc.xpath("//a[@class='link']/@href") == ["https://www.inherentresolve.mil/"]
    assert [s.text for s in doc.xpath("//span[@class='ins']")] == ["[Syrian Democratic Forces]", "[percent]"]
    assert [s.text for s in doc.xpath("//span[@class='elision']")] == ["[…]"]
    fig = doc.xpath("//figure[@class='media']")[0]
    assert "SDF fighters in Naim square" in fig.text_content()
    assert fig.xpath(".//a/@href") == ["https://pic.twitter.com/abc123"]
    quoted = doc.xpath("//blockquote[contains(@class, 'quoted')]")[0]
    assert quoted.get("cite") == "https://twitter.com/SDFpress/status/900000000000000001"


def test_source_article_is_cited_with_title_url_and_date() -> None:
    foot = html_of(several_authors()).xpath("//footer")[0]
    assert foot.xpath(".//cite/a/@href") == ["https://news.example.org/2017/10/17/raqqa"]
    assert foot.xpath(".//cite")[0].text_content() == "US-backed forces control 90 percent of Raqqa"
    assert foot.xpath(".//time/@datetime") == ["2017-10-17"]


def test_hostile_text_is_shown_as_text() -> None:
    page = render(hostile(), "html")
    doc = lxml.html.fromstring(page)
    assert doc.xpath("//script") == [] and doc.xpath("//img") == [] and doc.xpath("//b") == []
    assert "javascript:" not in page
    shown = [p.text_content() for p in doc.xpath("//div[@class='e-content']/p")]
    assert shown == list(HOSTILE_TEXTS)


@pytest.mark.parametrize(
    ("text", "platform", "base", "links"),
    [
        ("hi @jack and #tag", "twitter", None, ["https://x.com/jack", "https://x.com/hashtag/tag"]),
        ("mail me: a@b.org, #1 fan", "twitter", None, []),
        ("@way_too_long_for_twitter", "twitter", None, []),
        (
            "@alice.bsky.social #art",
            "bluesky",
            None,
            ["https://bsky.app/profile/alice.bsky.social", "https://bsky.app/hashtag/art"],
        ),
        (
            "@bob #tag",
            "mastodon",
            "https://m.example/@a/1",
            ["https://m.example/@bob", "https://m.example/tags/tag"],
        ),
        ("@bob #tag", "mastodon", None, []),
        ("@bob #tag", "unknown", None, []),
        ("see https://e.org/x).", None, None, ["https://e.org/x"]),
        ("javascript:alert(1) [x](javascript:y)", "twitter", None, []),
    ],
)
def test_post_html_links(text: str, platform: str | None, base: str | None, links: list[str]) -> None:
    doc = lxml.html.fromstring(f"<div>{post_html(text, platform, base)}</div>")
    assert doc.xpath("//a/@href") == links
    assert doc.text_content() == text


def test_mention_and_hashtag_urls_quote_their_parts() -> None:
    assert mention_url("@OIRSpox", "twitter") == "https://x.com/OIRSpox"
    assert hashtag_url("#ça va", "twitter") == "https://x.com/hashtag/%C3%A7a%20va"
    assert mention_url("bob@evil.example/x", "twitter") is None


# ------------------------------------------------------------------------------------- templates


def test_user_template_overrides_by_name_and_sees_the_context(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(
        "* {{ n }}/{{ total }} {{ post.text | md }} by {{ post.author | display_name | md }}\n",
        encoding="utf-8",
    )
    out = render(several_authors(), "md", templates=tmp_path)
    assert "* 1/2 \\[Syrian Democratic Forces\\]" in out and "by Alice Example" in out
    assert out.startswith("---\n")  # thread.md still the built-in one


def test_undefined_name_is_one_line_naming_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "post.html").write_text("<p>\n{{ post.text }}\n{{ post.txet }}</p>\n", encoding="utf-8")
    with pytest.raises(TemplateProblem) as info:
        render(several_authors(), "html", templates=tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 'post.html'}:3: ")
    assert "txet" in message


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "thread.md").write_text("ok\n\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"thread\.md:3: "):
        render(several_authors(), "md", templates=tmp_path)


def test_cli_prints_one_line_and_fails_on_a_broken_template(tmp_path: Path) -> None:
    (tmp_path / "thread.html").write_text("<h1>{{ rec.source.title }}</h1>\n{{ nope }}\n", encoding="utf-8")
    result = invoke(["render", str(SEED), "-f", "html", "--templates", str(tmp_path)])
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "thread.html:2:" in lines[0] and "'nope' is undefined" in lines[0]
    assert "Traceback" not in result.output


# ------------------------------------------------------------------------------------- packaging


@pytest.mark.slow
def test_wheel_carries_templates_and_schema(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh venv (no network: deps come from this one), render the seed."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheel_dir),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheel_dir.glob("threads-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    py = env_dir / "bin" / "python"
    # The dependencies from this environment's site-packages, the package itself from the wheel only.
    site = subprocess.run(
        [str(py), "-c", "import site; print(site.getsitepackages()[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    zipfile.ZipFile(wheel).extractall(site)
    deps = [p for p in sys.path if p.endswith("site-packages")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(deps), "PYTHONSAFEPATH": "1"}
    script = (
        "import threads, threads.render as r, json, sys;"
        f"assert threads.__file__.startswith({site!r}), threads.__file__;"
        "print(r.builtin_templates());"
        "print(len(r.json_schema()['$defs']));"
        f"rec = threads.reconstruct({str(SEED)!r});"
        "print(len(r.render(rec, 'html')) > 1000, len(rec.posts))"
    )
    run = subprocess.run(
        [str(py), "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    templates_dir, n_defs, result = run.stdout.strip().splitlines()
    assert templates_dir == str(Path(site) / "threads" / "templates")
    assert int(n_defs) >= 5
    assert result == "True 11"
    assert shutil.which("true")  # the environment could run subprocesses at all


# ---------------------------------------------------------------- compiled templates kept between runs


def _render_in_subprocess(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    page = tmp_path / "page.txt"
    page.write_text("“We are open late tonight,” librarian Ana Ruiz tweeted.\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "threads", "render", str(page), "--format", "md"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )


def test_compiled_templates_are_cached_in_the_users_cache_folder(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _render_in_subprocess({"XDG_CACHE_HOME": str(cache)}, tmp_path)
    assert first.returncode == 0, first.stderr
    kept = list((cache / "threads").glob("templates-*/*.cache"))
    assert kept, "no compiled template was kept"
    second = _render_in_subprocess({"XDG_CACHE_HOME": str(cache)}, tmp_path)
    assert second.returncode == 0 and second.stdout == first.stdout
    for f in kept:  # a damaged entry is ignored, not trusted
        f.write_bytes(b"not bytecode")
    third = _render_in_subprocess({"XDG_CACHE_HOME": str(cache)}, tmp_path)
    assert third.returncode == 0 and third.stdout == first.stdout


def test_an_unusable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    done = _render_in_subprocess({"XDG_CACHE_HOME": str(blocker)}, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Ana Ruiz" in done.stdout
    off = tmp_path / "off"
    assert (
        _render_in_subprocess({"XDG_CACHE_HOME": str(off), "THREADS_NO_CACHE": "1"}, tmp_path).returncode == 0
    )
    assert not off.exists()


# ------------------------------------------------------------------------------- many voices


def _threads(*sizes: int, unnamed: tuple[int, ...] = ()) -> tuple[Thread, ...]:
    """Threads by named authors with ``sizes`` posts each, then groups of posts whose author the
    page does not name."""
    out = []
    for i, size in enumerate(sizes):
        author = Author(name=f"Person {i}", handle=f"person{i}", platform="twitter")
        posts = tuple(Post("twitter", f"post {i}.{n}", author, position=10 * i + n) for n in range(size))
        out.append(Thread(author, "twitter", posts))
    for j, size in enumerate(unnamed):
        nobody = Author(platform="facebook")
        posts = tuple(Post("facebook", f"unnamed {j}.{n}", nobody, position=1000 + n) for n in range(size))
        out.append(Thread(nobody, "facebook", posts))
    return tuple(out)


@pytest.mark.parametrize(
    ("sizes", "unnamed", "voices"),
    [
        ((1, 1), (), True),  # two authors once each
        ((1, 1, 1, 1, 1, 1, 1, 1), (), True),  # the reactions article
        ((12, 1, 1), (), True),  # a long thread among single reactions
        ((2, 1, 1), (3,), True),  # the unnamed group counts for neither side
        ((1, 2, 1, 3, 1), (), True),
        ((11,), (), False),  # one author's long thread
        ((1,), (), False),  # one post
        ((1,), (4,), False),  # one named author beside unnamed posts
        ((2, 1), (), False),  # half, not most
        ((2, 2, 1, 1), (), False),
        ((3, 3, 2), (), False),  # several threads
        ((), (1, 1), False),  # nobody named
        ((), (), False),
    ],
)
def test_many_voices_when_most_named_authors_have_one_post(
    sizes: tuple[int, ...], unnamed: tuple[int, ...], voices: bool
) -> None:
    threads_ = _threads(*sizes, unnamed=unnamed)
    assert many_voices(threads_) is voices
    assert view_of(Reconstruction(source(), threads_)).layout == ("voices" if voices else "threads")


def test_posts_without_text_are_gathered_and_a_thread_with_text_stays_whole() -> None:
    a, b = Author(name="Ann Reyes", platform="x"), Author(name="Bo Li", platform="x")
    nobody = Author(platform="instagram")
    quoted = Post("x", "inner", Author(name="Cy"), position=99)
    rec = Reconstruction(
        source(),
        (
            Thread(a, "x", (Post("x", "one", a, position=1), Post("x", "", a, position=2))),  # keeps both
            Thread(b, "x", (Post("x", "", b, position=3), Post("x", " ", b, position=9))),  # nothing to show
            Thread(
                nobody,
                "instagram",
                (
                    Post("instagram", "", nobody, position=5),
                    Post("instagram", "", nobody, quotes=(quoted,), position=6),
                ),
            ),
        ),
    )
    v = view_of(rec)
    assert [(i.kind, i.number, [p.n for p in i.posts]) for i in v.items] == [
        ("thread", 1, [1, 2]),
        ("thread", 3, [2]),
    ]
    assert [(p.number, p.n) for p in v.textless] == [(2, 1), (3, 1), (2, 2)]  # in the page's order
    assert v.authors == 2


def _visible(el: Any) -> str:
    """The text a sighted reader sees of an element (visually hidden spans left out)."""
    return " ".join("".join(el.xpath(".//text()[not(ancestor::*[contains(@class, 'vh')])]")).split())


def test_many_voices_page_is_one_compact_list_in_article_order() -> None:
    rec = reactions()
    doc = html_of(rec)
    assert doc.xpath("//span[@class='count']") == []  # no "1/1"
    assert doc.xpath("//section[@class='thread']") == []
    [voices] = doc.xpath("//main/ol[@class='voices']")
    names = [_visible(h) for h in voices.xpath("./li/article//h2")]
    assert names == [
        "Lena Ortiz @lenaortiz",
        "Priya Natarajan @priya.bsky.social",
        "Tomás Reyes @tomas",
        "Author not named",
        "Port Calder Cycling Club @portcaldercycling",
        "Dana Whitfield @danawrites",
        "Ada Brennan",
    ]
    assert [li.get("id") for li in voices.xpath("./li")] == [f"thread-{n}" for n in (1, 2, 3, 4, 5, 6, 8)]
    first = voices.xpath("./li[1]/article")[0]
    assert "Mayor of Port Calder · X (Twitter)" in _visible(first.xpath(".//div[@class='meta']")[0])
    assert first.xpath(".//div[@class='post-foot']/time/@datetime") == ["2024-05-02T07:30:00+00:00"]
    # the contents box is folded, so that it does not push the first post off a phone's first screen
    details = doc.xpath("//nav[@class='toc']/details")[0]
    assert details.get("open") is None
    assert doc.xpath("//nav[@class='toc']//a/@href")[-1] == "#without-text"
    cite = doc.xpath("//header[@class='page']/p[@class='cite']")[0].text_content()
    assert cite.endswith("10 posts by 8 authors")


def test_posts_without_text_are_a_list_of_links_at_the_end() -> None:
    doc = html_of(reactions())
    [section] = doc.xpath("//main/section[@id='without-text']")
    assert section.xpath("./h2")[0].text_content() == "3 posts whose text the page does not hold"
    items = section.xpath("./ul/li")
    assert [_visible(li) for li in items] == [
        "Harbour Board @harbourboard · Threads · View on Threads",
        "Author not named · Facebook · View on Facebook",
        "Gus Baptiste @gusbaptiste · Instagram · April 30, 2024 · View on Instagram",
    ]
    assert [li.get("id") for li in items] == ["thread-7-post-1", "thread-4-post-2", "thread-9-post-1"]
    assert section.xpath(".//article") == [] and doc.xpath("//p[@class='missing']") == []


def test_every_post_with_a_permalink_has_a_visible_view_on_link() -> None:
    for rec in (reactions(), mixed(), several_authors()):
        doc = html_of(rec)

        def walk(posts: Any) -> Any:
            for p in posts:
                yield p
                yield from walk(p.quotes)

        with_url = [p for p in walk(rec.posts) if p.url]
        links = doc.xpath("//a[contains(@class, 'view')]")
        assert len(links) == len(with_url)
        shown = {(a.get("href"), _visible(a)) for a in links}
        labels = {
            "twitter": "X (Twitter)",
            "bluesky": "Bluesky",
            "mastodon": "Mastodon",
            "instagram": "Instagram",
        }
        for p in with_url:
            assert (p.url, f"View on {labels.get(p.platform, p.platform.title())}") in shown
        # a screen reader hears whose post each one opens
        assert all(a.text_content().startswith(_visible(a) + ": the post by ") for a in links)


def test_a_thread_among_voices_keeps_its_numbered_view_in_its_place() -> None:
    doc = html_of(mixed())
    [voices] = doc.xpath("//main/ol[@class='voices']")
    kinds = [li.get("class") for li in voices.xpath("./li")]
    assert kinds == ["voice", "voice-thread", "voice"]
    section = voices.xpath("./li[2]/section[@class='thread']")[0]
    assert section.get("id") == "thread-2"
    assert [c.text for c in section.xpath(".//span[@class='count']")] == [f"{n}/6" for n in range(1, 7)]
    assert doc.xpath("//span[@class='count']") == section.xpath(".//span[@class='count']")


@pytest.mark.parametrize("make", [reactions, mixed])
def test_mf2py_reads_every_post_of_the_voices_view(make: Any) -> None:
    rec = make()
    parsed = mf2py.parse(doc=render(rec, "html"))
    entries = [e["properties"] for e in parsed["items"] if "h-entry" in e["type"]]
    assert len(entries) == len(rec.posts)
    by_key = {(e.get("url") or [e["content"][0]["value"]])[0]: e for e in entries}
    for post in rec.posts:
        props = by_key[post.url or post.text]
        author = props["author"][0]["properties"]["name"]
        assert author == [post.author.name or "Author not named"]
        if post.text:
            assert props["content"][0]["value"] == post.text
        else:
            assert "content" not in props
        if post.published:
            assert [d.replace(":", "") for d in props["published"]] == [
                post.published.isoformat().replace(":", "")
            ]


def test_a_link_shown_as_its_address_links_to_the_target_the_embed_gave() -> None:
    doc = html_of(reactions())
    link = doc.xpath("//li[@id='thread-1']//div[@class='e-content']//a[@class='link']")[0]
    assert link.get("href") == "https://t.co/Qm3xYz81Lp"
    assert link.text == "portcalder.example.gov/news/2024/foot…"
    # the same post quoted inside another keeps its link
    inner = doc.xpath("//blockquote[contains(@class, 'quoted')]//a[@class='link']/@href")
    assert inner == ["https://t.co/Qm3xYz81Lp"]


@pytest.mark.parametrize(
    ("text", "links", "expected"),
    [
        ("Read example.org/a/very-lo… now", ["https://t.co/Ab1"], ["example.org/a/very-lo…"]),
        (
            "Both: a.example/x… and b.example/y…",
            ["https://t.co/1", "https://t.co/2"],
            ["a.example/x…", "b.example/y…"],
        ),
        ("See bsky.app/profile/x... today", ["https://bsky.app/profile/x/post/1"], ["bsky.app/profile/x..."]),
        ("Read example.org/story today.", ["https://www.example.org/story"], ["example.org/story"]),
        # the address shown with its scheme is linked as it is, not paired again
        (
            "Mixed https://t.co/Ab1 and example.org/b…",
            ["https://t.co/Ab1", "https://t.co/Cd2"],
            ["example.org/b…"],
        ),
        # look-alikes: more addresses shown than links (which one is which is unknown)
        ("Visit example.org or example.net/x…", ["https://t.co/Ab1"], []),
        ("Read example.org/a… now", [], []),
        ("Read example.org/a… now", ["javascript:alert(1)"], []),
        ("Mr.Smith wrote it", ["https://example.org/story"], []),  # not the start of the link
        # two sentences run together are not an address, even beside a t.co link
        ("Mr.Smith wrote it", ["https://t.co/Ab1"], []),
        ("Out today.Then more", ["https://t.co/Ab1"], []),
        ("were replaced.https://t.co/Ab1@someone", ["https://t.co/Ab1"], []),  # a word glued to a URL
        ("see t.co/Ab1 there", ["https://t.co/Zz9"], []),  # a t.co address stands for itself only
        ("mail me at ann@example.org", ["https://t.co/Ab1"], []),
        ("example.org/a and more", ["https://example.org/a/b"], []),  # not shortened: a different page
    ],
)
def test_shown_links_pair_an_address_with_its_link(text: str, links: list[str], expected: list[str]) -> None:
    assert [text[a:b] for a, b, _ in shown_links(text, links)] == expected
    doc = lxml.html.fromstring(f"<div>{post_html(text, 'twitter', None, links)}</div>")
    assert doc.text_content() == text


def test_a_users_post_template_without_compact_still_renders_voices(tmp_path: Path) -> None:
    (tmp_path / "post.html").write_text(
        '<div class="mine">{{ n }}/{{ total }} {{ post.text }} {{ post.author | display_name }}</div>\n',
        encoding="utf-8",
    )
    doc = lxml.html.fromstring(render(reactions(), "html", templates=tmp_path))
    assert len(doc.xpath("//ol[@class='voices']/li/div[@class='mine']")) == 7


def test_the_readme_shows_the_screenshots_in_docs_and_no_missing_one() -> None:
    """Every ``docs/`` file the README names exists, and every screenshot there is shown or linked
    (the browser tests rewrite them: a renamed one must not leave the README pointing at nothing)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\(docs/([\w.-]+)\)", readme))
    assert named, "the README shows no screenshot"
    assert sorted(n for n in named if not (ROOT / "docs" / n).is_file()) == []
    shots = {p.name for p in (ROOT / "docs").glob("screenshot*.png")}
    assert sorted(shots - named) == []
