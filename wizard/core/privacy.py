"""Keyed hashes: how the progress remembers identifiers without keeping them.

The key is random per school and stays in the local progress file, so a hash cannot be reversed by trying
identifiers without that key (a plain SHA-256 of a 16-character PRONOTE identifier could be).
"""
from __future__ import annotations

import os


def random_hex(size: int) -> str:
    """`size` random bytes from the OS's cryptographic source, in hex (what `secrets.token_hex` does, without
    loading hmac and OpenSSL when the first window opens: bench/startup.py)."""
    return os.urandom(size).hex()


def new_hash_key() -> str:
    return random_hex(32)


def keyed_hash(key_hex: str, ident: str) -> str:
    """A 32-hex-digit HMAC-SHA-256 of an identifier; identifiers are compared case-sensitively, as PRONOTE does."""
    import hashlib
    import hmac

    # surrogatepass: an identifier from a hostile file is hashed the same every time instead of failing.
    data = ident.strip().encode("utf-8", "surrogatepass")
    return hmac.new(bytes.fromhex(key_hex), data, hashlib.sha256).hexdigest()[:32]
