"""The ``threads`` command (and ``python -m threads``)."""

from .cli import main

if __name__ == "__main__":
    main()
