"""How the app signs in: the auth flow, PKCE and refresh tokens (seed: "Setup authentication")."""

from macros.decisions import facts
from macros.decisions.changes import CHANGES
from macros.decisions.model import Decision, Option, Question

USERS_SIGN_IN = Question(
    "users_sign_in",
    "Will each person who uses your app sign in with their own RingCentral account?",
    "bool",
    (
        Option("yes", "Yes", "Your app acts for many different users, each logging in to RingCentral from it."),
        Option(
            "no",
            "No",
            "It acts as one identity: your own account, or a service user for the whole organization.",
        ),
    ),
)
HAS_USER_INTERFACE = Question(
    "has_user_interface",
    "Does your app have a user interface?",
    "bool",
    (
        Option("yes", "Yes", "A web page, a mobile app or a desktop app that people use."),
        Option("no", "No", "A script, a cron job or a server process that runs on its own."),
    ),
)
PLATFORM = Question(
    "platform",
    "From what type of app will you be calling the API?",
    "choice",
    (
        Option("server-web", "Web app with a server", "Node.js, PHP, Ruby on Rails… calling the API from the server."),
        Option("browser", "Client-side web app", "A single-page or JavaScript app calling the API from the browser."),
        Option("ios", "iOS app", "A native or hybrid app for iPhone or iPad."),
        Option("android", "Android app", "A native or hybrid Android app."),
        Option("mobile-other", "Other mobile app", "A native or hybrid app for another mobile platform."),
        Option("windows", "Windows desktop app", "An installable app for Windows."),
        Option("mac", "Mac desktop app", "An installable app for macOS."),
        Option("desktop-other", "Other desktop app", "Any other installable desktop app, Chrome apps included."),
        Option("no-ui", "No user interface", "A script or back-end service that nobody sees."),
    ),
)
# --8<-- [start:question]
STAY_SIGNED_IN = Question(
    "stay_signed_in",
    "Should users sign in once and never be asked to log in again?",
    "bool",
    (
        Option("yes", "Yes", "Their session should stay alive for as long as they use the app."),
        Option("no", "No", "Signing in again when the access token expires is fine."),
    ),
)
# --8<-- [end:question]


_OAUTH_LINKS = (
    ("RingCentral: choosing the best auth method", facts.AUTH_METHODS_URL),
    ("Next: PKCE", "authentication.md#pkce"),
)
_JWT_LINKS = (
    ("RingCentral: create a JWT credential", facts.JWT_CREDENTIAL_URL),
    ("JWT credentials", "authentication.md#jwt-credentials"),
    ("Next: configure security", "security.md"),
)
_OAUTH_SOURCES = ("auth-who-signs-in", "seed-three-legged", "redirect-uri-required", "redirect-uri-exact")
_JWT_SOURCES = (
    "auth-who-signs-in",
    "jwt-not-for-individuals",
    "jwt-service-user",
    "jwt-service-user-persistent",
    "jwt-credential-user",
)


def auth_method(*, users_sign_in: bool, has_user_interface: bool) -> Decision:
    """Pick the auth flow by who signs in (RingCentral, "Choosing the best auth method").

    Apps whose users each log in to RingCentral themselves use the authorization code flow (the
    3-legged OAuth of the seed and the form). Apps that act as one pre-determined user, typically
    a service user acting for the whole organization, use JWT, with or without a user interface:
    JWT is not meant for individual user authentication. A public server-to-server integration
    is no exception: each customer creates a JWT credential restricted to the app's client ID
    ("Using JWT to help customers connect"). Changed 2026-12-04: the first argument was
    ``acts_for_users``, and any app with a user interface got the 3-legged flow.
    """
    USERS_SIGN_IN.check(users_sign_in)
    HAS_USER_INTERFACE.check(has_user_interface)
    if users_sign_in:
        where = (
            "Your app shows them a page where they start the sign-in, so PKCE applies (next)."
            if has_user_interface
            else "That sign-in needs a page of yours where users start it and RingCentral sends them back: "
            "your app needs at least that one page, even if it does nothing else."
        )
        return Decision(
            "three-legged-oauth",
            "3-legged OAuth flow (authorization code)",
            (
                "Each user logs in to RingCentral with their own account and authorizes your app to act for "
                "them: that is what the authorization code flow is for.",
                where,
                "Register the OAuth redirect URI where RingCentral sends users back: every request must name "
                "one of them exactly.",
            ),
            _OAUTH_LINKS,
            sources=_OAUTH_SOURCES + (() if has_user_interface else ("seed-three-legged-ui",)),
        )
    if has_user_interface:
        return Decision(
            "jwt",
            "JWT auth flow",
            (
                "Nobody signs in to RingCentral through your app: it acts as one identity, your own account "
                "or a service user, even though people use its interface (an internal dashboard, say).",
                "The JWT flow is made for one pre-determined user; RingCentral advises against it only where "
                "each user must authenticate individually, which is not your case.",
                "Keep the JWT on your server: the interface talks to your server, and only the server calls "
                "RingCentral.",
                "Use a dedicated service user rather than an employee's account, so that the app keeps working "
                "when that person leaves.",
            ),
            _JWT_LINKS,
            sources=_JWT_SOURCES,
        )
    return Decision(
        "jwt",
        "JWT auth flow",
        (
            "Your app runs on its own, as one identity, with nobody signing in: a nightly job that archives "
            "the organization's calls, a script, a server-to-server integration. The JWT flow is made for it.",
            "It signs in with a JWT credential, which belongs to a user and can do only what that user's role "
            "allows: use a dedicated service user, so that the app keeps working when an employee leaves.",
            "A public server-to-server app uses JWT too: each customer creates a JWT credential restricted to "
            "your app's client ID and hands it to you.",
        ),
        _JWT_LINKS + (("RingCentral: JWT for public apps", facts.JWT_PUBLIC_APPS_URL),),
        notes=(CHANGES["password-flow"].now,),
        sources=_JWT_SOURCES + ("jwt-public-apps", "password-deprecated", "seed-password-flow"),
    )


