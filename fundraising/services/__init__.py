"""Writes of the fundraising app: atomic, checked (Staff Fundraising only), recorded in the audit trail.

Locks: a pledge payment locks its pledge (payments never exceed the promise), a receipt locks its gift and the
year's counter row (one valid receipt per gift, numbers gap-free and unique), a transfer locks its designation
(never more than the restricted balance). A transfer is not an expense: nothing is posted to the budget here.
"""

from .common import record_save, require_staff
from .donors import consent_record, donor_erase, donor_merge, donor_save, relationship_add
from .gifts import (
    SUBFUND_DISTRICTS,
    designation_choices,
    designation_for,
    donation_save,
    pledge_payment_create,
    pledge_save,
)
from .receipts import receipt_issue, receipt_void, wording_for
from .transfers import available_balance, record_holders, transfer_create

__all__ = [
    "SUBFUND_DISTRICTS",
    "available_balance",
    "consent_record",
    "designation_choices",
    "designation_for",
    "donation_save",
    "donor_erase",
    "donor_merge",
    "donor_save",
    "pledge_payment_create",
    "pledge_save",
    "receipt_issue",
    "receipt_void",
    "record_holders",
    "record_save",
    "relationship_add",
    "require_staff",
    "transfer_create",
    "wording_for",
]
