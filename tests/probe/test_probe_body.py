"""The body of the server's answer, read the way every supported Python's http.client hands it over.

Python ≥ 3.13's HTTPResponse closes the connection – the socket underneath with it – as soon as it has read the
last byte Content-Length announced (3.12 and older wait for the next read). The transport set a timeout on the
socket before every read: on 3.13 that call met a closed socket, and every PRONOTE server was « impossible à
joindre ». The response here behaves as 3.13's does, on whatever Python runs the test; the whole probe suite,
run by the Windows stage on CPython 3.13, checks the real http.client too.
"""
from __future__ import annotations

import socket

from wizard.core.probe.client import _read_body
from wizard.core.probe.guard import Guard


class ClosingResponse:
    """http.client.HTTPResponse as Python 3.13 reads a body with Content-Length: the read that takes the last
    announced byte closes the connection."""

    def __init__(self, body: bytes, sock: socket.socket):
        self._left = body
        self._sock = sock

    def isclosed(self) -> bool:
        return self._sock.fileno() == -1

    def read1(self, n: int = -1) -> bytes:
        if self.isclosed():
            return b""
        chunk, self._left = self._left[: n if n >= 0 else None], self._left[n if n >= 0 else len(self._left):]
        if not self._left:
            self._sock.close()
        return chunk


def read(body: bytes, max_body: int = 1_000_000) -> tuple[bytes, bool]:
    ours, theirs = socket.socketpair()
    try:
        with Guard(5.0, None) as guard:
            return _read_body(ClosingResponse(body, ours), {"content-length": str(len(body))}, ours, guard,
                              max_body, "127.0.0.1")
    finally:
        ours.close()
        theirs.close()


def test_a_body_whose_last_read_closes_the_connection_is_read_whole():
    assert read(b'{"nomEtablissement": "COLLEGE VIA DOMITIA"}') == (b'{"nomEtablissement": "COLLEGE VIA DOMITIA"}',
                                                                    False)


def test_a_body_of_several_chunks_whose_last_read_closes_the_connection():
    body = bytes(range(256)) * 1024  # 256 kB: four reads of 64 kB, the last one closing
    assert read(body) == (body, False)

