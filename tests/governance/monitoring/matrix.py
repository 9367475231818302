"""Authorisation matrix of the monitoring report (merged into MATRIX by tests/test_authorization_matrix.py).

The live report is read by the Direzione and Staff Amministrazione (programme-wide) and by the Uffici di Piano
(their districts' figures); the other roles get 403. Writing the narrative and submitting are the Direzione's: the
readers get 403, everyone else 404. The files as sent are programme-wide: Direzione and Amministrazione only (404).
"""

from django.utils import timezone

from governance.models import MonitoringReport, ProjectYear, ReportStatus
from tests.matrix import Case, statuses

UDP = {"udp_cremonese": 200, "udp_cremasco": 200, "udp_casalasco": 200}
READ = statuses(403, direzione=200, amministrazione=200, **UDP)
WRITE = statuses(404, direzione=200, amministrazione=403, udp_cremonese=403, udp_cremasco=403, udp_casalasco=403)
SUBMIT = {**WRITE, "direzione": 302}
SENT = statuses(404, direzione=200, amministrazione=200)

MATRIX_MONITORING = {
    "governance:monitoring_report": Case(READ, data={"year": "2"}),
    "governance:monitoring_narrative": Case(WRITE, kwargs={"year": 3}),
    "governance:monitoring_submit": Case(SUBMIT, method="post", kwargs={"year": 3}),
    "governance:monitoring_sent": Case(SENT, kwargs={"year": 2, "extension": "pdf"}),
}


def monitoring_world(request=None) -> dict:
    """The report of year 2 as sent (stored bytes), for the download case; built only for this file's cases."""
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and str(callspec.params.get("name", "")) not in MATRIX_MONITORING:
        return {}
    report = MonitoringReport.objects.create(
        project_year=ProjectYear.objects.get(number=2),
        status=ReportStatus.SUBMITTED,
        submitted_at=timezone.now(),
        snapshot={"reference": "2017-05-31", "tables": []},
        sent_pdf=b"%PDF-1.7 inviato",
        sent_xlsx=b"PK inviato",
    )
    return {"monitoring_report": report}
