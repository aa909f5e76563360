"""Keyed hashes: how the progress remembers identifiers without keeping them.

The key is random per school and kept apart from the progress file (keys.py), so a hash cannot be reversed by
trying identifiers – ENT logins are built from names – without that key (a plain SHA-256 of a 16-character PRONOTE
identifier could be).
"""
from __future__ import annotations

import hashlib
import hmac


def keyed_hash(key_hex: str, ident: str) -> str:
    """A 32-hex-digit HMAC-SHA-256 of an identifier; identifiers are compared case-sensitively, as PRONOTE does."""
    # surrogatepass: an identifier from a hostile file is hashed the same every time instead of failing.
    data = ident.strip().encode("utf-8", "surrogatepass")
    return hmac.new(bytes.fromhex(key_hex), data, hashlib.sha256).hexdigest()[:32]
