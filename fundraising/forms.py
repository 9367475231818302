"""Forms of the fundraising app; they read the models' rules, the services decide."""

from __future__ import annotations

import re

from django import forms
from django.db.models import F
from django.urls import reverse

from governance.forms import DateInput
from governance.models import Action, Organisation
from governance.money import format_eur, money_sum

from . import services
from .enums import PaymentMethod
from .models import (
    Campaign,
    ConsentRecord,
    Designation,
    Donation,
    Donor,
    DonorRelationship,
    Event,
    LegalBasis,
    Pledge,
)

TEXTAREA = {"rows": 3}


class VersionedForm(forms.ModelForm):
    """Carries the version the user saw, so that a concurrent edit is refused instead of overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


def donor_choices():
    return Donor.objects.active().filter(anonymised_at__isnull=True)


def donor_label(donor: Donor) -> str:
    return f"{donor.display_name} ({donor.code})"


DONOR_CODE = re.compile(r"\(?\s*D(\d+)\s*\)?\s*$", re.IGNORECASE)


class DonorCombobox(forms.TextInput):
    """A text field that static/js/wellfare.js turns into an accessible combobox (ARIA 1.2 pattern) fed by the
    `fundraising:donor_lookup` endpoint; without JavaScript the donor's code (D00012) typed in it is enough."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "data-donor-lookup": "", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-donor-lookup"] = reverse("fundraising:donor_lookup")
        return context


class DonorLookupField(forms.ModelChoiceField):
    """A donor chosen by name with suggestions from the server (never a select of every donor)."""

    widget = DonorCombobox

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "Scrivere almeno due lettere del nome, l'e-mail o il codice (D00012).")
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Donor):
            return donor_label(value)
        if isinstance(value, int) or (isinstance(value, str) and value.isdecimal()):  # "²" is a digit, not a pk
            donor = self.queryset.filter(pk=value).first()
            return donor_label(donor) if donor else ""
        return value or ""

    def to_python(self, value):
        if value in self.empty_values or not str(value).strip():
            return None
        match = DONOR_CODE.search(str(value).strip())
        donor = self.queryset.filter(pk=int(match.group(1))).first() if match else None
        if donor is None:
            raise forms.ValidationError(
                "Donatore non trovato: sceglierlo tra i suggerimenti o scriverne il codice (D00012).",
                code="invalid_choice",
            )
        return donor

    def has_changed(self, initial, data):
        return str(self.prepare_value(initial)) != str(data or "")


class DonorForm(VersionedForm):
    class Meta:
        model = Donor
        fields = [
            "kind", "first_name", "last_name", "organisation_name", "fiscal_code", "email", "phone", "address",
            "postcode", "town", "district", "segment", "acquisition", "acquisition_campaign", "acquisition_event",
            "contact_source", "lawful_basis", "objects_to_tax_list", "notes",
        ]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs=TEXTAREA)}

    def clean_fiscal_code(self):
        return (self.cleaned_data.get("fiscal_code") or "").strip().upper().replace(" ", "")

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()


class ConsentForm(forms.ModelForm):
    granted = forms.TypedChoiceField(
        label="Consenso",
        choices=[("1", "Dato"), ("0", "Revocato / negato")],
        coerce=lambda v: v == "1",
    )

    class Meta:
        model = ConsentRecord
        fields = ["channel", "granted", "date", "source"]
        widgets = {"date": DateInput()}


