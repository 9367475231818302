"""List filters (django-filter) for the patti screens: search is by pseudonymous code, never by name."""

import django_filters
from django.db.models import Q

from governance.models import District, ProjectYear

from .enums import (
    SUPPORTED_IDEA_STATUSES,
    VALIDATED_IDEA_STATUSES,
    HostKind,
    IdeaSector,
    IdeaStatus,
    PattoKind,
    PattoStatus,
    PromoterType,
)
from .models import BusinessIdea, EmpowermentPath, HostOrganisation, Household, IdeaCall, Patto, Placement


class ScopedDistrictFilterSet(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(label="Ambito", queryset=District.objects.none(), empty_label="Tutti")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "district" in self.filters:
            self.filters["district"].queryset = District.objects.visible_to(user)


class PattoFilter(ScopedDistrictFilterSet):
    q = django_filters.CharFilter(label="Codice del nucleo o n. del patto", method="search")
    kind = django_filters.ChoiceFilter(label="Tipo", choices=PattoKind.choices, empty_label="Tutti")
    status = django_filters.ChoiceFilter(label="Stato", choices=PattoStatus.choices, empty_label="Tutti")
    # By year number (?project_year=2), so that links from the results framework need no lookup.
    project_year = django_filters.ModelChoiceFilter(
        label="Anno di progetto", queryset=ProjectYear.objects.all(), to_field_name="number", empty_label="Tutti"
    )
    promoter_type = django_filters.ChoiceFilter(
        label="Tipo di promotore", choices=PromoterType.choices, empty_label="Tutti"
    )
    signed = django_filters.BooleanFilter(
        label="Sottoscritti", field_name="signed_on", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Patto
        fields = ["q", "district", "kind", "status", "project_year", "promoter_type", "signed"]

    def search(self, queryset, name, value):
        value = value.strip()
        q = Q(household__code__icontains=value)
        if value.isdigit():
            q |= Q(pk=int(value))
        return queryset.filter(q)


class HouseholdFilter(ScopedDistrictFilterSet):
    q = django_filters.CharFilter(label="Codice", field_name="code", lookup_expr="icontains")

    class Meta:
        model = Household
        fields = ["q", "district"]


class EmpowermentPathFilter(ScopedDistrictFilterSet):
    class Meta:
        model = EmpowermentPath
        fields = ["district"]


class HostOrganisationFilter(ScopedDistrictFilterSet):
    q = django_filters.CharFilter(label="Cerca", field_name="name", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label="Tipologia", choices=HostKind.choices, empty_label="Tutte")

    class Meta:
        model = HostOrganisation
        fields = ["q", "kind", "district"]


class PlacementFilter(ScopedDistrictFilterSet):
    district = django_filters.ModelChoiceFilter(
        label="Ambito", field_name="patto__district", queryset=District.objects.none(), empty_label="Tutti"
    )

    class Meta:
        model = Placement
        fields = ["district", "outcome"]


class IdeaCallFilter(django_filters.FilterSet):
    project_year = django_filters.ModelChoiceFilter(
        label="Anno di progetto", queryset=ProjectYear.objects.all(), to_field_name="number", empty_label="Tutti"
    )

    class Meta:
        model = IdeaCall
        fields = ["project_year"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)


class BusinessIdeaFilter(ScopedDistrictFilterSet):
    status = django_filters.ChoiceFilter(label="Stato", choices=IdeaStatus.choices, empty_label="Tutti")
    sector = django_filters.ChoiceFilter(label="Settore", choices=IdeaSector.choices, empty_label="Tutti")
    call = django_filters.ModelChoiceFilter(label="Bando", queryset=IdeaCall.objects.all(), empty_label="Tutti")
    project_year = django_filters.ModelChoiceFilter(
        label="Anno del bando",
        field_name="call__project_year",
        queryset=ProjectYear.objects.all(),
        to_field_name="number",
        empty_label="Tutti",
    )
    stage = django_filters.ChoiceFilter(
        label="Fase raggiunta",
        choices=[("supported", "Sostenute (selezionate e oltre)"), ("validated", "Business plan validato e oltre")],
        empty_label="Tutte",
        method="reached_stage",
    )

    class Meta:
        model = BusinessIdea
        fields = ["call", "project_year", "status", "stage", "sector", "district"]

    def reached_stage(self, queryset, name, value):
        statuses = SUPPORTED_IDEA_STATUSES if value == "supported" else VALIDATED_IDEA_STATUSES
        return queryset.filter(status__in=statuses)
