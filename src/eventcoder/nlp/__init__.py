"""The NLP backbone: eventcoder's own trained spaCy pipeline, loaded once per process."""
