"""The HTML view without a browser (structure, microformats read back by mf2py, escaping), the
template folder override and its errors, and the built wheel carrying templates and schema."""

from __future__ import annotations

import itertools
import os
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
from threads.model import Reconstruction
from threads.render import hashtag_url, mention_url, post_html, render

from .clirun import invoke
from .render_samples import HOSTILE_TEXTS, hostile, several_authors

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
