"""PKCE helpers (RFC 7636) for apps that cannot keep a client secret.

Browser, mobile and desktop apps send a one-time ``code_challenge`` with the
authorization request and the matching ``code_verifier`` when they exchange
the code for tokens. Someone who intercepts the code cannot redeem it without
the verifier, which is sent only with that exchange.
"""

import base64
import hashlib
import re
import secrets
import string

# RFC 7636 section 4.1: the "unreserved" characters, 43 to 128 of them.
UNRESERVED = string.ascii_letters + string.digits + "-._~"
MIN_LENGTH, MAX_LENGTH = 43, 128
_VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")


def make_code_verifier(length: int = 64) -> str:
    """Return a fresh random verifier; keep it until the token exchange."""
    if not MIN_LENGTH <= length <= MAX_LENGTH:
        raise ValueError(f"length must be {MIN_LENGTH}..{MAX_LENGTH}, got {length}")
    # secrets, not random: the verifier must be unguessable.
    return "".join(secrets.choice(UNRESERVED) for _ in range(length))


def code_challenge(verifier: str) -> str:
    """Return the S256 challenge: BASE64URL(SHA256(ASCII(verifier))), unpadded."""
    if not _VERIFIER.fullmatch(verifier):
        raise ValueError("verifier must be 43..128 characters of A-Z a-z 0-9 - . _ ~")
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
