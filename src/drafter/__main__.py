"""`python -m drafter` does what the `drafter` command does."""

from drafter.cli import main

raise SystemExit(main())
