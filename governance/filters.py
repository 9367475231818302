"""List filters (django-filter) for the governance screens."""

import django_filters
from django.db.models import Q

from .enums import DecisionStatus, OrganisationKind, ProgrammeRole
from .models import Decision, District, GovernanceBody, Meeting, Organisation, ProjectYear


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search")
    role = django_filters.ChoiceFilter(
        label="Ruolo nel programma", choices=ProgrammeRole.choices, method="by_role", empty_label="Tutti"
    )
    kind = django_filters.ChoiceFilter(label="Tipologia", choices=OrganisationKind.choices, empty_label="Tutte")
    district = django_filters.ModelChoiceFilter(label="Ambito", queryset=District.objects.all(), empty_label="Tutti")

    class Meta:
        model = Organisation
        fields = ["q", "role", "kind", "district"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(short_name__icontains=value)
            | Q(tax_code__icontains=value)
            | Q(aliases__icontains=value)
        )

    def by_role(self, queryset, name, value):
        return queryset.with_role(value)


class ProjectYearFilterMixin:
    def by_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.year_field}__gte": value.start, f"{self.year_field}__lte": value.end})


class MeetingFilter(ProjectYearFilterMixin, django_filters.FilterSet):
    year_field = "date"
    body = django_filters.ModelChoiceFilter(label="Organismo", queryset=GovernanceBody.objects.none())
    district = django_filters.ModelChoiceFilter(
        label="Ambito", field_name="body__district", queryset=District.objects.all(), empty_label="Tutti"
    )
    year = django_filters.ModelChoiceFilter(
        label="Anno di progetto", queryset=ProjectYear.objects.all(), method="by_year", empty_label="Tutti"
    )

    class Meta:
        model = Meeting
        fields = ["body", "district", "year"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["body"].queryset = GovernanceBody.objects.visible_to(user)
        self.filters["district"].queryset = District.objects.visible_to(user)


class DecisionFilter(ProjectYearFilterMixin, django_filters.FilterSet):
    year_field = "meeting__date"
    status = django_filters.ChoiceFilter(label="Stato", choices=DecisionStatus.choices)
    body = django_filters.ModelChoiceFilter(
        label="Organismo", field_name="meeting__body", queryset=GovernanceBody.objects.none()
    )
    year = django_filters.ModelChoiceFilter(
        label="Anno di progetto", queryset=ProjectYear.objects.all(), method="by_year", empty_label="Tutti"
    )

    class Meta:
        model = Decision
        fields = ["status", "body", "year"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["body"].queryset = GovernanceBody.objects.visible_to(user)


class ProjectYearDateFilter(django_filters.ModelChoiceFilter):
    """A project year chosen in a list, applied as the year's date range on `date_field` (any app's lists)."""

    def __init__(self, *args, date_field: str, **kwargs):
        self.date_field = date_field
        kwargs.setdefault("label", "Anno di progetto")
        kwargs.setdefault("empty_label", "Tutti")
        super().__init__(*args, queryset=ProjectYear.objects.all(), **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.date_field}__gte": value.start, f"{self.date_field}__lte": value.end})
