"""Regular expressions compiled once per machine instead of once per run.

CPython turns a pattern into the regular expression engine's opcodes in pure Python, and the
scrapers' few hundred patterns cost about 60 ms at every start: most of a one-page render.
:func:`compile` keeps each pattern's opcodes in the user's cache folder (:mod:`threads.cachedir`)
and gives them straight to the engine on later runs (``_sre.compile``, the call ``re.compile``
itself ends with), so the pattern object is the one ``re.compile`` would have made.

The store is keyed by the interpreter's build (its bytecode tag and the engine's opcode version),
then by pattern and flags. A pattern is kept only after the object built from its kept opcodes
compared equal to ``re.compile``'s; the engine validates opcodes it is given, and a store that
cannot be read or holds anything unexpected is ignored. Another Python than CPython, or
``THREADS_NO_CACHE``, means plain ``re.compile``.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import importlib
import marshal
import os
import re
import sys
from typing import Any, AnyStr

from . import cachedir

MAX_KEPT = 2048
"""A store that grows past this many patterns (old versions' patterns pile up) starts afresh."""

_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""flags, opcodes (machine words, as bytes: they load in one piece), groups, group names both ways."""
_Key = tuple[str | bytes, int]

_WORD = "I"
"""The array type of the engine's opcodes (checked against ``_sre.CODESIZE``)."""
_engine: Any = None
_parser: Any = None
_compiler: Any = None
_store: dict[_Key, _Entry] | None = None
_path: str | None = None
_dirty = False
hits = 0
"""How many patterns this process took from the store (for tests and curious users)."""
primed = 0
"""How many other modules' patterns :func:`prime` put in ``re``'s own cache."""
_FOREIGN: _Key = ("", -1)
"""The store's entry that lists the patterns other modules compiled (see :func:`prime`)."""
MAX_FOREIGN = 256
_CACHE_REFS = 4
"""References to a pattern in :func:`_learn`'s loop when nothing but ``re``'s cache holds it (the
cache, the list of its items, the loop's name, ``sys.getrefcount``'s argument)."""
_foreign: set[_Key] = set()
_own: set[_Key] = set()


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    global hits
    store = _load()
    if store is None:
        return re.compile(pattern, flags)
    key: _Key = (pattern, int(flags))
    _own.add(key)
    entry = store.get(key)
    if entry is not None:
        try:
            compiled: re.Pattern[AnyStr] = _engine.compile(pattern, *_unpacked(entry))
        except Exception:  # an entry the engine refuses: compile afresh
            pass
        else:
            hits += 1
            return compiled
    compiled = re.compile(pattern, flags)
    kept = _checked_opcodes(pattern, int(flags), compiled)
    if kept is not None:
        _keep(key, kept)
    return compiled


def prime() -> None:
    """Give ``re``'s own cache the patterns that other modules (the standard library's, Jinja's,
    lxml's) compiled at import or use in earlier runs, so that their ``re.compile`` finds them
    compiled: some fifty patterns, a fifteenth of a one-page render. The command line calls this
    before it imports them; at exit, the patterns they compiled in this run are kept for the next.

    Nothing happens where ``re`` keeps no such cache (``re._cache``, a dict keyed by pattern type,
    pattern and flags) or the store is off; a kept pattern went through the same check as any
    other (equal to ``re.compile``'s)."""
    global primed
    store = _load()
    cache = getattr(re, "_cache", None)
    if store is None or not isinstance(cache, dict):
        return
    for key in _foreign:
        entry = store.get(key)
        pattern, flags = key
        if entry is None or (pattern.__class__, pattern, flags) in cache:
            continue
        try:
            cache[pattern.__class__, pattern, flags] = _engine.compile(pattern, *_unpacked(entry))
        except Exception:  # an entry the engine refuses: re compiles it afresh
            continue
        primed += 1
    atexit.register(_learn, cache)


def _learn(cache: dict[tuple[type, str | bytes, int], re.Pattern[Any]]) -> None:
    """Keep the patterns that other modules compiled in this run and still hold (module constants:
    see :func:`prime`), then save. A pattern only ``re``'s cache holds was compiled for one call
    (``re.match(...)``, ``fnmatch`` of a user's glob): priming it would rarely pay."""
    global _dirty
    if _store is None:
        return
    if len(_foreign) >= MAX_FOREIGN:  # grown with the modules of many versions: start afresh
        _foreign.clear()
    for (kind, pattern, flags), compiled in list(cache.items()):
        key = (pattern, flags)
        if (
            kind not in (str, bytes)  # lxml's EXSLT patterns are its own str type, kept under it
            or flags.__class__ is not int
            or flags & re.DEBUG
            or key in _foreign
            or key in _own
            or len(_foreign) >= MAX_FOREIGN
            or sys.getrefcount(compiled) <= _CACHE_REFS
        ):
            continue
        kept = _checked_opcodes(pattern, flags, compiled)
        if kept is not None and len(_store) < MAX_KEPT:
            _store[key] = kept
            _foreign.add(key)
            _dirty = True
    save()


def _checked_opcodes(pattern: str | bytes, flags: int, compiled: re.Pattern[Any]) -> _Entry | None:
    """:func:`_opcodes` of ``pattern``, when the engine builds from them a pattern equal to
    ``compiled`` (``re.compile``'s): the only entries the store keeps."""
    kept = _opcodes(pattern, flags)
    try:
        same = kept is not None and _engine.compile(pattern, *_unpacked(kept)) == compiled
    except Exception:
        same = False
    return kept if same else None


def _opcodes(pattern: str | bytes, flags: int) -> _Entry | None:
    """What ``re._compiler.compile`` hands the engine, without the engine's call."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = array.array(_WORD, _compiler._code(parsed, flags)).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:
        return None


def _unpacked(entry: _Entry) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    flags, code, groups, groupindex, indexgroup = entry
    return flags, array.array(_WORD, code).tolist(), groups, groupindex, indexgroup


def _keep(key: _Key, entry: _Entry) -> None:
    global _dirty
    if _store is None or len(_store) >= MAX_KEPT:
        return
    _store[key] = entry
    if not _dirty:
        _dirty = True
        atexit.register(save)


def _load() -> dict[_Key, _Entry] | None:
    global _store, _path, _engine, _parser, _compiler
    if _store is not None:
        return _store
    if _path == "":  # tried, and caching is off or impossible here
        return None
    _path = ""
    if sys.implementation.name != "cpython" or not cachedir.enabled():
        return None
    try:
        _engine = importlib.import_module("_sre")
        _parser = importlib.import_module("re._parser")
        _compiler = importlib.import_module("re._compiler")
        tag = f"{sys.implementation.cache_tag}-{_engine.MAGIC}-{_engine.CODESIZE}-{marshal.version}"
        if array.array(_WORD).itemsize != _engine.CODESIZE:
            return None
    except (ImportError, AttributeError):
        return None
    folder = cachedir.folder("regex")
    if folder is None:
        return None
    _path = os.path.join(folder, f"{tag}.marshal")
    store: dict[_Key, _Entry] = {}
    with contextlib.suppress(Exception):  # missing, unreadable, truncated, or not ours: start afresh
        with open(_path, "rb") as f:
            loaded = marshal.loads(f.read())  # marshal.load reads a file in small pieces: 10x slower
        if isinstance(loaded, dict) and len(loaded) <= MAX_KEPT + 1:
            foreign = loaded.pop(_FOREIGN, ())
            store = loaded
            if isinstance(foreign, tuple):
                _foreign.update(k for k in foreign if isinstance(k, tuple) and k in store)
    _store = store
    return _store


def save() -> None:
    """Write the patterns compiled in this run to the store (at exit; atomic, errors ignored)."""
    global _dirty
    if not _dirty or _store is None or not _path:
        return
    _dirty = False
    import tempfile

    folder = os.path.dirname(_path)
    with contextlib.suppress(OSError, ValueError):
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                kept: dict[Any, Any] = dict(_store)
                if _foreign:
                    kept[_FOREIGN] = tuple(sorted(_foreign, key=repr))
                marshal.dump(kept, f)
            os.replace(tmp, _path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
