"""Text structure: sentences and what kind each one is (title, body, caption, boilerplate, quote)."""
