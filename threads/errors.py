"""The package's exceptions (one base, each also the builtin it stands for) and the error policy
that keeps a bug in one reader from taking down a page or a batch."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Literal, TypeVar

__all__ = [
    "ERROR_POLICIES",
    "EngineProblem",
    "ErrorPolicy",
    "InternalError",
    "TemplateProblem",
    "ThreadsError",
    "TimedOut",
    "UnreadableInput",
]

T = TypeVar("T")


class ThreadsError(Exception):
    """Base of every error this package raises on purpose."""


class UnreadableInput(ThreadsError, ValueError):
    """The input could not be read or decoded; the message names the input and why."""


class TemplateProblem(ThreadsError, RuntimeError):
    """A template could not be found, compiled or rendered; the message names it and the line."""


class TimedOut(ThreadsError, TimeoutError):
    """An input took longer than the time allowed for it; the message names the input."""


def unreadable_file(path: object, error: OSError, *, kind: str) -> UnreadableInput:
    """The one-line error for a file that cannot be opened or read; ``kind`` is what it should have
    been ("a page", "a web archive")."""
    if isinstance(error, FileNotFoundError):
        why = "no such file"
    elif isinstance(error, IsADirectoryError):
        why = f"is a directory, not {kind}"
    elif isinstance(error, PermissionError):
        why = "permission denied"
    else:
        why = error.strerror or str(error)
    return UnreadableInput(f"{path}: {why}")


class InternalError(ThreadsError, RuntimeError):
    """A bug met while reading one input (a reader raised what it never should): the message names
    the input and the reader; the original exception is its ``__cause__``."""


ErrorPolicy = Literal["fail", "log", "ignore", "strict"]
ERROR_POLICIES: tuple[ErrorPolicy, ...] = ("fail", "log", "ignore", "strict")
"""What an internal error in one reader (an embed extractor, a scraper) does, as extruct wraps each
syntax: ``fail`` the input with a one-line :class:`InternalError` (a batch goes on with the next
input), ``log`` that line as a warning and keep what the other readers found, ``ignore`` it and keep
the rest without a word, or raise it as it is (``strict``: the test suite's setting)."""
POLICY_VARIABLE = "THREADS_ERRORS"
"""The environment variable that sets the default policy (the test suite sets ``strict``)."""

_log = logging.getLogger(__name__)


def default_policy() -> ErrorPolicy:
    """``$THREADS_ERRORS`` when it names a policy, else ``fail``."""
    value = os.environ.get(POLICY_VARIABLE, "").strip().lower()
    for policy in ERROR_POLICIES:
        if value == policy:
            return policy
    return "fail"


def internal(location: str, reader: str | None, error: BaseException) -> InternalError:
    """The one-line InternalError for ``error``, raised by ``reader`` (None: elsewhere) on ``location``."""
    detail = " ".join(str(error).split())[:200]
    what = type(error).__name__ + (f": {detail}" if detail else "")
    where = f" in {reader}" if reader else ""
    return InternalError(f"{location}: internal error{where} ({what}); please report it")


def guarded(reader: str, read: Callable[[], Iterable[T]], *, location: str, policy: ErrorPolicy) -> list[T]:
    """``list(read())`` under ``policy``: an exception that is no :class:`ThreadsError` (a bug)
    raises an :class:`InternalError` naming ``reader`` (``fail``), or is logged (``log``) or passed
    over (``ignore``) with nothing kept from ``reader``, or is raised as it is (``strict``).
    A ThreadsError (a time limit running out, an input that cannot be read) always goes through."""
    try:
        return list(read())
    except ThreadsError:
        raise
    except Exception as e:
        if policy == "strict":
            raise
        error = internal(location, reader, e)
        _log.debug("%s", error, exc_info=e)
        if policy == "fail":
            raise error from e
        if policy == "log":
            _log.warning("%s; going on without it", error)
        return []


@contextmanager
def one_input(location: str, policy: ErrorPolicy) -> Iterator[None]:
    """Around all the work on one input (reading, finding, rendering): an exception that is no
    ThreadsError becomes an :class:`InternalError` naming ``location``, so that a batch goes on;
    under ``strict`` it is raised as it is."""
    try:
        yield
    except ThreadsError:
        raise
    except Exception as e:
        if policy == "strict":
            raise
        error = internal(location, None, e)
        _log.debug("%s", error, exc_info=e)  # the traceback, for -vv
        raise error from e


class EngineProblem(ThreadsError, RuntimeError):
    """A batch cannot run on the engine asked for: Dask or pyarrow missing, a scheduler that cannot be
    reached or that went away; the message says which and what to do."""
