"""Pick the tokens a once-a-day refresh job must renew.

Access tokens expire after a short time; a refresh token can be exchanged for
a new one. A job that runs every ``run_every`` must renew every access token
that would expire before its next run, or that user's session lapses. A token
whose refresh token has already expired cannot be renewed: that user must
sign in again. A token is valid strictly before its ``*_expires_at`` instant.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


def _require_aware(name: str, value: datetime) -> None:
    # Naive datetimes cannot be compared with aware ones, and guessing their
    # time zone would move every expiry by hours.
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {value!r}")


@dataclass(frozen=True)
class StoredToken:
    user_id: str
    access_expires_at: datetime
    refresh_expires_at: datetime

    def __post_init__(self) -> None:
        _require_aware("access_expires_at", self.access_expires_at)
        _require_aware("refresh_expires_at", self.refresh_expires_at)


def tokens_to_refresh(
    tokens: Iterable[StoredToken],
    now: datetime,
    run_every: timedelta = timedelta(days=1),
) -> list[StoredToken]:
    """Tokens to refresh in this run: access or refresh token expires by the next run, refresh still valid.

    A refresh also renews the refresh token, so one that would lapse before the next run is
    renewed now even if its access token would still be valid.
    """
    _require_aware("now", now)
    if run_every <= timedelta(0):
        raise ValueError("run_every must be positive")
    next_run = now + run_every
    return [
        t for t in tokens if min(t.access_expires_at, t.refresh_expires_at) <= next_run and t.refresh_expires_at > now
    ]


def expired(tokens: Iterable[StoredToken], now: datetime) -> list[StoredToken]:
    """Tokens whose refresh token has expired: ask these users to sign in again."""
    _require_aware("now", now)
    return [t for t in tokens if t.refresh_expires_at <= now]
