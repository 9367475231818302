"""List filters of the company pacts (django-filter): search, district, stage, project year, sorting."""

import django_filters
from django.db.models import Q

from governance.models import District, ProjectYear

from .enums import PactStage

BASIS_CHOICES = [
    ("contact", "Primo contatto"),
    ("elaboration", "Inizio dell'elaborazione"),
    ("signed", "Sottoscrizione"),
]
BASIS_FIELD = {"contact": "contacted_on", "elaboration": "elaboration_on", "signed": "signed_on"}


class PattoImpresaFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search")
    district = django_filters.ModelChoiceFilter(label="Ambito", queryset=District.objects.none(), empty_label="Tutti")
    stage = django_filters.ChoiceFilter(label="Fase", choices=PactStage.choices, empty_label="Tutte")
    year = django_filters.ModelChoiceFilter(
        label="Anno di progetto",
        queryset=ProjectYear.objects.order_by("number"),
        to_field_name="number",
        empty_label="Tutti",
        method="in_year",
    )
    basis = django_filters.ChoiceFilter(
        label="Anno contato da", choices=BASIS_CHOICES, empty_label="Patti in corso nell'anno", method="noop"
    )
    ordering = django_filters.OrderingFilter(
        label="Ordina per",
        fields=(
            ("company__name", "company"),
            ("district__name", "district"),
            ("contacted_on", "contacted"),
            ("signed_on", "signed"),
            ("stage", "stage"),
        ),
        field_labels={
            "company": "Impresa",
            "district": "Ambito",
            "contacted": "Primo contatto",
            "signed": "Sottoscrizione",
            "stage": "Fase",
        },
        empty_label="Primo contatto, dal più recente",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["district"].queryset = District.objects.visible_to(user)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        q = (
            Q(company__name__icontains=value)
            | Q(company__short_name__icontains=value)
            | Q(problem__icontains=value)
            | Q(pk__in=queryset.model.objects.filter(parties__name__icontains=value).values("pk"))
        )
        if value.isdecimal():  # not isdigit(): "²" is a digit that int() refuses
            q |= Q(pk=int(value))
        return queryset.filter(q)

    def noop(self, queryset, name, value):
        return queryset

    def in_year(self, queryset, name, year):
        """Pacts whose chosen stage date falls in the year; without a basis, pacts running at some time in it."""
        basis = self.form.cleaned_data.get("basis")
        if basis in BASIS_FIELD:
            return queryset.filter(**{f"{BASIS_FIELD[basis]}__range": (year.start, year.end)})
        ended = Q(closed_on__lt=year.start) | Q(abandoned_on__lt=year.start)
        return queryset.filter(contacted_on__lte=year.end).exclude(ended)
