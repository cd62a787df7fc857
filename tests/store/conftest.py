"""Store test fixtures: the hand-coded corpus in a fresh store, and an in-process CLI runner (see storedocs)."""

from storedocs import cli, db, docs  # noqa: F401
