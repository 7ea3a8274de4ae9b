"""The user's cache folder for what ``threads`` keeps between runs (compiled templates and
regular expressions): ``$XDG_CACHE_HOME/threads`` (else ``~/.cache/threads``), private to the user.
``THREADS_NO_CACHE`` (set to anything) turns every cache off."""

from __future__ import annotations

import os
from pathlib import Path


def enabled() -> bool:
    return not os.environ.get("THREADS_NO_CACHE")


def folder(name: str) -> Path | None:
    """``<cache>/threads/<name>``, made private (0700) when missing; ``None`` when caching is off,
    or the folder cannot be made, is not the user's own, or cannot be written."""
    if not enabled():
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "threads" / name
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.stat().st_uid != os.getuid() or not os.access(path, os.W_OK):
            return None  # not ours to trust or to write
    except OSError:
        return None
    return path
