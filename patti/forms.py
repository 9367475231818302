"""Forms of the patti app; validation calls the models' rules (`clean`) and the services' checks."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.forms import inlineformset_factory

from governance.forms import DateInput
from governance.models import District, Organisation
from governance.money import format_eur, validate_money
from governance.uploads import validate_document

from . import permissions
from .enums import IDEA_TRANSITIONS, PATTO_TRANSITIONS, IdeaStatus, PattoStatus
from .models import (
    BUDGET_CEILING,
    Assessment,
    BusinessIdea,
    Commitment,
    Disbursement,
    EmpowermentPath,
    EquipeMember,
    HostOrganisation,
    Household,
    IdeaCall,
    Patto,
    Placement,
)

TEXTAREA = {"rows": 3}


class VersionedForm(forms.ModelForm):
    """Carries the version the user saw, so that a concurrent edit is refused instead of overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class PattoForm(VersionedForm):
    class Meta:
        model = Patto
        fields = [
            "household",
            "kind",
            "promoter_type",
            "promoter_organisation",
            "objectives",
            "protection_personal",
            "protection_community",
            "support_actions",
            "resources",
            "pip_text",
            "pip_file",
            "budget_cariplo",
            "budget_cofinancing",
            "opened_on",
            "start_on",
            "planned_end_on",
        ]
        widgets = {
            "opened_on": DateInput(),
            "start_on": DateInput(),
            "planned_end_on": DateInput(),
            **{
                name: forms.Textarea(attrs=TEXTAREA)
                for name in (
                    "objectives",
                    "protection_personal",
                    "protection_community",
                    "support_actions",
                    "resources",
                    "pip_text",
                )
            },
        }

    # The form's sections in the order the page shows them, numbered when rendered (so the numbers follow the order);
    # a string names one of the page's formsets (the équipe and the commitments), a list the form's own fields.
    STEPS = [
        ("Beneficiario e promotore", ["household", "kind", "promoter_type", "promoter_organisation"]),
        (
            "Obiettivi, fattori di protezione e azioni",
            ["objectives", "protection_personal", "protection_community", "support_actions", "resources"],
        ),
        ("Équipe integrata", "equipe"),
        ("Impegni del beneficiario", "commitments"),
        ("Piano di intervento personalizzato", ["pip_text", "pip_file"]),
        (
            f"Budget di welfare personale (massimo {format_eur(BUDGET_CEILING)})",
            ["budget_cariplo", "budget_cofinancing"],
        ),
        ("Date", ["opened_on", "start_on", "planned_end_on"]),
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = permissions.writable_district_ids(user)
        self.fields["household"].queryset = Household.objects.filter(district__in=writable).order_by("code")
        self.fields["promoter_organisation"].queryset = Organisation.objects.visible_to(user)
        if self.instance.pk and self.instance.budget_is_frozen:
            # Patto.clean refuses the change anyway; the form shows the fields as fixed.
            for name in Patto.FROZEN_WHEN_SIGNED:
                self.fields[name.removesuffix("_id")].disabled = True

    def steps(self) -> list[dict]:
        """Each section with its number, title and either its fields or the name of its formset."""
        return [
            {"number": number, "title": title, "formset": names}
            if isinstance(names, str)
            else {"number": number, "title": title, "fields": [self[name] for name in names]}
            for number, (title, names) in enumerate(self.STEPS, start=1)
        ]

    def clean(self):
        data = super().clean()
        household = data.get("household")
        if household is not None:
            self.instance.district = household.district
        return data


class EquipeMemberForm(forms.ModelForm):
    class Meta:
        model = EquipeMember
        fields = ["user", "name", "organisation", "role", "is_coordinator"]

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users if users is not None else get_user_model().objects.none()
        self.fields["organisation"].queryset = Organisation.objects.all()

    def clean(self):
        data = super().clean()
        if self.has_changed() and not data.get("DELETE") and not data.get("user") and not data.get("name"):
            raise forms.ValidationError("Indicare l'utente o il nome dell'operatore.")
        return data


class BaseEquipeFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, users=None, **kwargs):
        self.users = users
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "users": self.users}

    def clean(self):
        super().clean()
        coordinators = sum(
            1
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("is_coordinator")
        )
        if coordinators > 1:
            raise forms.ValidationError("L'équipe ha un solo coordinatore.")


