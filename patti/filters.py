"""List filters (django-filter) for the patti screens.

Search: everyone matches the pseudonymous household code and the pact number; the staff who may see identities in a
district (`Scope.sees_identity_in`) also match surname, first name, codice fiscale (whole or partial) and phone of
that district's households only. The views log every search that shows identities (`identity_search_terms`).
`icontains` escapes `%` and `_` and the text is a bound parameter, so wildcards and SQL-like text are plain text.
"""

import django_filters
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.utils import timezone

from governance.models import District, ProjectYear
from governance.scoping import user_scope

from .enums import (
    SUPPORTED_IDEA_STATUSES,
    VALIDATED_IDEA_STATUSES,
    Attention,
    HostKind,
    IdeaSector,
    IdeaStatus,
    PattoKind,
    PattoStatus,
    PromoterType,
)
from .models import BusinessIdea, EmpowermentPath, HostOrganisation, Household, IdeaCall, Patto, Placement

SEARCH_MAX_LENGTH = 100


def identity_district_ids(user) -> frozenset[int]:
    """The districts whose households' identity the user may search and see (empty for everyone else)."""
    scope = user_scope(user)
    return frozenset(d for d in scope.district_ids if scope.sees_identity_in(d))


def household_search_q(value: str, *, user, prefix: str = "") -> Q:
    """Households matching `value`: by code for everyone, by identity only in the user's identity districts.

    Every word must match one identity field (so "Rossi Mario" finds Mario Rossi); phones compare without spaces.
    """
    value = value.strip()[:SEARCH_MAX_LENGTH]
    q = Q(**{f"{prefix}code__icontains": value})
    districts = identity_district_ids(user)
    words = value.split()
    if districts and words:
        identity = Q(**{f"{prefix}district__in": districts})
        for word in words:
            digits = word.replace("+", "")
            word_q = (
                Q(**{f"{prefix}last_name__icontains": word})
                | Q(**{f"{prefix}first_name__icontains": word})
                | Q(**{f"{prefix}tax_code__icontains": word.upper()})
            )
            if digits.isdigit() and len(digits) >= 3:
                word_q |= Q(search_phone__contains=digits)
            identity &= word_q
        q |= identity
    return q


def with_phone_digits(queryset, prefix: str = ""):
    """Annotate `search_phone`, the phone without spaces and "+", for the phone search (`household_search_q`)."""
    return queryset.annotate(
        search_phone=Replace(Replace(f"{prefix}phone", Value(" "), Value("")), Value("+"), Value(""))
    )


def is_identity_search(filterset) -> bool:
    """Whether the filterset's search could show identities (a non-empty search by a user who sees some)."""
    form = filterset.form
    value = form.cleaned_data.get("q") if form.is_bound and form.is_valid() else ""
    return bool((value or "").strip()) and bool(identity_district_ids(filterset.user))


class ScopedDistrictFilterSet(django_filters.FilterSet):
    district = django_filters.ModelChoiceFilter(label="Ambito", queryset=District.objects.none(), empty_label="Tutti")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if "district" in self.filters:
            self.filters["district"].queryset = District.objects.visible_to(user)


class PattoFilter(ScopedDistrictFilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search", max_length=SEARCH_MAX_LENGTH)
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

    attention = django_filters.ChoiceFilter(
        label="Da fare", choices=Attention.choices, empty_label="Tutti", method="needing_attention"
    )
    order = django_filters.OrderingFilter(
        label="Ordina per",
        fields=(
            ("pk", "numero"),
            ("household__code", "nucleo"),
            ("district__name", "ambito"),
            ("kind", "tipo"),
            ("status", "stato"),
            ("project_year__number", "anno"),
            ("opened_on", "apertura"),
        ),
        field_labels={
            "pk": "numero",
            "household__code": "codice del nucleo",
            "district__name": "ambito",
            "kind": "tipo",
            "status": "stato",
            "project_year__number": "anno di progetto",
            "opened_on": "data di apertura",
        },
    )

    class Meta:
        model = Patto
        fields = ["q", "district", "kind", "status", "project_year", "promoter_type", "signed", "attention"]

    def __init__(self, *args, user=None, reference=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.reference = reference
        self.filters["q"].field.help_text = search_help(user, "il numero del patto")

    def needing_attention(self, queryset, name, value):
        """The worklist items ("Valutazione scaduta", "In calo", ...) at the page's reference date."""
        reference = self.reference or timezone.localdate()
        return queryset.filter(pk__in=Patto.objects.needing_attention(value, reference).values("pk"))

    def search(self, queryset, name, value):
        value = value.strip()[:SEARCH_MAX_LENGTH]
        if not value:
            return queryset
        q = household_search_q(value, user=self.user, prefix="household__")
        number = value.removeprefix("n.").strip()
        if number.isdecimal() and len(number) < 10:  # "²".isdigit(), yet int() refuses it
            q |= Q(pk=int(number))
        return with_phone_digits(queryset, "household__").filter(q)


def search_help(user, number: str = "") -> str:
    extra = f" o {number}" if number else ""
    if identity_district_ids(user):
        return (
            f"Cognome, nome, codice fiscale (anche parziale), telefono, codice del nucleo{extra}. "
            "Le ricerche che mostrano dati identificativi sono registrate."
        )
    return f"Codice del nucleo{extra}."


class HouseholdFilter(ScopedDistrictFilterSet):
    q = django_filters.CharFilter(label="Cerca", method="search", max_length=SEARCH_MAX_LENGTH)
    order = django_filters.OrderingFilter(
        label="Ordina per",
        fields=(("code", "code"), ("district__name", "district"), ("patti_count", "patti")),
        field_labels={"code": "codice", "district__name": "ambito", "patti_count": "numero di patti"},
    )

    class Meta:
        model = Household
        fields = ["q", "district"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.filters["q"].field.help_text = search_help(user)

    def search(self, queryset, name, value):
        value = value.strip()[:SEARCH_MAX_LENGTH]
        if not value:
            return queryset
        return with_phone_digits(queryset).filter(household_search_q(value, user=self.user))


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
