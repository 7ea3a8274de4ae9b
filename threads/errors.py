"""The package's exceptions: one base, each also the builtin it stands for."""

from __future__ import annotations

__all__ = [
    "TemplateProblem",
    "ThreadsError",
    "TimedOut",
    "UnreadableInput",
]


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
