"""Settings for every test: nothing the suite does writes to the user's own cache folder, and a
bug in a reader raises as it is (the ``strict`` error policy) instead of failing its input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

# Before any Options is made, here and in the subprocesses the tests start (threads.errors).
os.environ["THREADS_ERRORS"] = "strict"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_folder() -> Iterator[None]:
    """Compiled templates (and anything else kept between runs) go to a folder of the test run's
    own, for this process and the subprocesses the tests start."""
    before = os.environ.get("XDG_CACHE_HOME")
    with tempfile.TemporaryDirectory(prefix="threads-test-cache-") as folder:
        os.environ["XDG_CACHE_HOME"] = folder
        try:
            yield
        finally:
            if before is None:
                del os.environ["XDG_CACHE_HOME"]
            else:
                os.environ["XDG_CACHE_HOME"] = before
