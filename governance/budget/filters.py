"""List filters (django-filter) of the budget screens, like every other list: the choices follow the user's scope."""

import django_filters
from django.db.models import Q

from ..models import Action, BudgetLine, District, Expense, Organisation, ProjectYear
from .enums import CostCategory, ExpenseStatus, FundingSource


def budget_filterset(prefix: str) -> type[django_filters.FilterSet]:
    """The filters every budget list shares (year, action, district, partner, source) on the line at `prefix`.

    Partner and district choices are those of the lines the user may read (fail closed).
    """

    class BudgetFilterSet(django_filters.FilterSet):
        year = django_filters.ModelChoiceFilter(
            label="Anno di progetto",
            field_name=f"{prefix}year",
            queryset=ProjectYear.objects.all(),
            empty_label="Tutti",
        )
        action = django_filters.ModelChoiceFilter(
            label="Azione", field_name=f"{prefix}action", queryset=Action.objects.all(), empty_label="Tutte"
        )
        district = django_filters.ModelChoiceFilter(
            label="Ambito",
            field_name=f"{prefix}partner__district",
            queryset=District.objects.none(),
            empty_label="Tutti",
        )
        partner = django_filters.ModelChoiceFilter(
            label="Partner", field_name=f"{prefix}partner", queryset=Organisation.objects.none(), empty_label="Tutti"
        )
        funding_source = django_filters.ChoiceFilter(
            label="Fonte di finanziamento",
            field_name=f"{prefix}funding_source",
            choices=FundingSource.choices,
            empty_label="Tutte",
        )

        def __init__(self, *args, user=None, **kwargs):
            super().__init__(*args, **kwargs)
            lines = BudgetLine.objects.visible_to(user)
            self.filters["partner"].queryset = Organisation.objects.filter(pk__in=lines.values("partner")).order_by(
                "name"
            )
            self.filters["district"].queryset = District.objects.filter(pk__in=lines.values("partner__district"))

    return BudgetFilterSet


class ExpenseFilter(budget_filterset("line__")):
    q = django_filters.CharFilter(label="Cerca (fornitore, descrizione, n. documento)", method="search")
    status = django_filters.ChoiceFilter(label="Stato", choices=ExpenseStatus.choices, empty_label="Tutti")
    order = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Predefinito",
        fields=(("date", "date"), ("gross_amount", "gross_amount"), ("payee", "payee")),
        field_labels={"date": "data", "gross_amount": "importo", "payee": "fornitore"},
    )

    class Meta:
        model = Expense
        fields = ["q", "year", "action", "district", "partner", "funding_source", "status"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(payee__icontains=value) | Q(description__icontains=value) | Q(document_number__icontains=value)
        )


class BudgetLineFilter(budget_filterset("")):
    category = django_filters.ChoiceFilter(label="Categoria", choices=CostCategory.choices, empty_label="Tutte")

    class Meta:
        model = BudgetLine
        fields = ["year", "action", "district", "partner", "category", "funding_source"]


class ApprovalQueueFilter(budget_filterset("line__")):
    """The "da approvare" queue: the budget filters, a search, documents attached or not, and the sort order."""

    q = django_filters.CharFilter(label="Cerca (fornitore, descrizione, n. documento)", method="search")
    document = django_filters.ChoiceFilter(
        label="Documento allegato",
        choices=[("yes", "Sì"), ("no", "No, da chiedere")],
        empty_label="Tutte",
        method="with_document",
    )
    order = django_filters.OrderingFilter(
        label="Ordina per",
        empty_label="Predefinito",
        fields=(("date", "date"), ("gross_amount", "gross_amount"), ("payee", "payee"), ("remaining", "remaining")),
        field_labels={
            "date": "data",
            "gross_amount": "importo",
            "payee": "fornitore",
            "remaining": "residuo della riga",
        },
    )

    class Meta:
        model = Expense
        fields = ["q", "year", "action", "district", "partner", "funding_source", "document"]

    search = ExpenseFilter.search

    def with_document(self, queryset, name, value):
        return queryset.filter(has_document=value == "yes")
