"""Authorisation matrix of Action 2A (merged into MATRIX by tests/test_authorization_matrix.py).

Labs are read by the Direzione and the Staff Fundraising (every district) and by the Ufficio di Piano and
Coordinatore of the lab's district; written (plan, meetings, assessments, payments) only by the latter; the Staff
Fundraising writes the fundraising activities. Amministrazione, Partner and users with no role see empty lists and
404 on details. The restitution event is programme-wide: read by whoever reads labs, written by any district staff.
"""

import datetime as dt
from decimal import Decimal

from governance.models import ProjectYear
from laboratori import services
from laboratori.models import RestitutionEvent
from tests.laboratori.factories import (
    FundraisingActivityFactory,
    LabMeetingFactory,
    LaboratorioFactory,
    lab_ledger_lines,
)
from tests.matrix import Case, statuses

READERS = {"direzione": 200, "fundraising": 200, "udp_cremonese": 200, "coordinatore": 200}
READ = statuses(404, **READERS)
WRITE = statuses(404, direzione=403, fundraising=403, udp_cremonese=200, coordinatore=200)
WRITE_POST = statuses(404, direzione=403, fundraising=403, udp_cremonese=302, coordinatore=302)
FUNDRAISING = statuses(404, direzione=403, fundraising=200, udp_cremonese=403, coordinatore=403)
WRITERS = {"udp_cremonese": 200, "udp_cremasco": 200, "udp_casalasco": 200, "coordinatore": 200}
CREATE = statuses(403, **WRITERS)
LIST = statuses(200)
PROGRAMME_READ = statuses(404, direzione=200, fundraising=200, **WRITERS)
PROGRAMME_WRITE = statuses(403, **WRITERS)
PROGRAMME_EDIT = statuses(404, direzione=403, fundraising=403, **WRITERS)

MATRIX_LABORATORI = {
    "laboratori:lab_list": Case(LIST, rows={"lab": READ}),
    "laboratori:lab_create": Case(CREATE),
    "laboratori:lab_detail": Case(READ, args=("lab",)),
    "laboratori:lab_edit": Case(WRITE, args=("lab",)),
    "laboratori:lab_transition": Case(WRITE_POST, method="post", args=("lab",)),
    "laboratori:assessment_create": Case(WRITE_POST, method="post", args=("lab",)),
    "laboratori:meeting_create": Case(WRITE, args=("lab",)),
    "laboratori:meeting_edit": Case(WRITE, args=("lab", "lab_meeting")),
    "laboratori:payment_create": Case(WRITE, args=("lab",)),
    "laboratori:payment_cancel": Case(WRITE_POST, method="post", args=("lab", "lab_payment")),
    "laboratori:fundraising_create": Case(FUNDRAISING, args=("lab",)),
    "laboratori:fundraising_edit": Case(FUNDRAISING, args=("lab", "lab_fundraising")),
    "laboratori:restitution_list": Case(LIST, rows={"restitution": PROGRAMME_READ}),
    "laboratori:restitution_create": Case(PROGRAMME_WRITE),
    "laboratori:restitution_detail": Case(PROGRAMME_READ, args=("restitution",)),
    "laboratori:restitution_edit": Case(PROGRAMME_EDIT, args=("restitution",)),
}


def laboratori_world(request=None) -> dict:
    """A Cremonese lab (year 2) with a meeting, a payment and a fundraising activity, and a restitution event.

    Built only for the matrix cases of this app (the other cases do not pay for it)."""
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and not str(callspec.params.get("name", "")).startswith("laboratori:"):
        return {}
    from django.contrib.auth import get_user_model

    writer = get_user_model().objects.get(username="udp.cremonese")
    lab_ledger_lines()
    lab = LaboratorioFactory()
    payment = services.payment_create(
        lab=lab,
        date=dt.date(2016, 10, 1),
        amount=Decimal("1000.00"),
        funding_source="cariplo",
        description="Anticipo",
        user=writer,
    )
    event = RestitutionEvent.objects.create(
        project_year=ProjectYear.objects.get(number=2),
        date=dt.date(2017, 5, 20),
        place="Cremona",
        title="Festa dei laboratori",
    )
    event.labs.add(lab)
    return {
        "lab": lab,
        "lab_meeting": LabMeetingFactory(lab=lab),
        "lab_payment": payment,
        "lab_fundraising": FundraisingActivityFactory(lab=lab),
        "restitution": event,
    }
