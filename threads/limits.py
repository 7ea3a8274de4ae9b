"""A time bound per input, so that one pathological page cannot stall a batch.

The bound is a ``SIGALRM`` timer, which Python checks between bytecodes: it stops runaway Python
work (a scraper looping over a huge page), not a single long call inside C. It applies only in the
main thread of a process on a system with ``SIGALRM`` (the CLI and its batch workers); elsewhere
the block runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import TimedOut

LONGEST = 1e8
"""Seconds (about three years) from which a limit is no limit: the system's timer cannot count so far."""


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise :class:`TimedOut` naming ``what`` if the block runs longer than ``seconds``."""
    usable = (
        seconds is not None
        and 0 < seconds < LONGEST
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimedOut(f"{what}: gave up after {seconds:g} s (time limit per input)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
