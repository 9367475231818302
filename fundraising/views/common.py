"""What every fundraising view shares: the two gates (staff, aggregates) and saying a service's refusal."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404

from .. import permissions


def staff_only(view):
    """Donors, gifts, receipts, campaigns and transfers: the Staff Fundraising only; everyone else finds nothing."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.is_fundraising_staff(request.user):
            raise Http404("Pagina non trovata.")
        return view(request, *args, **kwargs)

    return wrapper


def aggregates_only(view):
    """Totals without personal data: Staff Fundraising, Direzione, Staff Amministrazione."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.reads_aggregates(request.user):
            raise Http404("Pagina non trovata.")
        return view(request, *args, **kwargs)

    return wrapper


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form (on the field it names, else on the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
