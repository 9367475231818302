"""List filters of Action 4: district, project year, level/kind, theme, search and sorting."""

import django_filters
from django.db.models import Q

from governance.filters import ProjectYearDateFilter
from governance.models import District

from .enums import LabLevel, LabTheme, ManifestoStatus, SessionKind
from .models import ManifestoVersion, Session, TrainingLab


class TrainingLabFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search")
    district = django_filters.ModelChoiceFilter(label="Ambito", queryset=District.objects.none(), empty_label="Tutti")
    year = ProjectYearDateFilter(date_field="start_on")
    level = django_filters.ChoiceFilter(label="Livello", choices=LabLevel.choices, empty_label="Tutti")
    theme = django_filters.ChoiceFilter(label="Tema", choices=LabTheme.choices, empty_label="Tutti")
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Più recenti",
        fields=(("start_on", "start_on"), ("title", "title")),
        field_labels={"start_on": "Inizio", "title": "Titolo"},
    )

    class Meta:
        model = TrainingLab
        fields = ["q", "district", "year", "level", "theme"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["district"].queryset = District.objects.visible_to(user)

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(facilitators__icontains=value))


class SessionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search")
    district = django_filters.ModelChoiceFilter(
        label="Ambito", field_name="lab__district", queryset=District.objects.none(), empty_label="Tutti"
    )
    year = ProjectYearDateFilter(date_field="date")
    kind = django_filters.ChoiceFilter(label="Tipo", choices=SessionKind.choices, empty_label="Tutti")
    level = django_filters.ChoiceFilter(
        label="Livello", field_name="lab__level", choices=LabLevel.choices, empty_label="Tutti"
    )
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Data",
        fields=(("date", "date"), ("hours", "hours")),
        field_labels={"date": "Data", "hours": "Ore"},
    )

    class Meta:
        model = Session
        fields = ["q", "district", "year", "kind", "level"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["district"].queryset = District.objects.visible_to(user)

    def search(self, queryset, name, value):
        return queryset.filter(Q(lab__title__icontains=value) | Q(place__icontains=value) | Q(topic__icontains=value))


class ManifestoFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label="Stato", choices=ManifestoStatus.choices, empty_label="Tutti")
    year = ProjectYearDateFilter(date_field="date")

    class Meta:
        model = ManifestoVersion
        fields = ["status", "year"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
