"""quotes stage package."""
