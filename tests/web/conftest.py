"""Web test fixtures: the hand-coded corpus in a fresh store (see storedocs)."""

from storedocs import db, docs  # noqa: F401
