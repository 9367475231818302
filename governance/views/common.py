"""Helpers shared by the governance views (and reusable by the action apps' views)."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.formats import date_format, number_format

from ..forms import DateInput

PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def history_of(obj, limit: int = 20) -> list:
    """The latest changes of a record with the fields each one changed (django-simple-history), as a user reads them."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            for c in record.diff_against(previous).changes:
                field = record.instance._meta.get_field(c.field)
                changes.append({"field": field.verbose_name, "old": c.old, "new": c.new, "model_field": field})
        entries.append({"record": record, "changes": changes})
    _readable_values(entries)
    return entries


def _readable_values(entries: list) -> None:
    """Stored values as the pages show them: a choice's label, the linked record's name, sì/no, Italian numbers and
    dates; the linked records are fetched with one query per kind of record, however many changes name them."""
    wanted = {}
    for entry in entries:
        for change in entry["changes"]:
            field = change["model_field"]
            if field.is_relation and field.many_to_one:
                wanted.setdefault(field.related_model, set()).update(
                    v for v in (change["old"], change["new"]) if v is not None
                )
    names = {
        model: {pk: str(row) for pk, row in model._base_manager.in_bulk(list(pks)).items()}
        for model, pks in wanted.items()
    }
    for entry in entries:
        for change in entry["changes"]:
            field = change.pop("model_field")
            for key in ("old", "new"):
                change[key] = _readable(field, change[key], names)


def _readable(field, value, names: dict):
    if value is None or value == "":
        return value
    if field.is_relation and field.many_to_one:
        return names.get(field.related_model, {}).get(value, value)
    if getattr(field, "choices", None):
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, int):
        return str(value)  # 0 is a value, not "—"
    if isinstance(value, Decimal):
        return number_format(value, decimal_pos=field.decimal_places, use_l10n=True, force_grouping=True)
    if isinstance(value, dt.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "d/m/Y H:i")
    if isinstance(value, dt.date):
        return date_format(value, "d/m/Y")
    return value


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
