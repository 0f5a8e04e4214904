"""Tests for the code samples in docs/snippets/ (shown verbatim on the site)."""

import hashlib
import hmac
import importlib.util
import string
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

SNIPPETS = Path(__file__).resolve().parent.parent / "docs" / "snippets"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"snippet_{name}", SNIPPETS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pkce = _load("pkce")
glip = _load("glip_signature")
refresh = _load("refresh_job")

# --- pkce.py -----------------------------------------------------------------

UNRESERVED = set(string.ascii_letters + string.digits + "-._~")


def test_rfc7636_appendix_b_vector() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert pkce.code_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


@given(st.integers(min_value=43, max_value=128))
def test_verifier_length_and_alphabet(length: int) -> None:
    verifier = pkce.make_code_verifier(length)
    assert len(verifier) == length
    assert set(verifier) <= UNRESERVED
    challenge = pkce.code_challenge(verifier)  # every generated verifier is accepted
    assert len(challenge) == 43 and "=" not in challenge


def test_default_verifier_length() -> None:
    assert len(pkce.make_code_verifier()) == 64


@pytest.mark.parametrize("length", [0, 42, 129])
def test_bad_verifier_length_rejected(length: int) -> None:
    with pytest.raises(ValueError):
        pkce.make_code_verifier(length)
    with pytest.raises(ValueError):
        pkce.code_challenge("a" * length)


@pytest.mark.parametrize("bad", [" ", "+", "/", "=", "é", "\n"])
def test_bad_verifier_character_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        pkce.code_challenge("a" * 50 + bad)


def test_verifier_length_boundaries_accepted() -> None:
    assert pkce.code_challenge("a" * 43)
    assert pkce.code_challenge("~" * 128)


def test_two_verifiers_differ() -> None:
    assert pkce.make_code_verifier() != pkce.make_code_verifier()


# --- glip_signature.py -------------------------------------------------------

SECRET = "s3cr3t-shared"
BODY = b'{"type":"button_submit","data":{"action":"approve"},"user":{"id":"42"}}'


def _sign(body: bytes, secret: str = SECRET) -> str:
    return "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def test_signed_body_accepted() -> None:
    assert glip.is_authentic(BODY, {"X-Glip-Signature": _sign(BODY)}, SECRET)


def test_uppercase_hex_accepted() -> None:
    assert glip.is_authentic(BODY, {"X-Glip-Signature": "sha1=" + _sign(BODY)[5:].upper()}, SECRET)


def test_tampered_body_rejected() -> None:
    tampered = BODY.replace(b"approve", b"reject!")
    assert not glip.is_authentic(tampered, {"X-Glip-Signature": _sign(BODY)}, SECRET)


def test_reserialized_body_rejected() -> None:
    # Same JSON value, different bytes: the signature covers the raw bytes.
    spaced = BODY.replace(b":", b": ")
    assert not glip.is_authentic(spaced, {"X-Glip-Signature": _sign(BODY)}, SECRET)


def test_wrong_secret_rejected() -> None:
    headers = {"X-Glip-Signature": _sign(BODY, "another-secret")}
    assert not glip.is_authentic(BODY, headers, SECRET)


def test_empty_secret_rejected() -> None:
    assert not glip.is_authentic(BODY, {"X-Glip-Signature": _sign(BODY, "")}, "")


def test_missing_header_rejected() -> None:
    assert not glip.is_authentic(BODY, {"Content-Type": "application/json"}, SECRET)


@pytest.mark.parametrize("value", [_sign(BODY)[5:], "sha256=" + _sign(BODY)[5:], "SHA1" + _sign(BODY)[4:]])
def test_header_without_sha1_prefix_rejected(value: str) -> None:
    assert not glip.is_authentic(BODY, {"X-Glip-Signature": value}, SECRET)


@pytest.mark.parametrize("name", ["x-glip-signature", "X-GLIP-SIGNATURE", "x-Glip-signaturE"])
def test_header_name_case_insensitive(name: str) -> None:
    assert glip.is_authentic(BODY, {name: _sign(BODY)}, SECRET)


def test_duplicate_header_rejected() -> None:
    headers = {"X-Glip-Signature": _sign(BODY), "x-glip-signature": "sha1=00"}
    assert not glip.is_authentic(BODY, headers, SECRET)