EquipeFormSet = inlineformset_factory(
    Patto, EquipeMember, form=EquipeMemberForm, formset=BaseEquipeFormSet, extra=2, can_delete=True
)


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["kind", "description", "status", "hours", "place"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


CommitmentFormSet = inlineformset_factory(Patto, Commitment, form=CommitmentForm, extra=2, can_delete=True)


SIGNING_RULE = "La sottoscrizione cade in un anno di progetto e non dopo oggi (né dopo l'avvio o un'erogazione)."


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Nuovo stato", choices=PattoStatus.choices)
    on_date = forms.DateField(label="Data", required=False, widget=DateInput(), help_text=SIGNING_RULE)
    reason = forms.CharField(label="Motivo (per l'interruzione)", required=False, widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args, patto, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = PATTO_TRANSITIONS[patto.status]
        self.fields["to_status"].choices = [(v, label) for v, label in PattoStatus.choices if v in allowed]


class SigningDateForm(forms.Form):
    """Correct a wrong signing date (rules in `services.patto_correct_signing_date`)."""

    on_date = forms.DateField(label="Data di sottoscrizione corretta", widget=DateInput(), help_text=SIGNING_RULE)
    reason = forms.CharField(label="Motivo della correzione", max_length=500, widget=forms.Textarea(attrs=TEXTAREA))


class DisbursementForm(forms.ModelForm):
    class Meta:
        model = Disbursement
        fields = ["date", "amount", "funding_source", "purpose", "implementing_body"]
        widgets = {"date": DateInput()}
        localized_fields = ["amount"]  # "1.234,56" as Italian users type it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["implementing_body"].queryset = Organisation.objects.all()
        self.fields["amount"].validators = []  # one rule, one message: clean_amount (the service checks it again)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        validate_money(amount, label="L'importo dell'erogazione")  # "deve essere maggiore di zero"
        return amount

    def _post_clean(self):
        """The rules that need the pact (signed, within budget, ledger line) run in `disbursement_create`."""


class CancelDisbursementForm(forms.Form):
    reason = forms.CharField(label="Motivo dell'annullamento", max_length=250)


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["date", "dynamism", "resilience", "incisiveness", "planning", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("dynamism", "resilience", "incisiveness", "planning"):
            self.fields[name].widget.attrs.update({"min": 1, "max": 5})
            self.fields[name].error_messages.update(
                {
                    "min_value": "Il punteggio va da 1 a 5.",
                    "max_value": "Il punteggio va da 1 a 5.",
                }
            )


class SignedDocumentForm(forms.Form):
    file = forms.FileField(label="Patto firmato (PDF, P7M o scansione)", validators=[validate_document])


class ScopedPattiLinksMixin:
    """The `patti` links of a record show and change only the pacts the user may write; links to pacts the user
    cannot see (another district's) are kept as they are when the form is saved."""

    def _links_out_of_reach(self):
        if not self.instance.pk:
            return Patto.objects.none()
        return self.instance.patti.exclude(pk__in=self.fields["patti"].queryset.values("pk"))

    def clean_patti(self):
        chosen = self.cleaned_data["patti"]
        kept = self._links_out_of_reach()
        return Patto.objects.filter(pk__in=[*chosen.values_list("pk", flat=True), *kept.values_list("pk", flat=True)])


class EmpowermentPathForm(ScopedPattiLinksMixin, forms.ModelForm):
    class Meta:
        model = EmpowermentPath
        fields = ["name", "district", "start_on", "end_on", "facilitator", "patti", "notes"]
        widgets = {"start_on": DateInput(), "end_on": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = permissions.writable_district_ids(user)
        self.fields["district"].queryset = District.objects.filter(pk__in=writable)
        self.fields["patti"].queryset = Patto.objects.filter(district__in=writable).select_related("household")
        self.fields["patti"].widget.attrs["size"] = 8


class HostOrganisationForm(forms.ModelForm):
    class Meta:
        model = HostOrganisation
        fields = ["name", "kind", "organisation", "district", "sector", "address", "contact", "notes"]
        widgets = {"notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.filter(pk__in=permissions.writable_district_ids(user))
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)


class PlacementForm(forms.ModelForm):
    class Meta:
        model = Placement
        fields = [
            "patto",
            "host",
            "start_on",
            "end_on",
            "learning_objectives",
            "learning_conditions",
            "outcome",
            "notes",
        ]
        widgets = {
            "start_on": DateInput(),
            "end_on": DateInput(),
            "learning_objectives": forms.Textarea(attrs=TEXTAREA),
            "learning_conditions": forms.Textarea(attrs=TEXTAREA),
            "notes": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = permissions.writable_district_ids(user)
        self.fields["patto"].queryset = Patto.objects.filter(district__in=writable).select_related("household")
        self.fields["host"].queryset = HostOrganisation.objects.visible_to(user)


class IdeaCallForm(forms.ModelForm):
    class Meta:
        model = IdeaCall
        fields = ["project_year", "title", "opens_on", "closes_on", "budget", "contributors", "notes"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributors"].queryset = Organisation.objects.filter(is_partner=True)


class BusinessIdeaForm(ScopedPattiLinksMixin, forms.ModelForm):
    class Meta:
        model = BusinessIdea
        fields = ["call", "title", "proponents", "district", "patti", "sector", "credit_obtained", "mentor", "notes"]
        widgets = {"proponents": forms.Textarea(attrs={"rows": 2}), "notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        writable = permissions.writable_district_ids(user)
        self.fields["district"].queryset = District.objects.filter(pk__in=writable)
        self.fields["patti"].queryset = Patto.objects.filter(district__in=writable).select_related("household")
        self.fields["call"].queryset = IdeaCall.objects.select_related("project_year")


class IdeaTransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Nuovo stato", choices=IdeaStatus.choices)

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = IDEA_TRANSITIONS[idea.status]
        self.fields["to_status"].choices = [(v, label) for v, label in IdeaStatus.choices if v in allowed]
