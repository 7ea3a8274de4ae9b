"""``python -m threads``: the same as the ``threads`` command."""

from .cli import main

main(prog_name="threads")
