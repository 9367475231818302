"""Campaigns and events; the fund (balances, reconciliation), transfers; the reports (HTML, XLSX, CSV)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from governance.audit import ConcurrentEditError
from governance.exports import Sheet, csv_response, xlsx_response
from governance.money import format_eur
from governance.pdf import render_pdf
from governance.reference import reference_date
from governance.views.common import history_of, paginate

from .. import permissions, reports, services
from ..charts import report_charts
from ..filters import CampaignFilter, EventFilter, TransferFilter
from ..forms import CampaignForm, EventForm, TransferForm
from ..models import Campaign, Designation, Event, Transfer
from ..selectors import reconciliation
from .common import add_errors, aggregates_only, staff_only

DESIGNATION_DISPLAY = (
    "designation__district",
    "designation__action",
    "designation__lab",
    "designation__company_pact__company",
    "designation__civic_center",
)

# --- Campaigns and events -------------------------------------------------------------------------------------


@staff_only
def campaign_list(request):
    filterset = CampaignFilter(request.GET, queryset=Campaign.objects.visible_to(request.user))
    page = paginate(request, reports.campaigns_with_money(filterset.qs))
    return render(request, "fundraising/campaign_list.html", {"filter": filterset, "page": page})


@staff_only
def campaign_detail(request, pk):
    campaign = get_object_or_404(reports.campaigns_with_money(Campaign.objects.visible_to(request.user)), pk=pk)
    events = reports.events_with_money(campaign.events.all())
    return render(
        request,
        "fundraising/campaign_detail.html",
        {
            "campaign": campaign,
            "events": events,
            "total_costs": campaign.costs + campaign.event_costs,
            "roi": reports.roi(campaign.raised, campaign.costs + campaign.event_costs),
            "history": history_of(campaign),
        },
    )


@staff_only
def event_list(request):
    filterset = EventFilter(request.GET, queryset=Event.objects.visible_to(request.user).select_related("campaign"))
    page = paginate(request, reports.events_with_money(filterset.qs))
    return render(request, "fundraising/event_list.html", {"filter": filterset, "page": page})


@staff_only
def event_detail(request, pk):
    event = get_object_or_404(
        reports.events_with_money(Event.objects.visible_to(request.user).select_related("campaign")), pk=pk
    )
    return render(
        request,
        "fundraising/event_detail.html",
        {"event": event, "roi": reports.roi(event.raised, event.costs), "history": history_of(event)},
    )


def _record_form(request, *, form_class, instance, title, list_name, list_label):
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.record_save(
                instance=form.instance, user=request.user, expected_version=form.cleaned_data.get("version")
            )
        except ConcurrentEditError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Dati salvati.")
            return redirect(saved)
    if request.method == "POST":
        messages.error(request, "Controllare i campi evidenziati: nulla è stato salvato.")
    return render(
        request,
        "fundraising/simple_form.html",
        {"form": form, "title": title, "parent_label": list_label, "parent_url_name": list_name},
    )


@staff_only
def campaign_create(request):
    return _record_form(
        request, form_class=CampaignForm, instance=Campaign(), title="Nuova campagna",
        list_name="fundraising:campaign_list", list_label="Campagne",
    )  # fmt: skip


@staff_only
def campaign_edit(request, pk):
    campaign = get_object_or_404(Campaign.objects.visible_to(request.user), pk=pk)
    return _record_form(
        request, form_class=CampaignForm, instance=campaign, title=f"Modifica campagna {campaign}",
        list_name="fundraising:campaign_list", list_label="Campagne",
    )  # fmt: skip


@staff_only
def event_create(request):
    return _record_form(
        request, form_class=EventForm, instance=Event(), title="Nuovo evento",
        list_name="fundraising:event_list", list_label="Eventi",
    )  # fmt: skip


@staff_only
def event_edit(request, pk):
    event = get_object_or_404(Event.objects.visible_to(request.user), pk=pk)
    return _record_form(
        request, form_class=EventForm, instance=event, title=f"Modifica evento {event.name}",
        list_name="fundraising:event_list", list_label="Eventi",
    )  # fmt: skip


# --- Fund and transfers ---------------------------------------------------------------------------------------


@aggregates_only
def fund(request):
    """The dedicated fund: balances per designation, and per holder and action the transfers against the spending
    from donations in the budget (flagged when spending goes beyond the transfers)."""
    balances = reports.restricted_balances()
    return render(
        request,
        "fundraising/fund.html",
        {
            "balances": balances,
            "totals": {
                "received": sum((b.received for b in balances), reports.ZERO),
                "transferred": sum((b.transferred for b in balances), reports.ZERO),
                "available": sum((b.available for b in balances), reports.ZERO),
            },
            "reconciliation": reconciliation(),
            "is_staff": permissions.is_fundraising_staff(request.user),
        },
    )


@staff_only
def transfer_list(request):
    queryset = Transfer.objects.visible_to(request.user).select_related(*DESIGNATION_DISPLAY, "holder", "action")
    filterset = TransferFilter(request.GET, queryset=queryset)
    return render(
        request, "fundraising/transfer_list.html", {"filter": filterset, "page": paginate(request, filterset.qs)}
    )


@staff_only
def transfer_create(request, designation_pk):
    designation = get_object_or_404(Designation.objects.for_display(), pk=designation_pk)
    form = TransferForm(request.POST or None, designation=designation, initial={"date": reference_date(request)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            transfer = services.transfer_create(
                designation=designation,
                holder=data["holder"],
                action=data["action"],
                amount=data["amount"],
                date=data["date"],
                donations=list(data["donations"]),
                notes=data["notes"],
                user=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Trasferimento registrato: {format_eur(transfer.amount)} a {transfer.holder}.")
            return redirect(transfer)
    if request.method == "POST":
        messages.error(request, "Trasferimento non registrato: controllare i campi evidenziati.")
    return render(
        request,
        "fundraising/transfer_form.html",
        {"form": form, "designation": designation, "available": services.available_balance(designation)},
    )


@staff_only
def transfer_detail(request, pk):
    transfer = get_object_or_404(
        Transfer.objects.visible_to(request.user).select_related(*DESIGNATION_DISPLAY, "holder", "action"),
        pk=pk,
    )
    allocations = transfer.allocations.select_related("donation__donor")
    return render(
        request,
        "fundraising/transfer_detail.html",
        {"transfer": transfer, "allocations": allocations, "history": history_of(transfer)},
    )


# --- Reports --------------------------------------------------------------------------------------------------


def report_sheets(data) -> list[Sheet]:
    """The same rows as the HTML page, for XLSX (one sheet each) and CSV (stacked with a section column)."""
    roi_header = ["Voce", "Raccolto", "Costi", "Netto", "ROI %", "Donazioni"]

    def roi_rows(rows):
        return [[r.label, r.raised, r.costs, r.net, r.roi, r.gifts] for r in rows]

    return [
        Sheet(
            "Raccolta per anno",
            ["Anno", "Raccolto (denaro)", "Obiettivo", "% obiettivo", "Doni in natura", "Donazioni", "Donatori"],
            [[y.year, y.raised, y.target, y.share, y.in_kind, y.gifts, y.donors] for y in data["years"]],
        ),
        Sheet("Per mercato", roi_header, roi_rows(data["markets"])),
        Sheet("Per canale", roi_header, roi_rows(data["channels"])),
        Sheet("Per campagna", roi_header, roi_rows(data["campaigns"])),
        Sheet("Per evento", roi_header, roi_rows(data["events"])),
        Sheet(
            "Donatori",
            ["Anno", "Donatori", "Nuovi", "Fidelizzati", "Riattivati", "Persi", "In crescita", "Fidelizzazione %"],
            [
                [r.year, r.donors, r.new, r.retained, r.reactivated, r.lapsed, r.upgraded, r.retention]
                for r in data["retention"]
            ],
        ),
        Sheet(
            "Saldi del fondo",
            ["Destinazione", "Ricevuto", "Trasferito", "Disponibile"],
            [[str(b), b.received, b.transferred, b.available] for b in data["balances"]],
        ),
        Sheet(
            "Impegni",
            ["Impegni", "Promesso", "Versato", "Da versare"],
            [[data["pledges"].count, data["pledges"].promised, data["pledges"].paid, data["pledges"].outstanding]],
        ),
    ]


@aggregates_only
def reports_page(request):
    data = {
        "years": reports.raised_per_year(),
        "markets": reports.by_market(),
        "channels": reports.by_channel(),
        "campaigns": reports.by_campaign(),
        "events": reports.by_event(),
        "retention": reports.donor_retention(),
        "balances": reports.restricted_balances(),
        "pledges": reports.pledges_outstanding(),
    }
    export = request.GET.get("format")
    if export == "xlsx":
        return xlsx_response(filename="raccolta-fondi.xlsx", sheets=report_sheets(data))
    if export == "csv":
        sheets = report_sheets(data)
        width = max(len(s.header) for s in sheets)
        rows = []
        for sheet in sheets:
            rows.append([sheet.title, *sheet.header])
            rows += [[sheet.title, *row, *[""] * (width - len(row))] for row in sheet.rows]
        return csv_response(filename="raccolta-fondi.csv", header=["Sezione", *[""] * width], rows=rows)
    data["charts"] = report_charts(data)
    data["has_targets"] = any(y.target for y in data["years"])
    if export == "pdf":
        return render_pdf(
            request=request, template="fundraising/reports_pdf.html", context=data, filename="raccolta-fondi.pdf"
        )
    return render(request, "fundraising/reports.html", data)