def test_non_ascii_signature_rejected() -> None:
    assert not glip.is_authentic(BODY, {"X-Glip-Signature": "sha1=é"}, SECRET)


# --- refresh_job.py ----------------------------------------------------------

NOW = datetime(2025, 3, 1, 2, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _token(user: str, access_in: timedelta, refresh_in: timedelta) -> "refresh.StoredToken":
    return refresh.StoredToken(user, NOW + access_in, NOW + refresh_in)


def test_due_token_refreshed() -> None:
    token = _token("due", timedelta(hours=1), timedelta(days=7))
    assert refresh.tokens_to_refresh([token], NOW) == [token]
    assert refresh.expired([token], NOW) == []


def test_access_already_expired_but_refresh_valid_is_refreshed() -> None:
    token = _token("late", -timedelta(hours=3), timedelta(days=2))
    assert refresh.tokens_to_refresh([token], NOW) == [token]


def test_token_not_due_left_alone() -> None:
    token = _token("fresh", DAY + timedelta(seconds=1), timedelta(days=7))
    assert refresh.tokens_to_refresh([token], NOW) == []
    assert refresh.expired([token], NOW) == []


def test_expired_refresh_token_not_refreshed() -> None:
    token = _token("lost", -timedelta(hours=1), -timedelta(seconds=1))
    assert refresh.tokens_to_refresh([token], NOW) == []
    assert refresh.expired([token], NOW) == [token]


def test_boundary_access_expires_exactly_at_next_run() -> None:
    # At the next run this access token is already invalid, so refresh it now.
    token = _token("edge", DAY, timedelta(days=7))
    assert refresh.tokens_to_refresh([token], NOW) == [token]


def test_refresh_token_lapsing_before_next_run_is_renewed_now() -> None:
    # The access token outlives the next run, but the refresh token would not: renew it now.
    token = _token("lapsing", DAY + timedelta(hours=1), timedelta(hours=20))
    assert refresh.tokens_to_refresh([token], NOW) == [token]


def test_boundary_refresh_expires_exactly_now() -> None:
    token = _token("edge", timedelta(hours=1), timedelta(0))
    assert refresh.tokens_to_refresh([token], NOW) == []
    assert refresh.expired([token], NOW) == [token]


def test_custom_run_interval() -> None:
    token = _token("hourly", timedelta(minutes=90), timedelta(days=7))
    assert refresh.tokens_to_refresh([token], NOW, run_every=timedelta(hours=1)) == []
    assert refresh.tokens_to_refresh([token], NOW, run_every=timedelta(hours=2)) == [token]


def test_mixed_batch_split_and_order_kept() -> None:
    tokens = [
        _token("a", timedelta(hours=2), timedelta(days=7)),
        _token("b", timedelta(days=3), timedelta(days=7)),
        _token("c", -DAY, -DAY),
        _token("d", timedelta(hours=5), timedelta(days=1)),
    ]
    assert [t.user_id for t in refresh.tokens_to_refresh(iter(tokens), NOW)] == ["a", "d"]
    assert [t.user_id for t in refresh.expired(iter(tokens), NOW)] == ["c"]


def test_other_time_zone_compared_correctly() -> None:
    plus_two = timezone(timedelta(hours=2))
    # 03:59 at +02:00 is 01:59 UTC, one minute before NOW: the refresh token is expired.
    token = refresh.StoredToken("tz", NOW, datetime(2025, 3, 1, 3, 59, tzinfo=plus_two))
    assert refresh.expired([token], NOW) == [token]


def test_naive_datetime_rejected() -> None:
    naive = datetime(2025, 3, 1, 2, 0)
    with pytest.raises(ValueError):
        refresh.StoredToken("n", naive, NOW)
    with pytest.raises(ValueError):
        refresh.StoredToken("n", NOW, naive)
    token = _token("ok", timedelta(hours=1), timedelta(days=7))
    with pytest.raises(ValueError):
        refresh.tokens_to_refresh([token], naive)
    with pytest.raises(ValueError):
        refresh.expired([token], naive)


@pytest.mark.parametrize("run_every", [timedelta(0), -DAY])
def test_non_positive_interval_rejected(run_every: timedelta) -> None:
    with pytest.raises(ValueError):
        refresh.tokens_to_refresh([], NOW, run_every)
