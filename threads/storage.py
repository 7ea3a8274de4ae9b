"""storage: inputs and outputs named by fsspec URLs (``s3://bucket/crawl/``, ``file:///data/``, ``memory://x``).

A batch may name its inputs and its output folder with any URL that `fsspec
<https://filesystem-spec.readthedocs.io/>`_ understands (fsspec comes with the ``dask`` extra;
``s3://`` also needs ``s3fs``, ``gs://`` ``gcsfs``, ``abfs://`` ``adlfs``). http(s) URLs are not
taken here: :mod:`threads.fetch` reads those, with its own limits. Plain paths never go through
fsspec either (it is imported only when a URL is met).

The listing of a folder or a glob runs where the batch is planned; the bytes are read where the
input is worked on (a Dask worker reads its own inputs). Writes are whole files that appear
complete or not at all: on a local disk through a temporary name and a rename, on an object store
(``s3``, ``gs``, ``az``, ``memory``) as one upload (an object is visible only once it is complete),
elsewhere through a temporary name and the file system's ``mv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .errors import UnreadableInput, unreadable_file

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem

__all__ = ["exists", "filesystem", "is_url", "join", "listing", "open_binary", "read_bytes", "write_atomic"]

EXTRA_MISSING = "fsspec URLs need fsspec: pip install 'threads[dask]'"

_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*(?:::[A-Za-z][A-Za-z0-9+.-]*)*)://")
"""``s3://``, ``file://``, and fsspec's chained ``simplecache::s3://``."""
STORES = frozenset(
    """
    s3 s3a gs gcs az abfs abfss adl oci oss hdfs webhdfs file local memory
    simplecache filecache blockcache
    """.split()
)
"""The protocols taken: object stores, cluster file systems, the local disk and memory (and fsspec's
caches in front of them). Others that fsspec knows (ftp, ssh, http through fsspec, github, zip ...)
are not: http(s) URLs are fetched by :mod:`threads.fetch`, and a batch reads from nowhere else."""
_GLOB_CHARS = re.compile(r"[*?\[]")
_ONE_UPLOAD = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "memory"})
"""File systems on which a file written in one call appears only once it is complete."""


def is_url(location: str) -> bool:
    """Whether ``location`` is a URL of one of the :data:`STORES`, read through fsspec.

    >>> [is_url(x) for x in ("s3://b/k.html", "file:///tmp/a", "https://example.org/", "ftp://h/a", "a.html")]
    [True, True, False, False, False]
    """
    m = _URL.match(location)
    return m is not None and all(p.lower() in STORES for p in m.group(1).split("::"))


def filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    """fsspec's file system for ``url`` and the path on it; :class:`UnreadableInput` naming the URL
    when fsspec, or the package for its protocol, is missing, or the protocol is unknown."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise UnreadableInput(f"{url}: {EXTRA_MISSING}") from None
    try:
        fs, path = url_to_fs(url)
    except (ImportError, ValueError) as e:  # "Install s3fs to access S3", "Protocol not known: x"
        raise UnreadableInput(f"{url}: {e}") from None
    except OSError as e:  # a file system that connects when made (hdfs): its host cannot be reached
        raise UnreadableInput(f"{url}: {e.strerror or e}") from None
    return fs, path


def _local(fs: AbstractFileSystem) -> bool:
    from fsspec.implementations.local import LocalFileSystem

    return isinstance(fs, LocalFileSystem)


# ---------------------------------------------------------------- listing


def listing(url: str) -> Iterator[tuple[str, str | None]]:
    """What ``url`` names: ``(location, relative path)`` for each file of a folder (walked top-down,
    sorted, hidden entries left out), each match of a glob (relative path None: its own name), or
    the URL itself (None). Locations keep the URL's own spelling, so results name them as given."""
    fs, path = filesystem(url)
    try:
        if (in_path := _GLOB_CHARS.search(path)) and (in_url := _GLOB_CHARS.search(url)):
            # a match keeps the URL's spelling up to the pattern (a chained URL stays chained)
            base_url, base_path = url[: in_url.start()], path[: in_path.start()]
            for match in sorted(fs.glob(path)):
                location = base_url + match[len(base_path) :] if match.startswith(base_path) else None
                location = location or fs.unstrip_protocol(match)
                if fs.isdir(match):
                    yield from _walk(fs, match, location)
                else:
                    yield location, None
        elif fs.isdir(path):
            yield from _walk(fs, path, url)
        else:
            yield url, None
    except OSError as e:
        raise unreadable_file(url, e, kind="a folder or a page") from None


def _walk(fs: AbstractFileSystem, path: str, url: str) -> Iterator[tuple[str, str]]:
    root = path.rstrip("/")
    base = url.rstrip("/")
    for folder, dirs, files in fs.walk(root, topdown=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_folder = folder.rstrip("/")[len(root) :].strip("/")
        for file in sorted(files):
            if file.startswith("."):
                continue
            rel = f"{rel_folder}/{file}" if rel_folder else file
            yield f"{base}/{rel}", rel


# ---------------------------------------------------------------- reading


def open_binary(url: str) -> Any:
    """A binary file object for ``url`` (seekable where the file system allows), to be closed by the
    caller; :class:`UnreadableInput` naming it when it cannot be opened."""
    fs, path = filesystem(url)
    try:
        return fs.open(path, "rb")
    except OSError as e:
        raise unreadable_file(url, e, kind="a page") from None


def read_bytes(url: str, limit: int) -> bytes:
    """The bytes at ``url``, at most ``limit`` of them (a larger file is refused, naming it)."""
    fh = open_binary(url)
    try:
        data: bytes = fh.read(limit + 1)
    except OSError as e:
        raise unreadable_file(url, e, kind="a page") from None
    finally:
        fh.close()
    if len(data) > limit:
        raise UnreadableInput(f"{url}: larger than the {limit}-byte limit")
    return data


# ---------------------------------------------------------------- writing


def join(folder: str, name: str) -> str:
    """``name`` (``/``-separated) under the folder URL ``folder``."""
    return f"{folder.rstrip('/')}/{name}"


def exists(url: str) -> bool:
    fs, path = filesystem(url)
    return bool(fs.exists(path))


def write_atomic(url: str, data: bytes) -> None:
    """Write ``data`` to ``url`` so that the file is seen whole or not at all (see the module's notes).

    Raises OSError (or :class:`UnreadableInput` for a URL fsspec cannot take) when it cannot.
    """
    fs, path = filesystem(url)
    parent = path.rsplit("/", 1)[0] if "/" in path.strip("/") else ""
    if _local(fs):
        from pathlib import Path

        from .output import write_atomic as write_local

        write_local(Path(path), data)
        return
    if parent:
        fs.makedirs(parent, exist_ok=True)
    protocols = {fs.protocol} if isinstance(fs.protocol, str) else set(fs.protocol)
    if protocols & _ONE_UPLOAD:
        fs.pipe_file(path, data)
        return
    import uuid

    name = path.rsplit("/", 1)[-1]
    tmp = f"{parent}/.{name}.{uuid.uuid4().hex[:12]}.part" if parent else f".{name}.part"
    try:
        fs.pipe_file(tmp, data)
        fs.mv(tmp, path)
    except BaseException:
        if fs.exists(tmp):
            fs.rm(tmp)
        raise
