"""The one table of facts that the rules and the pages rest on (issue 20, "Every answer names its source").

Each entry names the page that decides a fact (a RingCentral page of ``facts.EXTERNAL_URLS``, the seed,
or an RFC), a phrase of at most 12 words from the deciding sentence, quoted as a citation, and a
fingerprint of that whole sentence: a hash, so the site keeps no copy of RingCentral's prose, yet
``python -m tools.check_sources`` notices when the sentence is edited. Decisions cite entries by id
(``Decision.sources``, ``shared/design/guides.md``, 2026-12-04).

The fingerprints were computed from the published text of each page: the page's Markdown in
``ringcentral/ringcentral-api-docs`` (commit 64067a5, 2026-04-28) rendered as RingCentral's site renders
it, then reduced to text as the checker reduces a fetched page (``tools.check_sources.page_text``).
The seed's were computed the same way from ``tests/data/seed-creating-an-application.md``; the RFCs'
from the RFC text of the section named.

Pure data and pure functions: no MkDocs, no files, no network.
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from macros.decisions import facts

SEED = "seed"  # RingCentral's 2021 "Creating an application" page, the project's primary source
RFC_9700 = "RFC 9700"  # OAuth 2.0 Security Best Current Practice (January 2025)
RFC_7636 = "RFC 7636"  # Proof Key for Code Exchange by OAuth Public Clients
RFCS = (RFC_9700, RFC_7636)  # cited by name and section, never linked: the site links only facts.md's URLs
PHRASE_WORDS = 12  # a citation, not a copy (issue 20)
CHECKED = "2026-12-04"  # the day facts.md's "How RingCentral decides today" was checked

# A page's title as the reader sees it in a "Source:" line.
PAGE_TITLES: Mapping[str, str] = MappingProxyType(
    {
        facts.AUTH_METHODS_URL: "Choosing the best auth method for your app",
        facts.JWT_FLOW_URL: "JWT authentication flow",
        facts.JWT_CONFIG_URL: "Configuring apps to use JWT",
        facts.JWT_PUBLIC_APPS_URL: "Using JWT to help customers connect to an application",
        facts.JWT_CREDENTIAL_URL: "Creating a personal JWT credential",
        facts.REGISTER_APP_URL: "Registering an application and obtaining app credentials",
        facts.PKCE_URL: "Authorization code flow with Proof Key for Code Exchange",
        facts.REFRESH_TOKENS_URL: "Using refresh tokens to generate new access tokens",
        facts.AUTH_CODE_URL: "Authorization code flow",
        facts.BOT_WALKTHROUGH_URL: "Bot walkthrough",
        facts.BOT_INSTALL_URL: "Installing and uninstalling bots",
        facts.INTERACTIVE_MESSAGES_URL: "Interactive messages",
        facts.FIRST_STEPS_URL: "Building your first app",
        facts.INVITING_DEVELOPERS_URL: "Collaborating with others in Developer Console",
        facts.PERMISSIONS_URL: "Application permissions and scopes",
        facts.RATE_LIMITS_URL: "RingCentral API rate limits",
        facts.INSTALL_BUTTON_URL: "Creating an install app button",
        facts.APP_GALLERY_URL: "Promoting your application in the RingCentral App Gallery",
        facts.BRAND_GUIDELINES_URL: "RingCentral service provider and partner brand guidelines",
        facts.CALL_CONTROL_URL: "Introduction to Call Control",
        facts.SMS_QUICK_START_URL: "SMS quick start",
        SEED: "Creating an application (RingCentral, 2021)",
        RFC_9700: "OAuth 2.0 Security Best Current Practice",
        RFC_7636: "Proof Key for Code Exchange by OAuth Public Clients",
    }
)


class Source(NamedTuple):
    """One fact: the page that decides it, a phrase of the deciding sentence and that sentence's fingerprint."""

    id: str
    page: str  # a URL of facts.EXTERNAL_URLS, SEED, or one of RFCS
    phrase: str  # at most PHRASE_WORDS words, verbatim from the deciding sentence
    fingerprint: str  # fingerprint(the whole deciding sentence)
    section: str = ""  # an RFC's section; empty for a page
    checked: str = CHECKED  # ISO date the sentence was last read

    @property
    def title(self) -> str:
        """The deciding page's title."""
        return PAGE_TITLES[self.page]

    @property
    def fetched(self) -> bool:
        """Whether the checker reads the page: the seed is history and an RFC never changes."""
        return self.page not in (SEED, *RFCS)


