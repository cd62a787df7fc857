"""scale stage package."""
