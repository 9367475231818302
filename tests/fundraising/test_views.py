"""The fundraising screens as each role sees them: forms, privacy, receipts, exports, reconciliation, query counts."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fundraising import services
from fundraising.enums import PaymentMethod
from fundraising.models import Campaign, Donation, Donor, Event, Pledge, Receipt, Transfer
from governance.budget.enums import FundingSource
from governance.budget.services import payment_post
from governance.models import Action, District
from tests.fundraising.factories import (
    VALID_PERSONAL_CODE,
    CampaignFactory,
    DonationFactory,
    DonorFactory,
    EventFactory,
    designation,
)
from tests.patti.factories import ledger_line

pytestmark = pytest.mark.django_db

DONOR_DATA = {
    "kind": "person",
    "first_name": "Maria",
    "last_name": "Bertoletti",
    "fiscal_code": VALID_PERSONAL_CODE,
    "email": "maria.bertoletti@example.org",
    "segment": "major_donor",
    "acquisition": "one_to_one",
    "contact_source": "Incontro one-to-one",
    "lawful_basis": "consent",
}


def test_staff_records_a_donor_and_sees_a_possible_duplicate(client_for, fundraising):
    client = client_for(fundraising)
    response = client.post(reverse("fundraising:donor_create"), DONOR_DATA)
    donor = Donor.objects.get(last_name="Bertoletti")
    assert response.status_code == 302 and response["Location"] == donor.get_absolute_url()
    assert donor.created_by == fundraising
    response = client.post(reverse("fundraising:donor_create"), {**DONOR_DATA, "first_name": "M."}, follow=True)
    assert "stesso codice fiscale o la stessa e-mail" in response.content.decode()
    page = client.get(donor.get_absolute_url()).content.decode()
    assert "Possibili duplicati" in page and "unisci in questo" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("fiscal_code", "RSSMRA85T10A562X", "Codice fiscale non valido"), ("email", "maria@", "email valido")],
)
def test_donor_form_refuses_bad_contacts_with_a_clear_message(client_for, fundraising, field, value, message):
    response = client_for(fundraising).post(reverse("fundraising:donor_create"), {**DONOR_DATA, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Donor.objects.exists()


def test_direzione_sees_totals_but_no_donor(client_for, direzione):
    DonationFactory(donor=DonorFactory(last_name="Riservatissimo"), amount=Decimal("1234.00"))
    client = client_for(direzione)
    assert client.get(reverse("fundraising:donor_list")).status_code == 404
    page = client.get(reverse("fundraising:reports")).content.decode()
    assert "1.234,00 €" in page and "Riservatissimo" not in page
    home = client.get(reverse("home")).content.decode()
    assert "Raccolta fondi" in home and "Riservatissimo" not in home


def test_system_administrator_manages_accounts_not_donors(client_for, superuser):
    donor = DonorFactory(last_name="Segretissimo", email="segreto@example.org")
    client = client_for(superuser)
    assert client.get(donor.get_absolute_url()).status_code == 404
    admin_page = client.get(reverse("admin:fundraising_donor_change", args=[donor.pk])).content.decode()
    assert donor.code in admin_page
    assert "Segretissimo" not in admin_page and "segreto@example.org" not in admin_page
    listing = client.get(reverse("admin:fundraising_donation_changelist"))
    assert listing.status_code == 200


def test_donation_form_refuses_a_zero_amount(client_for, fundraising):
    donor = DonorFactory()
    response = client_for(fundraising).post(
        reverse("fundraising:donation_create"),
        {"donor": donor.code, "date": "2016-10-03", "gift_kind": "money", "amount": "0", "payment_method": "cash",
         "designation_key": "unrestricted"},
    )  # fmt: skip
    assert "deve essere maggiore di zero" in response.content.decode()
    assert not Donation.objects.exists()


def test_staff_records_a_restricted_gift_issues_and_voids_its_receipt(client_for, fundraising):
    client = client_for(fundraising)
    donor = DonorFactory()
    client.post(
        reverse("fundraising:donation_create"),
        {"donor": donor.code, "date": "2016-10-03", "gift_kind": "money", "amount": "250.00",
         "payment_method": "bank_transfer", "designation_key": "subfund:cremasco"},
    )  # fmt: skip
    gift = Donation.objects.get()
    assert str(gift.designation) == "Sotto-fondo Cremasco"
    response = client.post(reverse("fundraising:receipt_issue", args=[gift.pk]), {"issued_on": "2016-10-05"})
    receipt = Receipt.objects.get()
    assert response["Location"] == receipt.get_absolute_url()
    again = client.post(reverse("fundraising:receipt_issue", args=[gift.pk]), {"issued_on": "2016-10-06"}, follow=True)
    assert "non se ne emette una seconda" in again.content.decode()
    pdf = client.get(reverse("fundraising:receipt_pdf", args=[receipt.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    client.post(reverse("fundraising:receipt_void", args=[receipt.pk]), {"reason": "Importo errato"})
    register = client.get(reverse("fundraising:receipt_list")).content.decode()
    assert "1/2016" in register and "Annullata: Importo errato" in register


def test_receipt_pdf_has_the_amount_in_words(client_for, fundraising):
    import shutil
    import subprocess

    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        pytest.skip("pdftotext not installed")
    gift = DonationFactory(amount=Decimal("1250.50"))
    receipt = services.receipt_issue(donation=gift, user=fundraising, issued_on=gift.date)
    pdf = client_for(fundraising).get(reverse("fundraising:receipt_pdf", args=[receipt.pk])).content
    text = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "milleduecentocinquanta/50" in text and "1.250,50" in text and "art. 15" in text


def test_pledge_payment_over_outstanding_is_refused_on_the_page(client_for, fundraising):
    pledge = Pledge.objects.create(
        donor=DonorFactory(), date=dt.date(2016, 6, 1), amount=Decimal("300"), designation=designation("unrestricted")
    )
    response = client_for(fundraising).post(
        reverse("fundraising:pledge_detail", args=[pledge.pk]),
        {"date": "2016-07-01", "amount": "300.01", "payment_method": "bank_transfer"},
    )
    assert "supera il residuo dell&#x27;impegno" in response.content.decode()
    assert not pledge.payments.exists()


def test_transfer_over_the_restricted_balance_is_refused_on_the_page(client_for, fundraising):
    cremasco = designation("subfund:cremasco")
    DonationFactory(designation=cremasco, amount=Decimal("100.00"))
    holder = District.objects.get(code="cremasco").lead_organisation
    response = client_for(fundraising).post(
        reverse("fundraising:transfer_create", args=[cremasco.pk]),
        {"holder": holder.pk, "action": Action.objects.get(code="1").pk, "amount": "100.01", "date": "2016-11-01"},
    )
    assert "disponibili 100,00 €" in response.content.decode()
    assert not Transfer.objects.exists()


def test_annual_list_flags_missing_fiscal_codes_and_leaves_out_objectors_and_cash(client_for, fundraising):
    DonationFactory(donor=DonorFactory(last_name="Senzacodice"), date=dt.date(2017, 2, 1), amount=Decimal("40"))
    DonationFactory(donor=DonorFactory(last_name="Contrario", objects_to_tax_list=True), date=dt.date(2017, 2, 1))
    DonationFactory(
        donor=DonorFactory(last_name="Contante"), date=dt.date(2017, 2, 1), payment_method=PaymentMethod.CASH
    )
    response = client_for(fundraising).get(reverse("fundraising:annual_list"), {"year": 2017, "format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert "Senzacodice" in text and "Codice fiscale mancante" in text and "40,00" in text
    assert "Contrario" not in text and "Contante" not in text
    xlsx = client_for(fundraising).get(reverse("fundraising:annual_list"), {"year": 2017, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["D2"].value == 40


def test_reports_formats_show_the_same_numbers(client_for, direzione):
    DonationFactory(date=dt.date(2016, 10, 3), amount=Decimal("777.77"))
    client = client_for(direzione)
    assert "777,77 €" in client.get(reverse("fundraising:reports")).content.decode()
    assert "777,77" in client.get(reverse("fundraising:reports"), {"format": "csv"}).content.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(client.get(reverse("fundraising:reports"), {"format": "xlsx"}).content))
    assert book["Raccolta per anno"]["B3"].value == 777.77


def test_fund_reconciles_transfers_with_spending_from_donations(client_for, fundraising, amministrazione):
    cremonese = District.objects.get(code="cremonese")
    fund = designation("subfund:cremonese")
    DonationFactory(designation=fund, amount=Decimal("1000.00"))
    services.transfer_create(
        designation=fund, holder=cremonese.lead_organisation, action=Action.objects.get(code="1"),
        amount=Decimal("400.00"), date=dt.date(2016, 11, 1), user=fundraising,
    )  # fmt: skip
    ledger_line(district_code="cremonese", year=2, source=FundingSource.DONATIONS)
    payment_post(
        action_code="1", district=cremonese, date=dt.date(2016, 12, 1), amount=Decimal("450.00"),
        funding_source=FundingSource.DONATIONS, description="Contributo", payee="Beneficiario", user=amministrazione,
    )  # fmt: skip
    page = client_for(amministrazione).get(reverse("fundraising:fund")).content.decode()
    assert "400,00 €" in page and "450,00 €" in page and "Spesa oltre i trasferimenti" in page
    assert "600,00 €" in page  # the sub-fund's available balance: 1,000 received − 400 transferred


LISTS = [
    ("fundraising:donor_list", lambda: DonationFactory()),
    ("fundraising:donation_list", lambda: DonationFactory(campaign=CampaignFactory(), event=EventFactory())),
    ("fundraising:receipt_list", lambda: _receipted()),
    ("fundraising:pledge_list", lambda: _pledge()),
    ("fundraising:campaign_list", lambda: CampaignFactory()),
    ("fundraising:event_list", lambda: EventFactory(campaign=CampaignFactory())),
    ("fundraising:transfer_list", lambda: _transfer()),
    ("fundraising:merge_list", lambda: _merge()),
]


def _receipted():
    from django.contrib.auth import get_user_model

    gift = DonationFactory()
    services.receipt_issue(
        donation=gift, user=get_user_model().objects.get(username="fundraising"), issued_on=gift.date
    )


def _pledge():
    Pledge.objects.create(
        donor=DonorFactory(), date=dt.date(2016, 6, 1), amount=100, designation=designation("unrestricted")
    )


def _transfer():
    from django.contrib.auth import get_user_model

    fund = designation("unrestricted")
    DonationFactory(designation=fund)
    services.transfer_create(
        designation=fund, holder=District.objects.get(code="cremasco").lead_organisation,
        action=Action.objects.get(code="5"), amount=Decimal("10"), date=dt.date(2016, 11, 1),
        user=get_user_model().objects.get(username="fundraising"),
    )  # fmt: skip


def _merge():
    from django.contrib.auth import get_user_model

    services.donor_merge(
        survivor=DonorFactory(), merged=DonorFactory(), reason="Prova",
        user=get_user_model().objects.get(username="fundraising"),
    )  # fmt: skip


@pytest.mark.parametrize(("name", "make"), LISTS, ids=[n for n, _ in LISTS])
def test_list_queries_do_not_grow_with_rows(client_for, fundraising, django_assert_max_num_queries, name, make):
    client = client_for(fundraising)
    make()
    with django_assert_max_num_queries(20) as one:
        assert client.get(reverse(name)).status_code == 200
    for _ in range(12):
        make()
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", ["fundraising:reports", "fundraising:fund"])
def test_report_queries_do_not_grow_with_rows(client_for, direzione, django_assert_max_num_queries, name):
    client = client_for(direzione)
    DonationFactory(campaign=CampaignFactory(), event=EventFactory())
    with django_assert_max_num_queries(40) as one:
        client.get(reverse(name))
    for _ in range(10):
        DonationFactory(campaign=CampaignFactory(), event=EventFactory(), designation=designation("subfund:cremasco"))
    with django_assert_max_num_queries(len(one.captured_queries) + 2):  # one more designation row to lock/read
        client.get(reverse(name))


def test_donor_detail_queries_do_not_grow_with_gifts(client_for, fundraising, django_assert_max_num_queries):
    donor = DonorFactory()
    DonationFactory(donor=donor)
    client = client_for(fundraising)
    with django_assert_max_num_queries(40) as one:
        client.get(donor.get_absolute_url())
    for _ in range(10):
        DonationFactory(donor=donor)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(donor.get_absolute_url())


def test_export_holds_everything_about_the_donor(client_for, fundraising):
    donor = DonorFactory(last_name="Esportato")
    gift = DonationFactory(donor=donor)
    services.receipt_issue(donation=gift, user=fundraising, issued_on=gift.date)
    services.consent_record(
        donor=donor, channel="email", granted=True, date=dt.date(2016, 1, 1), source="Modulo", user=fundraising
    )
    data = client_for(fundraising).get(reverse("fundraising:donor_export", args=[donor.pk])).json()
    assert data["donatore"]["cognome"] == "Esportato"
    assert len(data["donazioni"]) == 1 and len(data["ricevute"]) == 1 and len(data["consensi"]) == 1


def test_erasure_page_anonymises_the_donor(client_for, fundraising):
    donor = DonorFactory(last_name="Dacancellare")
    DonationFactory(donor=donor)
    client = client_for(fundraising)
    client.post(reverse("fundraising:donor_erase", args=[donor.pk]), {"reason": "Richiesta del 3/5/2018"})
    page = client.get(donor.get_absolute_url()).content.decode()
    assert "Dacancellare" not in page and "Dati personali cancellati" in page
    assert Donation.objects.filter(donor=donor).count() == 1


def test_merge_page_moves_the_gifts(client_for, fundraising):
    survivor, duplicate = DonorFactory(), DonorFactory()
    DonationFactory(donor=duplicate)
    response = client_for(fundraising).post(
        reverse("fundraising:donor_merge", args=[survivor.pk, duplicate.pk]), {"reason": "Stessa persona"}
    )
    assert response.status_code == 302
    assert survivor.donations.count() == 1


def test_campaign_and_event_roi(client_for, fundraising):
    campaign = CampaignFactory(costs=Decimal("1000.00"))
    event = EventFactory(campaign=campaign, costs=Decimal("500.00"))
    DonationFactory(campaign=campaign, event=event, amount=Decimal("3000.00"))
    client = client_for(fundraising)
    assert "100,0%" in client.get(campaign.get_absolute_url()).content.decode()  # (3000 − 1500) / 1500
    assert "500,0%" in client.get(event.get_absolute_url()).content.decode()  # (3000 − 500) / 500
    assert Campaign.objects.count() == 1 and Event.objects.count() == 1


def test_a5_raccolta_indicator_is_registered_and_scoped(fundraising, referente):
    from governance.indicators import computed_indicator

    DonationFactory(date=dt.date(2016, 10, 3), amount=Decimal("10.00"))
    indicator = computed_indicator("A5_RACCOLTA")
    assert indicator.compute(user=fundraising, year=2, district_id=None) == Decimal("10.00")
    assert indicator.compute(user=fundraising, year=1, district_id=None) == Decimal("0.00")
    assert indicator.compute(user=referente, year=None, district_id=None) is None


def test_transfer_form_offers_only_gifts_not_yet_transferred_and_draws_on_the_chosen_one(client_for, fundraising):
    fund = designation("subfund:cremasco")
    spent = DonationFactory(designation=fund, amount=Decimal("100.00"), date=dt.date(2016, 1, 1))
    chosen = DonationFactory(designation=fund, amount=Decimal("100.00"), date=dt.date(2016, 2, 1))
    holder = District.objects.get(code="cremasco").lead_organisation
    services.transfer_create(
        designation=fund, holder=holder, action=Action.objects.get(code="1"), amount=Decimal("100.00"),
        date=dt.date(2016, 3, 1), user=fundraising, donations=[spent],
    )  # fmt: skip
    client = client_for(fundraising)
    page = client.get(reverse("fundraising:transfer_create", args=[fund.pk])).content.decode()
    assert f"n. {chosen.pk} del" in page and f"n. {spent.pk} del" not in page
    client.post(
        reverse("fundraising:transfer_create", args=[fund.pk]),
        {"holder": holder.pk, "action": Action.objects.get(code="1").pk, "amount": "60", "date": "2016-11-01",
         "donations": [chosen.pk]},
    )  # fmt: skip
    assert Transfer.objects.latest("pk").allocations.get().donation == chosen


def test_reports_compare_raised_with_the_results_frameworks_targets(client_for, direzione):
    from fundraising.reports import raised_per_year

    DonationFactory(date=dt.date(2015, 10, 3), amount=Decimal("25382.00"))
    year_one = raised_per_year()[0]
    assert year_one.target == Decimal("50764") and year_one.share == Decimal("50.0")
    assert "50,0%" in client_for(direzione).get(reverse("fundraising:reports")).content.decode()
