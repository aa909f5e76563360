"""One error vocabulary for the whole project, caught by class, never by name (as httpx does).

- `UserError(message)`: something the admin must be told, as one French sentence (or two); the message never
  quotes a name or a birth date. Commands print it and exit non-zero; the background worker hands it to the page.
- `Cancelled`: the admin pressed Cancel; a job that notices `cancelled()` raises it, the worker reports
  « annulé », never a failure.
"""
from __future__ import annotations


class UserError(Exception):
    """A problem to tell the admin; `message` is French and free of personal data."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Cancelled(Exception):
    """The admin cancelled a long job (file analysis, matching, server check)."""
