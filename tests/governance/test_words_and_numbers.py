"""Words and numbers as Italian writes them (issue #8, item 5): amounts, dates, status words, history, breadcrumbs,
organisations' order, and no language switch that would turn numbers English under Italian text."""

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from pypdf import PdfReader

from governance.enums import DecisionStatus, OrganisationKind
from governance.models import GovernanceBody, Organisation
from governance.views.common import history_of
from tests.factories import DecisionFactory, MeetingFactory, OrganisationFactory

ROOT = Path(__file__).resolve().parents[2]
APPS = ["governance", "patti", "laboratori", "imprese", "civic_center", "wellfare_lab", "fundraising", "wellfare"]


def render(text: str, **context) -> str:
    return Template("{% load wellfare %}" + text).render(Context(context))


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


# --- The language: Italian only --------------------------------------------------------------------------------


def test_there_is_no_language_switch():
    with pytest.raises(NoReverseMatch):
        reverse("set_language")


@pytest.mark.django_db
def test_an_english_browser_or_cookie_still_gets_italian_words_and_numbers(client_for, direzione):
    client = client_for(direzione)
    client.cookies["django_language"] = "en"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="it">' in html
    assert 'name="language"' not in html and "language-select" not in html
    assert ">Cruscotto<" in html


def test_amounts_are_italian_even_if_english_were_active():
    with translation.override("en"):
        assert render("{{ v|euro }}", v=Decimal("1500")) == "1.500,00 €"
    assert render("{{ v|euro }}", v=None) == "—"


# --- Amounts in messages: always through governance.money.format_eur -------------------------------------------

# A value followed by the euro sign, or formatted with two decimals by hand, in Python source or a template.
BY_HAND_PY = [re.compile(r"\{[^{}\n]+\}\s?€"), re.compile(r"\{[^{}\n]+:,?\.2f\}")]
BY_HAND_HTML = re.compile(r"\}\}\s?(€|&euro;)")
# Machine-readable outputs keep a dot or a plain decimal on purpose.
MACHINE_READABLE = {
    "fundraising/selectors.py": 'f"{as_money(value):.2f}"',  # GDPR data export (JSON)
    "governance/exports.py": 'f"{value:.2f}".replace(".", ",")',  # CSV cells (Excel reads the comma)
    "governance/money.py": "",  # format_eur itself
}


def test_no_amount_is_formatted_by_hand_in_code():
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            relative = str(path.relative_to(ROOT))
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if any(p.search(line) for p in BY_HAND_PY) and MACHINE_READABLE.get(relative, "\0") not in line:
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert found == [], "format the amount with governance.money.format_eur:\n" + "\n".join(found)


def test_no_amount_is_followed_by_a_hand_written_euro_sign_in_templates():
    found = []
    for folder in [ROOT / "templates", *(ROOT / app for app in APPS)]:
        for path in folder.rglob("*.html"):
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if BY_HAND_HTML.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == [], "use the |euro filter:\n" + "\n".join(found)


# --- Dates ------------------------------------------------------------------------------------------------------


def test_months_and_weekdays_are_lower_case():
    with translation.override("it"):
        assert render('{{ d|date:"l j F Y" }}', d=dt.date(2018, 4, 20)) == "venerdì 20 aprile 2018"
        assert render('{{ d|date:"D j b Y" }}', d=dt.date(2016, 1, 4)) == "lun 4 gen 2016"  # Django capitalises "M"
        assert render("{{ d|date }} · {{ d }}", d=dt.date(2017, 12, 1)) == "1 dicembre 2017 · 1 dicembre 2017"
        assert render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=dt.date(2017, 12, 1)) == "01/12/2017"


@pytest.mark.django_db
def test_meeting_page_and_minutes_write_the_date_in_lower_case(client_for, direzione):
    meeting = MeetingFactory(body=GovernanceBody.objects.get(code="cabina"), date=dt.date(2018, 4, 20))
    client = client_for(direzione)
    assert "venerdì 20 aprile 2018" in client.get(meeting.get_absolute_url()).content.decode()
    assert "venerdì 20 aprile 2018" in pdf_text(client.get(f"/governance/meetings/{meeting.pk}/pdf/").content)


