"""Forms of the governance app; validation calls the models' rules (`clean`)."""

from django import forms
from django.contrib.auth import get_user_model
from django.forms import inlineformset_factory

from .enums import AttendanceStatus
from .models import (
    Attendance,
    BodyMember,
    Decision,
    GovernanceBody,
    Meeting,
    MeetingAttachment,
    ReminderPreference,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ChooseBodyForm(forms.Form):
    body = forms.ModelChoiceField(label="Organismo", queryset=GovernanceBody.objects.none())

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class MeetingForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Meeting
        fields = [
            "date", "start_time", "place", "online", "online_link",
            "agenda", "minutes", "minutes_approved_on", "topics",
        ]  # fmt: skip
        widgets = {
            "date": DateInput(),
            "minutes_approved_on": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 6}),
            "topics": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.body = body
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["member", "guest_name", "guest_organisation", "status", "delegate_name"]

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members if members is not None else BodyMember.objects.none()
        self.fields["member"].required = False
        self.fields["member"].empty_label = "Scegli un componente"
        self.fields["status"].initial = AttendanceStatus.PRESENT

    def has_changed(self):
        """A new row proposed for a body member is saved even if left as proposed (present)."""
        if self.instance.pk is None and self.data.get(self.add_prefix("member")):
            return True
        return super().has_changed()

    def clean(self):
        data = super().clean()
        member, guest = data.get("member"), (data.get("guest_name") or "").strip()
        if member and guest:
            raise forms.ValidationError("Indicare un componente oppure un ospite, non entrambi.")
        if not member and not guest and self.has_changed():
            raise forms.ValidationError("Indicare il componente o il nome dell'ospite.")
        if data.get("status") == AttendanceStatus.DELEGATED and not data.get("delegate_name"):
            self.add_error("delegate_name", "Indicare il nome del delegato.")
        return data


class BaseAttendanceFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, members=None, **kwargs):
        self.members = members
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "members": self.members}

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            member = form.cleaned_data.get("member")
            if member:
                if member.pk in seen:
                    raise forms.ValidationError(f"{member} compare più di una volta nelle presenze.")
                seen.add(member.pk)


AttendanceFormSet = inlineformset_factory(
    Meeting, Attendance, form=AttendanceForm, formset=BaseAttendanceFormSet, extra=2, can_delete=True
)


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "owner_member", "owner_user", "owner", "owner_organisation", "due_date", "status"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_date": DateInput()}

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_member"].queryset = members if members is not None else BodyMember.objects.none()
        self.fields["owner_user"].queryset = (
            get_user_model().objects.filter(is_active=True, groups__isnull=False).distinct().order_by("username")
        )
        self.fields["owner"].label = "responsabile esterno"
        # At most one owner is named: each empty choice says so, instead of Django's dashes.
        self.fields["owner_member"].empty_label = "Nessun componente"
        self.fields["owner_user"].empty_label = "Nessun utente"
        self.fields["owner_organisation"].empty_label = "Nessuna organizzazione"

    def clean(self):
        data = super().clean()
        named = [data.get("owner_member"), data.get("owner_user"), (data.get("owner") or "").strip()]
        if sum(bool(n) for n in named) > 1:
            raise forms.ValidationError(
                "Indicare un solo responsabile: un componente, un utente oppure il nome di un responsabile esterno."
            )
        return data


class BaseDecisionFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, members=None, **kwargs):
        self.members = members
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "members": self.members}

    def clean(self):
        super().clean()
        meeting_date = getattr(self, "meeting_date", None)
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            due = form.cleaned_data.get("due_date")
            if due and meeting_date and due < meeting_date:
                form.add_error("due_date", "La scadenza non può precedere la data dell'incontro.")


DecisionFormSet = inlineformset_factory(
    Meeting, Decision, form=DecisionForm, formset=BaseDecisionFormSet, extra=1, can_delete=True
)


class MeetingAttachmentForm(forms.ModelForm):
    class Meta:
        model = MeetingAttachment
        fields = ["title", "file", "signed_minutes"]


class ReminderPreferenceForm(forms.ModelForm):
    class Meta:
        model = ReminderPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
