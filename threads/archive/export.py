"""``archive export``: every post with the articles that quoted it, as JSON Lines, CSV or Parquet.

One record per post, in the order they were first stored, read in batches so that memory stays
flat however large the archive. JSON Lines: the post as the JSON contract writes it
(``Post.to_dict()``) with ``archive`` (row and key) and ``sightings``. CSV: the post's fields as
columns, ``media``, ``links`` and ``sightings`` as JSON text. Parquet (``pip install
'threads[archive]'``, pyarrow): the same columns, ``sightings`` a list of structs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from ..errors import ThreadsError
from ..model import iso
from .query import Sighting, posts_with_sightings
from .store import Archive, Stored

__all__ = ["FORMATS", "MissingDependency", "export", "records"]

FORMATS = ("jsonl", "csv", "parquet")
BATCH = 2000


class MissingDependency(ThreadsError, ImportError):
    """An optional package the asked-for output needs is not installed."""


def _batches(archive: Archive) -> Iterator[list[tuple[Stored, list[Sighting]]]]:
    last = 0
    while True:
        ids = [
            r[0]
            for r in archive.db.execute(
                "SELECT id FROM posts WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH)
            )
        ]
        if not ids:
            return
        yield posts_with_sightings(archive, ids)
        last = ids[-1]


def records(archive: Archive) -> Iterator[dict[str, Any]]:
    """One JSON-ready record per post: ``Post.to_dict()``, its archive row and key, its sightings."""
    for batch in _batches(archive):
        for stored, seen in batch:
            data = stored.post.to_dict()
            data["archive"] = {"id": stored.id, "key": stored.key}
            data["sightings"] = [s.to_dict() for s in seen]
            yield data


CSV_COLUMNS = (
    "archive_id", "key", "platform", "id", "url", "author_name", "author_handle", "author_url", "text",
    "published", "kind", "media", "links", "sources", "first_quoted_in", "sightings",
)  # fmt: skip


def _row(stored: Stored, seen: list[Sighting]) -> dict[str, Any]:
    p = stored.post
    return {
        "archive_id": stored.id,
        "key": stored.key,
        "platform": p.platform,
        "id": p.id,
        "url": p.url,
        "author_name": p.author.name,
        "author_handle": p.author.handle,
        "author_url": p.author.url,
        "text": p.text,
        "published": iso(p.published),
        "kind": p.kind,
        "media": [m.to_dict() for m in p.media],
        "links": list(p.links),
        "sources": len({s.source_id for s in seen}),
        "first_quoted_in": next((s.url or s.location for s in seen), None),
        "sightings": [s.to_dict() for s in seen],
    }


def export(archive: Archive, fmt: str, out: IO[str] | None = None, path: str | None = None) -> int:
    """Write every post to ``out`` (jsonl, csv) or the file ``path`` (parquet); the posts written."""
    n = 0
    if fmt == "jsonl":
        assert out is not None
        for data in records(archive):
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        assert out is not None
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for batch in _batches(archive):
            for stored, seen in batch:
                row = _row(stored, seen)
                for k in ("media", "links", "sightings"):
                    row[k] = json.dumps(row[k], ensure_ascii=False)
                writer.writerow(row)
                n += 1
    elif fmt == "parquet":
        assert path is not None
        n = _parquet(archive, path)
    else:
        raise ValueError(fmt)
    return n


def _parquet(archive: Archive, path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency("--format parquet needs pyarrow: pip install 'threads[archive]'") from None
    source = pa.struct(
        [("archive_id", pa.int64()), ("url", pa.string()), ("location", pa.string()), ("title", pa.string()),
         ("published", pa.string()),
         ("captured", pa.string())]
    )  # fmt: skip
    text = pa.string()
    media = pa.struct([("url", text), ("kind", text), ("alt", text)])
    sighting = pa.struct(
        [("source", source), ("kind", text), ("text", text),
         ("author", pa.struct([("name", text), ("handle", text)])),
         ("position", pa.int64()), ("evidence", pa.list_(text))]
    )  # fmt: skip
    schema = pa.schema(
        [("archive_id", pa.int64()), ("key", text), ("platform", text), ("id", text), ("url", text),
         ("author_name", text), ("author_handle", text), ("author_url", text), ("text", text),
         ("published", text), ("kind", text), ("media", pa.list_(media)), ("links", pa.list_(text)),
         ("sources", pa.int64()), ("first_quoted_in", text), ("sightings", pa.list_(sighting))]
    )  # fmt: skip
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(archive):
            rows = [_row(stored, seen) for stored, seen in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n
