"""Run the command line in this process, as a user's shell would: arguments in, exit status and
what went to stdout and stderr out (standard input given as text or bytes)."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from threads.cli import main


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def invoke(args: Sequence[str], input: str | bytes | None = None) -> Result:
    data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    streams = {
        name: io.TextIOWrapper(io.BytesIO(data if name == "stdin" else b""), encoding="utf-8", newline="")
        for name in ("stdin", "stdout", "stderr")
    }
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = streams["stdin"], streams["stdout"], streams["stderr"]
    try:
        main(list(args))
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    out, err = streams["stdout"], streams["stderr"]
    out.flush()
    err.flush()
    text = [s.buffer.getvalue().decode("utf-8", "replace") for s in (out, err)]  # type: ignore[attr-defined]
    return Result(code, text[0], text[1])
