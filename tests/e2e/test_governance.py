"""Governance in a real browser: the cadence table, recording a meeting with attendance, scoping (issue 2)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from governance.models import GovernanceBody, Meeting
from tests.factories import MeetingFactory


@pytest.mark.e2e
def test_direzione_sees_the_cadence_of_every_body(page, login):
    login(page, "direzione")
    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Organismi").click()

    expect(page).to_have_url(re.compile(r"/governance/bodies/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Organismi di governance")
    table = page.get_by_role("table", name=re.compile("Rispetto del calendario degli incontri"))
    for year in ("2016", "2017", "2018"):
        expect(table.get_by_role("columnheader", name=re.compile(year)).first).to_be_visible()
    cabina = table.get_by_role("row", name=re.compile("Cabina di Regia"))
    expect(cabina).to_be_visible()
    # Held / expected for each project year, e.g. "0 / 4,0": Italian decimals.
    expect(cabina.get_by_role("cell").filter(has_text=re.compile(r"^\d+ / \d+,\d")).first).to_be_visible()
    expect(cabina).to_contain_text(re.compile("In ritardo|In linea"))
    expect(table.get_by_role("row", name=re.compile("Coordinamento distrettuale Cremasco"))).to_be_visible()


@pytest.mark.e2e
def test_udp_cremasco_records_a_meeting_with_attendance(page, login):
    body = GovernanceBody.objects.get(code="coord_cremasco")
    members = [m.name for m in body.members.filter(active=True).order_by("name")]
    absent = members[-1]
    guest_row = len(members) + 1  # the form lists every active member, then empty rows for guests

    login(page, "udp.cremasco")
    page.goto("/governance/meetings/new/")
    page.get_by_label("Organismo").select_option(label=body.name)
    page.get_by_role("button", name="Continua").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Nuovo incontro – {body.name}")
    page.get_by_label("Data").fill("2017-03-15")
    page.get_by_label("Ora di inizio").fill("10:30")
    page.get_by_label("Luogo").fill("Crema, sala del Consiglio")
    page.get_by_label("Ordine del giorno").fill("1. Avvio dei patti gener-attivi nel distretto")
    # Every member is proposed as present: one was absent, and a guest came.
    page.get_by_label(f"Presenza (riga {members.index(absent) + 1})", exact=True).select_option(label="Assente")
    page.get_by_label(f"Ospite (riga {guest_row})", exact=True).fill("Carla Rossi")
    page.get_by_label(f"Organizzazione dell'ospite (riga {guest_row})", exact=True).fill("Comune di Crema")
    page.get_by_role("button", name="Salva").click()

    expect(page.get_by_role("alert")).to_contain_text("Incontro salvato.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{body.name} – 15/03/2017")
    attendance = page.get_by_role("table", name="Presenze all'incontro")
    expect(attendance.get_by_role("row", name=re.compile(f"{members[0]}.*Presente"))).to_be_visible()
    expect(attendance.get_by_role("row", name=re.compile(f"{absent}.*Assente"))).to_be_visible()
    expect(attendance.get_by_role("row", name=re.compile("Carla Rossi.*ospite.*Comune di Crema"))).to_be_visible()

    page.get_by_role("navigation", name="Navigazione principale").get_by_role("link", name="Incontri").click()
    row = page.get_by_role("table", name="Elenco degli incontri").get_by_role("row", name=re.compile(r"15.03.2017"))
    expect(row).to_contain_text(body.name)
    expect(row).to_contain_text("Crema, sala del Consiglio")
    present = len(members) - 1 + 1  # all members but the absent one, plus the guest
    expect(row.get_by_role("cell").nth(3)).to_have_text(str(present))
    assert Meeting.objects.filter(body=body, date=dt.date(2017, 3, 15)).count() == 1


@pytest.mark.e2e
def test_udp_cremasco_gets_the_italian_404_for_a_cremonese_meeting(page, login):
    cremonese = MeetingFactory(body=GovernanceBody.objects.get(code="coord_cremonese"))

    login(page, "udp.cremasco")
    response = page.goto(f"/governance/meetings/{cremonese.pk}/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina non trovata")
    expect(page.locator("main")).not_to_contain_text(cremonese.place)
    # The shell is still there: the user can find their way back.
    expect(page.get_by_role("link", name="Torna al cruscotto")).to_be_visible()
