"""dates stage package."""