def normalize(text: str) -> str:
    """The words of ``text`` only, so that markup, quotes, case and whitespace never count as an edit:
    NFKC, casefolded, every run of characters that are not letters or digits turned into one space."""
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def fingerprint(sentence: str) -> str:
    """A short hash of the normalized sentence: it changes when a word does, and keeps no copy of it."""
    return hashlib.sha256(normalize(sentence).encode()).hexdigest()[:16]


# A sentence ends at ., ! or ? (with any closing quote or bracket) before a space and a word that does
# not start in lower case; "e.g." and its kind end none. A line break (a block of the page) ends one too.
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[^\sa-z])")
_ABBREVIATIONS = ("e.g.", "i.e.", "a.k.a.", "vs.")


def sentences(text: str) -> Iterator[str]:
    """The sentences of a page's plain text, one block of the page a line.

    A one-word "sentence" is a label of the next one ("Required. The URL the response will be sent
    to."; "JWT. Best for ..."), so it stays with it: an edit of the label is an edit of the sentence.
    """
    for line in text.splitlines():
        start = 0
        for end in _END.finditer(line):
            sentence = line[start : end.end()].strip()
            if len(sentence.split()) > 1 and not line[: end.start() + 1].lower().endswith(_ABBREVIATIONS):
                yield sentence
                start = end.end()
        if line[start:].strip():
            yield line[start:].strip()


def sentence_with(text: str, phrase: str) -> str | None:
    """The first sentence of ``text`` that contains ``phrase`` word for word (both normalized), or None."""
    wanted = f" {normalize(phrase)} "
    return next((sentence for sentence in sentences(text) if wanted in f" {normalize(sentence)} "), None)


def problems(entries: Iterable[Source]) -> list[str]:
    """What is wrong with a table: every entry must be well formed and cite a page the site may name."""
    found: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        where = f"{entry.id!r}"
        if entry.id in seen:
            found.append(f"{where}: id used twice")
        seen.add(entry.id)
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.id):
            found.append(f"{where}: id is not kebab-case")
        if entry.page not in (*facts.EXTERNAL_URLS, SEED, *RFCS):
            found.append(f"{where}: page {entry.page!r} is none of facts.EXTERNAL_URLS, {SEED!r}, {RFCS}")
        elif entry.page not in PAGE_TITLES:
            found.append(f"{where}: page {entry.page!r} has no title in PAGE_TITLES")
        if bool(entry.section) != (entry.page in RFCS):
            found.append(f"{where}: an RFC, and only an RFC, is cited with a section")
        if not 0 < len(entry.phrase.split()) <= PHRASE_WORDS:
            found.append(f"{where}: phrase has {len(entry.phrase.split())} words; 1 to {PHRASE_WORDS} allowed")
        if not re.fullmatch(r"[0-9a-f]{16}", entry.fingerprint):
            found.append(f"{where}: fingerprint {entry.fingerprint!r} is not 16 hex digits")
        if not _is_iso_date(entry.checked):
            found.append(f"{where}: checked {entry.checked!r} is not an ISO date (YYYY-MM-DD)")
    return found


