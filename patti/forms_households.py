"""The household form: territory first (the district's municipalities), identity only for who may see it."""

from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory

from governance.forms import DateInput
from governance.models import District, Municipality
from governance.reference_municipalities import PROGRAMME_END, PROGRAMME_START

from . import permissions
from .forms import TEXTAREA, VersionedForm
from .models import IDENTITY_FIELDS, Household, HouseholdMember


class HouseholdForm(VersionedForm):
    """The household; identity fields only for users who may see the identity in the household's district."""

    class Meta:
        model = Household
        fields = [
            "district",
            "municipality",
            *IDENTITY_FIELDS,
            "adults",
            "minors",
            "citizenship",
            "employment_status",
            "vulnerable_social_ties",
            "vulnerable_family",
            "vulnerable_housing",
            "vulnerable_work",
            "target_group",
            "reached_through",
            "notes",
        ]
        widgets = {"birth_date": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        districts = District.objects.filter(pk__in=permissions.writable_district_ids(user))
        self.fields["district"].queryset = districts
        if self.instance.pk:
            del self.fields["district"]  # a household stays in its district (its code says so)
            offered = [self.instance.district]
        else:
            offered = list(districts)
            if len(offered) == 1 and not self.initial.get("district"):
                self.initial["district"] = offered[0].pk  # the form's initial (from the instance) wins over a field's
        self._offer_municipalities(offered)
        district_id = self.instance.district_id if self.instance.pk else None
        shows_identity = (
            permissions.sees_identity(user, district_id)
            if district_id
            else any(permissions.sees_identity(user, d.pk) for d in districts)
        )
        if not shows_identity:
            for name in IDENTITY_FIELDS:
                del self.fields[name]
        else:
            for name in ("first_name", "last_name"):
                self.fields[name].required = True
        self.shows_identity = shows_identity

    def _offer_municipalities(self, districts) -> None:
        """The municipalities of the programme's years in the offered districts, grouped by district when several."""
        field = self.fields["municipality"]
        field.queryset = (
            Municipality.objects.filter(district__in=districts)
            .valid_between(PROGRAMME_START, PROGRAMME_END)
            .select_related("district")
            .order_by("district__name", "name")
        )
        field.help_text = "I comuni dell'ambito com'erano negli anni del programma (2015–2018)."
        if len(districts) > 1:
            groups: dict[str, list] = {}
            for municipality in field.queryset:
                groups.setdefault(municipality.district.name, []).append((municipality.pk, municipality.name))
            field.choices = [("", "---------"), *groups.items()]

    def clean_tax_code(self):
        value = (self.cleaned_data.get("tax_code") or "").strip().upper()
        return value or None


class HouseholdMemberForm(forms.ModelForm):
    class Meta:
        model = HouseholdMember
        fields = ["relationship", "first_name", "last_name", "birth_date"]
        widgets = {"birth_date": DateInput()}


HouseholdMemberFormSet = inlineformset_factory(
    Household, HouseholdMember, form=HouseholdMemberForm, extra=2, can_delete=True
)
