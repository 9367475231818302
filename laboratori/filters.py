"""List filters (django-filter) of the laboratori screens: search, district, year, status, kind, sorting."""

import django_filters
from django.db.models import Q

from governance.models import District, ProjectYear

from .enums import LabKind, LabStatus
from .models import Laboratorio


class LaboratorioFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cerca (nome, area, tema)", method="search")
    district = django_filters.ModelChoiceFilter(label="Ambito", queryset=District.objects.none(), empty_label="Tutti")
    year = django_filters.ModelChoiceFilter(
        label="Anno di attivazione",
        field_name="activation_year",
        to_field_name="number",
        queryset=ProjectYear.objects.all(),
        empty_label="Tutti",
    )
    status = django_filters.ChoiceFilter(label="Stato", choices=LabStatus.choices, empty_label="Tutti")
    kind = django_filters.ChoiceFilter(label="Tipo", choices=LabKind.choices, empty_label="Tutti")
    o = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Predefinito",
        fields=(
            ("name", "name"),
            ("activation_year_number", "year"),
            ("district__name", "district"),
            ("status", "status"),
            ("budget", "budget"),
        ),
        field_labels={
            "name": "Nome",
            "year": "Anno di attivazione",
            "district": "Ambito",
            "status": "Stato",
            "budget": "Budget",
        },
    )

    class Meta:
        model = Laboratorio
        fields = ["q", "district", "year", "status", "kind"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["district"].queryset = District.objects.visible_to(user)

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(name__icontains=value) | Q(area__icontains=value) | Q(generating_theme__icontains=value)
        )

    def filter_queryset(self, queryset):
        """`?territorial=true` (the link behind the territorial-areas indicator) keeps the territorial labs; it is
        not offered in the filter bar, which shows the kind filter instead."""
        queryset = super().filter_queryset(queryset)
        return queryset.territorial() if self.data.get("territorial") == "true" else queryset
