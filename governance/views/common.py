"""Helpers shared by the governance views (and reusable by the action apps' views)."""

from django import forms
from django.core.paginator import Paginator

from ..forms import DateInput

PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def history_of(obj, limit: int = 20) -> list:
    """The latest changes of a record with the fields each one changed (django-simple-history)."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            changes = [
                {"field": record.instance._meta.get_field(c.field).verbose_name, "old": c.old, "new": c.new}
                for c in delta.changes
            ]
        entries.append({"record": record, "changes": changes})
    return entries


class ReferenceDateForm(forms.Form):
    reference = forms.DateField(label="Data di riferimento", required=False, widget=DateInput())
