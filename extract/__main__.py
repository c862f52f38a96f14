"""``python -m extract``: the ``ankestat`` command."""

from extract.cli import main

raise SystemExit(main())
