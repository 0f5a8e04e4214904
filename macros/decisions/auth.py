"""How the app signs in: the auth flow, PKCE and refresh tokens (seed: "Setup authentication")."""

from macros.decisions import facts
from macros.decisions.changes import CHANGES
from macros.decisions.model import Decision, Option, Question

ACTS_FOR_USERS = Question(
    "acts_for_users",
    "Will your app use other people's RingCentral data or act on their behalf?",
    "bool",
    (
        Option("yes", "Yes", "Users of other accounts, or of yours, sign in to it."),
        Option("no", "No", "It only uses your own account, with your own credentials."),
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


def auth_method(*, acts_for_users: bool, has_user_interface: bool) -> Decision:
    """Pick the auth flow that today's Create App form offers for this app.

    Seed: 3-legged OAuth is for apps that access users' data or act on their behalf, and it needs
    a user interface where users start the sign-in; password-based suits apps without one (a cron
    job, a script). facts.md: the password grant is deprecated and the form now offers the JWT
    auth flow for that case; a JWT credential belongs to a user and is restricted to apps.
    """
    ACTS_FOR_USERS.check(acts_for_users)
    HAS_USER_INTERFACE.check(has_user_interface)
    links = (("Next: PKCE", "authentication.md#pkce"),)
    if acts_for_users and not has_user_interface:
        return Decision(
            "three-legged-oauth",
            "3-legged OAuth flow",
            (
                "Your app works with other users' data or acts for them, so those users must authorize it "
                "with the 3-legged OAuth flow.",
                "That flow needs a user interface where users start the authorization: your app will have "
                "to publish one, even a single sign-in page.",
            ),
            links,
        )
    if acts_for_users or has_user_interface:
        why = (
            "Your app works with other users' data or acts for them: they authorize it with the 3-legged OAuth flow."
            if acts_for_users
            else "Your app has a user interface, where people can start the 3-legged OAuth flow and sign "
            "in with their own RingCentral account."
        )
        return Decision("three-legged-oauth", "3-legged OAuth flow", (why,), links)
    return Decision(
        "jwt",
        "JWT auth flow",
        (
            "Your app runs without a user interface and only uses your own account, so no user has to "
            "sign in: the JWT auth flow is made for this case, a cron job or a script, and is easy to build.",
            "The app signs in with a JWT credential, which belongs to a user: it can do only what that user's "
            "role allows. Create it in the Developer Console (your name's menu, Credentials, Create JWT) and "
            "restrict it to this app's client ID.",
        ),
        (
            ("RingCentral: create a JWT credential", facts.JWT_CREDENTIAL_URL),
            ("JWT credentials", "authentication.md#jwt-credentials"),
            ("Next: refresh tokens", "authentication.md#refresh-tokens"),
        ),
        notes=(CHANGES["password-flow"].now,),
    )


_SEED_LIST = {"browser", "ios", "android", "windows", "mac"}
_CLIENT_ONLY = _SEED_LIST | {"mobile-other", "desktop-other"}


def pkce(*, platform: str) -> Decision:
    """Decide on PKCE from where the API is called.

    Seed: PKCE is required for client-side web apps, Android and iOS apps, and Windows and Mac
    desktop apps, because client-only apps cannot keep a secret. The other mobile and desktop
    apps are client-only too, and RFC 9700 (2.1.1) says public clients MUST use PKCE; for a
    server-side app RingCentral does not require it, but RFC 9700 recommends it. An app with no
    user interface uses no authorization-code flow, so PKCE does not apply.
    """
    PLATFORM.check(platform)
    link = (("RingCentral: implement PKCE", facts.PKCE_URL),)
    if platform in _CLIENT_ONLY:
        listed = platform in _SEED_LIST
        return Decision(
            "required",
            "PKCE required",
            (
                "RingCentral requires PKCE for client-side web apps, iOS and Android apps, and Windows and Mac "
                "desktop apps: they run only on the user's device or in the browser, where a client secret "
                "cannot stay secret."
                if listed
                else "RingCentral's list names client-side web, iOS, Android, Windows and Mac apps; yours also runs "
                "only on the user's device, where a client secret cannot stay secret, so the same reason holds.",
                "OAuth's security best practice (RFC 9700) agrees: public clients must use PKCE, with the S256 method.",
            ),
            link,
        )
    if platform == "server-web":
        return Decision(
            "recommended",
            "PKCE recommended",
            (
                "Your server keeps the client secret, so RingCentral does not require PKCE.",
                "RFC 9700 still recommends it for such confidential clients: it protects the authorization "
                "code if it leaks.",
            ),
            link,
        )
    return Decision(
        "not-applicable",
        "PKCE does not apply",
        ("An app without a user interface never runs the authorization-code flow that PKCE protects.",),
        (("Next: refresh tokens", "authentication.md#refresh-tokens"),),
    )


# --8<-- [start:rule]
def refresh_tokens(*, stay_signed_in: bool) -> Decision:
    """Decide on refresh tokens (seed: "Should I enable refresh tokens?").

    Seed: access tokens expire soon after they are issued; enable refresh tokens if users should
    authenticate once and not log in again, and refresh every stored token in a daily job.
    """
    STAY_SIGNED_IN.check(stay_signed_in)
    if stay_signed_in:
        return Decision(
            "enable",
            "Enable refresh tokens",
            (
                "Access tokens expire a short while after they are issued; a refresh token lets your app "
                "swap it for a new access token without asking the user to sign in.",
                "Run a background job once a day that goes over every stored token and refreshes it: done "
                "reliably, the user's session never goes stale.",
            ),
            (
                ("Keep sessions alive with a daily job", "authentication.md#keep-sessions-alive-with-a-daily-job"),
                ("Next: configure security", "security.md"),
            ),
        )
    return Decision(
        "not-needed",
        "Refresh tokens not needed",
        (
            "Your users can sign in again whenever their short-lived access token expires, so the app "
            "does not need the extra refresh token.",
        ),
        (("Next: configure security", "security.md"),),
    )


# --8<-- [end:rule]
