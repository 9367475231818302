"""The monitoring report: the same figures in HTML, PDF and XLSX; the narrative; submitting freezes it; a frozen
report cannot change; who may write; the PDF fits its pages; queries do not grow with the data."""

import datetime as dt
import io
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from openpyxl import load_workbook
from pypdf import PdfReader

from governance.models import Action, ActionNarrative, MonitoringReport, ProjectYear, ReportStatus
from governance.monitoring import services
from governance.monitoring.rows import monitoring_tables
from governance.monitoring.tables import display, export_value
from tests.governance.monitoring.factories import IN_YEAR_2, district_partner, line, reach_world
from tests.patti.factories import HouseholdFactory, signed_patto

pytestmark = pytest.mark.django_db

URL = "/governance/reports/monitoring/"
REFERENCE = dt.date(2017, 5, 31)


@pytest.fixture
def world():
    line(action="1", partner=district_partner("cremonese"), planned="10000.00", approved="2000.00")
    return reach_world()


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def year_2():
    return ProjectYear.objects.get(number=2)


def test_html_pdf_and_xlsx_show_the_same_figures(client, direzione, world):
    client.force_login(direzione)
    html = client.get(URL, {"year": 2}).content.decode()
    pdf = pdf_text(client.get(URL, {"year": 2, "format": "pdf"}).content)
    workbook = load_workbook(io.BytesIO(client.get(URL, {"year": 2, "format": "xlsx"}).content))
    tables = monitoring_tables(user=direzione, year=2, reference=dt.date.today())
    sheets = workbook.worksheets[1:]
    assert len(sheets) == len(tables)
    checked = 0
    for table, sheet in zip(tables, sheets, strict=True):
        assert [c.value for c in sheet[1]] == table.header
        for index, row in enumerate(table.rows):
            cells = [c.value for c in sheet[index + 2]]
            for column, value in enumerate(row):
                unit = table.unit_of(index, column)
                expected = export_value(value, unit, can_see_identity=False)
                if isinstance(expected, Decimal):  # a euro cell: openpyxl reads it back as a float
                    expected = float(expected)
                assert cells[column] == expected or (expected in ("", None) and cells[column] in ("", None))
                if unit == "text" or isinstance(value, str) or value is None:
                    continue
                shown = display(value, unit, can_see_identity=False)
                assert escape(shown) in html, (table.title, shown)
                assert shown in pdf, (table.title, shown)
                checked += 1
    assert checked > 100
    assert "666,67 €" in html and "666,67 €" in pdf  # the Cremonese's cost per pact: 2,000 / 3


def test_the_cumulative_view_has_no_yearly_tables_nor_narrative(client, direzione, world):
    client.force_login(direzione)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Indicatori – Cumulato" in html and "– Anno 2" not in html
    assert "Relazione della Direzione per azione" not in html


@pytest.mark.parametrize("year", ["1e30", "-1", "abc", "9" * 30])
@pytest.mark.parametrize("fmt", ["html", "xlsx"])
def test_a_bad_year_is_said_in_italian_and_no_file_is_made_of_the_wrong_period(client, direzione, year, fmt):
    client.force_login(direzione)
    response = client.get(URL, {"year": year, "format": fmt})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert f"Anno di progetto «{year[:20]}» non valido: è mostrato il cumulato." in response.content.decode()


def test_the_direzione_writes_the_narrative_of_each_action(client, direzione, world):
    client.force_login(direzione)
    action = Action.objects.get(code="5")
    response = client.post(
        f"{URL}2/narrative/",
        {
            "introduction": "Un anno di consolidamento.",
            f"a{action.pk}_achievements": "Campagna «Il Gusto di FareLegami», 4 eventi.",
            f"a{action.pk}_critical_issues": "Poco coinvolgimento dei partner nella raccolta.",
            f"a{action.pk}_corrective_actions": "Obiettivo rivisto a 350.000 euro nel triennio.",
        },
    )
    assert response.status_code == 302
    narrative = ActionNarrative.objects.get(report__project_year__number=2, action=action)
    assert narrative.history.first().history_user == direzione
    html = client.get(URL, {"year": 2}).content.decode()
    assert "Obiettivo rivisto a 350.000 euro nel triennio." in html
    assert "Un anno di consolidamento." in html


