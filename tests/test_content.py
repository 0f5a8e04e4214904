"""Content checks for the site's Markdown pages and hand-drawn images.

The site retells RingCentral's "Creating an application" page (the seed). These
tests read the Markdown sources, not the built site, and check that:

1. every page has a short front-matter description;
2. every fact of the seed reaches some page;
3. the seed's slips (a doubled word, "two app types") stay out; its typos are codespell's (test_code_health);
4. external links are only the published URLs of ``facts.EXTERNAL_URLS``, and every seed link is used;
5. the SVGs in img/ are used, small and self-contained.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.decisions import facts

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
IMG = ROOT / "img"

# The pages this content set owns (others' pages are only checked where the
# rule applies to every page).
CONTENT_PAGES = [
    "index.md",
    "start.md",
    "app-type.md",
    "describe.md",
    "authentication.md",
    "security.md",
    "features.md",
    "next-steps.md",
    "changes.md",
]

URL_RE = re.compile(r"https?://[^\s)\]\"'<>|`]+")
FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def pages() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


def front_matter(text: str) -> str:
    match = FRONT_MATTER_RE.match(text)
    return match.group(1) if match else ""


def description(text: str) -> str:
    for line in front_matter(text).splitlines():
        if line.startswith("description:"):
            return line.split(":", 1)[1].strip().strip("\"'")
    return ""


def site_text() -> str:
    """All pages' text without front matter, whitespace collapsed to single spaces."""
    parts = [FRONT_MATTER_RE.sub("", p.read_text(encoding="utf-8")) for p in pages()]
    return re.sub(r"\s+", " ", "\n".join(parts))


