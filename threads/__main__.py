"""The ``threads`` command (and ``python -m threads``)."""

import gc


def main() -> None:
    """Run the command line. The cyclic garbage collector stays off while it starts: loading some
    hundred modules makes many long-lived objects, and collecting walked them again and again (a
    twentieth of a one-page render). One page leaves little garbage before the process ends;
    batches turn the collector back on (:func:`threads.cli.collect_garbage`)."""
    gc.disable()
    from . import rx
    from .cli import main as cli

    cli(before_run=rx.prime)  # re is primed before the modules whose patterns it holds are imported


if __name__ == "__main__":
    main()
