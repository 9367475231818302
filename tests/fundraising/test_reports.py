"""The fundraising report: the same figures in HTML, PDF, XLSX and CSV; charts that say their values in text; a PDF
that fits its pages."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.fundraising.factories import CampaignFactory, DonationFactory, DonorFactory, EventFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("fundraising:reports")


@pytest.fixture
def gifts():
    """Two donors over two project years, one campaign with an event (costs 1,000 + 2,000)."""
    campaign = CampaignFactory(name="Il Gusto di FareLegami")
    event = EventFactory(campaign=campaign, name="Cena di gala")
    loyal, once = DonorFactory(), DonorFactory()
    DonationFactory(donor=loyal, date=dt.date(2016, 10, 3), amount=Decimal("777.77"), campaign=campaign, event=event)
    DonationFactory(donor=once, date=dt.date(2016, 11, 3), amount=Decimal("100.00"))
    DonationFactory(donor=loyal, date=dt.date(2017, 10, 3), amount=Decimal("900.00"))


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_html_pdf_xlsx_and_csv_show_the_same_figures(gifts, client_for, direzione):
    client = client_for(direzione)
    html = client.get(REPORT).content.decode()
    csv = client.get(REPORT, {"format": "csv"}).content.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(client.get(REPORT, {"format": "xlsx"}).content))
    pdf = client.get(REPORT, {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    years = {row[0].value: row[1].value for row in book["Raccolta per anno"].iter_rows(min_row=2)}
    for figure in ("877,77", "900,00", "3.000,00"):  # raised in years 2 and 3, the campaign's costs
        assert figure + " €" in html and figure in text, figure
    assert "877,77" in csv and "900,00" in csv
    assert Decimal(str(years[2])) == Decimal("877.77") and Decimal(str(years[3])) == Decimal("900.00")
    # Donors: year 2 two new, year 3 one retained (and upgraded) and one lapsed.
    donors = {row[0].value: [c.value for c in row[1:7]] for row in book["Donatori"].iter_rows(min_row=2)}
    assert donors[2][:2] == [2, 2] and donors[3][:5] == [1, 0, 1, 0, 1]
    assert "Il Gusto di FareLegami" in text and "Cena di gala" in text


def test_charts_have_a_title_a_description_and_their_values_as_text(gifts, client_for, direzione):
    html = client_for(direzione).get(REPORT).content.decode()
    charts = re.findall(r"<svg xmlns=.*?</svg>", html, flags=re.S)
    assert len(charts) == 4
    for chart in charts:
        assert 'role="img"' in chart and "<title " in chart and "<desc " in chart
    years, markets, channels, donors = charts
    assert "Anno 2: raccolto 877,77 €" in years and ">877,77 €</text>" in years
    assert "Individui: raccolto 777,77 €, costi 3.000,00 €" in markets
    assert "Banchetti informativi: raccolto 777,77 €, costi 3.000,00 €" in channels
    assert "Anno 3: nuovi 0, fidelizzati 1, riattivati 0, persi 1" in donors


def test_pdf_fits_its_a4_pages(gifts, client_for, direzione):
    reader = PdfReader(io.BytesIO(client_for(direzione).get(REPORT, {"format": "pdf"}).content))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
        starts = []

        def visit(text, cm, tm, font, size, starts=starts):
            if text.strip():
                starts.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

        page.extract_text(visitor_text=visit)
        assert starts
        outside = [(x, y, t) for x, y, t in starts if not (0 <= x < width - 20 and 0 <= y <= height)]
        assert not outside, outside[:5]


def test_report_pdf_is_for_aggregate_readers_only(client_for, coordinatore):
    assert client_for(coordinatore).get(REPORT, {"format": "pdf"}).status_code == 404
