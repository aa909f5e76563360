"""Writing to the terminal from the headless commands, whatever the console and whatever the text.

- Text from outside (file names, CSV headers, the server's school name, a server's error page) may carry escape
  sequences that would move the cursor, change colours or retitle the terminal: `clean()` turns every control
  character except line breaks and tabs into a visible `\\xNN`/`\\u` escape.
- A console that cannot encode French (a Windows console in cp850 or cp1252 meets « ’ » or « – », or a
  `LC_ALL=C` terminal with `PYTHONUTF8=0`) must never end a command with UnicodeEncodeError: what it cannot show
  is replaced, the rest is printed.
"""
from __future__ import annotations

import sys
from typing import Protocol

from wizard.core.typography import plain


class Stream(Protocol):
    """What `write` writes to: a console stream, or whatever argparse hands its help to."""

    def write(self, text: str, /) -> object: ...


def write(stream: Stream | None, text: str) -> None:
    """Write `text` to `stream`, replacing what its encoding cannot show; never raises on encoding."""
    if stream is None:  # no console at all (Windows GUI script): nothing to show, nothing to fail
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        # French typography's non-breaking spaces become plain ones before anything is replaced by « ? ».
        text = plain(text).encode(encoding, errors="replace").decode(encoding, errors="replace")
    except LookupError:
        pass  # an encoding Python does not know: the stream's own error handler decides
    try:
        stream.write(text)
        flush = getattr(stream, "flush", None)  # a console stream has one; any writable will do
        if flush is not None:
            flush()
    except (OSError, ValueError):
        pass  # a closed pipe (`| head`) or a closed stream: the exit code still tells


def out(text: str) -> None:
    """A line (or lines) of the command's result on stdout; a final newline is added when missing."""
    write(sys.stdout, text if text.endswith("\n") else text + "\n")


def err(text: str) -> None:
    """A French sentence for the admin on stderr; a final newline is added when missing."""
    write(sys.stderr, text if text.endswith("\n") else text + "\n")


def make_streams_safe() -> None:
    """Make stdout and stderr replace what their encoding cannot show, for every write of the process
    (argparse's help, a stray print). Called once by the commands' entry point."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