_SEED_LIST = {"browser", "ios", "android", "windows", "mac"}
_CLIENT_ONLY = _SEED_LIST | {"mobile-other", "desktop-other"}


def pkce(*, platform: str) -> Decision:
    """Decide on PKCE from where the API is called, saying who requires what.

    RFC 9700 (2.1.1): public clients, which run only on the user's device or in the browser and
    cannot keep a secret, MUST use PKCE; for confidential (server-side) clients it is
    RECOMMENDED, with S256 (RFC 7636). RingCentral today recommends PKCE and, when the method is
    omitted, assumes ``plain``; its 2021 page (the seed) required PKCE for client-side web, iOS,
    Android, Windows and Mac apps. An app with no user interface runs no authorization-code flow.
    """
    PLATFORM.check(platform)
    link = (("RingCentral: implement PKCE", facts.PKCE_URL),)
    method = "Send code_challenge_method=S256: when the method is left out, RingCentral assumes plain."
    if platform in _CLIENT_ONLY:
        where = (
            "Your app runs only on the user's device or in the browser, where a client secret cannot stay secret."
            if platform in _SEED_LIST
            else "Your app runs only on the user's device, where a client secret cannot stay secret: it is a "
            "public client like the client-side web, iOS, Android, Windows and Mac apps that the 2021 guide named."
        )
        return Decision(
            "required",
            "PKCE required",
            (
                where,
                "Who requires it: OAuth's security best practice (RFC 9700) says public clients must use PKCE. "
                "RingCentral recommends it today; its 2021 guide required it for client-side web, iOS, Android, "
                "Windows and Mac apps.",
                method,
            ),
            link,
            sources=("rfc9700-pkce-public", "pkce-recommended", "seed-pkce-required", "pkce-plain-default"),
        )
    if platform == "server-web":
        return Decision(
            "recommended",
            "PKCE recommended",
            (
                "Your server keeps the client secret, so neither RingCentral nor RFC 9700 requires PKCE.",
                "Both recommend it: RingCentral calls PKCE the recommended form of the flow, and RFC 9700 "
                "recommends it for confidential clients, because it protects an authorization code that leaks.",
                method,
            ),
            link,
            sources=("rfc9700-pkce-confidential", "pkce-recommended", "pkce-plain-default"),
        )
    return Decision(
        "not-applicable",
        "PKCE does not apply",
        ("An app without a user interface never runs the authorization-code flow that PKCE protects.",),
        (("Next: refresh tokens", "authentication.md#refresh-tokens"),),
        sources=("auth-who-signs-in",),
    )


# --8<-- [start:rule]
def refresh_tokens(*, stay_signed_in: bool) -> Decision:
    """Decide on refresh tokens for an app on the authorization code flow.

    Seed: enable refresh tokens if users should authenticate once and not log in again, and
    refresh every stored token in a daily job. RingCentral's refresh-token page: an access token
    lasts 1 hour and a refresh token 7 days, a refresh token works once, and "Issue refresh
    tokens?" is off unless you turn it on. A JWT app needs none (it presents its JWT again) and a
    bot's token does not expire: the planner asks them nothing.
    """
    STAY_SIGNED_IN.check(stay_signed_in)
    if stay_signed_in:
        return Decision(
            "enable",
            "Enable refresh tokens",
            (
                "An access token lasts 1 hour; a refresh token, valid for 7 days, swaps it for a new access "
                "token without asking the user to sign in.",
                "Turn on \"Issue refresh tokens?\" in the form: it is off unless you do.",
                "Each refresh token works once: store the new refresh token that comes with every new access token.",
                "Run a background job at least once a day that refreshes every stored token: done reliably, "
                "the user's session never goes stale.",
            ),
            (
                ("Keep sessions alive with a daily job", "authentication.md#keep-sessions-alive-with-a-daily-job"),
                ("RingCentral: refresh tokens", facts.REFRESH_TOKENS_URL),
                ("Next: configure security", "security.md"),
            ),
            sources=(
                "seed-refresh-tokens",
                "access-token-hour",
                "refresh-token-days",
                "refresh-off-by-default",
                "refresh-token-once",
                "seed-refresh-daily",
            ),
        )
    return Decision(
        "not-needed",
        "Refresh tokens not needed",
        (
            "Your users can sign in again when their access token expires, after 1 hour, so the app does not "
            "need refresh tokens.",
            "Leave \"Issue refresh tokens?\" off, as the form has it.",
        ),
        (("Next: configure security", "security.md"),),
        sources=("seed-refresh-tokens", "access-token-hour", "refresh-off-by-default"),
    )


# --8<-- [end:rule]