def test_only_the_direzione_writes_and_submits(client, amministrazione, udp_cremonese, world):
    for user in (amministrazione, udp_cremonese):
        client.force_login(user)
        assert client.post(f"{URL}2/narrative/", {"introduction": "x"}).status_code == 403
        assert client.post(f"{URL}2/submit/").status_code == 403
        with pytest.raises(PermissionDenied):
            services.narrative_save(project_year=year_2(), user=user, introduction="x", narratives={})
    assert not MonitoringReport.objects.exists()


def test_submitting_freezes_figures_and_files_and_later_changes_show_as_differences(client, direzione, world):
    client.force_login(direzione)
    assert client.post(f"{URL}2/submit/").status_code == 302
    report = MonitoringReport.objects.get(project_year__number=2)
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by == direzione
    sent_pdf, sent_xlsx = bytes(report.sent_pdf), bytes(report.sent_xlsx)
    assert "Inviata il" in pdf_text(sent_pdf)
    html = client.get(URL, {"year": 2}).content.decode()
    assert "Nessuna differenza" in html
    # A pact signed afterwards in year 2: the report page shows it against the figures sent...
    signed_patto(household=HouseholdFactory(district=world["cremonese"]), on=IN_YEAR_2)
    html = client.get(URL, {"year": 2}).content.decode()
    changes = html.split('id="changes-title"')[1].split("</section>")[0]
    assert "A1_PATTI" in changes and "Totale programma" in changes
    assert re.search(r'<td class="num">3</td><td class="num">4</td>', changes)
    # ... while the files download exactly as sent.
    assert client.get(f"{URL}2/sent.pdf").content == sent_pdf
    assert client.get(f"{URL}2/sent.xlsx").content == sent_xlsx


