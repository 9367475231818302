"""Helpers shared by the governance views (and reusable by the action apps' views)."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404

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
            changes = []
            for c in delta.changes:
                field = record.instance._meta.get_field(c.field)
                old, new = c.old, c.new
                if getattr(field, "choices", None):  # choices as the user reads them
                    labels = dict(field.flatchoices)
                    old, new = labels.get(old, old), labels.get(new, new)
                changes.append({"field": field.verbose_name, "old": old, "new": new})
        entries.append({"record": record, "changes": changes})
    return entries


class ReferenceDateForm(forms.Form):
    reference = forms.DateField(label="Data di riferimento", required=False, widget=DateInput())


def serve_document(field_file, *, filename: str) -> FileResponse:
    """Stream an uploaded document as a download; the caller has already applied the record's scope."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("File non trovato.") from missing
    return FileResponse(handle, as_attachment=True, filename=filename)


def flash_form_errors(request, form, *, prefix: str) -> None:
    """Say every error of a form that was posted from another page (the upload boxes on detail pages)."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, f"{prefix}: {error}")
