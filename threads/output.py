"""output: writing a rendered file, the one way every command does it.

- Atomically: the text goes to a temporary file beside the target, renamed over it when complete,
  so a reader (or ``--skip-existing``) never sees half a file.
- Never through a symbolic link: the folders between an output folder and the file are opened one
  by one without following links, so a link planted inside the output folder cannot send a file
  elsewhere; a link at the target's own name is replaced by the file, not written through.
- With the modes a user expects: a new file gets what the umask gives (``0666 & ~umask``, as any
  program's ``open()``), a replaced file keeps its mode.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path, PurePath

_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIR_FDS = os.mkdir in os.supports_dir_fd and os.open in os.supports_dir_fd and bool(_NOFOLLOW)


class LinkInTheWay(OSError):
    """A folder on the way to an output file is a symbolic link."""


def _link(path: Path) -> LinkInTheWay:
    return LinkInTheWay(errno.ELOOP, f"{path} is a symbolic link; nothing is written through one")


def write_atomic(target: Path, text: str | bytes, *, within: Path | None = None) -> None:
    """Write ``text`` (UTF-8; or bytes, as they are) to ``target``: see the module's docstring.

    ``within``: the output folder ``target`` lies under; the folders between are made as needed
    and none of them may be a symbolic link (``within`` itself may be: the user named it).
    """
    root = within if within is not None else target.parent
    parts = PurePath(os.path.relpath(target.parent, root)).parts if within is not None else ()
    parts = tuple(p for p in parts if p != ".")
    if any(p == ".." for p in parts):
        raise ValueError(f"{target} is not inside {within}")
    root.mkdir(parents=True, exist_ok=True)
    if not _DIR_FDS:  # no dir_fd on this system: check each folder by name (less strict)
        _write_by_name(root, parts, target.name, text)
        return
    folder = _open_folders(root, parts)
    try:
        _write_in(folder, target.name, text)
    finally:
        os.close(folder)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` (its folders made as needed) for a writer that wants a
    path or streams into it, renamed over ``target`` when the block ends without an error, else
    removed; with the modes of :func:`write_atomic` (the umask's for a new file, a replaced file's
    own)."""
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() and not target.is_symlink() else None
    tmp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
    finally:
        os.close(fd)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _open_folders(root: Path, parts: tuple[str, ...]) -> int:
    """A descriptor of ``root/parts...``, each part made if missing and opened without following links."""
    fd = os.open(root, _FOLDER)
    path = root
    try:
        for part in parts:
            path = path / part
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, 0o777, dir_fd=fd)
            try:
                inner = os.open(part, _FOLDER | _NOFOLLOW, dir_fd=fd)
            except OSError as e:
                if e.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK) and os.path.islink(path):
                    raise _link(path) from None
                raise
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


def _write_in(folder: int, name: str, text: str | bytes) -> None:
    """Write ``name`` in the folder open as ``folder``: a temporary file, then a rename."""
    try:
        st: os.stat_result | None = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        st = None
    tmp = f".{name}.{secrets.token_hex(4)}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666, dir_fd=folder)
    try:
        if st is not None and stat.S_ISREG(st.st_mode):
            os.fchmod(fd, stat.S_IMODE(st.st_mode))  # a replaced file keeps its mode
        _fill(fd, text)
        os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=folder)
        raise


def _write_by_name(root: Path, parts: tuple[str, ...], name: str, text: str | bytes) -> None:
    folder = root
    for part in parts:
        folder = folder / part
        if folder.is_symlink():
            raise _link(folder)
        folder.mkdir(exist_ok=True)
    target = folder / name
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() and not target.is_symlink() else None
    tmp = folder / f".{name}.{secrets.token_hex(4)}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if mode is not None:
            os.chmod(tmp, mode)
        _fill(fd, text)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fill(fd: int, text: str | bytes) -> None:
    """Write ``text`` (as UTF-8) or bytes to the open file ``fd``, and close it."""
    if isinstance(text, bytes):
        with os.fdopen(fd, "wb") as raw:
            raw.write(text)
    else:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