def _is_iso_date(text: str) -> bool:
    """``YYYY-MM-DD`` and a real day (``date.fromisoformat`` alone also takes ``YYYYMMDD``)."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and bool(date.fromisoformat(text))
    except ValueError:
        return False


# Every fact, by the page that decides it. Where a page says a thing only in a screenshot or a link, the
# entry cites the nearest sentence (description-min: the form's 20-character minimum is only in a
# screenshot; grant-type-personal-jwt: grantType=PersonalJWT is only in the button's link).
ENTRIES: tuple[Source, ...] = (
    # RingCentral's developer guide today (facts.md, "How RingCentral decides today").
    Source(
        "auth-who-signs-in",
        facts.AUTH_METHODS_URL,
        "If your app's users need to independently log into RingCentral",
        "13d06fd2f318e211",
    ),
    Source(
        "jwt-not-for-individuals",
        facts.AUTH_METHODS_URL,
        "JWT flow is NOT recommended for individual user authentication",
        "2f4b6ac7e1997592",
    ),
    Source(
        "jwt-service-user",
        facts.JWT_CONFIG_URL,
        'This type of user is often called a "service user."',
        "e359f61ec08db282",
    ),
    Source(
        "jwt-service-user-persistent",
        facts.JWT_CONFIG_URL,
        "A service user, because that are not bound to an employee",
        "91717034e9ee6966",
    ),
    Source(
        "jwt-public-apps",
        facts.JWT_PUBLIC_APPS_URL,
        "a JWT credential via the Developer Console that can only be used",
        "2aefcb7ff50affbb",
    ),
    Source(
        "jwt-no-refresh", facts.JWT_FLOW_URL, "a JWT can easily be presented to the platform again", "d104d3ff5f14c78d"
    ),
    Source(
        "jwt-credential-user",
        facts.JWT_CREDENTIAL_URL,
        "The user a JWT credential is associated with in turn determines",
        "af7a47b7e32c1a7c",
    ),
    Source(
        "jwt-credential-restricted",
        facts.JWT_CREDENTIAL_URL,
        "a credential that can be safely shared with someone outside your company",
        "1eeccca1e3ce94d9",
    ),
    Source(
        "jwt-credential-create",
        facts.JWT_CREDENTIAL_URL,
        "JWT tokens are created exclusively within the RingCentral Developer Console.",
        "2ef9dc39dc8cc52e",
    ),
    Source(
        "jwt-credential-not-needed", facts.JWT_CREDENTIAL_URL, "then a JWT credential is not needed", "ddc6ccbce41566d3"
    ),
    Source(
        "password-deprecated",
        facts.REGISTER_APP_URL,
        "The password grant type has been deprecated.",
        "11406e93a836eab0",
    ),
    Source(
        "pkce-recommended",
        facts.PKCE_URL,
        "is the recommended form of authenticating RingCentral users",
        "bef643ee83faf14c",
    ),
    Source(
        "pkce-plain-default",
        facts.PKCE_URL,
        "If this parameter is omitted, the server assumes plain.",
        "37413943bfb6bc5d",
    ),
    Source("access-token-hour", facts.REFRESH_TOKENS_URL, "1 hour", "f8b8883f0c9d8d82"),
    Source("refresh-token-days", facts.REFRESH_TOKENS_URL, "7 days", "7f920bb639c93075"),
    Source("refresh-token-once", facts.REFRESH_TOKENS_URL, "Refresh tokens can only be used once.", "a16968efc538218a"),
    Source(
        "refresh-off-by-default",
        facts.REFRESH_TOKENS_URL,
        "By default, refresh tokens are not issued",
        "c5fa4166d4e2f8d1",
    ),
    Source(
        "redirect-uri-required",
        facts.AUTH_CODE_URL,
        "Required. The URL the response will be sent to",
        "7bb12e19daa548c1",
    ),
    Source(
        "redirect-uri-exact",
        facts.AUTH_CODE_URL,
        "the redirect_uri must exactly match at least one of the Redirect URIs",
        "97679494180b390c",
    ),
    Source(
        "bot-token-on-install",
        facts.BOT_WALKTHROUGH_URL,
        "This URL will be invoked whenever your bot is installed",
        "825026f81ead6586",
    ),
    Source(
        "bot-private-token",
        facts.BOT_WALKTHROUGH_URL,
        "the access token will be generated and sent to the bot server",
        "dc2cae4278f731fa",
    ),
    Source(
        "bot-public-code",
        facts.BOT_WALKTHROUGH_URL,
        "an authorization code will be generated and sent to the bot server",
        "3666b4155f0bdd65",
    ),
    Source("bot-token-permanent", facts.BOT_WALKTHROUGH_URL, "is a permanent access token", "17e1889a48345572"),
    Source(
        "bot-private-install",
        facts.BOT_INSTALL_URL,
        "Private bots can only be installed via the Developer Console",
        "18e8860a4c7ff33a",
    ),
    Source(
        "description-min", facts.REGISTER_APP_URL, "provide some basic meta data about your app", "88f2218b55d6b826"
    ),
    Source(
        "app-types-today", facts.REGISTER_APP_URL, "The two app types we currently support are:", "f456333d2d6a9a5e"
    ),
    Source("add-in-deprecated", facts.REGISTER_APP_URL, "This feature however is deprecated", "bef3fd556a730d71"),
    Source(
        "public-when",
        facts.REGISTER_APP_URL,
        "building an application you intend to promote in our App Gallery",
        "c3654f3e8d2980b3",
    ),
    Source("public-federated", facts.REGISTER_APP_URL, "a.k.a. federated accounts", "48f4abbe6e714f18"),
    Source(
        "private-cpaas",
        facts.REGISTER_APP_URL,
        "You are using RingCentral as a communication platform, a.k.a. CPaaS",
        "fcd3fe3e7fc90b82",
    ),
    Source(
        "restricted-scopes",
        facts.PERMISSIONS_URL,
        'some scopes have the text "(requires permission)" next to them',
        "c810c5fd82184454",
    ),
    Source(
        "call-control-approval",
        facts.CALL_CONTROL_URL,
        'looking for "Call Control (requires permission)" and adding it to your app',
        "f7522f932c3c8c91",
    ),
    Source(
        "scope-within-role",
        facts.PERMISSIONS_URL,
        "must have been assigned a role that possesses the corresponding user permission",
        "39064c4fc8a63821",
    ),
    Source(
        "partners-advanced-settings",
        facts.APP_GALLERY_URL,
        "Make available only to specific service providers and brand partners.",
        "2a0c837f2cf9c8e3",
    ),
    Source(
        "partners-rise-included",
        facts.BRAND_GUIDELINES_URL,
        "promoted within the main RingCentral App Gallery",
        "6756d5d1c25837e8",
    ),
    Source("verizon-ringcentral-brand", facts.BRAND_GUIDELINES_URL, "RingCentral with Verizon", "5948fae19a03981b"),
    Source(
        "rise-ringcentral-brand",
        facts.BRAND_GUIDELINES_URL,
        "over their backbone, but under the RingCentral brand",
        "bfcef80fe2eb31d3",
    ),
    Source(
        "shared-secret-generated",
        facts.INTERACTIVE_MESSAGES_URL,
        '"shared secret" (generated for you when you created the app)',
        "f76741fe120a75b7",
    ),
    Source(
        "glip-signature",
        facts.INTERACTIVE_MESSAGES_URL,
        "transmit an HTTP header called X-Glip-Signature",
        "a8ecb977735d87d1",
    ),
    Source(
        "access-permanent",
        facts.FIRST_STEPS_URL,
        "You cannot edit Application Type after your app has been created",
        "9915443c386e2e36",
    ),
    Source(
        "create-button-disabled",
        facts.REGISTER_APP_URL,
        "your account lacks the permission required to create an app",
        "cde7ccd2ea6cd2aa",
    ),
    Source(
        "developer-portal-access",
        facts.INVITING_DEVELOPERS_URL,
        'has the "Developer Portal Access" permission',
        "c1a1e4c1100bb441",
    ),
    Source(
        "rate-limits",
        facts.RATE_LIMITS_URL,
        "5 authorization requests per user (extension) per minute",
        "15513f994a16713a",
    ),
    Source(
        "new-app-link",
        facts.INSTALL_BUTTON_URL,
        "we have a simple URL pragma for creating applications",
        "e322565ede2c3ad7",
    ),
    Source(
        "new-app-link-read-only",
        facts.INSTALL_BUTTON_URL,
        "Sets the field to read-only if specified.",
        "676fe044c8c88961",
    ),
    Source(
        "redirect-uris-max", facts.INSTALL_BUTTON_URL, "The value should not contain wildcards.", "b346e7e098066e60"
    ),
    Source("redirect-uris-count", facts.INSTALL_BUTTON_URL, "Max count is 10.", "2c7b8f9407b7d08c"),
    Source(
        "grant-type-personal-jwt",
        facts.SMS_QUICK_START_URL,
        'clicking the "Create SMS App" button below',
        "1f9255a8845b74f7",
    ),
    Source(
        "meetings-video-scopes",
        facts.PERMISSIONS_URL,
        "Creating, viewing, editing and deleting meetings via RingCentral Video",
        "14bc4d78aedaa530",
    ),
    Source(
        "meetings-scope",
        facts.PERMISSIONS_URL,
        "Creating, viewing, editing and deleting meetings via RingCentral Meetings",
        "434b5ed3b258d7a2",
    ),
    Source("permission-includes", facts.PERMISSIONS_URL, "Included Permissions", "7dcd2ec927535dd8"),
    # The seed: what RingCentral said in 2021, kept on the site as history where today differs.
    Source("seed-app-types", SEED, "The two app types we currently support are:", "f456333d2d6a9a5e"),
    Source("seed-three-legged", SEED, "needs to perform various actions upon that user's behalf", "7e830e90182e2dbb"),
    Source(
        "seed-three-legged-ui", SEED, "This flow requires that your app publish a user interface", "d806082f72187361"
    ),
    Source("seed-password-flow", SEED, "ideal for apps that run without a user-interface", "9156f25a20b6fd8c"),
    Source("seed-pkce-required", SEED, "then you are required to implement PKCE", "fd10e04e78f9d6a0"),
    Source(
        "seed-refresh-tokens", SEED, "If you desire users to authenticate once to your platform", "9b82889293eb119e"
    ),
    Source("seed-refresh-daily", SEED, "a recurring background task that will wake up once a day", "c0c1ae5b3a6bae81"),
    Source("seed-private-own-data", SEED, "This is the very definition of a private application", "2cc875af9425f3df"),
    Source("seed-private-cpaas", SEED, 'In this case your app is in fact "private"', "1a6ebdcd797b61a4"),
    Source("seed-public-isv", SEED, "If you are an ISV or app developer", "95fa62a64ab1b0f2"),
    Source(
        "seed-partners-recommended",
        SEED,
        "make available to all current and future RingCentral carrier and brand partners.",
        "8fd1874c8ee2a884",
    ),
    Source(
        "seed-least-privilege",
        SEED,
        "For security, request only permissions your application requires.",
        "d58c706abd8198df",
    ),
    Source("seed-icon", SEED, "Add-ins and bots require an icon", "90f0de3d79e3dd4b"),
    Source(
        "seed-interactive-messages",
        SEED,
        "You will need to provide values for the following properties",
        "f2966d4cd8527508",
    ),
    Source(
        "seed-integrated-installation",
        SEED,
        "This feature is only available to RingCentral Add-ins, and is forcibly enabled.",
        "a8809ad25453d53e",
    ),
    Source(
        "seed-install-via-web", SEED, 'If you select the "this app can be installed via the web,"', "4f893ae4d6e4366a"
    ),
    Source("seed-gallery-internal", SEED, "Your answer is for internal-use only.", "eaf956b116c6a18e"),
    Source(
        "seed-create-button-disabled",
        SEED,
        "your account lacks the permission required to create an app",
        "cde7ccd2ea6cd2aa",
    ),
    Source("seed-app-name", SEED, "App name - this field is never displayed", "4eae29d04921bc46"),
    Source("seed-client-credentials", SEED, "Make note of your app's Client ID and Client Secret", "0c626cbd5c016a88"),
    # The OAuth standards (facts.md, "OAuth standards"), cited by section.
    Source("rfc9700-pkce-public", RFC_9700, "Public clients MUST use PKCE", "ead5576da80b34c2", section="2.1.1"),
    Source(
        "rfc9700-pkce-confidential",
        RFC_9700,
        "For confidential clients, the use of PKCE [RFC7636] is RECOMMENDED",
        "d6ca916ac6d304fb",
        section="2.1.1",
    ),
    Source(
        "rfc9700-no-password",
        RFC_9700,
        "The resource owner password credentials grant [RFC6749] MUST NOT be used.",
        "8431e4631ca12623",
        section="2.4",
    ),
    Source(
        "rfc7636-s256",
        RFC_7636,
        'If the client is capable of using "S256", it MUST use "S256"',
        "2bc71568f8a824da",
        section="4.2",
    ),
)
SOURCES: Mapping[str, Source] = MappingProxyType({entry.id: entry for entry in ENTRIES})