def test_a_submitted_report_cannot_be_edited(client, direzione, world):
    action = Action.objects.get(code="1")
    services.narrative_save(
        project_year=year_2(), user=direzione, introduction="Prima", narratives={action.pk: {"achievements": "A"}}
    )
    report = services.report_submit(project_year=year_2(), user=direzione, reference=REFERENCE)
    with pytest.raises(ValidationError):  # the service rule
        services.narrative_save(project_year=year_2(), user=direzione, introduction="Dopo", narratives={})
    with pytest.raises(ValidationError):
        services.report_submit(project_year=year_2(), user=direzione, reference=REFERENCE)
    narrative = ActionNarrative.objects.get(report=report)
    narrative.achievements = "Riscritto"
    with pytest.raises(ValidationError):  # the model rule, whatever path saves
        narrative.save()
    report.introduction = "Riscritta"
    with pytest.raises(ValidationError):
        report.save()
    with pytest.raises(ValidationError):
        narrative.delete()
    client.force_login(direzione)
    response = client.post(f"{URL}2/narrative/", {"introduction": "Dopo"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.introduction == "Prima"
    assert ActionNarrative.objects.get(report=report).achievements == "A"


def test_the_service_refuses_a_text_over_the_forms_limit_and_an_unknown_action(direzione):
    action = Action.objects.get(code="1")
    with pytest.raises(ValidationError, match="al massimo 10.000 caratteri"):
        services.narrative_save(project_year=year_2(), user=direzione, introduction="x" * 10_001, narratives={})
    with pytest.raises(ValidationError, match="al massimo 10.000 caratteri"):
        services.narrative_save(
            project_year=year_2(),
            user=direzione,
            introduction="",
            narratives={action.pk: {"achievements": "x" * 10_001}},
        )
    with pytest.raises(ValidationError, match="Azione non trovata"):
        services.narrative_save(
            project_year=year_2(), user=direzione, introduction="", narratives={-1: {"achievements": "x"}}
        )
    assert not MonitoringReport.objects.exists() and not ActionNarrative.objects.exists()


def test_the_database_refuses_a_submitted_report_without_what_was_sent(direzione):
    report = MonitoringReport.objects.create(project_year=year_2())
    with pytest.raises(IntegrityError), transaction.atomic():
        MonitoringReport.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)


def test_the_files_as_sent_are_for_programme_wide_readers(client, udp_cremonese, amministrazione, direzione, world):
    services.report_submit(project_year=year_2(), user=direzione, reference=REFERENCE)
    client.force_login(udp_cremonese)
    assert client.get(f"{URL}2/sent.pdf").status_code == 404
    html = client.get(URL, {"year": 2}).content.decode()
    assert "Relazione inviata" in html and "sent.pdf" not in html
    client.force_login(amministrazione)
    assert client.get(f"{URL}2/sent.xlsx").status_code == 200


@pytest.mark.parametrize(
    "lookup", ["snapshot__tables__0__rows__0__1__people", "snapshot__contains", "sent_pdf__isnull", "sent_xlsx"]
)
def test_the_admin_filters_no_report_by_what_was_sent(client, superuser, direzione, lookup):
    """The snapshot keeps the people counts below 3 that every page shows as "< 3": filtering the admin's list by
    them would tell a system administrator each one."""
    services.report_submit(project_year=year_2(), user=direzione, reference=REFERENCE)
    client.force_login(superuser)
    response = client.get("/admin/governance/monitoringreport/", {lookup: "1"})
    assert response.status_code == 400


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_the_pdf_fits_its_pages(client, direzione, world, tmp_path):
    client.force_login(direzione)
    path = tmp_path / "report.pdf"
    path.write_bytes(client.get(URL, {"year": 2, "format": "pdf"}).content)
    subprocess.run(["pdftotext", "-bbox", str(path), str(tmp_path / "bbox.html")], check=True)  # noqa: S603, S607
    bbox = (tmp_path / "bbox.html").read_text()
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S)
    assert pages
    for width, height, words in pages:
        for x_max, y_max in re.findall(r'xMax="([\d.]+)" yMax="([\d.]+)"', words):
            assert float(x_max) <= float(width) and float(y_max) <= float(height)


def _grow(world, n, start=0):
    """n more pacts, labs, activities, participants, lines and decisions: none may add a query."""
    from governance.models import GovernanceBody, Organisation
    from tests.civic_center.factories import ActivityFactory
    from tests.factories import DecisionFactory, MeetingFactory
    from tests.governance.budget.factories import BudgetLineFactory
    from tests.laboratori.factories import LabMeetingFactory
    from tests.wellfare_lab.factories import AttendanceFactory

    body = GovernanceBody.objects.filter(district__isnull=True).first()
    partners = list(Organisation.objects.filter(is_partner=True).order_by("pk"))
    for i in range(start, start + n):
        signed_patto(household=HouseholdFactory(district=world["cremonese"]), on=IN_YEAR_2)
        LabMeetingFactory(date=IN_YEAR_2)
        ActivityFactory(start_on=IN_YEAR_2)
        AttendanceFactory()
        BudgetLineFactory(
            action=Action.objects.get(code=("1", "2A", "2B", "3", "4")[i % 5]),
            partner=partners[i // 5 % len(partners)],
            year=ProjectYear.objects.get(number=2),
            funding_source="cariplo",
            planned_amount=Decimal("100.00"),
        )
        DecisionFactory(meeting=MeetingFactory(body=body, date=IN_YEAR_2 + dt.timedelta(days=i)))


def _count(client):
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, {"year": 2}).status_code == 200
    return len(context)


def test_queries_do_not_grow_with_the_data(client, direzione, world):
    client.force_login(direzione)
    _grow(world, 1)
    small = _count(client)
    _grow(world, 15, start=1)
    large = _count(client)
    assert large == small
    assert small <= 190  # a fixed number per indicator grid, table and area (379 before the grids)
