"""List filters (django-filter) of the fundraising screens: search, filters and sorting."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, Q

from governance.models import Action, District, Organisation, ProjectYear

from .enums import Acquisition, CampaignChannel, DonorKind, EventPlace, GiftKind, Market, PaymentMethod, Segment
from .models import Campaign, Designation, Donation, Donor, Event, Pledge, Receipt, Transfer


class ProjectYearFilter(django_filters.ModelChoiceFilter):
    """Records whose `field` date falls in the chosen project year."""

    def __init__(self, *args, date_field: str = "date", **kwargs):
        self.date_field = date_field
        kwargs.setdefault("label", "Anno di progetto")
        kwargs.setdefault("queryset", ProjectYear.objects.all())
        kwargs.setdefault("empty_label", "Tutti")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.date_field}__gte": value.start, f"{self.date_field}__lte": value.end})


class DonorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Nome, e-mail, codice fiscale o codice", method="search")
    kind = django_filters.ChoiceFilter(label="Tipo", choices=DonorKind.choices, empty_label="Tutti")
    segment = django_filters.ChoiceFilter(label="Segmento", choices=Segment.choices, empty_label="Tutti")
    acquisition = django_filters.ChoiceFilter(label="Acquisizione", choices=Acquisition.choices, empty_label="Tutte")
    district = django_filters.ModelChoiceFilter(
        label="Territorio", queryset=District.objects.all(), empty_label="Tutti"
    )
    status = django_filters.ChoiceFilter(
        label="Stato",
        choices=[("active", "Attivi"), ("merged", "Uniti ad altri"), ("anonymised", "Anonimizzati")],
        empty_label="Tutti",
        method="by_status",
    )
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        fields=[("last_name", "last_name"), ("organisation_name", "organisation_name"), ("created_at", "created_at")],
        field_labels={"last_name": "Cognome", "organisation_name": "Denominazione", "created_at": "Inserimento"},
    )

    class Meta:
        model = Donor
        fields = ["q", "kind", "segment", "acquisition", "district", "status"]

    def search(self, queryset, name, value):
        value = value.strip()
        q = (
            Q(last_name__icontains=value)
            | Q(first_name__icontains=value)
            | Q(organisation_name__icontains=value)
            | Q(email__icontains=value)
            | Q(fiscal_code__iexact=value)
        )
        code = value.upper().removeprefix("D")
        if code.isdecimal():  # not isdigit(): "²" is a digit that int() refuses
            q |= Q(pk=int(code))
        return queryset.filter(q)

    def by_status(self, queryset, name, value):
        if value == "merged":
            return queryset.filter(merged_into__isnull=False)
        if value == "anonymised":
            return queryset.filter(anonymised_at__isnull=False)
        return queryset.filter(merged_into__isnull=True, anonymised_at__isnull=True)


def designation_queryset():
    return Designation.objects.for_display()


class DonationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Donatore o n. donazione", method="search")
    year = ProjectYearFilter()
    gift_kind = django_filters.ChoiceFilter(label="Tipo di dono", choices=GiftKind.choices, empty_label="Tutti")
    payment_method = django_filters.ChoiceFilter(label="Pagamento", choices=PaymentMethod.choices, empty_label="Tutti")
    designation = django_filters.ModelChoiceFilter(
        label="Destinazione", queryset=designation_queryset(), empty_label="Tutte"
    )
    campaign = django_filters.ModelChoiceFilter(label="Campagna", queryset=Campaign.objects.all(), empty_label="Tutte")
    event = django_filters.ModelChoiceFilter(label="Evento", queryset=Event.objects.all(), empty_label="Tutti")
    receipt = django_filters.ChoiceFilter(
        label="Ricevuta",
        choices=[("yes", "Con ricevuta valida"), ("no", "Senza ricevuta")],
        empty_label="Tutte",
        method="by_receipt",
    )
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        fields=[("date", "date"), ("amount", "amount")],
        field_labels={"date": "Data", "amount": "Importo"},
    )

    class Meta:
        model = Donation
        fields = ["q", "year", "gift_kind", "payment_method", "designation", "campaign", "event", "receipt"]

    def search(self, queryset, name, value):
        value = value.strip()
        q = Q(donor__last_name__icontains=value) | Q(donor__organisation_name__icontains=value)
        if value.isdecimal():
            q |= Q(pk=int(value))
        return queryset.filter(q)

    def by_receipt(self, queryset, name, value):
        valid = Exists(Receipt.objects.filter(donation=OuterRef("pk"), voided_at__isnull=True))
        return queryset.filter(valid) if value == "yes" else queryset.exclude(valid)


class ReceiptFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Numero o intestatario", method="search")
    year = django_filters.NumberFilter(label="Anno solare")
    status = django_filters.ChoiceFilter(
        label="Stato", choices=[("valid", "Valide"), ("void", "Annullate")], empty_label="Tutte", method="by_status"
    )

    class Meta:
        model = Receipt
        fields = ["q", "year", "status"]

    def search(self, queryset, name, value):
        value = value.strip()
        q = Q(donor_name__icontains=value)
        if value.isdecimal():
            q |= Q(number=int(value))
        return queryset.filter(q)

    def by_status(self, queryset, name, value):
        return queryset.filter(voided_at__isnull=(value == "valid"))


class CampaignFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Nome", field_name="name", lookup_expr="icontains")
    market = django_filters.ChoiceFilter(label="Mercato", choices=Market.choices, empty_label="Tutti")
    channel = django_filters.ChoiceFilter(label="Canale", choices=CampaignChannel.choices, empty_label="Tutti")
    year = ProjectYearFilter(date_field="start")

    class Meta:
        model = Campaign
        fields = ["q", "market", "channel", "year"]


class EventFilter(django_filters.FilterSet):
    place = django_filters.ChoiceFilter(label="Luogo", choices=EventPlace.choices, empty_label="Tutti")
    campaign = django_filters.ModelChoiceFilter(label="Campagna", queryset=Campaign.objects.all(), empty_label="Tutte")
    year = ProjectYearFilter()

    class Meta:
        model = Event
        fields = ["place", "campaign", "year"]


class PledgeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Donatore", method="search")
    status = django_filters.ChoiceFilter(
        label="Stato", choices=[("open", "Da completare"), ("paid", "Saldati")], empty_label="Tutti", method="by_status"
    )
    year = ProjectYearFilter()

    class Meta:
        model = Pledge
        fields = ["q", "status", "year"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(donor__last_name__icontains=value) | Q(donor__organisation_name__icontains=value))

    def by_status(self, queryset, name, value):
        return queryset.filter(outstanding_sum__gt=0) if value == "open" else queryset.filter(outstanding_sum__lte=0)


class TransferFilter(django_filters.FilterSet):
    designation = django_filters.ModelChoiceFilter(
        label="Destinazione", queryset=designation_queryset(), empty_label="Tutte"
    )
    action = django_filters.ModelChoiceFilter(label="Azione", queryset=Action.objects.all(), empty_label="Tutte")
    holder = django_filters.ModelChoiceFilter(
        label="Titolare", queryset=Organisation.objects.filter(is_partner=True), empty_label="Tutti"
    )
    year = ProjectYearFilter()

    class Meta:
        model = Transfer
        fields = ["designation", "action", "holder", "year"]
