"""The total deadline and the Cancel button, held over every blocking call of one check.

Socket timeouts alone cannot: a server (or a proxy) that sends one byte a second resets them forever, and
getaddrinfo ignores them. A watcher thread shuts the current socket down when time is up or Cancel is pressed,
which wakes whatever call is blocked on it on Linux and macOS; Windows does not promise that a shutdown wakes a
blocked receive (under Wine it does not: Cancel waited for the socket's timeout), but closing the socket cancels
every blocking call on it, so there the watcher closes it too. The socket timeouts stay as a second line.

The guard also remembers which limit bounded the current blocking call – the connect timeout or the total
deadline – so that a message says the delay that truly expired (« 15 s », not « 5 s » after 15 s).
"""
from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Callable

from wizard.core.errors import Cancelled

WATCH_INTERVAL = 0.05  # how often the watcher looks at the deadline and the Cancel button


class Guard:
    def __init__(self, total_timeout: float, cancelled: Callable[[], bool] | None):
        self.total = total_timeout
        self.deadline = time.monotonic() + total_timeout
        self.limit = total_timeout  # seconds of the limit that bounds the current blocking call
        self._cancelled = cancelled or (lambda: False)
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._stop = threading.Event()
        self.tripped = ""  # "", "timeout" or "cancelled"
        self._watcher = threading.Thread(target=self._watch, name="probe-deadline", daemon=True)

    def __enter__(self) -> Guard:
        self._watcher.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._watcher.join()

    def io_timeout(self, cap: float | None = None) -> float:
        """The timeout for the next blocking call: what is left of the deadline, or `cap` when shorter."""
        remaining = max(self.deadline - time.monotonic(), 0.001)
        if cap is not None and cap < remaining:
            self.limit = cap
            return cap
        self.limit = self.total
        return remaining

    def check(self) -> None:
        """Between steps: stop here if Cancel was pressed or the time is up."""
        if self.tripped == "cancelled" or self._cancelled():
            raise Cancelled()
        if self.tripped == "timeout" or time.monotonic() >= self.deadline:
            self.tripped = self.tripped or "timeout"
            raise TimeoutError("deadline")

    def check_tripped(self) -> None:
        """After a call returned: an EOF or error caused by the watcher is not the server's doing."""
        if self.tripped == "cancelled":
            raise Cancelled()
        if self.tripped == "timeout":
            raise TimeoutError("deadline")

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock

    def release(self, sock: socket.socket) -> None:
        with self._lock:  # never close while the watcher is shutting the same socket down
            if self._sock is sock:
                self._sock = None
            sock.close()

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_INTERVAL):
            if self._cancelled():
                self._trip("cancelled")
            elif time.monotonic() >= self.deadline:
                self._trip("timeout")
            if self.tripped:
                return

    def _trip(self, why: str) -> None:
        with self._lock:
            self.tripped = why
            if self._sock is not None:
                try:
                    # The plain-socket shutdown, also for a TLS socket: it only wakes the blocked reader.
                    socket.socket.shutdown(self._sock, socket.SHUT_RDWR)
                except OSError:
                    pass
                if _platform() == "win32":
                    # What wakes a blocked receive on Windows; the reader then meets `tripped`. Not sock.close(),
                    # which waits for http.client's file object to let go: the handle itself, now.
                    socket.close(self._sock.detach())


def _platform() -> str:
    return sys.platform
