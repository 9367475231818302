"""Forms of Action 3; validation reads the models' rules (fields, `clean`, constraints) — no rule lives here."""

from __future__ import annotations

from django import forms

from governance.forms import DateInput
from governance.models import District, Municipality, Organisation

from . import permissions
from .enums import CENTER_TRANSITIONS, CenterStatus
from .models import Activity, ActivitySlot, Agreement, CivicCenter, PayingDemand

TEXTAREA = {"rows": 3}
TIME = {"type": "time", "min": "07:00", "max": "23:00", "step": 300}


class VersionedForm(forms.ModelForm):
    """Carries the version the user saw, so that a concurrent edit is refused instead of overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class CivicCenterForm(VersionedForm):
    class Meta:
        model = CivicCenter
        fields = [
            "name",
            "district",
            "host_kind",
            "host_organisation",
            "address",
            "municipality",
            "relations_professional",
            "shared_rules",
            "shared_rules_file",
            "royalties",
            "notes",
        ]
        widgets = {"shared_rules": forms.Textarea(attrs=TEXTAREA), "notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.filter(pk__in=permissions.writable_district_ids(user))
        self.fields["host_organisation"].queryset = Organisation.objects.visible_to(user)
        self.fields["municipality"].queryset = Municipality.objects.visible_to(user)
        self.fields["municipality"].help_text = "Facoltativo finché l'elenco dei comuni non è caricato."
        if self.instance.pk:
            self.fields["district"].disabled = True


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Nuovo stato")
    on_date = forms.DateField(label="Data", widget=DateInput(), required=False)

    def __init__(self, *args, center: CivicCenter, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = CENTER_TRANSITIONS[CenterStatus(center.status)]
        self.fields["to_status"].choices = [(s.value, s.label) for s in allowed]


class AgreementForm(VersionedForm):
    class Meta:
        model = Agreement
        fields = ["title", "promoter", "municipality_party", "signed_on", "start_on", "end_on", "terms", "royalties"]
        widgets = {
            "signed_on": DateInput(),
            "start_on": DateInput(),
            "end_on": DateInput(),
            "terms": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["promoter"].queryset = Organisation.objects.visible_to(user)


class ActivityForm(VersionedForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "promoter",
            "agreement",
            "category",
            "audience",
            "start_on",
            "end_on",
            "fee",
            "fee_period",
            "capacity",
            "enrolments",
            "households",
            "free_places",
            "free_places_funder",
            "description",
        ]
        widgets = {
            "start_on": DateInput(),
            "end_on": DateInput(),
            "description": forms.Textarea(attrs=TEXTAREA),
            "fee": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
        }

    def __init__(self, *args, user, center: CivicCenter, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.civic_center = center
        self.fields["promoter"].queryset = Organisation.objects.visible_to(user)
        self.fields["agreement"].queryset = Agreement.objects.filter(civic_center=center)


class SlotForm(forms.ModelForm):
    class Meta:
        model = ActivitySlot
        fields = ["weekday", "start", "end"]
        widgets = {
            "start": forms.TimeInput(attrs=TIME, format="%H:%M"),
            "end": forms.TimeInput(attrs=TIME, format="%H:%M"),
        }


SlotFormSet = forms.inlineformset_factory(
    Activity, ActivitySlot, form=SlotForm, extra=2, can_delete=True, min_num=1, validate_min=True
)


class PayingDemandForm(forms.ModelForm):
    class Meta:
        model = PayingDemand
        fields = ["period_start", "period_end", "enrolments", "fees_collected", "notes"]
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "fees_collected": forms.NumberInput(attrs={"min": "0", "step": "0.01"}),
        }
