"""Scale test fixtures (see scalecorpus)."""

from scalecorpus import corpus  # noqa: F401
