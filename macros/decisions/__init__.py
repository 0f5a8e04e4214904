"""The rules behind every guide: pure functions, no MkDocs, no files, no state.

The names, arguments and outcome ids follow ``shared/design/guides.md``. ``GUIDES`` pairs each
function with the questions a guide asks for it, in the order the reader meets them.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from macros.decisions.access import (
    ACCESS,
    COMMUNICATION_PLATFORM,
    FEDERATED_ACCOUNTS,
    FOR_RINGCENTRAL_CUSTOMERS,
    OWN_COMPANY_DATA_ONLY,
    RESTRICT_TO_PARTNERS,
    app_access,
    partner_reach,
)
from macros.decisions.app_type import PURPOSE, app_type
from macros.decisions.auth import (
    HAS_USER_INTERFACE,
    PLATFORM,
    STAY_SIGNED_IN,
    USERS_SIGN_IN,
    auth_method,
    pkce,
    refresh_tokens,
)
from macros.decisions.features import APP_TYPE, INSTALL_VIA_WEB, INTERACTIVE_MESSAGES, app_features
from macros.decisions.model import Decision, Option, Question
from macros.decisions.permissions import CAPABILITIES, permissions
from macros.decisions.plan import PARTNERS, PLAN_PLATFORM, Plan, plan_app

__all__ = [
    "GUIDES",
    "Guide",
    "Decision",
    "Option",
    "Question",
    "app_type",
    "auth_method",
    "pkce",
    "refresh_tokens",
    "app_access",
    "partner_reach",
    "app_features",
    "permissions",
    "plan_app",
    "Plan",
]


@dataclass(frozen=True)
class Guide:
    """A decision function and the questions that feed its arguments."""

    name: str
    function: Callable[..., Decision | Plan]  # plan_app gives a Plan
    questions: tuple[Question, ...]


GUIDES: Mapping[str, Guide] = {
    guide.name: guide
    for guide in (
        Guide("app_type", app_type, (PURPOSE,)),
        Guide("auth_method", auth_method, (USERS_SIGN_IN, HAS_USER_INTERFACE)),
        Guide("pkce", pkce, (PLATFORM,)),
        # --8<-- [start:register]
        Guide("refresh_tokens", refresh_tokens, (STAY_SIGNED_IN,)),
        # --8<-- [end:register]
        Guide(
            "app_access",
            app_access,
            (FEDERATED_ACCOUNTS, OWN_COMPANY_DATA_ONLY, COMMUNICATION_PLATFORM, FOR_RINGCENTRAL_CUSTOMERS),
        ),
        Guide("partner_reach", partner_reach, (ACCESS, RESTRICT_TO_PARTNERS)),
        Guide("app_features", app_features, (APP_TYPE, INTERACTIVE_MESSAGES, INSTALL_VIA_WEB)),
        Guide("permissions", permissions, (CAPABILITIES,)),
        Guide(
            "plan_app",
            plan_app,
            (
                PURPOSE,
                USERS_SIGN_IN,
                HAS_USER_INTERFACE,
                PLAN_PLATFORM,
                STAY_SIGNED_IN,
                CAPABILITIES,
                FEDERATED_ACCOUNTS,
                OWN_COMPANY_DATA_ONLY,
                COMMUNICATION_PLATFORM,
                FOR_RINGCENTRAL_CUSTOMERS,
                RESTRICT_TO_PARTNERS,
                PARTNERS,
                INTERACTIVE_MESSAGES,
                INSTALL_VIA_WEB,
            ),
        ),
    )
}
