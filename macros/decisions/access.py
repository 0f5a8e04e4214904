"""Who may use the app, private or public, and which partners' customers (seed: "Configure app security")."""

from macros.decisions import facts
from macros.decisions.changes import CHANGES
from macros.decisions.model import Decision, Option, Question

FEDERATED_ACCOUNTS = Question(
    "federated_accounts",
    "Are you a RingCentral Enterprise customer with many sub-accounts (federated accounts)?",
    "bool",
    (
        Option("yes", "Yes", "Your organization runs a large number of RingCentral sub-accounts."),
        Option("no", "No", "One RingCentral account, or you are not a RingCentral customer."),
    ),
)
OWN_COMPANY_DATA_ONLY = Question(
    "own_company_data_only",
    "Will the app only reach your own company's data?",
    "bool",
    (
        Option("yes", "Yes", "You sign in with credentials from your own organization."),
        Option("no", "No", "Someone else's data is involved too."),
    ),
)
COMMUNICATION_PLATFORM = Question(
    "communication_platform",
    "Do you use RingCentral to talk with your customers (SMS, meetings) from your own account?",
    "bool",
    (
        Option("yes", "Yes", "CPaaS: your customers use the app, but the API calls use your own login."),
        Option("no", "No"),
    ),
)
FOR_RINGCENTRAL_CUSTOMERS = Question(
    "for_ringcentral_customers",
    "Are you building the app for RingCentral customers, or will you promote it in the App Gallery?",
    "bool",
    (
        Option("yes", "Yes", "You are an ISV or developer: each customer signs in with their own account."),
        Option("no", "No", "Only your company's credentials will be used."),
    ),
)
ACCESS = Question(
    "access",
    "Is your app private or public?",
    "choice",
    (
        Option("private", "Private", "Only your own organization's credentials sign in to it."),
        Option("public", "Public", "RingCentral customers sign in to it with their own accounts."),
    ),
)
RESTRICT_TO_PARTNERS = Question(
    "restrict_to_partners",
    "Must the app be limited to particular carrier or brand partners?",
    "bool",
    (
        Option("yes", "Yes", "It may only be used with one partner or a few."),
        Option("no", "No", "Any RingCentral customer, whichever brand they bought it under."),
    ),
)

_PRIVATE_LINKS = (("Next: enable app features", "features.md"),)


_PUBLIC_LINKS = (
    ("RingCentral: promote your app", facts.APP_GALLERY_URL),
    ("Next: which partners", "security.md#partners"),
)
_SCRUTINY = "Public apps get more scrutiny from RingCentral while you develop them."
_FINAL = "Choose with care: an app cannot switch between private and public once it is created."


def app_access(
    *,
    federated_accounts: bool,
    own_company_data_only: bool,
    communication_platform: bool,
    for_ringcentral_customers: bool,
) -> Decision:
    """Private or public, from today's first question and the seed's three, in order; the first "yes" decides.

    facts.md: a RingCentral Enterprise customer with many sub-accounts (federated accounts)
    registers a public app. Seed: "public" and "private" describe whose credentials sign in. Only
    your own company's data: private. RingCentral as your communication platform (CPaaS: SMS,
    meetings with your customers), your own login: still private. An ISV app that RingCentral
    customers sign in to, or (facts.md) one you will promote in the App Gallery: public. With no
    "yes", only your own credentials are used, which is the definition of private.
    """
    FEDERATED_ACCOUNTS.check(federated_accounts)
    OWN_COMPANY_DATA_ONLY.check(own_company_data_only)
    COMMUNICATION_PLATFORM.check(communication_platform)
    FOR_RINGCENTRAL_CUSTOMERS.check(for_ringcentral_customers)
    public_note = (CHANGES["public-apps"].now,)
    if federated_accounts:
        return Decision(
            "public",
            "Public",
            (
                "Today's Create App form says to make the app public when you are a RingCentral Enterprise "
                "customer with a large number of sub-accounts (federated accounts).",
                _SCRUTINY,
                _FINAL,
            ),
            _PUBLIC_LINKS,
            public_note,
            ("public-federated", "access-permanent"),
        )
    if own_company_data_only:
        return Decision(
            "private",
            "Private",
            (
                "Only your own company's data is involved, so you sign in with your own organization's "
                "credentials: that is what a private app is. Private apps are the most common.",
                _FINAL,
            ),
            _PRIVATE_LINKS,
            sources=("seed-private-own-data", "access-permanent"),
        )
    if communication_platform:
        return Decision(
            "private",
            "Private",
            (
                "People outside your account use what you build, but every API call is made with your own "
                "login: the app is private even though the public uses it. This pattern is called CPaaS, "
                "Communication Platform as a Service.",
                _FINAL,
            ),
            _PRIVATE_LINKS,
            sources=("seed-private-cpaas", "private-cpaas", "access-permanent"),
        )
    if for_ringcentral_customers:
        return Decision(
            "public",
            "Public",
            (
                "Only RingCentral customers can sign in to and use your app, each with their own account, or "
                "you will promote it in the App Gallery: that makes it public.",
                _SCRUTINY,
                _FINAL,
            ),
            _PUBLIC_LINKS,
            public_note,
            ("seed-public-isv", "public-when", "access-permanent"),
        )
    return Decision(
        "private",
        "Private",
        (
            "None of your app's users sign in with their own RingCentral account; only your credentials "
            "are used, so the app is private.",
            _FINAL,
        ),
        _PRIVATE_LINKS,
        sources=("seed-private-own-data", "access-permanent"),
    )


