"""parquet: the posts of a batch as Parquet files, one row per post with its source.

``threads render INPUT... --format parquet --output-dir DIR`` writes one file per task
(``part-000000.parquet``, ``part-000001.parquet``, ...: see :mod:`threads.cluster`), all with the
schema below, so that Spark, DuckDB, pandas and pyarrow read the folder as one dataset
(``duckdb: SELECT * FROM 'DIR/*.parquet'``; ``pandas.read_parquet(DIR)``). Rows follow the input
order, then the threads of each input, then the posts of each thread: the order of the same run's
``--format jsonl``. An input with no post adds no row; one that fails adds none either and is
reported as in any batch.

Values are those of the JSON (:meth:`threads.model.Reconstruction.to_dict`), flattened: the
source's fields as ``source_*``, the author's as ``author_*``; dates stay ISO 8601 strings (a day
alone when only the day is known); quoted posts (a nested tree) and ``extra`` are JSON text.
Needs pyarrow (the ``dask`` extra).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .errors import EngineProblem

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["COLUMNS", "SCHEMA_NAME", "from_lines", "rows", "schema"]

SCHEMA_NAME = "threads-parquet/1"
"""Kept in each file's metadata (key ``threads.schema``); a column changed in meaning gets a new one."""
EXTRA_MISSING = "--format parquet needs pyarrow: pip install 'threads[dask]'"

COLUMNS: tuple[tuple[str, str, str], ...] = (
    # (name, type, meaning): the schema, written once; the README's table is read off it
    ("input", "string", "the input as the batch named it (path, URL, archive#record-id URL)"),
    ("source_location", "string", "source.location"),
    ("source_url", "string", "source.url: the page's own URL"),
    ("source_title", "string", "source.title"),
    ("source_published", "string", "source.published: the article's date, ISO 8601"),
    ("source_captured", "string", "source.captured: the WARC-Date of a page from a web archive"),
    ("source_kind", "string", "source.kind: html or text"),
    ("thread", "int32", "the thread's place among the source's threads, from 0"),
    ("post", "int32", "the post's place in its thread, from 0"),
    ("platform", "string", "twitter, mastodon, bluesky, ... or unknown"),
    ("id", "string", "the platform's post ID"),
    ("url", "string", "the post's permalink"),
    ("text", "string", "the post's text"),
    ("published", "string", "when it was posted, ISO 8601, to the precision known"),
    ("author_name", "string", "author.name (the thread's author)"),
    ("author_handle", "string", "author.handle, without @"),
    ("author_platform", "string", "author.platform"),
    ("author_url", "string", "author.url: the profile's URL"),
    ("author_role", "string", "author.role, as the article gives it"),
    ("author_aliases", "list<string>", "author.aliases: other ways the article names the author"),
    ("kind", "string", "embed, remnant or quote"),
    ("quotes", "string", "JSON array: posts quoted inside this one, each of the JSON's post shape"),
    ("media", "list<struct<url: string, kind: string, alt: string>>", "attachments the markup names"),
    ("links", "list<string>", "links in the post's text"),
    ("position", "int64", "ordering key within the source"),
    ("evidence", "list<string>", "why it was taken for a post"),
    ("confidence", "double", "0..1"),
    ("extra", "string", "JSON object: platform-specific fields"),
)


def schema() -> pa.Schema:
    """The pyarrow schema of every file (:data:`COLUMNS`), with ``threads.schema`` in its metadata."""
    pa = _pyarrow()
    media = pa.struct([("url", pa.string()), ("kind", pa.string()), ("alt", pa.string())])
    types = {
        "string": pa.string(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "double": pa.float64(),
        "list<string>": pa.list_(pa.string()),
        "list<struct<url: string, kind: string, alt: string>>": pa.list_(media),
    }
    from . import __version__

    return pa.schema(
        [pa.field(name, types[kind]) for name, kind, _ in COLUMNS],
        metadata={"threads.schema": SCHEMA_NAME, "threads.version": __version__},
    )


def rows(record: dict[str, Any], location: str) -> list[dict[str, Any]]:
    """The rows of one input's JSON record (``Reconstruction.to_dict()``), one per post."""
    source = record.get("source") or {}
    head = {
        "input": location,
        "source_location": source.get("location"),
        "source_url": source.get("url"),
        "source_title": source.get("title"),
        "source_published": source.get("published"),
        "source_captured": source.get("captured"),
        "source_kind": source.get("kind"),
    }
    out: list[dict[str, Any]] = []
    for t, thread in enumerate(record.get("threads") or ()):
        for p, post in enumerate(thread["posts"]):
            author = post.get("author") or {}
            out.append(
                {
                    **head,
                    "thread": t,
                    "post": p,
                    "platform": post.get("platform"),
                    "id": post.get("id"),
                    "url": post.get("url"),
                    "text": post.get("text"),
                    "published": post.get("published"),
                    "author_name": author.get("name"),
                    "author_handle": author.get("handle"),
                    "author_platform": author.get("platform"),
                    "author_url": author.get("url"),
                    "author_role": author.get("role"),
                    "author_aliases": list(author.get("aliases") or ()),
                    "kind": post.get("kind"),
                    "quotes": json.dumps(post.get("quotes") or [], ensure_ascii=False),
                    "media": list(post.get("media") or ()),
                    "links": list(post.get("links") or ()),
                    "position": post.get("position"),
                    "evidence": list(post.get("evidence") or ()),
                    "confidence": post.get("confidence"),
                    "extra": json.dumps(post.get("extra") or {}, ensure_ascii=False, sort_keys=True),
                }
            )
    return out


def from_lines(lines: list[str]) -> bytes:
    """A Parquet file (its bytes) of the posts in ``lines``: ``--format jsonl`` lines, in order."""
    table_rows: list[dict[str, Any]] = []
    for line in lines:
        record = json.loads(line)
        if record.get("error") is None:
            table_rows.extend(rows(record, record["input"]))
    return to_bytes(table_rows)


def to_bytes(table_rows: list[dict[str, Any]]) -> bytes:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(table_rows, schema=schema())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise EngineProblem(EXTRA_MISSING) from None
    return pyarrow
