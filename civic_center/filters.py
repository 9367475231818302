"""List filters (django-filter) of Action 3: district, project year, status, kind, search and sorting."""

import django_filters
from django.db.models import Q

from governance.filters import ProjectYearDateFilter
from governance.models import District, ProjectYear

from .enums import ActivityCategory, Audience, CenterStatus, HostKind
from .models import Activity, Agreement, CivicCenter, PayingDemand


class ScopedFilterSet(django_filters.FilterSet):
    """The district choices are the districts the user may see."""

    district = django_filters.ModelChoiceFilter(label="Ambito", queryset=District.objects.none(), empty_label="Tutti")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["district"].queryset = District.objects.visible_to(user)


class CivicCenterFilter(ScopedFilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search")
    activation_year = django_filters.ModelChoiceFilter(
        label="Anno di attivazione", queryset=ProjectYear.objects.all(), empty_label="Tutti"
    )
    status = django_filters.ChoiceFilter(label="Stato", choices=CenterStatus.choices, empty_label="Tutti")
    host_kind = django_filters.ChoiceFilter(label="Tipo di sede", choices=HostKind.choices, empty_label="Tutti")
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Nome",
        fields=(("name", "name"), ("activated_on", "activated_on"), ("district__name", "district")),
        field_labels={"name": "Nome", "activated_on": "Data di attivazione", "district__name": "Ambito"},
    )

    class Meta:
        model = CivicCenter
        fields = ["q", "district", "activation_year", "status", "host_kind"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(address__icontains=value) | Q(host_organisation__name__icontains=value)
        )


class ActivityFilter(ScopedFilterSet):
    district = django_filters.ModelChoiceFilter(
        label="Ambito", field_name="civic_center__district", queryset=District.objects.none(), empty_label="Tutti"
    )
    q = django_filters.CharFilter(label="Cerca", method="search")
    year = ProjectYearDateFilter(date_field="start_on")
    category = django_filters.ChoiceFilter(label="Categoria", choices=ActivityCategory.choices, empty_label="Tutte")
    audience = django_filters.ChoiceFilter(label="Destinatari", choices=Audience.choices, empty_label="Tutti")
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Civic center",
        fields=(("title", "title"), ("start_on", "start_on"), ("fee", "fee"), ("enrolments", "enrolments")),
        field_labels={"title": "Titolo", "start_on": "Inizio", "fee": "Quota", "enrolments": "Iscritti"},
    )

    class Meta:
        model = Activity
        fields = ["q", "district", "year", "category", "audience"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(civic_center__name__icontains=value) | Q(promoter__name__icontains=value)
        )


class AgreementFilter(ScopedFilterSet):
    district = django_filters.ModelChoiceFilter(
        label="Ambito", field_name="civic_center__district", queryset=District.objects.none(), empty_label="Tutti"
    )
    q = django_filters.CharFilter(label="Cerca", method="search")
    year = ProjectYearDateFilter(date_field="start_on")
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Più recenti",
        fields=(("start_on", "start_on"), ("end_on", "end_on"), ("title", "title")),
        field_labels={"start_on": "Inizio", "end_on": "Fine", "title": "Oggetto"},
    )

    class Meta:
        model = Agreement
        fields = ["q", "district", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(civic_center__name__icontains=value) | Q(promoter__name__icontains=value)
        )


class PayingDemandFilter(ScopedFilterSet):
    district = django_filters.ModelChoiceFilter(
        label="Ambito",
        field_name="activity__civic_center__district",
        queryset=District.objects.none(),
        empty_label="Tutti",
    )
    q = django_filters.CharFilter(label="Cerca", method="search")
    year = ProjectYearDateFilter(date_field="period_start")
    category = django_filters.ChoiceFilter(
        label="Categoria", field_name="activity__category", choices=ActivityCategory.choices, empty_label="Tutte"
    )
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Periodo più recente",
        fields=(("period_start", "period_start"), ("fees_collected", "fees_collected"), ("enrolments", "enrolments")),
        field_labels={"period_start": "Periodo", "fees_collected": "Quote incassate", "enrolments": "Iscritti"},
    )

    class Meta:
        model = PayingDemand
        fields = ["q", "district", "year", "category"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(activity__title__icontains=value) | Q(activity__civic_center__name__icontains=value))