class RelationshipForm(forms.ModelForm):
    class Meta:
        model = DonorRelationship
        fields = ["kind", "related", "note"]

    def __init__(self, *args, donor=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = donor_choices()
        if donor is not None:
            queryset = queryset.exclude(pk=donor.pk)
        self.fields["related"].queryset = queryset
        self.fields["related"].label_from_instance = donor_label


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Motivo", max_length=250)


class CampaignForm(VersionedForm):
    class Meta:
        model = Campaign
        fields = ["name", "market", "channel", "start", "end", "goal", "costs", "description"]
        widgets = {"start": DateInput(), "end": DateInput(), "description": forms.Textarea(attrs=TEXTAREA)}


class EventForm(VersionedForm):
    class Meta:
        model = Event
        fields = ["name", "date", "place", "place_detail", "campaign", "costs", "attendees", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}


class LegalBasisForm(VersionedForm):
    class Meta:
        model = LegalBasis
        fields = ["name", "applies_to", "valid_from", "valid_to", "wording", "illustrative"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput(), "wording": forms.Textarea(attrs={"rows": 6})}


class DesignationMixin(forms.ModelForm):
    designation_key = forms.ChoiceField(label="Destinazione", choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["designation_key"].choices = services.designation_choices()
        if self.instance.designation_id:
            self.fields["designation_key"].initial = self.instance.designation.key

    def clean_designation_key(self):
        key = self.cleaned_data["designation_key"]
        self.instance.designation = services.designation_for(key)
        return key


class DonationForm(DesignationMixin, VersionedForm):
    donor = DonorLookupField(label="Donatore", queryset=Donor.objects.none(), required=False)
    soft_credit = DonorLookupField(label="Sollecitata da (soft credit)", queryset=Donor.objects.none(), required=False)

    class Meta:
        model = Donation
        fields = [
            "donor", "date", "gift_kind", "amount", "payment_method", "in_kind_description", "designation_key",
            "campaign", "event", "soft_credit", "reference", "notes",
        ]  # fmt: skip
        widgets = {
            "date": DateInput(),
            "in_kind_description": forms.Textarea(attrs=TEXTAREA),
            "notes": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = donor_choices()
        self.fields["donor"].help_text = "Vuoto: donazione anonima. " + self.fields["donor"].help_text
        self.fields["soft_credit"].queryset = donor_choices()
        self.fields["payment_method"].help_text = "Solo per i doni in denaro; i contanti non danno benefici fiscali."


class PledgeForm(DesignationMixin, VersionedForm):
    donor = DonorLookupField(label="Donatore", queryset=Donor.objects.none())

    class Meta:
        model = Pledge
        fields = ["donor", "date", "amount", "designation_key", "campaign", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = donor_choices()


class InstalmentForm(forms.Form):
    due_date = forms.DateField(label="Scadenza", widget=DateInput())
    amount = forms.DecimalField(label="Importo", max_digits=12, decimal_places=2, min_value=0.01)


InstalmentFormSet = forms.formset_factory(InstalmentForm, extra=3, max_num=36, can_delete=True)


class PledgePaymentForm(forms.Form):
    date = forms.DateField(label="Data di ricevimento", widget=DateInput())
    amount = forms.DecimalField(label="Importo", max_digits=12, decimal_places=2)
    payment_method = forms.ChoiceField(label="Modalità di pagamento", choices=PaymentMethod.choices)
    reference = forms.CharField(label="Riferimento del pagamento", max_length=140, required=False)


class ReceiptIssueForm(forms.Form):
    issued_on = forms.DateField(label="Data di emissione", widget=DateInput())


class TransferForm(forms.Form):
    holder = forms.ModelChoiceField(label="Titolare dell'azione", queryset=Organisation.objects.none())
    action = forms.ModelChoiceField(label="Azione", queryset=Action.objects.exclude(code="GA"))
    amount = forms.DecimalField(label="Importo", max_digits=12, decimal_places=2)
    date = forms.DateField(label="Data del trasferimento", widget=DateInput())
    donations = forms.ModelMultipleChoiceField(
        label="Donazioni utilizzate",
        queryset=Donation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Vuoto: le donazioni più vecchie non ancora trasferite (Ctrl per sceglierne più d'una).",
    )
    notes = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args, designation: Designation, **kwargs):
        super().__init__(*args, **kwargs)
        holders = Organisation.objects.filter(is_partner=True)
        if designation.district_id:
            holders = holders.filter(district=designation.district_id)
        if designation.record is not None:
            holders = services.record_holders(designation)
        self.fields["holder"].queryset = holders.order_by("name")
        if designation.action_id:
            self.fields["action"].queryset = Action.objects.filter(pk=designation.action_id)
            self.fields["action"].initial = designation.action_id
        self.fields["donations"].queryset = (
            Donation.objects.filter(designation=designation, gift_kind="money")
            .annotate(allocated=money_sum("allocations__amount"))
            .filter(amount__gt=F("allocated"))  # gifts not yet fully transferred
            .select_related("donor")
            .order_by("date", "pk")
        )
        self.fields["donations"].label_from_instance = lambda d: (
            f"n. {d.pk} del {d.date:%d/%m/%Y} – {format_eur(d.amount)} – "
            f"{d.donor.display_name if d.donor else 'anonimo'}"
        )


class BankImportForm(forms.Form):
    """Step 1: the statement file and the designation of all its gifts."""

    file = forms.FileField(
        label="Estratto conto (XLSX o CSV)",
        help_text="Colonne: data, importo, ordinante, riferimento. CSV nel formato di Excel italiano.",
    )
    designation_key = forms.ChoiceField(label="Destinazione delle donazioni", choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["designation_key"].choices = services.designation_choices()

    def clean_file(self):
        from governance.imports import ALLOWED_IMPORT_EXTENSIONS

        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in ALLOWED_IMPORT_EXTENSIONS:
            raise forms.ValidationError("Caricare un file .xlsx o .csv (si può partire dal modello scaricabile).")
        return upload


class ImportConfirmForm(forms.Form):
    """Step 2: the signed token of the checked file, kept server-side (fundraising/pending.py)."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=500)


class DonorImportForm(forms.Form):
    file = forms.FileField(
        label="Elenco dei donatori (XLSX o CSV)",
        help_text="Colonne come nel modello scaricabile. CSV nel formato di Excel italiano.",
    )

    clean_file = BankImportForm.clean_file
