"""The smallest set of permissions (app scopes) that covers what the app does.

Seed: "For security, request only permissions your application requires." facts.md gives each
permission's meaning and the permissions it includes, which become redundant beside it.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from macros.decisions import facts
from macros.decisions.changes import CHANGES
from macros.decisions.model import Decision, Option, Question

# What the reader ticks, and the permission that each capability needs.
_CAPABILITIES: tuple[tuple[Option, tuple[str, ...]], ...] = (
    (Option("send-sms", "Send and receive SMS"), ("SMS",)),
    (Option("read-messages", "Read messages", "SMS, fax and voicemail already received."), ("ReadMessages",)),
    (Option("send-fax", "Send and receive faxes"), ("Faxes",)),
    (Option("read-call-log", "Read call logs"), ("ReadCallLog",)),
    (Option("download-recordings", "Download call recordings"), ("ReadCallRecording",)),
    (
        Option("ringout-calls", "Place RingOut calls", "Two-legged calls that ring you, then the other party."),
        ("RingOut",),
    ),
    (Option("control-calls", "Control calls in progress", "Transfer, hold, hang up…"), ("CallControl",)),
    (Option("voip-calling", "Make VoIP calls", "Register as a VoIP phone."), ("VoipCalling",)),
    (Option("webhooks", "Receive webhook notifications", "Events pushed to your server."), ("SubscriptionWebhook",)),
    (Option("team-messaging", "Post to team messaging"), ("TeamMessaging",)),
    (Option("video-meetings", "Create RingCentral Video meetings"), ("Video",)),
    (Option("read-account", "Read account and user information"), ("ReadAccounts",)),
    (Option("read-contacts", "Read personal contacts"), ("ReadContacts",)),
    (Option("manage-contacts", "Create, edit and delete contacts"), ("Contacts",)),
    (Option("read-presence", "Read presence", "Whether people are available, busy or on a call."), ("ReadPresence",)),
    (Option("change-presence", "Change presence"), ("EditPresence",)),
)

CAPABILITIES = Question(
    "capabilities",
    "What will your app do? Tick everything that applies.",
    "multi",
    tuple(option for option, _ in _CAPABILITIES),
)
NEEDS: Mapping[str, tuple[str, ...]] = MappingProxyType({option.id: needs for option, needs in _CAPABILITIES})


@dataclass(frozen=True)
class PermissionsDecision(Decision):
    """The permissions to request, and the ones left out with the chosen permissions that include them."""

    permissions: tuple[str, ...] = ()
    left_out: tuple[tuple[str, tuple[str, ...]], ...] = ()
    requires_approval: tuple[str, ...] = ()


def smallest_cover(needed: Iterable[str]) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Drop every permission that another needed one includes: (kept, [(dropped, included in)])."""
    wanted = set(needed)
    left_out = tuple(
        (name, tuple(sorted(other for other in wanted if name in facts.implied_by(other)))) for name in sorted(wanted)
    )
    left_out = tuple((name, by) for name, by in left_out if by)
    dropped = {name for name, _ in left_out}
    return tuple(sorted(wanted - dropped)), left_out


def permissions(*, capabilities: Iterable[str]) -> PermissionsDecision:
    """Least privilege: the permissions the capabilities need, minus those another one includes.

    Seed: request only the permissions your app requires. facts.md: SMS includes ReadMessages,
    ReadCallRecording includes ReadCallLog, and so on, so asking for both is asking twice; and
    today's form marks some permissions (CallControl) as needing approval, with a review.
    """
    chosen = CAPABILITIES.check(capabilities)
    kept, left_out = smallest_cover(name for capability in chosen for name in NEEDS[capability])
    reasons = tuple(f"{name}: {facts.PERMISSIONS[name].meaning}." for name in kept)
    reasons += tuple(f"{name} is left out: {', '.join(by)} already includes it." for name, by in left_out)
    reasons = reasons + (WITHIN_ROLE,) if kept else ("Nothing ticked, nothing to request.",)
    restricted = tuple(name for name in kept if facts.PERMISSIONS[name].requires_approval)
    sources = cover_sources(kept, restricted)
    return PermissionsDecision(
        "+".join(kept) or "none",
        "Request " + (", ".join(kept) if kept else "no permissions"),
        reasons,
        (("Next: public or private", "security.md#access"),),
        tuple(approval_note(name) for name in restricted),
        sources,
        permissions=kept,
        left_out=left_out,
        requires_approval=restricted,
    )


WITHIN_ROLE = (
    "A permission never lets the app do more than the signed-in user's role allows: that user's role "
    "must hold the matching user permission."
)
# The facts behind each part of a cover, which the page composes in the same order (guides.js, "cover").
COVER_SOURCES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "base": ("seed-least-privilege",),  # request only what the app requires
        # the meanings and inclusions of the permissions page; a scope within the user's role
        "kept": ("permission-includes", "scope-within-role"),
    }
)


def approval_sources(name: str) -> tuple[str, ...]:
    """The facts behind a permission's approval note: the form's marking, and the page of that permission."""
    return ("restricted-scopes",) + (("call-control-approval",) if name == "CallControl" else ())


def cover_sources(kept: tuple[str, ...], restricted: tuple[str, ...]) -> tuple[str, ...]:
    """The facts a cover rests on, in the order the page shows them: the base, each approval, then
    the kept permissions' (when there are any)."""
    parts = [COVER_SOURCES["base"], *map(approval_sources, restricted)] + ([COVER_SOURCES["kept"]] if kept else [])
    return tuple(dict.fromkeys(source for part in parts for source in part))


def approval_note(name: str) -> str:
    """The note of a chosen permission that needs approval (facts.md, "restricted scopes"): the
    form's scope list marks it "(requires permission)"."""
    return (
        f"{name} needs approval: the form's list marks it “(requires permission)”. {CHANGES['restricted-scopes'].now}"
    )
