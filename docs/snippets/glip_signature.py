"""Check that an interactive-message event really comes from RingCentral.

RingCentral signs every event it posts to your outbound webhook URL with the
header ``X-Glip-Signature: sha1=<hex>``: an HMAC-SHA1 of the request body,
keyed with the app's shared secret. Reject any request that fails this check
before acting on it.
"""

import hashlib
import hmac
from collections.abc import Mapping

HEADER = "x-glip-signature"
PREFIX = "sha1="


def is_authentic(body: bytes, headers: Mapping[str, str], shared_secret: str) -> bool:
    """Return True only if ``body`` carries a valid signature for ``shared_secret``.

    ``body`` must be the raw bytes as received: parsing and re-serializing the
    JSON can change them (spacing, key order, escapes) and break the check.
    """
    if not shared_secret:
        return False  # an empty key is one anybody can sign with
    # HTTP header names are case-insensitive; a duplicated header is suspicious.
    values = [value for name, value in headers.items() if name.lower() == HEADER]
    if len(values) != 1 or not values[0].startswith(PREFIX):
        return False
    received = values[0][len(PREFIX) :].lower().encode("utf-8")
    expected = hmac.new(shared_secret.encode("utf-8"), body, hashlib.sha1)
    # compare_digest takes the same time wherever the first difference is.
    return hmac.compare_digest(expected.hexdigest().encode("ascii"), received)
