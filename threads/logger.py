"""Logging that loads :mod:`logging` only when something is worth saying (``threads.logger``).

Most runs say nothing, and importing :mod:`logging` was 3% of a one-page render. A :class:`Logger`
stands for ``logging.getLogger(name)``: a debug or info message is dropped unseen while nothing has
imported :mod:`logging` (then nothing configured it, and below WARNING nothing would show); any other
message, or any message once :mod:`logging` is loaded, goes to the real logger. The command line's
configuration (:func:`configure`) is applied when :mod:`logging` is first needed.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

DEBUG, INFO, WARNING = 10, 20, 30

_pending: dict[str, Any] | None = None
"""``logging.basicConfig`` arguments the command line asked for, not yet applied."""


def configure(verbosity: int) -> None:
    """The command line's logging: warnings, and info (``-v``) or debug (``-vv``) messages, on stderr
    as ``threads: LEVEL: message``."""
    global _pending
    level = WARNING - 10 * min(verbosity, 2)
    _pending = {"level": level, "format": "threads: %(levelname)s: %(message)s", "stream": sys.stderr}
    if level < WARNING:
        _logging()


def _logging() -> ModuleType:
    global _pending
    import logging

    if _pending is not None:
        settings, _pending = _pending, None
        logging.basicConfig(**settings)
    return logging


class Logger:
    """``logging.getLogger(name)``, loaded on first use (see the module's text)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def debug(self, msg: str, *args: object) -> None:
        self._log(DEBUG, msg, args)

    def info(self, msg: str, *args: object) -> None:
        self._log(INFO, msg, args)

    def warning(self, msg: str, *args: object) -> None:
        self._log(WARNING, msg, args)

    def _log(self, level: int, msg: str, args: tuple[object, ...]) -> None:
        if level < WARNING and "logging" not in sys.modules:
            return  # (configure() loads logging when it asks for more than warnings)
        logger = _logging().getLogger(self.name)
        if logger.isEnabledFor(level):
            logger.log(level, msg, *args, stacklevel=3)


def get(name: str) -> Logger:
    return Logger(name)
