"""Meetings: creation with attendance, the rules on dates, quorum, concurrent edits, minutes PDF, attachments."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from governance.enums import AttendanceStatus, DecisionStatus
from governance.models import Attendance, Decision, GovernanceBody, Meeting, MeetingAttachment
from tests.factories import AttendanceFactory, DecisionFactory, MeetingFactory, pdf_upload

pytestmark = pytest.mark.django_db


def body(code):
    return GovernanceBody.objects.get(code=code)


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_post(b, *, date="2017-03-15", decisions=(), attendance=None, version=None):
    members = list(b.members.all())
    attendance = attendance if attendance is not None else [(m, "present") for m in members]
    data = {"date": date, "start_time": "10:00", "place": "Crema, Sala Ricevimenti", "agenda": "1. Avvio"}
    if version is not None:
        data["version"] = str(version)
    data.update(management("att", len(attendance)))
    for i, (member, status) in enumerate(attendance):
        data[f"att-{i}-member"] = str(member.pk)
        data[f"att-{i}-status"] = status
    data.update(management("dec", len(decisions)))
    for i, (text, due) in enumerate(decisions):
        data[f"dec-{i}-text"] = text
        data[f"dec-{i}-due_date"] = due
        data[f"dec-{i}-status"] = "open"
    return data


def test_udp_creates_a_meeting_of_its_district_body_with_attendance_and_decisions(client_for, udp_cremasco):
    coord = body("coord_cremasco")
    client = client_for(udp_cremasco)
    form_page = client.get(f"/governance/meetings/new/?body={coord.pk}")
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Referente Comune di Crema" in html
    # The empty choices of the attendance and decision selects are in Italian, not Django's dashes.
    assert '<option value="">Scegli un componente</option>' in html and "---------" not in html
    assert '<option value="" selected>Nessuna organizzazione</option>' in html
    response = client.post(
        f"/governance/meetings/new/?body={coord.pk}",
        meeting_post(coord, decisions=[("Convocare i referenti", "2017-04-30")]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(body=coord)
    assert meeting.created_by == udp_cremasco
    assert meeting.attendances.count() == coord.members.count()
    assert meeting.decisions.get().due_date == dt.date(2017, 4, 30)
    assert meeting.history.first().history_user == udp_cremasco


def test_udp_cannot_create_a_meeting_of_another_districts_body(client_for, udp_cremasco):
    coord = body("coord_cremonese")
    response = client_for(udp_cremasco).post(f"/governance/meetings/new/?body={coord.pk}", meeting_post(coord))
    assert response.status_code == 200  # the body is not among the choices
    assert not Meeting.objects.filter(body=coord).exists()


def test_a_meeting_outside_every_project_year_is_refused(client_for, udp_cremasco):
    coord = body("coord_cremasco")
    response = client_for(udp_cremasco).post(
        f"/governance/meetings/new/?body={coord.pk}", meeting_post(coord, date="2019-01-10")
    )
    assert response.status_code == 200
    assert "non cade in nessun anno di progetto" in response.content.decode()
    assert not Meeting.objects.filter(body=coord).exists()


def test_a_decision_due_before_its_meeting_is_refused(client_for, udp_cremasco):
    coord = body("coord_cremasco")
    response = client_for(udp_cremasco).post(
        f"/governance/meetings/new/?body={coord.pk}",
        meeting_post(coord, decisions=[("Decisione retrodatata", "2017-03-01")]),
    )
    assert "La scadenza non può precedere la data dell&#x27;incontro" in response.content.decode()
    assert not Meeting.objects.filter(body=coord).exists()
    assert not Decision.objects.filter(text="Decisione retrodatata").exists()


def test_a_delegated_attendance_needs_the_delegates_name(client_for, udp_cremasco):
    coord = body("coord_cremasco")
    member = coord.members.first()
    response = client_for(udp_cremasco).post(
        f"/governance/meetings/new/?body={coord.pk}", meeting_post(coord, attendance=[(member, "delegated")])
    )
    assert "Indicare il nome del delegato" in response.content.decode()
    assert not Meeting.objects.filter(body=coord).exists()


def test_concurrent_edit_is_detected_and_nothing_is_overwritten(client_for, udp_cremonese, direzione):
    coord = body("coord_cremonese")
    meeting = MeetingFactory(body=coord, date=dt.date(2017, 3, 15))
    stale_version = meeting.version
    first = client_for(direzione).post(
        f"/governance/meetings/{meeting.pk}/edit/", meeting_post(coord, attendance=[], version=stale_version)
    )
    assert first.status_code == 302
    second_client = client_for(udp_cremonese)
    data = meeting_post(coord, attendance=[], version=stale_version)
    data["place"] = "Luogo sovrascritto"
    second = second_client.post(f"/governance/meetings/{meeting.pk}/edit/", data)
    assert second.status_code == 200
    assert "un&#x27;altra persona ha modificato" in second.content.decode()
    meeting.refresh_from_db()
    assert meeting.place == "Crema, Sala Ricevimenti"
    assert meeting.version == stale_version + 1


@pytest.mark.parametrize(
    ("statuses", "reached"),
    [
        (["present", "present", "absent"], True),  # 2 of 3 ≥ majority (2)
        (["present", "absent", "absent"], False),
        (["delegated", "present", "absent"], True),  # a delegate counts
    ],
)
def test_quorum_is_computed_from_attendance(statuses, reached):
    from tests.factories import BodyMemberFactory, GovernanceBodyFactory

    coord = GovernanceBodyFactory(quorum_rule="majority")  # three seats
    members = [BodyMemberFactory(body=coord) for _ in range(3)]
    meeting = MeetingFactory(body=coord)
    for member, status in zip(members, statuses, strict=True):
        AttendanceFactory(
            meeting=meeting, member=member, status=status, delegate_name="D" if status == "delegated" else ""
        )
    quorum = meeting.quorum()
    assert quorum["seats"] == 3 and quorum["required"] == 2
    assert quorum["reached"] is reached


def test_working_groups_have_no_quorum():
    meeting = MeetingFactory(body=body("gdl_1"))
    assert meeting.quorum()["reached"] is None


def test_meeting_detail_shows_attendance_quorum_decisions_and_overdue(client_for, udp_cremonese):
    coord = body("coord_cremonese")
    meeting = MeetingFactory(body=coord, date=dt.date(2017, 3, 15))
    for member in coord.members.all():
        AttendanceFactory(meeting=meeting, member=member, status=AttendanceStatus.PRESENT)
    Attendance.objects.create(meeting=meeting, guest_name="Ospite Esterno", guest_organisation="ATS Val Padana")
    DecisionFactory(meeting=meeting, text="Decisione scaduta", due_date=dt.date(2017, 4, 1))
    html = client_for(udp_cremonese).get(meeting.get_absolute_url()).content.decode()
    assert "Raggiunto" in html
    assert "Ospite Esterno" in html and "ATS Val Padana" in html
    assert "Decisione scaduta" in html and "Scaduta" in html
    assert "Storico delle modifiche" in html


def test_minutes_pdf_has_the_attendance_list(client_for, direzione):
    coord = body("coord_cremonese")
    meeting = MeetingFactory(body=coord)
    AttendanceFactory(meeting=meeting, member=coord.members.first())
    response = client_for(direzione).get(f"/governance/meetings/{meeting.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Presenze" in text and coord.members.first().name in text


def test_decision_list_puts_open_and_overdue_first(client_for, direzione):
    meeting = MeetingFactory(body=body("cabina"), date=dt.date(2017, 1, 10))
    DecisionFactory(meeting=meeting, text="Chiusa", status=DecisionStatus.DONE, due_date=dt.date(2017, 1, 20))
    DecisionFactory(meeting=meeting, text="Aperta futura", due_date=dt.date(2018, 12, 1))
    DecisionFactory(meeting=meeting, text="Aperta scaduta", due_date=dt.date(2017, 2, 1))
    html = client_for(direzione).get("/governance/decisions/").content.decode()
    assert html.index("Aperta scaduta") < html.index("Aperta futura") < html.index("Chiusa")


class TestAttachments:
    def test_a_pdf_is_stored_and_downloaded_only_in_scope(self, client_for, udp_cremonese, udp_cremasco, media_root):
        meeting = MeetingFactory(body=body("coord_cremonese"))
        client = client_for(udp_cremonese)
        response = client.post(
            f"/governance/meetings/{meeting.pk}/attachments/",
            {"title": "Verbale firmato", "file": pdf_upload(), "signed_minutes": "on"},
        )
        assert response.status_code == 302
        attachment = MeetingAttachment.objects.get(meeting=meeting)
        assert attachment.signed_minutes and attachment.uploaded_by == udp_cremonese
        download = client.get(f"/governance/meetings/{meeting.pk}/attachments/{attachment.pk}/")
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")
        other = client_for(udp_cremasco).get(f"/governance/meetings/{meeting.pk}/attachments/{attachment.pk}/")
        assert other.status_code == 404

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("virus.exe", b"MZ\x90\x00", "Tipo di file non ammesso"),
            ("finto.pdf", b"<html>non sono un pdf</html>", "non corrisponde a un documento PDF"),
            ("foto.png", b"\xff\xd8\xff\xe0JFIF", "non corrisponde a un documento PNG"),
        ],
    )
    def test_a_file_that_is_not_a_document_is_refused(
        self, client_for, udp_cremonese, media_root, name, content, message
    ):
        meeting = MeetingFactory(body=body("coord_cremonese"))
        response = client_for(udp_cremonese).post(
            f"/governance/meetings/{meeting.pk}/attachments/",
            {"title": "Allegato", "file": SimpleUploadedFile(name, content)},
            follow=True,
        )
        assert message in response.content.decode()
        assert not MeetingAttachment.objects.exists()

    def test_a_file_over_ten_megabytes_is_refused(self, client_for, udp_cremonese, media_root):
        meeting = MeetingFactory(body=body("coord_cremonese"))
        big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
        response = client_for(udp_cremonese).post(
            f"/governance/meetings/{meeting.pk}/attachments/",
            {"title": "Troppo grande", "file": SimpleUploadedFile("grande.pdf", big)},
            follow=True,
        )
        assert "Il file è troppo grande" in response.content.decode()
        assert not MeetingAttachment.objects.exists()


def test_the_meeting_services_check_the_role_themselves(udp_cremasco, media_root):
    """Called directly, past the views: the Cremasco office may not write a Cremonese body's meeting."""
    from django.core.exceptions import PermissionDenied

    from governance.forms import AttendanceFormSet, DecisionFormSet, MeetingAttachmentForm, MeetingForm
    from governance.services import meeting_attachment_add, meeting_save

    meeting = MeetingFactory(body=GovernanceBody.objects.get(code="coord_cremonese"), place="Prima")
    form = MeetingForm(
        {"date": "2017-01-10", "place": "Dopo", "version": meeting.version}, instance=meeting, body=meeting.body
    )
    form.is_valid()
    with pytest.raises(PermissionDenied):
        meeting_save(
            meeting_form=form,
            attendance_formset=AttendanceFormSet(instance=meeting, prefix="att", members=meeting.body.members.none()),
            decision_formset=DecisionFormSet(instance=meeting, prefix="dec"),
            user=udp_cremasco,
            expected_version=meeting.version,
        )
    upload = MeetingAttachmentForm({"title": "Verbale"}, {"file": pdf_upload()})
    upload.is_valid()
    with pytest.raises(PermissionDenied):
        meeting_attachment_add(form=upload, meeting=meeting, user=udp_cremasco)
    meeting.refresh_from_db()
    assert meeting.place == "Prima" and not meeting.attachments.exists()


def test_a_meeting_records_several_decisions_in_one_save(client_for, udp_cremasco):
    coord = body("coord_cremasco")
    decisions = [("Convocare i referenti", "2017-04-30"), ("Aggiornare il vademecum", "2017-05-15")]
    decisions.append(("Preparare la restituzione", "2017-05-20"))
    response = client_for(udp_cremasco).post(
        f"/governance/meetings/new/?body={coord.pk}", meeting_post(coord, decisions=decisions)
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=coord)
    assert sorted(meeting.decisions.values_list("text", flat=True)) == sorted(text for text, _ in decisions)
