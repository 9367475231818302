"""The budget report PDF reads like a printed report (issue 8, item 6): landscape pages that hold every column,
each table's header repeated on every page it spans, no row split across two pages, each total once at the end,
and the original plan (known only by its declared total) shown as "—", not as 0,00 €."""

import csv
import io
from collections import defaultdict

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML

from governance.budget.charts import bar_chart
from governance.budget.reports import budget_report
from governance.models import BudgetPlan
from governance.pdf import StaticFilesFetcher
from tests.test_pdf_fit import PDFTOTEXT, assert_fits

pytestmark = pytest.mark.django_db
REPORT = reverse("governance:budget_report")


def _document(user):
    report = budget_report(user=user, filters={})
    html = render_to_string(
        "governance/budget/report_pdf.html",
        {"report": report, "charts": [bar_chart(b) for b in report.breakdowns[:2]], "generated_at": None},
    )
    return HTML(string=html, base_url="http://localhost/", url_fetcher=StaticFilesFetcher()).render()


def _table_rows(document):
    """(page number, table element, row group tag, row element) of every laid-out piece of a table row."""
    for number, page in enumerate(document.pages, start=1):
        stack = [(page._page_box, None, None)]
        while stack:
            box, group, table = stack.pop()
            tag = getattr(box, "element_tag", None)
            if tag == "table":
                table = box.element
            elif tag in ("thead", "tbody", "tfoot"):
                group = tag
            elif tag == "tr":
                yield number, table, group, box.element
            stack.extend((child, group, table) for child in getattr(box, "children", ()))


def test_report_pdf_is_landscape_and_no_row_is_split_across_pages(demo_budget, amministrazione):
    document = _document(amministrazione)
    assert len(document.pages) > 1  # the tables do cross page breaks
    for page in document.pages:
        assert page.width > page.height  # landscape A4
    pages = defaultdict(set)
    for number, _, group, row in _table_rows(document):
        if group != "thead":  # the header is repeated on purpose
            pages[row].add(number)
    split = [" ".join(row.itertext()).strip()[:60] for row, on in pages.items() if len(on) > 1]
    assert not split, f"rows split across pages: {split}"


def test_each_table_repeats_its_header_on_every_page_and_shows_its_total_once(demo_budget, amministrazione):
    document = _document(amministrazione)
    header_pages, body_pages, last_body_page, totals = defaultdict(set), defaultdict(set), {}, defaultdict(list)
    for number, table, group, row in _table_rows(document):
        if group == "thead":
            header_pages[table].add(number)
        elif group == "tbody":
            body_pages[table].add(number)
            last_body_page[table] = max(number, last_body_page.get(table, 0))
        else:
            totals[table].append((number, row))
    assert len(body_pages) == 5  # four breakdowns and the comparison of plan versions
    assert any(len(pages) > 1 for pages in body_pages.values())  # at least one table spans two pages
    for table, pages in body_pages.items():
        assert pages <= header_pages[table], "a page shows rows of a table without its header"
        footer_rows = [row for _, row in totals[table]]
        assert len(footer_rows) == len(set(footer_rows)), "the total is repeated on every page"
        assert min(number for number, _ in totals[table]) >= last_body_page[table], "the total is mid-table"


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext (poppler-utils) not installed")
def test_report_pdf_keeps_every_column_on_the_page(demo_budget, client_for, amministrazione):
    words = assert_fits(client_for(amministrazione).get(REPORT, {"format": "pdf"}).content)
    text = " ".join(w.text for w in words)
    assert "speso" in text and "3.375.535,00" in text  # the last column, the original plan's declared total


def test_original_plan_without_lines_shows_no_data_not_zero(demo_budget, client_for, amministrazione):
    client = client_for(amministrazione)
    comparison = client.get(REPORT).context["report"].comparison
    original = [p.code for p in comparison.plans].index("originale-2015")
    assert all(values[original] is None for _, values in comparison.rows)
    assert comparison.totals[original] is None

    html = client.get(REPORT).content.decode()
    assert "nessun dato" in html and "3.375.535,00 €" in html

    rows = list(
        csv.reader(io.StringIO(client.get(REPORT, {"format": "csv"}).content.decode("utf-8-sig")), delimiter=";")
    )
    start = rows.index(["Confronto versioni del piano"])
    section = rows[start + 2 :]
    assert section[0][1 + original] == "—"
    declared = next(r for r in section if r[0] == "Totale dichiarato")
    assert declared[1 + original] == "3375535,00"

    plan = BudgetPlan.objects.get(code="originale-2015")
    page = client.get(REPORT, {"plan": plan.pk}).content.decode()
    assert "noto solo per il totale dichiarato di 3.375.535,00 €" in page
    assert "0,00 €</td>" not in page.split("Per azione e anno", 1)[1].split("Per partner", 1)[0]
