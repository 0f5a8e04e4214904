"""The table of facts (``macros/decisions/sources.py``, issue 20): well formed, and the seed's entries
still match the copy of the seed, sentence for sentence.

The normalization is what makes the checker ignore markup and whitespace: its tests here say which
edits count (a word) and which do not (case, quotes, markup, line breaks).
"""

from pathlib import Path

import pytest

from macros.decisions import facts
from macros.decisions.sources import (
    ENTRIES,
    PAGE_TITLES,
    RFCS,
    SEED,
    SOURCES,
    Source,
    fingerprint,
    normalize,
    problems,
    sentence_with,
    sentences,
)
from tools.pages import markdown_html, page_text

SEED_COPY = Path(__file__).parent / "data" / "seed-creating-an-application.md"
SEED_TEXT = page_text(markdown_html(SEED_COPY.read_text(encoding="utf-8")))
# The ids the issue's brief asks for (the table may hold more).
REQUIRED = [
    "auth-who-signs-in",
    "jwt-not-for-individuals",
    "jwt-service-user",
    "jwt-public-apps",
    "jwt-no-refresh",
    "jwt-credential-user",
    "jwt-credential-restricted",
    "jwt-credential-create",
    "password-deprecated",
    "pkce-recommended",
    "pkce-plain-default",
    "access-token-hour",
    "refresh-token-days",
    "refresh-token-once",
    "refresh-off-by-default",
    "redirect-uri-required",
    "bot-token-on-install",
    "bot-token-permanent",
    "bot-private-install",
    "description-min",
    "app-types-today",
    "add-in-deprecated",
    "public-when",
    "private-cpaas",
    "restricted-scopes",
    "call-control-approval",
    "scope-within-role",
    "partners-advanced-settings",
    "partners-rise-included",
    "verizon-ringcentral-brand",
    "shared-secret-generated",
    "glip-signature",
    "access-permanent",
    "developer-portal-access",
    "rate-limits",
    "new-app-link",
    "new-app-link-read-only",
    "redirect-uris-max",
    "grant-type-personal-jwt",
    "meetings-video-scopes",
    "permission-includes",
    "seed-app-types",
    "seed-three-legged",
    "seed-password-flow",
    "seed-pkce-required",
    "seed-refresh-tokens",
    "seed-refresh-daily",
    "seed-private-own-data",
    "seed-private-cpaas",
    "seed-public-isv",
    "seed-partners-recommended",
    "seed-least-privilege",
    "seed-icon",
    "seed-interactive-messages",
    "seed-integrated-installation",
    "seed-install-via-web",
    "seed-gallery-internal",
    "seed-create-button-disabled",
    "seed-app-name",
    "seed-client-credentials",
    "rfc9700-pkce-public",
    "rfc9700-pkce-confidential",
    "rfc9700-no-password",
    "rfc7636-s256",
]


def test_the_table_is_well_formed() -> None:
    assert problems(ENTRIES) == []
    assert list(SOURCES) == [entry.id for entry in ENTRIES]


def test_the_table_has_every_fact_the_issue_names() -> None:
    assert sorted(set(REQUIRED) - set(SOURCES)) == []


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.page == SEED], ids=lambda e: e.id)
def test_a_seed_entry_quotes_the_seed(entry: Source) -> None:
    """The seed is history, never fetched: its entries are checked here, against the copy."""
    sentence = sentence_with(SEED_TEXT, entry.phrase)
    assert sentence is not None, f"{entry.id}: {entry.phrase!r} is not in the seed"
    assert fingerprint(sentence) == entry.fingerprint, f"{entry.id}: the seed's sentence has another fingerprint"


def test_only_ringcentral_pages_are_fetched_and_each_has_a_title() -> None:
    for entry in ENTRIES:
        assert entry.fetched == (entry.page in facts.EXTERNAL_URLS), entry.id
        assert entry.title == PAGE_TITLES[entry.page]
    assert {e.page for e in ENTRIES if not e.fetched} == {SEED, *RFCS}


@pytest.mark.parametrize(
    "edited",
    [
        "The  PASSWORD grant type\nhas been deprecated.",  # case and whitespace
        "The “password” grant type has been deprecated!",  # quotes and punctuation
        "The <em>password</em> grant type has been deprecated.",  # markup, once reduced to text
    ],
)
def test_markup_case_and_whitespace_do_not_count(edited: str) -> None:
    original = "The password grant type has been deprecated."
    assert fingerprint(page_text(edited)) == fingerprint(original)


def test_a_changed_word_counts() -> None:
    assert fingerprint("The password grant type is deprecated.") != fingerprint(
        "The password grant type has been deprecated."
    )
    assert normalize("Don’t  use\u00a0IT_now") == "don t use it now"


def test_sentences_split_where_a_reader_would() -> None:
    text = (
        "Apps run without a UI, e.g. a cron job. JWT. Best for servers.\n"
        'Pick "private." Then save; a.k.a. CPaaS stays.'
    )
    assert list(sentences(text)) == [
        "Apps run without a UI, e.g. a cron job.",
        "JWT. Best for servers.",  # a one-word label stays with its sentence
        'Pick "private."',
        "Then save; a.k.a. CPaaS stays.",
    ]


def test_a_phrase_is_found_whole_words_only() -> None:
    text = "Refresh tokens can only be used once.\nAccess token lasts 1 hour."
    assert sentence_with(text, "can ONLY be used") == "Refresh tokens can only be used once."
    assert sentence_with(text, "1 hou") is None
    assert sentence_with(text, "used once. Access") is None  # a phrase never spans two sentences


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        (Source("Bad_Id", SEED, "a phrase", "0" * 16), "kebab-case"),
        (Source("a", "https://example.com/", "a phrase", "0" * 16), "none of facts.EXTERNAL_URLS"),
        (Source("a", SEED, "one two three four five six seven eight nine ten eleven twelve 13", "0" * 16), "words"),
        (Source("a", SEED, "a phrase", "0123"), "16 hex digits"),
        (Source("a", SEED, "a phrase", "0" * 16, checked="20261204"), "ISO date"),
        (Source("a", SEED, "a phrase", "0" * 16, checked="2026-02-30"), "ISO date"),
        (Source("a", RFCS[0], "a phrase", "0" * 16), "section"),
        (Source("a", SEED, "a phrase", "0" * 16, section="2.1"), "section"),
    ],
)
def test_problems_names_each_defect(entry: Source, complaint: str) -> None:
    found = problems([entry])
    assert len(found) == 1 and complaint in found[0], found


def test_problems_names_a_duplicate_id() -> None:
    entry = Source("a", SEED, "a phrase", "0" * 16)
    assert problems([entry, entry]) == ["'a': id used twice"]
