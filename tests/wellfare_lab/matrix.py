"""Authorisation matrix of Action 4 (merged into MATRIX by tests/test_authorization_matrix.py).

A Cremonese district lab: read by the Direzione and the Cremonese staff, written by the Cremonese staff (the
Direzione gets 403). A provincial lab: read by the Direzione and every district's staff, written by the Direzione.
The Manifesto: read by the same readers, written by the Direzione. Everyone else: empty lists, 404.
"""

from tests.factories import pdf_upload
from tests.matrix import Case, statuses
from tests.wellfare_lab.factories import (
    AttendanceFactory,
    ManifestoVersionFactory,
    ParticipantFactory,
    SessionFactory,
    provincial_lab,
)

WRITERS = {"udp_cremonese": 200, "udp_cremasco": 200, "udp_casalasco": 200, "coordinatore": 200}
LIST = statuses(200)
DISTRICT_READ = statuses(404, direzione=200, udp_cremonese=200, coordinatore=200)
DISTRICT_WRITE = statuses(404, direzione=403, udp_cremonese=200, coordinatore=200)
DISTRICT_POST = statuses(404, direzione=403, udp_cremonese=302, coordinatore=302)
PROVINCIAL_READ = statuses(404, direzione=200, **WRITERS)
PROVINCIAL_WRITE = statuses(
    404, direzione=200, udp_cremonese=403, udp_cremasco=403, udp_casalasco=403, coordinatore=403
)

MATRIX_WELLFARE_LAB = {
    "wellfare_lab:lab_list": Case(LIST),
    "wellfare_lab:lab_create": Case(statuses(403, direzione=200, **WRITERS)),
    "wellfare_lab:lab_detail": Case(DISTRICT_READ, args=("lab",)),
    "wellfare_lab:lab_edit": Case(DISTRICT_WRITE, args=("lab",)),
    "wellfare_lab:session_create": Case(PROVINCIAL_WRITE, args=("provincial_lab",)),
    "wellfare_lab:participant_create": Case(DISTRICT_WRITE, args=("lab",)),
    "wellfare_lab:session_list": Case(LIST),
    "wellfare_lab:session_detail": Case(PROVINCIAL_READ, args=("provincial_session",)),
    "wellfare_lab:session_edit": Case(DISTRICT_WRITE, args=("session",)),
    "wellfare_lab:attendance_save": Case(DISTRICT_POST, method="post", args=("session",)),
    "wellfare_lab:participant_edit": Case(DISTRICT_WRITE, args=("participant",)),
    "wellfare_lab:manifesto_list": Case(LIST),
    "wellfare_lab:manifesto_create": Case(statuses(403, direzione=200)),
    "wellfare_lab:manifesto_detail": Case(PROVINCIAL_READ, args=("manifesto",)),
    "wellfare_lab:manifesto_edit": Case(PROVINCIAL_WRITE, args=("manifesto",)),
    "wellfare_lab:manifesto_download": Case(PROVINCIAL_READ, args=("manifesto",)),
}


def wellfare_lab_world(request=None) -> dict:
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and not str(callspec.params.get("name", "")).startswith("wellfare_lab:"):
        return {}
    attendance = AttendanceFactory()
    provincial = provincial_lab()
    provincial_session = SessionFactory(lab=provincial)
    manifesto = ManifestoVersionFactory(document=pdf_upload("manifesto.pdf"))
    manifesto.sessions.add(provincial_session)
    return {
        "lab": attendance.session.lab,
        "session": attendance.session,
        "participant": ParticipantFactory(lab=attendance.session.lab),
        "provincial_lab": provincial,
        "provincial_session": provincial_session,
        "manifesto": manifesto,
    }
