"""Authorisation matrix of Action 3 (merged into MATRIX by tests/test_authorization_matrix.py).

Civic centers are read by the Direzione (every district) and by the Ufficio di Piano and Coordinatore of their
district; written only by the latter. Everyone else sees empty lists and 404 on details.
"""

from civic_center.models import ActivitySlot
from tests.civic_center.factories import ActivityFactory, AgreementFactory, PayingDemandFactory, active_center
from tests.factories import pdf_upload
from tests.matrix import Case, statuses

WRITERS = {"udp_cremonese": 200, "udp_cremasco": 200, "udp_casalasco": 200, "coordinatore": 200}
LIST = statuses(200)
READ = statuses(404, direzione=200, udp_cremonese=200, coordinatore=200)
WRITE = statuses(404, direzione=403, udp_cremonese=200, coordinatore=200)
WRITE_POST = statuses(404, direzione=403, udp_cremonese=302, coordinatore=302)
CREATE = statuses(403, **WRITERS)

MATRIX_CIVIC_CENTER = {
    "civic_center:center_list": Case(LIST),
    "civic_center:center_create": Case(CREATE),
    "civic_center:center_detail": Case(READ, args=("center",)),
    "civic_center:center_edit": Case(WRITE, args=("center",)),
    "civic_center:center_transition": Case(WRITE_POST, method="post", args=("center",), data={"to_status": "closed"}),
    "civic_center:center_timetable": Case(READ, args=("center",)),
    "civic_center:center_rules_download": Case(READ, args=("center",)),
    "civic_center:activity_create": Case(WRITE, args=("center",)),
    "civic_center:agreement_create": Case(WRITE, args=("center",)),
    "civic_center:activity_list": Case(LIST),
    "civic_center:activity_detail": Case(READ, args=("activity",)),
    "civic_center:activity_edit": Case(WRITE, args=("activity",)),
    "civic_center:demand_create": Case(WRITE_POST, method="post", args=("activity",)),
    "civic_center:agreement_list": Case(LIST),
    "civic_center:agreement_detail": Case(READ, args=("agreement",)),
    "civic_center:agreement_edit": Case(WRITE, args=("agreement",)),
    "civic_center:demand_list": Case(LIST),
}


def civic_center_world(request=None) -> dict:
    """A Cremonese civic center with its rules document, an agreement, an activity with a slot and paying demand."""
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and not str(callspec.params.get("name", "")).startswith("civic_center:"):
        return {}
    center = active_center(shared_rules_file=pdf_upload("regole.pdf"))
    agreement = AgreementFactory(civic_center=center)
    activity = ActivityFactory(civic_center=center, agreement=agreement)
    ActivitySlot.objects.create(activity=activity, weekday=3, start="18:30", end="20:00")
    PayingDemandFactory(activity=activity)
    return {"center": center, "agreement": agreement, "activity": activity}
