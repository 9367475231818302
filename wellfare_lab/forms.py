"""Forms of Action 4; validation reads the models' rules — no rule lives here."""

from __future__ import annotations

from django import forms

from governance.forms import DateInput
from governance.models import District, Organisation

from . import permissions
from .enums import LabLevel
from .models import ManifestoVersion, Participant, Session, TrainingLab

TEXTAREA = {"rows": 3}


class VersionedForm(forms.ModelForm):
    """Carries the version the user saw, so that a concurrent edit is refused instead of overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class TrainingLabForm(VersionedForm):
    class Meta:
        model = TrainingLab
        fields = ["title", "theme", "level", "district", "facilitators", "start_on", "end_on", "description"]
        widgets = {
            "start_on": DateInput(),
            "end_on": DateInput(),
            "facilitators": forms.Textarea(attrs=TEXTAREA),
            "description": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        levels = []
        if permissions.writable_district_ids(user):
            levels += [LabLevel.TERRITORIAL, LabLevel.DISTRICT]
        if permissions.is_direzione(user):
            levels.append(LabLevel.PROVINCIAL)
        self.fields["level"].choices = [("", "---------")] + [(lv.value, lv.label) for lv in levels]
        self.fields["district"].queryset = District.objects.filter(pk__in=permissions.writable_district_ids(user))


class SessionForm(VersionedForm):
    class Meta:
        model = Session
        fields = ["date", "kind", "hours", "place", "topic"]
        widgets = {"date": DateInput(), "hours": forms.NumberInput(attrs={"min": "0.5", "max": "12", "step": "0.5"})}


class ParticipantForm(VersionedForm):
    class Meta:
        model = Participant
        fields = ["full_name", "category", "organisation", "organisation_name"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)


class AttendanceForm(forms.Form):
    participants = forms.MultipleChoiceField(label="Presenti", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = [
            (p.pk, f"{p.full_name} – {p.get_category_display()}") for p in session.lab.participants.all()
        ]
        if not self.is_bound:
            self.fields["participants"].initial = [a.participant_id for a in session.attendances.all()]


class ManifestoForm(VersionedForm):
    class Meta:
        model = ManifestoVersion
        fields = ["status", "date", "text", "document", "sessions"]
        widgets = {"date": DateInput(), "text": forms.Textarea(attrs={"rows": 8}),
                   "sessions": forms.SelectMultiple(attrs={"size": 8})}  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = Session.objects.visible_to(user).select_related("lab").order_by("-date")
        self.fields["sessions"].label_from_instance = lambda s: f"{s.date:%d/%m/%Y} · {s.get_kind_display()} · {s.lab}"
