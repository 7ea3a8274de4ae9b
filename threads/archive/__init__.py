"""The archive: every post once, every article that quoted it, searchable, kept safe.

``threads archive ...`` keeps what many runs found in one SQLite database (see
:mod:`threads.archive.schema` for the tables). :class:`Archive` opens one;
:meth:`Archive.add` adds a source and what was found in it.
"""

from __future__ import annotations

from .schema import VERSION, ArchiveError
from .store import Added, Archive, default_path

__all__ = ["VERSION", "Added", "Archive", "ArchiveError", "default_path"]
