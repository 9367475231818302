"""The vocabulary of the authorisation matrix: roles, expected statuses, and how to call a URL.

Each app declares its entries as a dict of `Case`s (e.g. `tests/governance/budget/matrix.py`); the matrix test in
`tests/test_authorization_matrix.py` merges them and checks every URL of the URLconf against every role.
"""

from dataclasses import dataclass, field

from tests.conftest import ROLES

ANONYMOUS = "anonymous"
NOBODY = "nobody"
ALL_ROLES = [ANONYMOUS, NOBODY, *ROLES]
LOGGED_IN = [NOBODY, *ROLES]
LOGIN = "login"  # redirect to the login page


@dataclass
class Case:
    """How to call one URL and what each role gets. `args` names objects of the `world` fixture.

    `rows` (list pages): world object → who may see it (the statuses of its detail page, 200 = may see). The page
    of every role that may not see it must not link to it (`href="<its absolute URL>"`), and at least one role
    that may see it must find the link (so the check cannot pass vacuously).
    A GET case is also sent as a POST with empty data: no role gets a 500, and a role refused the page gets
    403/404 (or 405, or the login page) and changes nothing in the database.
    """

    expect: dict
    method: str = "get"
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)


def statuses(default, **by_role):
    """Expected status for every role: `default` for logged-in users, LOGIN for anonymous, overrides by role."""
    result = {ANONYMOUS: LOGIN, **dict.fromkeys(LOGGED_IN, default)}
    result.update({role.replace("_", "."): status for role, status in by_role.items()})
    return result


def public(status=200):
    return dict.fromkeys(ALL_ROLES, status)


# Records of the Cremonese district: seen by programme-wide roles and the Cremonese staff only.
CREMONESE_READ = statuses(404, direzione=200, fundraising=200, amministrazione=200, udp_cremonese=200, coordinatore=200)
CREMONESE_MANAGE = statuses(
    404, direzione=200, udp_cremonese=200, coordinatore=403, fundraising=403, amministrazione=403
)
CREATE_MEETING = statuses(403, direzione=200, udp_cremonese=200, udp_cremasco=200, udp_casalasco=200)
