"""Authorisation matrix of Action 5 (merged into MATRIX by tests/test_authorization_matrix.py).

Donors, gifts, pledges, receipts, campaigns, events and transfers: the Staff Fundraising only; every other role (and
a user with no role) finds nothing (404). The fund page and the reports carry totals only: the Staff Fundraising,
the Direzione and the Staff Amministrazione read them.
"""

import datetime as dt
from decimal import Decimal

from fundraising import services
from governance.models import Action, District
from tests.fundraising.factories import CampaignFactory, DonationFactory, DonorFactory, EventFactory, designation
from tests.matrix import Case, statuses

STAFF = statuses(404, fundraising=200)
STAFF_POST = statuses(404, fundraising=302)
AGGREGATES = statuses(404, fundraising=200, direzione=200, amministrazione=200)

MATRIX_FUNDRAISING = {
    "fundraising:donor_list": Case(STAFF, rows={"donor": STAFF}),
    "fundraising:donor_create": Case(STAFF),
    "fundraising:duplicate_list": Case(STAFF, rows={"duplicate": STAFF}),
    "fundraising:donor_detail": Case(STAFF, args=("donor",)),
    "fundraising:donor_edit": Case(STAFF, args=("donor",)),
    "fundraising:consent_add": Case(STAFF_POST, method="post", args=("donor",)),
    "fundraising:relationship_add": Case(STAFF_POST, method="post", args=("donor",)),
    "fundraising:donor_export": Case(STAFF, args=("donor",)),
    "fundraising:donor_erase": Case(STAFF, args=("donor",)),
    "fundraising:donor_merge": Case(STAFF, args=("donor", "duplicate")),
    "fundraising:merge_list": Case(STAFF, rows={"merge": STAFF}),
    "fundraising:merge_detail": Case(STAFF, args=("merge",)),
    "fundraising:campaign_list": Case(STAFF, rows={"campaign": STAFF}),
    "fundraising:campaign_create": Case(STAFF),
    "fundraising:campaign_detail": Case(STAFF, args=("campaign",)),
    "fundraising:campaign_edit": Case(STAFF, args=("campaign",)),
    "fundraising:event_list": Case(STAFF, rows={"event": STAFF}),
    "fundraising:event_create": Case(STAFF),
    "fundraising:event_detail": Case(STAFF, args=("event",)),
    "fundraising:event_edit": Case(STAFF, args=("event",)),
    "fundraising:donation_list": Case(STAFF, rows={"donation": STAFF}),
    "fundraising:donation_create": Case(STAFF),
    "fundraising:bank_import": Case(STAFF),
    "fundraising:donor_import": Case(STAFF),
    "fundraising:donor_lookup": Case(STAFF),
    "fundraising:donation_detail": Case(STAFF, args=("donation",)),
    "fundraising:donation_edit": Case(STAFF, args=("donation",)),
    "fundraising:receipt_issue": Case(STAFF_POST, method="post", args=("donation",)),
    "fundraising:pledge_list": Case(STAFF, rows={"pledge": STAFF}),
    "fundraising:pledge_create": Case(STAFF),
    "fundraising:pledge_detail": Case(STAFF, args=("pledge",)),
    "fundraising:pledge_edit": Case(STAFF, args=("pledge",)),
    "fundraising:receipt_list": Case(STAFF, rows={"receipt": STAFF}),
    "fundraising:annual_list": Case(STAFF, data={"year": 2016}, rows={"donor": STAFF}),
    "fundraising:receipt_detail": Case(STAFF, args=("receipt",)),
    "fundraising:receipt_pdf": Case(STAFF, args=("receipt",)),
    "fundraising:receipt_void": Case(STAFF_POST, method="post", args=("receipt",)),
    "fundraising:legal_basis_list": Case(STAFF, rows={"legal_basis": STAFF}),
    "fundraising:legal_basis_create": Case(STAFF),
    "fundraising:legal_basis_edit": Case(STAFF, args=("legal_basis",)),
    "fundraising:fund": Case(AGGREGATES),
    "fundraising:transfer_list": Case(STAFF, rows={"transfer": STAFF}),
    "fundraising:transfer_create": Case(STAFF, args=("designation",)),
    "fundraising:transfer_detail": Case(STAFF, args=("transfer",)),
    "fundraising:reports": Case(AGGREGATES),
}


def fundraising_world(request=None) -> dict:
    """A donor with a receipted gift on the Cremasco sub-fund, a duplicate, a merge, a pledge and a transfer.

    Built only for the matrix cases of this app."""
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and not str(callspec.params.get("name", "")).startswith("fundraising:"):
        return {}
    from django.contrib.auth import get_user_model

    from fundraising.models import LegalBasis, Pledge

    staff = get_user_model().objects.get(username="fundraising")
    cremasco = designation("subfund:cremasco")
    donor = DonorFactory()
    donation = DonationFactory(donor=donor, designation=cremasco, amount=Decimal("500.00"))
    receipt = services.receipt_issue(donation=donation, user=staff, issued_on=dt.date(2016, 10, 5))
    merged = services.donor_merge(survivor=donor, merged=DonorFactory(), reason="Prova", user=staff)
    pledge = Pledge.objects.create(donor=donor, date=dt.date(2016, 9, 1), amount=Decimal("300"), designation=cremasco)
    transfer = services.transfer_create(
        designation=cremasco,
        holder=District.objects.get(code="cremasco").lead_organisation,
        action=Action.objects.get(code="1"),
        amount=Decimal("100.00"),
        date=dt.date(2016, 11, 1),
        user=staff,
    )
    return {
        "donor": donor,
        "duplicate": DonorFactory(email=donor.email),  # a possible duplicate of `donor` (same e-mail)
        "donation": DonationFactory(donor=donor),
        "receipt": receipt,
        "merge": merged,
        "pledge": pledge,
        "campaign": CampaignFactory(),
        "event": EventFactory(),
        "legal_basis": LegalBasis.objects.first(),
        "designation": cremasco,
        "transfer": transfer,
    }