# ---------------------------------------------------------------- 1. descriptions


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_page_has_short_description(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert FRONT_MATTER_RE.match(text), f"{page.name}: no YAML front matter"
    desc = description(text)
    assert desc, f"{page.name}: front matter has no description"
    assert len(desc) < 160, f"{page.name}: description is {len(desc)} characters"
    assert '"' not in desc, f"{page.name}: Material writes the description into an attribute unescaped"


@pytest.mark.parametrize("name", CONTENT_PAGES)
def test_content_page_is_written(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    assert "TODO" not in text, f"{name} still holds a placeholder"
    assert description(text).endswith("."), f"{name}: description is not one full sentence"
    macro_calls = r'^\{\{ (guide\("\w+"\)|changed\("[\w-]+"(, "[\w-]+")*\)|changes\(\)) \}\}$'
    citations = r'\{\{ cite\("[\w-]+"(, "[\w-]+")*\) \}\}'  # a source cited in the prose (issue 20)
    prose = re.sub(citations, "", re.sub(macro_calls, "", text, flags=re.M))
    assert "{{" not in prose and "{%" not in prose, f"{name} contains Jinja syntax other than macro calls"
    assert "<br" not in text and 'class="' not in text, f"{name} contains raw HTML layout"


# ---------------------------------------------------------------- 2. the seed's facts

# Each fact: a label and regexes that must all match the site's text
# (case-insensitive, whitespace collapsed to single spaces).
SEED_FACTS: list[tuple[str, list[str]]] = [
    ("sign-in link", [r"\(https://developers\.ringcentral\.com/login\.html#/\)"]),
    ("sign in with login and password", [r"login and password"]),
    ("no account: sign up", [r"no account", r"sign up"]),
    ("Apps Console lists and manages apps", [r"Apps Console", r"lists every app", r"manage"]),
    ("Create App button", [r"\*\*Create App\*\* button"]),
    (
        "disabled Create App button",
        [r"\?\?\? note \"[^\"]*Create App button", r"lacks the permission to create apps"],
    ),
    ("ask the administrator", [r"administrator"]),
    ("three app types", [r"three app types"]),
    ("types expose different options", [r"configuration options and capabilities"]),
    ("REST API App is the most common", [r"REST API App", r"type most developers choose"]),
    ("REST API covers the product line", [r"voice, SMS, meetings, team messaging, call logging, call control"]),
    ("Bot lives in team messaging", [r"RingCentral Bot", r"bot is a special app[^.]*team messaging"]),
    (
        "Add-in installs into the desktop client",
        [r"RingCentral Add-in", r"installed straight into the RingCentral desktop client"],
    ),
    ("basic metadata", [r"metadata"]),
    ("app name is never public", [r"App name", r"never shows it to the public"]),
    ("app name examples", [r"\"Foo App \(staging\)\"", r"\"Foo App \(qa\)\""]),
    (
        "display name is public, e.g. desktop client",
        [r"Display name", r"name the public sees", r"such as the desktop client"],
    ),
    (
        "icons required for bots and add-ins",
        [r"=== \"Bot or Add-in\" An icon is \*\*required\*\*", r"post messages inside the RingCentral desktop client"],
    ),
    ("icons may not be required otherwise", [r"may not be required"]),
    ("primary contact is one individual", [r"Primary contact", r"one individual", r"important communications"]),
    (
        "App Gallery question and link",
        [r"\(https://developers\.ringcentral\.com/guide/getting-started/promote-app\)", r"App Gallery"],
    ),
    ("App Gallery answer is internal", [r"internal use only"]),
    (
        "3-legged OAuth: user data, on behalf, UI",
        [r"3-legged OAuth", r"reaches that user's data or acts on their behalf", r"\*\*user interface\*\*"],
    ),
    (
        "password-based: easy, no UI, cron job or script",
        [r"Password-based", r"simple to build", r"cron job", r"script"],
    ),
    ("password flow deprecated for JWT", [r"!!! warning \"[^\"]*deprecated[^\"]*JWT", r"\*\*JWT\*\* auth flow"]),
    ("password flow fails for public apps and SSO", [r"not\*\* work for public apps", r"single sign-on \(SSO\)"]),
    ("PKCE expansion and pronunciation", [r"Proof Key for Code Exchange", r"pronounced \"pixie\""]),
    ("PKCE is an OAuth 2.0 extension", [r"extension to OAuth 2\.0"]),
    ("PKCE for client-only apps", [r"mobile apps, desktop applications and pure JavaScript apps"]),
    ("the platform question", [r"From what type of app will you be calling the API\?"]),
    ("PKCE platform: client-side web app", [r"Client-side web app", r"single-page app \(SPA\) in JavaScript"]),
    ("PKCE platform: Android", [r"Android mobile app"]),
    ("PKCE platform: iOS", [r"iOS mobile app"]),
    ("PKCE platform: Windows", [r"Windows desktop app"]),
    ("PKCE platform: Mac", [r"Mac desktop app"]),
    (
        "PKCE is required, with link",
        [
            r"PKCE was \*\*required\*\* for the five types",
            r"\[PKCE\]\(https://developers\.ringcentral\.com/guide/authentication/auth-code-pkce-flow\)",
        ],
    ),
    ("RFC 7636 and RFC 9700", [r"RFC 7636", r"RFC 9700"]),
    ("access tokens expire quickly", [r"access keys", r"stop working after a short time"]),
    ("refresh token swaps for a new access token", [r"\*\*refresh token\*\*", r"\*\*new access token\*\*"]),
    ("enable refresh tokens to log in once", [r"sign in \*\*once\*\*"]),
    ("daily background task", [r"background task \*\*at least once a day\*\*", r"every token your app has stored"]),
    ("sessions stay fresh", [r"session stays fresh", r"nobody has to log in again"]),
    ("permissions are the app scope", [r"\*\*scope\*\*", r"which actions the app is allowed to perform"]),
    ("request only needed permissions", [r"!!! tip \"Request only the permissions your app needs\""]),
    ("public/private is about credentials", [r"\*\*whose credentials\*\*", r"easy to misread"]),
    ("own company data: private", [r"only access my own company's data\?", r"credentials from your own organization"]),
    (
        "communication platform: still private",
        [
            r"RingCentral as my communication platform\?",
            r"send SMS to your customers",
            r"schedule and host meetings",
            r"your own login only",
        ],
    ),
    (
        "ISV building for RingCentral customers: public",
        [r"ISV or app developer", r"only RingCentral customers can sign in", r"\*\*Select \"Public\"\.\*\*"],
    ),
    ("private is selected twice", [r"(\*\*Select \"Private\"\.\*\*.*){2}"]),
    (
        "all partners strongly recommended",
        [
            r"all current and future RingCentral carrier and brand partners",
            r"\*\*Strongly recommended\*\*",
            r"largest possible customer base",
        ],
    ),
    ("partners white-label the platform", [r"white-labelling"]),
    (
        "partner names",
        [
            r"AT&T Office@Hand",
            r"TELUS",
            r"BT Cloud Work",
            r"Avaya Cloud Office",
            r"Unify Office",
            r"Rainbow Office",
            r"Vodafone Business",
            r"Verizon",
        ],
    ),
    ("segregated partner environments", [r"AT&T Office@Hand and Verizon run in separate, segregated environments"]),
    (
        "partners link",
        [
            r"\[Learn more about building apps for these partners\]\(https://developers\.ringcentral\.com/guide/basics/partners\)"
        ],
    ),
    (
        "specific partners only if restricted",
        [r"only to specific carrier and brand partners", r"only if your app must be limited"],
    ),
    ("features depend on app type", [r"switch on depends on the \[app type\]"]),
    (
        "interactive messages: rich, interactive",
        [r"richly formatted messages", r"team messaging", r"buttons, form fields"],
    ),
    ("interactive messages: mostly bots and add-ins", [r"Bots and add-ins use this feature most"]),
    ("outbound webhook URL", [r"Outbound webhook URL", r"each time a user interacts"]),
    ("shared secret verifies events", [r"Shared secret", r"really comes from RingCentral"]),
    ("shared secret is confidential", [r"!!! warning \"Keep the shared secret secret\""]),
    ("X-Glip-Signature HMAC-SHA1", [r"X-Glip-Signature", r"HMAC-SHA1"]),
    ("integrated installation: add-ins only, always on", [r"only for RingCentral Add-ins", r"always switched on"]),
    (
        "integrated installation: manual instructions",
        [r"\*\*incoming webhook URL\*\*", r"installation instructions", r"target service"],
    ),
    ("integrated installation: web install in an iframe", [r"This app can be installed via the web", r"in an iframe"]),
    ("Client ID and Client Secret", [r"Client ID", r"Client Secret", r"authenticates to the RingCentral platform"]),
    ("SMS quick start", [r"\(https://developers\.ringcentral\.com/guide/messaging/quick-start\)"]),
    ("Fax quick start", [r"\(https://developers\.ringcentral\.com/guide/messaging/fax/sending-faxes\)"]),
    ("Voice quick start", [r"\(https://developers\.ringcentral\.com/guide/voice/quick-start\)"]),
    (
        "Meetings became RingCentral Video",
        [r"\(https://developers\.ringcentral\.com/guide/video/api/quick-start\)", r"Meetings is now RingCentral Video"],
    ),
    ("home points to the planner", [r"\[Plan your app\]\(plan\.md\)"]),
    ("steps image on the home page", [r"!\[[^\]]{20,}\]\(img/create-app-steps\.svg\)"]),
    ("PKCE flow image", [r"!\[[^\]]{20,}\]\(img/oauth-pkce-flow\.svg\)"]),
    ("refresh-token image", [r"!\[[^\]]{20,}\]\(img/refresh-token-lifecycle\.svg\)"]),
]


def test_fact_list_is_substantial() -> None:
    assert len(SEED_FACTS) >= 35


@pytest.mark.parametrize("label,patterns", SEED_FACTS, ids=[label for label, _ in SEED_FACTS])
def test_seed_fact_reaches_the_site(label: str, patterns: list[str]) -> None:
    text = site_text()
    missing = [p for p in patterns if not re.search(p, text, re.I)]
    assert not missing, f"fact {label!r}: no page matches {missing}"


# ---------------------------------------------------------------- 3. typos and slips

# The seed's misspellings are codespell's job (tests/test_code_health.py); these slips are words
# spelled right in the wrong place, which a spell checker does not see.
BANNED = [
    r"\babout about\b",
    r"\ba individual\b",
    r"\bconsidering using\b",
    r"\btwo app types\b",
    r"\btwo types of apps?\b",
]


@pytest.mark.parametrize("pattern", BANNED)
def test_seed_typos_are_gone(pattern: str) -> None:
    hits = [p.name for p in pages() if re.search(pattern, p.read_text(encoding="utf-8"), re.I)]
    assert not hits, f"{pattern!r} found in {hits}"


# ---------------------------------------------------------------- 4. external links


def test_external_links_come_from_facts() -> None:
    allowed = set(facts.EXTERNAL_URLS)
    bad = [
        (p.name, url) for p in pages() for url in URL_RE.findall(p.read_text(encoding="utf-8")) if url not in allowed
    ]
    assert not bad, f"absolute links not in facts.EXTERNAL_URLS: {bad}"


def test_every_seed_link_is_used() -> None:
    urls = list(facts.SEED_LINKS.values())
    assert len(urls) == 9
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages())
    missing = [u for u in urls if f"]({u})" not in text]
    assert not missing, f"seed links not linked from any page: {missing}"


# ---------------------------------------------------------------- 5. images


def images() -> list[Path]:
    return sorted(p for p in IMG.iterdir() if p.is_file())


def test_required_images_exist() -> None:
    names = {p.name for p in images()}
    for name in ("create-app-steps.svg", "oauth-pkce-flow.svg", "refresh-token-lifecycle.svg"):
        assert name in names


@pytest.mark.parametrize("image", images(), ids=lambda p: p.name)
def test_image_is_referenced(image: Path) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages())
    assert f"(img/{image.name})" in text, f"{image.name} is not used by any page"


