"""Forms of the budget; validation calls the models' rules (`Expense.clean`, the upload validator)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.forms.models import ModelChoiceIterator

from ..forms import DateInput
from ..models import (
    Action,
    BudgetLine,
    BudgetPlan,
    Expense,
    ExpenseAttachment,
    Organisation,
    ProjectYear,
    reference_date_default,
)
from ..money import ZERO, format_eur
from ..scoping import user_scope
from ..validators import as_id
from . import permissions
from .enums import ExpenseStatus, FundingSource
from .importers import ALLOWED_IMPORT_EXTENSIONS


class ReportFilterForm(forms.Form):
    """Filters of the report: plan, project year, action, partner (only those in the user's scope), source."""

    plan = forms.ModelChoiceField(
        label="Piano", queryset=BudgetPlan.objects.order_by("-date"), required=False, empty_label="Piano attivo"
    )
    year = forms.ModelChoiceField(
        label="Anno di progetto", queryset=ProjectYear.objects.all(), required=False, empty_label="Tutti"
    )
    action = forms.ModelChoiceField(label="Azione", queryset=Action.objects.all(), required=False, empty_label="Tutte")
    partner = forms.ModelChoiceField(
        label="Partner", queryset=Organisation.objects.none(), required=False, empty_label="Tutti"
    )
    funding_source = forms.ChoiceField(
        label="Fonte di finanziamento", choices=[("", "Tutte"), *FundingSource.choices], required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Organisation.objects.filter(
            pk__in=BudgetLine.objects.visible_to(user).values("partner")
        )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


class LineChoiceField(forms.ModelChoiceField):
    """A budget line in words (action · organisation · year · category · source) with what is left on it."""

    def label_from_instance(self, obj):
        approved = obj.actuals.approved if hasattr(obj, "actuals") else ZERO
        return f"{obj.in_words} — residuo {format_eur(obj.planned_amount - approved)}"


def open_years_q(prefix: str = "") -> Q:
    """Project years still open for expenses: those not ended before the reference date (today, capped at the end
    of the programme; ARCHITECTURE.md, "Data rules")."""
    return Q(**{f"{prefix}year__end__gte": reference_date_default()})


class ExpenseForm(forms.ModelForm):
    line = LineChoiceField(label="Riga di budget", queryset=BudgetLine.objects.none())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Expense
        fields = [
            "line",
            "date",
            "description",
            "payee",
            "document_kind",
            "document_number",
            "document_date",
            "net_amount",
            "vat_amount",
            "cup",
            "cig",
            "payment_date",
        ]
        widgets = {"date": DateInput(), "document_date": DateInput(), "payment_date": DateInput()}
        localized_fields = ["net_amount", "vat_amount"]  # "1.234,56" as Italian users type it

    def __init__(self, *args, user, all_years: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        lines = (
            BudgetLine.objects.visible_to(user)
            .of_active_plan()
            .select_related("action", "partner", "year", "actuals")
            .order_by("action__order", "year__number", "partner__name", "category", "funding_source")
        )
        if not permissions.can_manage_budget(user):
            lines = lines.filter(partner_id=user_scope(user).partner_org_id)
        self.all_years = all_years
        self.fields["line"].queryset = lines  # any line the user may enter on is accepted…
        self.offered_lines = lines
        if not all_years:  # …but the list offers the open years, and the line already chosen even if closed
            chosen = [self.instance.line_id, self.initial.get("line"), self.data.get("line") if self.is_bound else None]
            self.offered_lines = lines.filter(open_years_q() | Q(pk__in=[as_id(pk) for pk in chosen if as_id(pk)]))
        offered = ModelChoiceIterator(self.fields["line"])
        offered.queryset = self.offered_lines
        self.fields["line"].widget.choices = offered
        self.fields["line"].help_text = (
            "Azione · organizzazione · anno · categoria · fonte, con il residuo (previsto meno approvato). "
            + ("Sono elencati tutti gli anni." if all_years else "Sono elencati gli anni di progetto aperti.")
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class BudgetPlanForm(forms.ModelForm):
    """A plan version (Staff Amministrazione); which plan is active changes only through its own button."""

    class Meta:
        model = BudgetPlan
        fields = ["code", "name", "date", "declared_total", "declared_cariplo", "illustrative_allocation", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        localized_fields = ["declared_total", "declared_cariplo"]


class BudgetLineForm(forms.ModelForm):
    """A line of a plan; once it has expenses its key is fixed (`BudgetLine.key_is_frozen`) and only the amount
    and the description change."""

    KEY_FORM_FIELDS = ("action", "partner", "year", "category", "funding_source")

    class Meta:
        model = BudgetLine
        fields = ["action", "partner", "year", "category", "funding_source", "description", "planned_amount"]
        localized_fields = ["planned_amount"]

    def __init__(self, *args, plan: BudgetPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["partner"].queryset = Organisation.objects.filter(
            Q(is_partner=True) | Q(is_lead_partner=True) | Q(pk=self.instance.partner_id)
        )
        if self.instance.key_is_frozen:
            for name in self.KEY_FORM_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = "La riga ha già delle spese: non si cambia più."


class TransitionForm(forms.Form):
    status = forms.ChoiceField(choices=ExpenseStatus.choices, widget=forms.HiddenInput)
    reason = forms.CharField(label="Motivazione", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ExpenseAttachmentForm(forms.ModelForm):
    class Meta:
        model = ExpenseAttachment
        fields = ["kind", "file"]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="File (XLSX o CSV)",
        help_text="CSV nel formato di Excel italiano: separatore «;», virgola decimale, UTF-8 o Windows-1252.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in ALLOWED_IMPORT_EXTENSIONS:
            raise forms.ValidationError("Caricare un file .xlsx o .csv (si può partire dal modello scaricabile).")
        return upload


class LineImportForm(ImportForm):
    plan = forms.ModelChoiceField(label="Piano", queryset=BudgetPlan.objects.order_by("-date"), empty_label=None)
