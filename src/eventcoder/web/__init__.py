"""web stage package."""
