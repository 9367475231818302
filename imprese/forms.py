"""Forms of the imprese app. They read the rules (the models' `clean`, the transition table); the services write."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory

from governance.enums import OrganisationKind
from governance.forms import DateInput
from governance.models import District, Organisation

from . import permissions
from .enums import PactStage
from .models import (
    AgreedAction,
    DisseminationAction,
    PactParty,
    PactPayment,
    PattoImpresa,
    QuestionnaireResult,
    QuestionnaireRound,
    Training,
    WelfarePackage,
    WellbeingIndicator,
)

TEXTAREA = {"rows": 3}
NOT_A_COMPANY_CHOICE = (
    "Scegliere un'impresa dell'elenco: un patto con le imprese si stipula solo con un'organizzazione di "
    "tipologia «Impresa»."
)


class PattoImpresaForm(forms.ModelForm):
    """The pact's card. The version the user saw travels with the form, so a concurrent edit is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    new_company_name = forms.CharField(
        label="Oppure: nuova impresa (denominazione)",
        max_length=200,
        required=False,
        help_text="Se l'impresa non è ancora nell'elenco, viene registrata tra le organizzazioni come «Impresa».",
    )
    new_company_tax_code = forms.CharField(label="Codice fiscale della nuova impresa", max_length=16, required=False)

    class Meta:
        model = PattoImpresa
        fields = [
            "company",
            "district",
            "contacted_on",
            "problem",
            "workers_reached",
            "budget_cariplo",
            "budget_donations",
            "notes",
        ]
        widgets = {
            "contacted_on": DateInput(),
            "problem": forms.Textarea(attrs=TEXTAREA),
            "notes": forms.Textarea(attrs=TEXTAREA),
        }

    STEPS = [
        ("1. Impresa e ambito", ["company", "district", "new_company_name", "new_company_tax_code", "contacted_on"]),
        ("2. Problema di comune interesse", ["problem", "workers_reached"]),
        ("5. Budget (massimo 7.000 €: 3.500 € Fondazione Cariplo + 3.500 € donazioni)",
         ["budget_cariplo", "budget_donations"]),
        ("6. Note", ["notes"]),
    ]  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Organisation.objects.visible_to(user).filter(kind=OrganisationKind.COMPANY)
        self.fields["company"].error_messages["invalid_choice"] = NOT_A_COMPANY_CHOICE
        districts = District.objects.filter(pk__in=permissions.writable_district_ids(user))
        self.fields["district"].queryset = districts
        if not self.instance.pk and len(districts) == 1:
            self.initial["district"] = districts[0].pk
        for name in ("budget_cariplo", "budget_donations"):
            self.fields[name].widget.attrs.update(min="0", max="3500", step="0.01")
        self.fields["company"].required = False
        if self.instance.pk:
            del self.fields["new_company_name"], self.fields["new_company_tax_code"]
            self.fields["company"].required = True
            self.fields["version"].initial = self.instance.version
            if not self.instance.budget_editable:
                for name in ("budget_cariplo", "budget_donations", "company"):
                    self.fields[name].disabled = True
            if self.instance.stage != PactStage.CONTACT:
                self.fields["contacted_on"].disabled = True

    def steps(self):
        return [(title, [self[name] for name in names if name in self.fields]) for title, names in self.STEPS]

    def clean(self):
        data = super().clean()
        if "new_company_name" not in self.fields:
            return data
        chosen, new_name = data.get("company"), (data.get("new_company_name") or "").strip()
        if chosen and new_name:
            self.add_error(
                "new_company_name", "Scegliere un'impresa dall'elenco oppure indicarne una nuova, non entrambe."
            )
        elif not chosen and not new_name and "company" not in self.errors:
            self.add_error(
                "company", "Scegliere l'impresa dall'elenco o indicare la denominazione di una nuova impresa."
            )
        return data

    def clean_company(self):
        company = self.cleaned_data.get("company")
        if company is not None and company.kind != OrganisationKind.COMPANY:
            raise forms.ValidationError(NOT_A_COMPANY_CHOICE)
        return company