def partner_names(*, own_brand: bool) -> str:
    """The partners that sell under their own brand (or not), named for people: "AT&T Office@Hand, … and TELUS"."""
    names = [partner.name for partner in facts.PARTNERS.values() if partner.own_brand == own_brand]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


_BOX = "“Make available only to specific service providers and brand partners”"
# Either way the choice is that box, RingCentral and its Rise partners (Verizon among them) stay in.
_PARTNER_SOURCES = (
    "seed-partners-recommended",
    "partners-advanced-settings",
    "partners-rise-included",
    "verizon-ringcentral-brand",
    "rise-ringcentral-brand",
)


def partner_reach(*, access: str, restrict_to_partners: bool) -> Decision:
    """Which carrier and brand partners' customers may use a public app.

    Seed: for a public app marketed to RingCentral customers, RingCentral strongly recommends
    "all current and future carrier and brand partners", the widest reach worldwide; restrict to
    specific partners only if the app must be. Today the choice is a box under "Advanced
    settings", and RingCentral and its Rise partners are always included (promote-app page).
    Private apps are not offered to partners. facts.md names the partners and their carrier ids;
    Verizon sells under the RingCentral brand (Rise), not its own.
    """
    ACCESS.check(access)
    RESTRICT_TO_PARTNERS.check(restrict_to_partners)
    link = (("RingCentral: building apps for partners", facts.PARTNERS_URL),)
    rise = (
        f"RingCentral itself and its Rise partners, such as {partner_names(own_brand=False)}, which sells under "
        "the RingCentral brand, are always included."
    )
    if access == "private":
        return Decision(
            "not-applicable",
            "No partner choice for a private app",
            (
                "A private app is used only with your own organization's credentials, so it is not offered "
                "to other brands' customers.",
            ),
            _PRIVATE_LINKS,
            sources=("seed-private-own-data",),
        )
    if restrict_to_partners:
        return Decision(
            "selected-partners",
            "Only the partners you select",
            (
                f"Under “Advanced settings”, tick {_BOX}, then pick the partners.",
                "Choose this only because the app must be restricted to one partner or a few.",
                f"The partners that white-label RingCentral: {partner_names(own_brand=True)}. {rise}",
                "AT&T Office@Hand and Verizon run in segregated environments with extra requirements.",
            ),
            link,
            sources=_PARTNER_SOURCES,
        )
    return Decision(
        "all-partners",
        "All current and future partners (recommended)",
        (
            "RingCentral strongly recommends this for public apps: your app reaches the largest customer "
            "base in the world, and every partner added later too.",
            f"Leave {_BOX} under “Advanced settings” unticked.",
            f"Partners such as {partner_names(own_brand=True)} resell RingCentral under their own brands. {rise}",
        ),
        link,
        sources=_PARTNER_SOURCES,
    )
