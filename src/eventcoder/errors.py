"""Errors a user can cause. The CLI prints their message as one line and exits 2; anything else is a bug."""


class EventcoderError(Exception):
    """Base of every error caused by the user's input; the message names the bad value."""


class InputNotFoundError(EventcoderError):
    """A path given on the command line does not exist."""


class NoArticlesError(EventcoderError):
    """A folder or file list holds no readable articles."""


class UnreadableInputError(EventcoderError):
    """The bytes are not text eventcoder can read (binary junk, unknown encoding, empty, too large)."""


class NotEnglishError(EventcoderError):
    """The article is not in English, the only language eventcoder codes."""


class BadRecordError(EventcoderError):
    """A JSONL line is not a JSON object with a text field."""


class BadDateError(EventcoderError):
    """A date given by the user is not a valid YYYY-MM-DD date."""


class StoreError(EventcoderError):
    """The event store is missing, corrupt or refuses the operation."""


class UnwritableOutputError(EventcoderError):
    """An output file cannot be created where the user asked (missing folder, no permission)."""
