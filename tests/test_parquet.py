"""The Parquet rows of a batch: one per post with its source, the schema the README documents."""

from __future__ import annotations

import json
import re

import pytest

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

import threads  # noqa: E402
from threads.batch import json_line  # noqa: E402
from threads.parquet import COLUMNS, from_lines, rows, schema  # noqa: E402

from .golden import ROOT  # noqa: E402

PAGE = (
    "<html><head><title>Bridge</title></head><body>"
    '<p>"We will rebuild the bridge by spring," Mayor Jane Doe tweeted on Tuesday.</p>'
    '<blockquote class="twitter-tweet"><p lang="en">Back open at 9 <a href="https://t.co/x">#bridge</a></p>'
    '&mdash; City Works (@cityworks) <a href="https://twitter.com/cityworks/status/1300000000000000001">'
    "May 2, 2024</a></blockquote></body></html>"
)


def test_the_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    readme = readme[readme.index("## Past one machine") :]
    readme = readme[: readme.index("\n## ", 1)]  # the section that documents the Parquet files
    documented = re.findall(r"^\| `([a-z_]+)` \| ([^|]+) \| ([^|]+) \|$", readme, re.MULTILINE)
    assert [(name, kind.strip(), what.strip()) for name, kind, what in documented] == list(COLUMNS)


def test_one_row_per_post_with_its_source() -> None:
    rec = threads.reconstruct(PAGE.encode(), url="https://news.example.org/bridge").to_dict()
    found = rows(rec, "page.html")
    assert len(found) == sum(len(t["posts"]) for t in rec["threads"]) == 2
    assert {r["input"] for r in found} == {"page.html"}
    assert {r["source_url"] for r in found} == {"https://news.example.org/bridge"}
    assert {r["source_title"] for r in found} == {"Bridge"}
    embed = next(r for r in found if r["kind"] == "embed")
    assert embed["author_handle"] == "cityworks" and embed["id"] == "1300000000000000001"
    assert embed["thread"] in (0, 1) and embed["post"] == 0
    assert json.loads(embed["quotes"]) == [] and isinstance(json.loads(embed["extra"]), dict)


def test_a_file_holds_the_rows_in_order_under_the_schema() -> None:
    lines = [
        json_line("a.html", threads.reconstruct(PAGE.encode()).to_dict()),
        json_line("bad.html", None, "bad.html: binary data"),
        json_line("empty.html", threads.reconstruct(b"<p>Nothing here.</p>").to_dict()),
        json_line("b.html", threads.reconstruct(PAGE.replace("Jane Doe", "Ann Reyes").encode()).to_dict()),
    ]
    table = pq.read_table(pa.BufferReader(from_lines(lines)))
    assert table.schema.equals(schema())
    assert table.column("input").to_pylist() == ["a.html", "a.html", "b.html", "b.html"]
    assert table.schema.metadata[b"threads.schema"] == b"threads-parquet/1"
    empty = pq.read_table(pa.BufferReader(from_lines([lines[1]])))
    assert empty.num_rows == 0 and empty.schema.equals(schema())


def test_nested_quotes_and_media_survive() -> None:
    page = (ROOT / "fixtures" / "embeds").glob("*.html")
    for path in page:
        rec = threads.reconstruct(str(path)).to_dict()
        found = rows(rec, str(path))
        table = pq.read_table(pa.BufferReader(from_lines([json_line(str(path), rec)])))
        assert table.to_pylist() == found
