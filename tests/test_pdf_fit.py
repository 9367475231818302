"""Every PDF the application produces fits its pages: no text lies beyond a page edge (issue 8, item 6).

Each document is rendered through its own URL, as the role that prints it, with realistic (long) content. The
check enlarges every page's box before extracting the words with `pdftotext -bbox` (poppler-utils), so that text
drawn wholly outside the page, which a reader never sees and poppler would otherwise drop, is found as well.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext (poppler-utils) not installed")

MARGIN = 2000.0  # points added around each page before extraction
TOLERANCE = 0.5  # points: a glyph's bounding box may touch the edge


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page_width: float
    page_height: float

    @property
    def outside(self) -> bool:
        return (
            self.x_min < -TOLERANCE
            or self.y_min < -TOLERANCE
            or self.x_max > self.page_width + TOLERANCE
            or self.y_max > self.page_height + TOLERANCE
        )

    def __str__(self):
        return (
            f"page {self.page}: «{self.text}» at x {self.x_min:.0f}–{self.x_max:.0f}, y {self.y_min:.0f}–"
            f"{self.y_max:.0f} (page {self.page_width:.0f} × {self.page_height:.0f} pt)"
        )


WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


def words_of(pdf: bytes) -> list[Word]:
    """Every word with its box in page coordinates (points, origin top-left), wherever it was drawn."""
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    writer = PdfWriter()
    for page in reader.pages:
        left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
        right, top = float(page.mediabox.right), float(page.mediabox.top)
        box = RectangleObject([left - MARGIN, bottom - MARGIN, right + MARGIN, top + MARGIN])
        page.mediabox = box
        page.cropbox = box
        writer.add_page(page)
    enlarged = io.BytesIO()
    writer.write(enlarged)
    xhtml = subprocess.run(
        [PDFTOTEXT, "-bbox", "-", "-"], input=enlarged.getvalue(), capture_output=True, check=True
    ).stdout.decode()
    words = []
    for number, (body, (width, height)) in enumerate(zip(PAGE.findall(xhtml), sizes, strict=True), start=1):
        for match in WORD.finditer(body):
            x_min, y_min, x_max, y_max = (float(v) - MARGIN for v in match.groups()[:4])
            words.append(Word(number, match.group(5), x_min, y_min, x_max, y_max, width, height))
    return words


def assert_fits(pdf: bytes) -> list[Word]:
    assert pdf.startswith(b"%PDF-")
    words = words_of(pdf)
    assert words, "the PDF has no text at all"
    outside = [w for w in words if w.outside]
    assert not outside, f"{len(outside)} words beyond the page edges:\n" + "\n".join(map(str, outside[:20]))
    return words


# --- The documents -------------------------------------------------------------------------------------------


def budget_report(client_for, users):
    from governance.budget.demo import seed_demo_budget

    seed_demo_budget(stdout=io.StringIO())
    return client_for(users["amministrazione"]).get(reverse("governance:budget_report") + "?format=pdf")


def meeting_minutes(client_for, users):
    from governance.models import GovernanceBody
    from tests.factories import AttendanceFactory, DecisionFactory, MeetingFactory

    body = GovernanceBody.objects.get(code="coord_cremonese")
    meeting = MeetingFactory(
        body=body,
        agenda="\n".join(f"{n}. Avanzamento dell'azione {n}: patti, laboratori e civic center" for n in range(1, 8)),
        minutes="Il coordinamento distrettuale esamina l'avanzamento delle azioni. " * 40,
    )
    for member in body.members.all()[:12]:
        AttendanceFactory(meeting=meeting, member=member)
    AttendanceFactory(
        meeting=meeting,
        guest_name="Maria Antonietta Bianchi Cavalcabò",
        guest_organisation="Consorzio Casalasco dei Servizi Sociali – Ufficio di Piano del Distretto di Casalmaggiore",
    )
    for n in range(6):
        DecisionFactory(meeting=meeting, text=f"Decisione {n}: " + "avviare la co-progettazione con gli enti " * 4)
    return client_for(users["udp.cremonese"]).get(reverse("governance:meeting_pdf", args=[meeting.pk]))


def pact(client_for, users):
    from patti.enums import PattoStatus
    from tests.patti.factories import CommitmentFactory, signed_patto

    patto = signed_patto(status=PattoStatus.ATTIVO)
    for n in range(4):
        CommitmentFactory(patto=patto, description=f"Impegno {n}: " + "partecipare alle attività della comunità " * 5)
    return client_for(users["udp.cremonese"]).get(reverse("patti:patto_pdf", args=[patto.pk]))


def receipt(client_for, users):
    from fundraising import services
    from tests.fundraising.factories import DonationFactory

    gift = DonationFactory(amount=Decimal("1234567.89"), date=dt.date(2016, 10, 3))
    issued = services.receipt_issue(donation=gift, user=users["fundraising"], issued_on=gift.date)
    return client_for(users["fundraising"]).get(reverse("fundraising:receipt_pdf", args=[issued.pk]))


DOCUMENTS = {
    "budget report": budget_report,
    "meeting minutes": meeting_minutes,
    "pact": pact,
    "fundraising receipt": receipt,
}


@pytest.fixture
def users(db):
    from django.contrib.auth import get_user_model

    return {u.username: u for u in get_user_model().objects.all()}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_pdf_keeps_its_text_on_the_page(document, client_for, users):
    response = DOCUMENTS[document](client_for, users)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert_fits(response.content)


def test_the_check_finds_text_beyond_the_edge():
    """The checker itself: a word drawn off the page (even wholly outside, where poppler would drop it) is found."""
    from weasyprint import HTML

    pdf = HTML(
        string='<style>@page{size:A4;margin:10mm}</style><p>Dentro</p><p style="margin-left:260mm">Fuori</p>'
        '<p style="margin-left:195mm;white-space:nowrap">A cavallo del bordo</p>'
    ).write_pdf()
    outside = {w.text for w in words_of(pdf) if w.outside}
    assert {"Fuori", "bordo"} <= outside
    assert "Dentro" not in outside
