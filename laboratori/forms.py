"""Forms of the laboratori app: they only read the rules (the models' `clean`, the services' checks)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.forms import inlineformset_factory

from governance.forms import DateInput
from governance.models import District, Organisation

from . import permissions
from .enums import LabFundingSource, LabStatus
from .models import (
    IMPLEMENTING_KINDS,
    FundraisingActivity,
    LabMeeting,
    Laboratorio,
    LabPerson,
    PlannedAction,
    RestitutionEvent,
    SelfAssessment,
)

TEXTAREA = {"rows": 3}
NOT_NEGATIVE = {"min_value": "Il numero non può essere negativo."}


class VersionedForm(forms.ModelForm):
    """Carries the version the user saw, so that a concurrent edit is refused instead of overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class LaboratorioForm(VersionedForm):
    class Meta:
        model = Laboratorio
        fields = [
            "name",
            "kind",
            "district",
            "area",
            "implementing_body",
            "activation_year",
            "activated_on",
            "planned_end_on",
            "generating_theme",
            "aims_at_bonds",
            "practice_social_street",
            "practice_street_dinner",
            "practice_common_good_day",
            "practice_other",
            "budget",
            "notes",
        ]
        widgets = {
            "activated_on": DateInput(),
            "planned_end_on": DateInput(),
            "generating_theme": forms.Textarea(attrs=TEXTAREA),
            "notes": forms.Textarea(attrs=TEXTAREA),
        }

    STEPS = [
        ("1. Il laboratorio", ["name", "kind", "district", "area", "implementing_body"]),
        ("2. Attivazione", ["activation_year", "activated_on", "planned_end_on"]),
        ("3. Tema generatore", ["generating_theme", "aims_at_bonds"]),
        (
            "4. Pratiche condivise",
            ["practice_social_street", "practice_street_dinner", "practice_common_good_day", "practice_other"],
        ),
        ("5. Budget (dal secondo anno al massimo 10.000 €)", ["budget", "notes"]),
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.filter(pk__in=permissions.writable_district_ids(user))
        self.fields["implementing_body"].queryset = Organisation.objects.visible_to(user).filter(
            kind__in=IMPLEMENTING_KINDS
        )
        if self.instance.pk and self.instance.payments.exists():
            # Payments were posted on the district's budget lines: the lab stays where it was paid.
            self.fields["district"].disabled = True

    def steps(self):
        return [(title, [self[name] for name in names]) for title, names in self.STEPS]


class LabPersonForm(forms.ModelForm):
    class Meta:
        model = LabPerson
        fields = ["role", "user", "name", "organisation"]

    def __init__(self, *args, users=None, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users if users is not None else get_user_model().objects.none()
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )

    def clean(self):
        data = super().clean()
        if self.has_changed() and not data.get("DELETE") and not data.get("user") and not data.get("name"):
            raise forms.ValidationError("Indicare l'utente o il nome della persona.")
        return data


class BaseLabPersonFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, users=None, organisations=None, **kwargs):
        self.users, self.organisations = users, organisations
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "users": self.users, "organisations": self.organisations}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            users=self.users,
            organisations=self.organisations,
        )
        self.add_fields(form, None)
        return form


LabPersonFormSet = inlineformset_factory(
    Laboratorio, LabPerson, form=LabPersonForm, formset=BaseLabPersonFormSet, extra=2, can_delete=True
)


class PlannedActionForm(forms.ModelForm):
    class Meta:
        model = PlannedAction
        fields = ["title", "owner", "start_on", "end_on", "status"]
        widgets = {"start_on": DateInput(), "end_on": DateInput()}


PlannedActionFormSet = inlineformset_factory(
    Laboratorio, PlannedAction, form=PlannedActionForm, extra=3, can_delete=True
)


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Nuovo stato")
    on_date = forms.DateField(label="Data", required=False, widget=DateInput())

    def __init__(self, *args, lab: Laboratorio, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s, LabStatus(s).label) for s in lab.allowed_transitions()]


def score_field(label):
    messages = {"min_value": "Il punteggio deve essere da 1 a 5.", "max_value": "Il punteggio deve essere da 1 a 5."}
    return forms.IntegerField(label=label, min_value=1, max_value=5, error_messages=messages)


class AssessmentForm(forms.ModelForm):
    pr = score_field("PR – rappresentazione del problema")
    re = score_field("RE – quantità e qualità delle relazioni")
    ri = score_field("RI – identificazione e coinvolgimento delle risorse")

    class Meta:
        model = SelfAssessment
        fields = ["date", "pr", "re", "ri", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}


class MeetingForm(VersionedForm):
    class Meta:
        model = LabMeeting
        fields = [
            "date",
            "kind",
            "title",
            "people",
            "households",
            "informal_groups",
            "profit_bodies",
            "nonprofit_bodies",
            "organisations",
            "notes",
        ]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {"organisations": "Facoltativo: gli enti presenti che si vogliono nominare."}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.visible_to(user)
        for name in ("people", "households", "informal_groups", "profit_bodies", "nonprofit_bodies"):
            self.fields[name].min_value = 0
            self.fields[name].error_messages.update(NOT_NEGATIVE)
            self.fields[name].widget.attrs["min"] = 0


class PaymentForm(forms.Form):
    date = forms.DateField(label="Data", widget=DateInput())
    amount = forms.DecimalField(
        label="Importo",
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={"min_value": "L'importo deve essere maggiore di zero."},
    )
    funding_source = forms.ChoiceField(label="Fonte di finanziamento", choices=LabFundingSource.choices)
    description = forms.CharField(label="Causale", max_length=250)


class CancelPaymentForm(forms.Form):
    reason = forms.CharField(label="Motivo dell'annullamento", max_length=250)


class FundraisingForm(VersionedForm):
    class Meta:
        model = FundraisingActivity
        fields = ["title", "date", "status", "target_amount", "raised_amount", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}


class RestitutionForm(VersionedForm):
    class Meta:
        model = RestitutionEvent
        fields = ["project_year", "date", "title", "place", "participants", "labs", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["labs"].queryset = Laboratorio.objects.visible_to(user).select_related("district")
        self.fields["participants"].min_value = 0
        self.fields["participants"].error_messages.update(NOT_NEGATIVE)
