"""Models of the fundraising app, split by concept (see each module); rules in `fundraising/services/`."""

from .campaigns import Campaign, Event, roi
from .common import PERSONAL_FIELDS, StaffOnlyQuerySet
from .donors import ConsentRecord, Donor, DonorMerge, DonorRelationship
from .gifts import Designation, Donation, Pledge, PledgeInstalment
from .receipts import NO_BENEFIT_WORDING, LegalBasis, Receipt, ReceiptCounter
from .transfers import Transfer, TransferAllocation
from .uploads import PendingUpload

__all__ = [
    "NO_BENEFIT_WORDING",
    "PERSONAL_FIELDS",
    "Campaign",
    "ConsentRecord",
    "Designation",
    "Donation",
    "Donor",
    "DonorMerge",
    "DonorRelationship",
    "Event",
    "LegalBasis",
    "PendingUpload",
    "Pledge",
    "PledgeInstalment",
    "Receipt",
    "ReceiptCounter",
    "StaffOnlyQuerySet",
    "Transfer",
    "TransferAllocation",
    "roi",
]
