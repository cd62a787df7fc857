"""geo stage package."""
