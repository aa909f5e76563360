"""Which certificates the server check trusts: the operating system's store, through truststore.

Windows and macOS verify with their own APIs (so a certificate the académie installed on the PC for its
TLS-inspecting proxy is trusted like in the browser); on Linux truststore uses OpenSSL's default paths,
which honour SSL_CERT_FILE and SSL_CERT_DIR, and falls back to the usual distribution bundles when the
bundled OpenSSL's own paths are empty (inside the PyInstaller bundle). Python's default context, by contrast,
trusts only OpenSSL's paths – nothing at all inside a macOS bundle.

Each system reports a failed verification with its own codes; `certificate_problem` turns them into the three
cases the admin is told apart: expired (or not yet valid), issued for another name, or not trusted.
"""
from __future__ import annotations

import ssl

import truststore

# OpenSSL's X509_V_ERR_* (Linux), Windows' CERT_E_* HRESULTs (as the unsigned DWORD truststore reports, and
# signed), macOS' errSec* codes. The three families never overlap.
_EXPIRED = frozenset({
    9, 10,  # certificate not yet valid, has expired
    0x800B0101, 0x800B0101 - 2**32,  # CERT_E_EXPIRED (outside its validity period, either side)
    -67818, -67819,  # errSecCertificateExpired, errSecCertificateNotValidYet
})
_WRONG_HOST = frozenset({
    62, 64,  # hostname mismatch, IP address mismatch
    0x800B010F, 0x800B010F - 2**32,  # CERT_E_CN_NO_MATCH
    -67602,  # errSecHostNameMismatch
})


def system_context() -> ssl.SSLContext:
    """A client context that verifies certificates and host names against the operating system's store."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def certificate_problem(error: ssl.SSLCertVerificationError) -> str:
    """cert_expired, cert_wrong_host or cert_untrusted."""
    code = getattr(error, "verify_code", None)
    if code in _EXPIRED:
        return "cert_expired"
    if code in _WRONG_HOST:
        return "cert_wrong_host"
    return "cert_untrusted"
