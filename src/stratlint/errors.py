"""Errors that stop a run with exit code 2 and one clear line."""


class StratlintError(Exception):
    """A usage, configuration or rule-pack problem. str() is the one line shown to the user."""


class ReadError(Exception):
    """A document could not be read or parsed; becomes an unreadable-file finding."""