class PartyForm(forms.ModelForm):
    class Meta:
        model = PactParty
        fields = ["role", "organisation", "name"]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = organisations if organisations is not None else Organisation.objects.none()
        self.fields["organisation"].queryset = choices

    def clean(self):
        data = super().clean()
        if self.has_changed() and not data.get("DELETE") and not data.get("organisation") and not data.get("name"):
            raise forms.ValidationError("Indicare l'organizzazione o il nome della parte.")
        return data


class BasePartyFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, organisations=None, **kwargs):
        self.organisations = organisations
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "organisations": self.organisations}


PartyFormSet = inlineformset_factory(
    PattoImpresa, PactParty, form=PartyForm, formset=BasePartyFormSet, extra=3, can_delete=True
)


class AgreedActionForm(forms.ModelForm):
    class Meta:
        model = AgreedAction
        fields = ["description", "owner", "due_on", "status"]
        widgets = {"due_on": DateInput()}


AgreedActionFormSet = inlineformset_factory(PattoImpresa, AgreedAction, form=AgreedActionForm, extra=2, can_delete=True)


class TransitionForm(forms.Form):
    to_stage = forms.ChoiceField(label="Nuova fase")
    on_date = forms.DateField(label="Data", widget=DateInput())
    reason = forms.CharField(label="Motivo (se abbandonato)", required=False, max_length=500)

    def __init__(self, *args, pact: PattoImpresa, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [(s, PactStage(s).label) for s in pact.allowed_transitions()]


class PaymentForm(forms.ModelForm):
    class Meta:
        model = PactPayment
        fields = ["date", "amount", "funding_source", "purpose", "payee"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payee"].queryset = Organisation.objects.visible_to(user)
        self.fields["amount"].widget.attrs.update(min="0.01", step="0.01")


class CancelPaymentForm(forms.Form):
    reason = forms.CharField(label="Motivo dell'annullamento", max_length=250)


class RecordForm(forms.ModelForm):
    """A record of a pact; when editing, the version the user saw travels with the form."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class TrainingForm(RecordForm):
    class Meta:
        model = Training
        fields = ["title", "date", "sessions", "union_delegates", "hr_managers", "other_participants"]
        widgets = {"date": DateInput()}


class WellbeingIndicatorForm(RecordForm):
    class Meta:
        model = WellbeingIndicator
        fields = ["name", "description"]


class WelfarePackageForm(RecordForm):
    class Meta:
        model = WelfarePackage
        fields = ["title", "started_on", "beneficiaries", "description", "territorial_services"]
        widgets = {
            "started_on": DateInput(),
            "description": forms.Textarea(attrs=TEXTAREA),
            "territorial_services": forms.Textarea(attrs=TEXTAREA),
        }


class DisseminationForm(RecordForm):
    class Meta:
        model = DisseminationAction
        fields = ["date", "kind", "title", "audience"]
        widgets = {"date": DateInput()}


class QuestionnaireRoundForm(forms.ModelForm):
    class Meta:
        model = QuestionnaireRound
        fields = ["date", "distributed", "returned", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}

    def clean(self):
        data = super().clean()
        distributed, returned = data.get("distributed"), data.get("returned")
        if distributed is not None and returned is not None and returned > distributed:
            self.add_error(
                "returned",
                f"I questionari restituiti ({returned}) non possono essere più di quelli distribuiti ({distributed}).",
            )
        return data


class QuestionnaireResultForm(forms.ModelForm):
    """The main result of the round on one indicator (both fields optional: an empty row records nothing)."""

    class Meta:
        model = QuestionnaireResult
        fields = ["value", "finding"]

    def __init__(self, *args, indicator: WellbeingIndicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["value"].label = f"{indicator.name}: valore"
        self.fields["finding"].label = f"{indicator.name}: risultato principale"

    @property
    def is_filled(self) -> bool:
        return self.cleaned_data.get("value") is not None or bool(self.cleaned_data.get("finding"))
