"""The "Risultati" page: target vs actual per role, the registry's actuals, manual values, exports, query counts."""

import csv
import datetime as dt
import html
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from governance.indicators import computed_indicator
from governance.models import District, Indicator, ProjectYear
from governance.results.reports import EXPORT_HEADER, NOT_MEASURED, UNAVAILABLE, Source, results_report
from patti.enums import IdeaStatus, PattoKind, PattoStatus
from tests.factories import pdf_upload
from tests.governance.results.factories import IndicatorFactory, ManualValueFactory, TargetFactory
from tests.patti.factories import (
    BusinessIdeaFactory,
    EmpowermentPathFactory,
    HouseholdFactory,
    IdeaCallFactory,
    PattoFactory,
    district,
    signed_patto,
)

pytestmark = pytest.mark.django_db
URL = "/governance/results/"


def text(response) -> str:
    return html.unescape(response.content.decode())


def html_rows(response) -> list[list[str]]:
    """The cells of every result row of the page, as the user reads them."""
    rows = []
    for row in re.findall(r"<tr data-result-row[^>]*>(.*?)</tr>", response.content.decode(), flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        rows.append([" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells])
    return rows


def cells(report, code, *, year=None, area=None):
    """The rows of one indicator in a report: {(year, district name or None): row}."""
    return {
        (r.year, r.district.name if r.district else None): r
        for r in report.rows
        if r.indicator.code == code and (year is None or r.year == year)
    }


@pytest.fixture
def unregistered(monkeypatch):
    """Take codes out of the registry for one test: the page must not depend on which apps have landed."""
    from governance import indicators

    def remove(*codes):
        for code in codes:
            monkeypatch.delitem(indicators._REGISTRY, code, raising=False)

    return remove


@pytest.fixture
def pacts():
    """Hand-counted Action 1 data: signed pacts by year, district and kind, a draft, ideas, paths.

    Year 1: Cremonese 1 (inclusione). Year 2: Cremonese 2 (1 autonomia), Cremasco 1. Draft: not counted.
    Households: one per pact (1 adult + 2 minors each), except a second pact of the same Cremasco household in year 2.
    """
    signed_patto(on=dt.date(2015, 10, 1), opened_on=dt.date(2015, 9, 1))
    signed_patto(on=dt.date(2016, 9, 15), kind=PattoKind.AUTONOMIA, status=PattoStatus.ATTIVO)
    signed_patto(on=dt.date(2016, 10, 15))
    household = HouseholdFactory(district=district("cremasco"), adults=2, minors=3)
    signed_patto(on=dt.date(2016, 11, 2), household=household)
    signed_patto(on=dt.date(2017, 2, 2), household=household)
    PattoFactory()  # a draft
    EmpowermentPathFactory(start_on=dt.date(2016, 10, 1))
    EmpowermentPathFactory(start_on=dt.date(2017, 9, 1), district=district("cremasco"))
    call = IdeaCallFactory()  # year 2
    for status in (IdeaStatus.SUBMITTED, IdeaStatus.SELECTED, IdeaStatus.PLAN_VALIDATED, IdeaStatus.STARTED):
        idea = BusinessIdeaFactory(call=call)
        idea.status = status
        idea.save()


def test_patti_registers_its_indicators_in_the_registry():
    for code in ("A1_PATTI", "A1_NUCLEI", "A1_BENEFICIARI", "A1_EMPOWERMENT", "A1_BANDI", "A1_IDEE"):
        assert computed_indicator(code) is not None, code


def test_computed_actuals_of_action_1_match_the_hand_count(pacts, direzione):
    report = results_report(user=direzione, action=Indicator.objects.get(code="A1_PATTI").action)
    patti = cells(report, "A1_PATTI")
    assert [patti[(y, None)].actual for y in (1, 2, 3, None)] == [1, 4, 0, 5]
    assert str(patti[(2, None)].revised) == "134" and patti[(2, None)].original is None
    assert str(patti[(None, None)].original) == "250" and str(patti[(None, None)].revised) == "284"
    assert patti[(None, None)].share == Decimal("1.8")  # 5 of 284
    assert cells(report, "A1_NUCLEI")[(None, None)].actual == 4  # the Cremasco household counted once
    assert cells(report, "A1_BENEFICIARI")[(None, None)].actual == 3 + 3 + 3 + 5
    assert cells(report, "A1_PATTI_AUTONOMIA")[(None, None)].actual == 1
    assert cells(report, "A1_EMPOWERMENT")[(None, None)].actual == 2
    assert [cells(report, "A1_BANDI")[(y, None)].actual for y in (2, 3, None)] == [1, 0, 1]
    assert cells(report, "A1_IDEE")[(2, None)].actual == 3
    assert cells(report, "A1_BUSINESS_PLAN")[(None, None)].actual == 2
    assert cells(report, "A1_ATTIVITA_AVVIATE")[(None, None)].actual == 1


def test_each_actual_links_to_the_list_behind_it(pacts, client_for, direzione):
    report = results_report(user=direzione, year=2, district=district("cremasco"))
    row = cells(report, "A1_PATTI")[(2, "Cremasco")]
    assert row.actual == 2
    listed = client_for(direzione).get(row.link)
    assert listed.status_code == 200
    assert listed.context["page"].paginator.count == 2  # the list behind the number shows the same pacts
    ideas = cells(report, "A1_IDEE")[(2, None)]
    assert client_for(direzione).get(ideas.link).context["page"].paginator.count == ideas.actual == 3


def test_an_indicator_no_app_computes_shows_its_targets_and_not_yet_measured(client_for, direzione, unregistered):
    unregistered("A3_CC_ATTIVATI")
    civic = results_report(user=direzione, action=Indicator.objects.get(code="A3_CC_ATTIVATI").action)
    row = cells(civic, "A3_CC_ATTIVATI")[(2, "Casalasco")]
    assert (str(row.original), str(row.revised), row.actual, row.source) == ("2", "0", None, Source.NONE)
    assert row.actual_display == NOT_MEASURED and row.share is None
    page = client_for(direzione).get(URL, {"action": civic.rows[0].indicator.action.pk})
    assert NOT_MEASURED in text(page)
    civic_rows = [r for r in html_rows(page) if r[0].endswith("A3_CC_ATTIVATI") and r[1] == "Anno 2"]
    assert [(r[2], r[3], r[4], r[5]) for r in civic_rows] == [
        ("Casalasco", "2", "0", NOT_MEASURED),
        ("Cremasco", "4", "2", NOT_MEASURED),
        ("Cremonese", "4", "2", NOT_MEASURED),
        ("Totale programma", "10", "4", NOT_MEASURED),
    ]


def test_unregistered_code_never_shows_zero(direzione):
    indicator = IndicatorFactory(code="A9_NUOVO")
    TargetFactory(indicator=indicator, value=Decimal("7"))
    (row,) = results_report(user=direzione, indicator=indicator).rows
    assert row.actual is None and row.actual_display == "non ancora rilevato"
    assert row.export_values()[EXPORT_HEADER.index("Rilevato")] is None


def test_manual_values_latest_counts_and_add_up_where_the_unit_adds(direzione, unregistered):
    unregistered("A1_QUOTA_SUSSIDI", "A2B_LAVORATORI")
    share = Indicator.objects.get(code="A1_QUOTA_SUSSIDI")
    year3 = ProjectYear.objects.get(number=3)
    ManualValueFactory(indicator=share, project_year=year3, value=Decimal("22"), measured_on=dt.date(2017, 12, 31))
    ManualValueFactory(indicator=share, project_year=year3, value=Decimal("31"), measured_on=dt.date(2018, 4, 30))
    row = cells(results_report(user=direzione, indicator=share), "A1_QUOTA_SUSSIDI")[(3, None)]
    assert (row.actual, row.source, str(row.original)) == (Decimal("31.00"), Source.MANUAL, "30 %")
    assert "inserito a mano il 30/04/2018" in row.source_label
    assert cells(results_report(user=direzione, indicator=share), "A1_QUOTA_SUSSIDI")[(None, None)].actual is None
    workers = Indicator.objects.get(code="A2B_LAVORATORI")
    for code, value in (("cremonese", "120"), ("cremasco", "80")):
        ManualValueFactory(indicator=workers, district=district(code), value=Decimal(value))
    total = cells(results_report(user=direzione, indicator=workers), "A2B_LAVORATORI")[(None, None)]
    assert total.actual == Decimal("200.00") and total.share == Decimal("20.0")  # of 1.000 workers
    assert total.source_label.startswith("somma di 2 valori inseriti a mano")


# --- scope ----------------------------------------------------------------------------------------------------------


def test_district_user_sees_own_district_against_district_targets_and_the_programme_total(
    pacts, client_for, udp_cremasco
):
    report = results_report(user=udp_cremasco)
    areas = {r.district.name for r in report.rows if r.district}
    assert areas == {"Cremasco"}
    labs = cells(report, "A2A_LAB_ATTIVATI")
    assert str(labs[(3, "Cremasco")].revised) == "6" and str(labs[(3, None)].revised) == "15"
    patti = cells(report, "A1_PATTI")
    assert patti[(2, "Cremasco")].actual == 2  # own district
    assert patti[(2, None)].actual == 4  # and the programme total (an aggregate, no identity)
    page = client_for(udp_cremasco).get(URL)
    rendered = html_rows(page)
    assert {r[2] for r in rendered} == {"Cremasco", "Totale programma"}
    assert "Cremonese" not in {r[2] for r in rendered}


def test_district_filter_cannot_reach_another_district(pacts, client_for, udp_cremasco):
    cremonese = District.objects.get(code="cremonese")
    page = client_for(udp_cremasco).get(URL, {"district": cremonese.pk})
    assert page.status_code == 200
    assert "Cremonese" not in {r[2] for r in html_rows(page)}


def test_programme_wide_roles_see_every_district_where_targets_are_per_district(pacts, direzione, fundraising):
    for user in (direzione, fundraising):
        labs = cells(results_report(user=user), "A2A_LAB_ATTIVATI")
        assert {k[1] for k in labs if k[0] == 2} == {"Cremonese", "Cremasco", "Casalasco", None}
        assert cells(results_report(user=user), "A1_PATTI")[(None, None)].actual == 5
        # no district targets for pacts: only the programme rows
        assert {k[1] for k in cells(results_report(user=user), "A1_PATTI")} == {None}


def test_partner_sees_targets_but_not_action_1_figures(pacts, client_for, referente):
    report = results_report(user=referente)
    assert {r.district for r in report.rows} == {None}
    row = cells(report, "A1_PATTI")[(None, None)]
    assert row.actual is None and row.source == Source.UNAVAILABLE and str(row.revised) == "284"
    assert client_for(referente).get(URL).status_code == 200


def test_user_without_a_role_is_refused(client_for, nobody):
    assert client_for(nobody).get(URL).status_code == 403
    indicator = Indicator.objects.get(code="A1_PATTI")
    assert client_for(nobody).get(reverse("governance:indicator_detail", args=[indicator.pk])).status_code == 404


def test_filters_by_action_and_year(pacts, client_for, direzione, unregistered):
    unregistered("A5_RACCOLTA")
    action = Indicator.objects.get(code="A5_RACCOLTA").action
    rows = html_rows(client_for(direzione).get(URL, {"action": action.pk, "year": 2}))
    assert rows == [
        ["Donazioni raccolte A5_RACCOLTA", "Anno 2", "Totale programma", "—", "127.000,00 €", NOT_MEASURED, "—"]
    ]
    bad = client_for(direzione).get(URL, {"year": 9})
    assert bad.status_code == 200 and "non è un anno del progetto" in text(bad)


def test_navigation_has_the_results_entry_for_roles_with_a_scope(client_for, direzione, referente):
    assert 'href="/governance/results/"' in client_for(referente).get("/").content.decode()


# --- exports ---------------------------------------------------------------------------------------------------------


def normalise(value) -> str:
    """The CSV/XLSX cell as the page writes it: Italian grouping, decimal comma, units."""
    return " ".join(str(value).split())


def test_csv_and_xlsx_rows_equal_the_page(pacts, client_for, direzione):
    client = client_for(direzione)
    page = html_rows(client.get(URL))
    response = client.get(URL, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == EXPORT_HEADER
    exported = lines[1:]
    workbook = load_workbook(io.BytesIO(client.get(URL, {"format": "xlsx"}).content))
    sheet = list(workbook.active.iter_rows(min_row=2, values_only=True))
    assert len(exported) == len(page) == len(sheet)
    h = EXPORT_HEADER.index
    for shown, row, xrow in zip(page, exported, sheet, strict=True):
        assert shown[0] == f"{row[h('Indicatore')]} {row[h('Codice')]}"
        assert (shown[1], shown[2]) == (row[h("Periodo")], row[h("Ambito")]) == (xrow[h("Periodo")], xrow[h("Ambito")])
        for column, index in (("Obiettivo originale (2015)", 3), ("Obiettivo rivisto (giugno 2016)", 4)):
            assert _same_number(shown[index], row[h(column)], xrow[h(column)]), (shown, row)
        actual = row[h("Rilevato")]
        if actual == "":
            assert shown[5] in (NOT_MEASURED, UNAVAILABLE) and xrow[h("Rilevato")] is None
        else:
            assert _same_number(shown[5].replace("(a mano)", "").strip(), actual, xrow[h("Rilevato")]), (shown, row)


def _same_number(shown: str, csv_text: str, xlsx_value) -> bool:
    if shown == "—":
        return csv_text == "" and xlsx_value is None
    if "–" in shown:  # a range is text in every format
        return shown.replace(".", "") == csv_text.replace(".", "") == str(xlsx_value).replace(".", "")
    as_number = Decimal(shown.replace(" €", "").replace(" %", "").replace(".", "").replace(",", "."))
    return as_number == Decimal(csv_text.replace(",", ".")) == Decimal(str(xlsx_value))


def test_xlsx_keeps_numbers_as_numbers(client_for, direzione):
    workbook = load_workbook(io.BytesIO(client_for(direzione).get(URL, {"format": "xlsx"}).content))
    rows = {(r[1], r[4]): r for r in workbook.active.iter_rows(min_row=2, values_only=True)}
    assert rows[("A5_RACCOLTA", "Anno 1")][7] == Decimal("50764") or rows[("A5_RACCOLTA", "Anno 1")][7] == 50764
    assert rows[("A1_PATTI", "Triennio")][6] == 250 and rows[("A1_PATTI", "Triennio")][7] == 284


# --- queries ---------------------------------------------------------------------------------------------------------


def test_page_queries_do_not_grow_with_the_data(client_for, direzione, udp_cremasco, django_assert_max_num_queries):
    for user in (direzione, udp_cremasco):
        client = client_for(user)
        signed_patto(household=HouseholdFactory(district=district("cremasco")))
        client.get(URL)
        # One computation per computed cell: the count grows with the indicators the apps register, not with rows.
        with django_assert_max_num_queries(150) as few:
            client.get(URL)
        for number in range(30):
            signed_patto(
                on=dt.date(2016, 10, 1) + dt.timedelta(days=number),
                household=HouseholdFactory(district=district("cremasco" if number % 2 else "cremonese")),
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(URL)
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(URL, {"format": "csv"})


def test_district_user_reads_programme_totals_of_manual_values_but_only_own_district_values(
    client_for, udp_cremasco, media_root, unregistered
):
    unregistered("A2A_PERSONE")
    people = Indicator.objects.get(code="A2A_PERSONE")
    cremonese = ManualValueFactory(
        indicator=people, district=district("cremonese"), value=Decimal("1200"), source="Relazione UdP Cremonese"
    )
    cremonese.document = pdf_upload("relazione.pdf")
    cremonese.save()
    ManualValueFactory(
        indicator=people, district=district("cremasco"), value=Decimal("800"), source="Relazione UdP Cremasco"
    )
    rows = cells(results_report(user=udp_cremasco, indicator=people), "A2A_PERSONE")
    assert rows[(None, "Cremasco")].actual == Decimal("800.00")
    assert rows[(None, None)].actual == Decimal("2000.00")  # the programme total adds every district
    client = client_for(udp_cremasco)
    page = text(client.get(reverse("governance:indicator_detail", args=[people.pk])))
    assert "Relazione UdP Cremasco" in page and "Relazione UdP Cremonese" not in page
    assert client.get(reverse("governance:manual_value_document", args=[cremonese.pk])).status_code == 404
