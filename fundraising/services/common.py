"""What every write of the fundraising app checks first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from governance.audit import audited_save

from .. import permissions


def require_staff(user) -> None:
    if not permissions.is_fundraising_staff(user):
        raise PermissionDenied("Solo lo Staff Fundraising può modificare i dati della raccolta fondi.")


def _full_clean(instance, *, exclude=None) -> None:
    instance.full_clean(exclude=exclude, validate_unique=False)


# --- Campaigns, events, legal bases ---------------------------------------------------------------------------


@transaction.atomic
def record_save(*, instance, user, expected_version: int | None = None):
    """Create or update a campaign, an event or a legal basis (validated, versioned, audited)."""
    require_staff(user)
    _full_clean(instance)
    return audited_save(instance, user=user, expected_version=expected_version)
