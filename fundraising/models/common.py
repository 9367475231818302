"""What the models of the fundraising app share: money columns, the staff-only scope, date checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .. import permissions

MONEY_FIELD = {"max_digits": 12, "decimal_places": 2}
ZERO = Decimal("0.00")

# Donors' personal data: shown to the Staff Fundraising only, never in the admin, never copied into the history
# tables (so that erasure leaves no copy behind); a change is recorded in the history by name of field only.
PERSONAL_FIELDS = [
    "first_name",
    "last_name",
    "organisation_name",
    "fiscal_code",
    "email",
    "phone",
    "address",
    "postcode",
    "town",
]


def validate_not_future(value: dt.date) -> None:
    if value and value > timezone.localdate():
        raise ValidationError("La data non può essere nel futuro.")


class StaffOnlyQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.all() if permissions.is_fundraising_staff(user) else self.none()
