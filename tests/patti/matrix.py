"""Authorisation matrix of Action 1 (merged into MATRIX by tests/test_authorization_matrix.py).

Pacts, households and what hangs on them are read by the Direzione (every district, never identities) and by the
Ufficio di Piano and Coordinatore of the record's district; written only by the latter. Fundraising, Amministrazione,
Partner and users with no role see empty lists and 404 on details. Calls for business ideas are provincial.
"""

import datetime as dt
from decimal import Decimal

from patti import services
from patti.enums import PattoStatus
from tests.factories import pdf_upload
from tests.matrix import Case, statuses
from tests.patti.factories import (
    BusinessIdeaFactory,
    EmpowermentPathFactory,
    HostOrganisationFactory,
    IdeaCallFactory,
    PlacementFactory,
    ledger_lines,
    signed_patto,
    writer_of,
)

WRITERS = {"udp_cremonese": 200, "udp_cremasco": 200, "udp_casalasco": 200, "coordinatore": 200}
READ = statuses(404, direzione=200, udp_cremonese=200, coordinatore=200)
WRITE = statuses(404, direzione=403, udp_cremonese=200, coordinatore=200)
WRITE_POST = statuses(404, direzione=403, udp_cremonese=302, coordinatore=302)
IDENTITY_DOC = statuses(404, direzione=403, udp_cremonese=200, coordinatore=200)
CREATE = statuses(403, **WRITERS)
LIST = statuses(200)
PROVINCIAL_READ = statuses(404, direzione=200, **WRITERS)

MATRIX_PATTI = {
    "patti:patto_list": Case(LIST, rows={"patto": READ}),
    "patti:patto_create": Case(CREATE),
    "patti:patto_detail": Case(READ, args=("patto",)),
    "patti:patto_edit": Case(WRITE, args=("patto",)),
    "patti:patto_pdf": Case(READ, args=("patto",)),
    "patti:patto_transition": Case(WRITE_POST, method="post", args=("patto",)),
    "patti:patto_signing_date": Case(WRITE_POST, method="post", args=("patto",)),
    "patti:disbursement_create": Case(WRITE, args=("patto",)),
    "patti:disbursement_cancel": Case(WRITE_POST, method="post", args=("patto", "disbursement")),
    "patti:assessment_create": Case(WRITE_POST, method="post", args=("patto",)),
    "patti:signed_upload": Case(WRITE_POST, method="post", args=("patto",)),
    "patti:pip_download": Case(IDENTITY_DOC, args=("patto",)),
    "patti:signed_download": Case(IDENTITY_DOC, args=("patto",)),
    "patti:household_list": Case(LIST, rows={"household": READ}),
    "patti:household_create": Case(CREATE),
    "patti:household_detail": Case(READ, args=("household",)),
    "patti:household_edit": Case(WRITE, args=("household",)),
    "patti:access_log": Case(statuses(403, direzione=200)),
    "patti:worklist": Case(CREATE),
    "patti:reports": Case(statuses(403, direzione=200, fundraising=200, amministrazione=200, **WRITERS)),
    "patti:path_list": Case(LIST, rows={"path": READ}),
    "patti:path_create": Case(CREATE),
    "patti:path_detail": Case(READ, args=("path",)),
    "patti:path_edit": Case(WRITE, args=("path",)),
    "patti:host_list": Case(LIST, rows={"host": READ}),
    "patti:host_create": Case(CREATE),
    "patti:host_detail": Case(READ, args=("host",)),
    "patti:host_edit": Case(WRITE, args=("host",)),
    "patti:placement_list": Case(LIST, rows={"placement": READ}),
    "patti:placement_create": Case(CREATE),
    "patti:placement_detail": Case(READ, args=("placement",)),
    "patti:placement_edit": Case(WRITE, args=("placement",)),
    "patti:call_list": Case(LIST, rows={"call": PROVINCIAL_READ}),
    "patti:call_create": Case(statuses(403, direzione=200)),
    "patti:call_detail": Case(PROVINCIAL_READ, args=("call",)),
    "patti:call_edit": Case(
        statuses(404, direzione=200, udp_cremonese=403, udp_cremasco=403, udp_casalasco=403, coordinatore=403),
        args=("call",),
    ),
    "patti:idea_list": Case(LIST, rows={"idea": READ}),
    "patti:idea_create": Case(statuses(403, direzione=200, **WRITERS)),
    "patti:idea_detail": Case(READ, args=("idea",)),
    "patti:idea_edit": Case(statuses(404, direzione=200, udp_cremonese=200, coordinatore=200), args=("idea",)),
    "patti:idea_transition": Case(
        statuses(404, direzione=302, udp_cremonese=302, coordinatore=302), method="post", args=("idea",)
    ),
}


def patti_world(request=None) -> dict:
    """A Cremonese pact (signed, with a disbursement, its PIP and signed documents) and the records around it.

    Built only for the matrix cases of this app (the other cases do not pay for it)."""
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and not str(callspec.params.get("name", "")).startswith("patti:"):
        return {}
    ledger_lines()
    patto = signed_patto(status=PattoStatus.ATTIVO)
    patto.pip_file = pdf_upload("pip.pdf")
    patto.signed_document = pdf_upload("firmato.pdf")
    patto.save()
    disbursement = services.disbursement_create(
        patto=patto,
        date=dt.date(2016, 10, 1),
        amount=Decimal("100.00"),
        purpose="Affitto",
        funding_source="cariplo",
        user=writer_of(patto.district),
    )
    path = EmpowermentPathFactory()
    path.patti.add(patto)
    return {
        "patto": patto,
        "household": patto.household,
        "disbursement": disbursement,
        "path": path,
        "host": HostOrganisationFactory(),
        "placement": PlacementFactory(patto=patto),
        "call": IdeaCallFactory(),
        "idea": BusinessIdeaFactory(),
    }