@pytest.mark.parametrize("image", images(), ids=lambda p: p.name)
def test_image_is_lean_and_self_contained(image: Path) -> None:
    assert image.suffix == ".svg", f"{image.name}: only hand-written SVGs belong in img/"
    assert image.stat().st_size < 30 * 1024, f"{image.name} is not under 30 KB"
    svg = image.read_text(encoding="utf-8")
    root = re.search(r"<svg\b[^>]*>", svg)
    assert root, f"{image.name}: no <svg> element"
    assert "viewBox=" in root.group(0), f"{image.name}: no viewBox"
    assert 'role="img"' in root.group(0), f"{image.name}: no role=\"img\""
    assert re.search(r"<title\b[^>]*>[^<]{5,}</title>", svg), f"{image.name}: no <title>"
    assert "<!--" not in svg, f"{image.name} contains a comment"
    refs = set(re.findall(r"https?://[^\s\"'<>)]+", svg))
    assert refs <= {"http://www.w3.org/2000/svg"}, f"{image.name}: external references {refs}"
    for tag in (
        "<image",
        "<script",
        "<foreignObject",
        "<metadata",
        "@font-face",
        "data:",
        "xlink:href",
        "inkscape",
        "sodipodi",
    ):
        assert tag.lower() not in svg.lower(), f"{image.name} contains {tag}"
    assert "font-family=\"system-ui" in svg, f"{image.name}: use a generic system font stack"
