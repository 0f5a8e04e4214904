"""Every single-answer guide's whole truth table, written out by hand: the one place a new guide's
table goes (docs/writing-guides.md, "Add a rule and its guide").

Each table maps the answers, in the order of the guide's questions in ``GUIDES``, to the outcome id
that the contract (shared/design/guides.md), the seed and shared/reference/facts.md give. Nothing
here is computed by the code under test: ``tests/test_decisions.py`` checks that each table covers its
guide's whole input space, and that the function gives these ids; ``tests/test_tree.py`` walks the
guides' trees against the functions.
"""

from __future__ import annotations

T, F = True, False
IM, II, WI = "interactive-messages", "integrated-installation", "web-installation"

TABLES: dict[str, dict[tuple[object, ...], str]] = {
    "app_type": {
        ("call-apis",): "rest-api-app",
        ("chat-bot",): "bot",
        ("extend-desktop-app",): "add-in",
    },
    "auth_method": {  # (users_sign_in, has_user_interface): who signs in decides (changed 2026-12-04)
        (T, T): "three-legged-oauth",
        (T, F): "three-legged-oauth",  # the reasons must say a sign-in page is needed
        (F, T): "jwt",  # an internal dashboard on one service user
        (F, F): "jwt",  # a nightly org-wide job; "password" until 2026-11
    },
    "pkce": {
        ("browser",): "required",
        ("ios",): "required",
        ("android",): "required",
        ("windows",): "required",
        ("mac",): "required",
        ("mobile-other",): "required",
        ("desktop-other",): "required",
        ("server-web",): "recommended",
        ("no-ui",): "not-applicable",
    },
    "refresh_tokens": {
        (T,): "enable",
        (F,): "not-needed",
    },
    "app_access": {  # (federated_accounts, own_company_data_only, communication_platform, for_ringcentral_customers)
        # a federated customer (facts.md): public, whatever the seed's three questions say
        (T, T, T, T): "public",
        (T, T, T, F): "public",
        (T, T, F, T): "public",
        (T, T, F, F): "public",
        (T, F, T, T): "public",
        (T, F, T, F): "public",
        (T, F, F, T): "public",
        (T, F, F, F): "public",
        # then the seed's three, in order
        (F, T, T, T): "private",
        (F, T, T, F): "private",
        (F, T, F, T): "private",
        (F, T, F, F): "private",
        (F, F, T, T): "private",
        (F, F, T, F): "private",
        (F, F, F, T): "public",
        (F, F, F, F): "private",
    },
    "partner_reach": {  # (access, restrict_to_partners)
        ("private", T): "not-applicable",
        ("private", F): "not-applicable",
        ("public", T): "selected-partners",
        ("public", F): "all-partners",
    },
    "app_features": {  # (app_type, interactive_messages, install_via_web)
        ("rest-api-app", T, T): IM,
        ("rest-api-app", T, F): IM,
        ("rest-api-app", F, T): "none",
        ("rest-api-app", F, F): "none",
        ("bot", T, T): IM,
        ("bot", T, F): IM,
        ("bot", F, T): "none",
        ("bot", F, F): "none",
        ("add-in", T, T): f"{II}+{IM}+{WI}",
        ("add-in", T, F): f"{II}+{IM}",
        ("add-in", F, T): f"{II}+{WI}",
        ("add-in", F, F): II,
    },
}