# --- The same status word on the page and in the PDF ------------------------------------------------------------


@pytest.mark.django_db
def test_an_overdue_decision_reads_scaduta_on_the_page_and_in_the_minutes(client_for, direzione):
    meeting = MeetingFactory(body=GovernanceBody.objects.get(code="cabina"), date=dt.date(2016, 10, 12))
    DecisionFactory(meeting=meeting, text="Relazione annuale", due_date=dt.date(2016, 11, 30))
    DecisionFactory(meeting=meeting, text="Piano del secondo anno", status=DecisionStatus.DONE)
    client = client_for(direzione)
    page = client.get(meeting.get_absolute_url()).content.decode()
    minutes = pdf_text(client.get(f"/governance/meetings/{meeting.pk}/pdf/").content)
    for text in (page, minutes):
        assert "Scaduta" in text and "Completata" in text
    assert "Aperta" not in minutes


# --- History in the user's words --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_history_shows_labels_names_and_italian_values_not_stored_values():
    before, after = OrganisationFactory(name="Comune di Prima"), OrganisationFactory(name="Comune di Dopo")
    decision = DecisionFactory(status=DecisionStatus.OPEN, due_date=dt.date(2016, 12, 31), owner_organisation=before)
    decision.status, decision.due_date, decision.owner_organisation = DecisionStatus.DONE, dt.date(2017, 1, 15), after
    decision.save()
    changes = {c["field"]: (c["old"], c["new"]) for c in history_of(decision)[0]["changes"]}
    assert changes["stato"] == ("Aperta", "Completata")
    assert changes["scadenza"] == ("31/12/2016", "15/01/2017")
    assert changes["organizzazione responsabile"] == ("Comune di Prima", "Comune di Dopo")


# --- Breadcrumbs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        '{% include "partials/breadcrumbs.html" with parent_label="Donazioni" parent_url="/d/" %}',
        '{% include "partials/breadcrumbs.html" with parent_label="Donazioni" parent_url="/d/" current="" %}',
        '{% breadcrumbs parent_label="Donazioni" parent_url="/d/" %}{% endbreadcrumbs %}',
    ],
)
def test_breadcrumbs_never_end_in_a_bare_separator(markup):
    html = render(markup)
    assert not re.search(r'<span class="separator">/</span>\s*</li>\s*</ol>', html)
    assert "Donazioni" in html


def test_breadcrumbs_tag_ends_with_the_page_title():
    html = render(
        '{% breadcrumbs parent_label="Donazioni" parent_url="/d/" %}Donazione n. {{ n }}{% endbreadcrumbs %}', n=7
    )
    assert re.search(r'aria-current="page">Donazione n\. 7</li>\s*</ol>', html)


def test_no_template_passes_a_title_that_django_cannot_see():
    """`self.title` is Jinja's: Django renders it as nothing, and the trail ended in "/"."""
    found = [
        str(path.relative_to(ROOT))
        for folder in [ROOT / "templates", *(ROOT / app for app in APPS)]
        for path in folder.rglob("*.html")
        if "self.title" in path.read_text()
    ]
    assert found == []


# --- Organisations in Italian alphabetical order ----------------------------------------------------------------


@pytest.mark.django_db
def test_organisations_are_sorted_without_regard_to_case(client_for, direzione):
    for name in ("zeta servizi srl", "ALFA Cooperativa", "alfa associazione", "Beta SpA"):
        OrganisationFactory(name=name, kind=OrganisationKind.COMPANY)
    names = list(Organisation.objects.filter(kind=OrganisationKind.COMPANY).values_list("name", flat=True))
    assert [n for n in names if n in {"zeta servizi srl", "ALFA Cooperativa", "alfa associazione", "Beta SpA"}] == [
        "alfa associazione",
        "ALFA Cooperativa",
        "Beta SpA",
        "zeta servizi srl",
    ]
    html = client_for(direzione).get("/governance/organisations/?kind=company").content.decode()
    assert html.index("alfa associazione") < html.index("ALFA Cooperativa") < html.index("Beta SpA")
    assert html.index("Beta SpA") < html.index("zeta servizi srl")
