"""The organisation form: identity and administrative data; the programme roster is not editable here."""

from django import forms

from .models import Organisation
from .organisations import district_choices_for


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "kind",
            "tax_code",
            "district",
            "seat_address",
            "legal_representative",
            "legal_representative_role",
            "signatory",
            "signatory_role",
            "aliases",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        districts, required = district_choices_for(user)
        self.fields["district"].queryset = districts
        self.fields["district"].required = required
        if required:
            self.fields["district"].help_text = "Un Ufficio di Piano registra le organizzazioni del proprio ambito."
            if districts.count() == 1 and not self.instance.pk:
                self.initial["district"] = districts.first().pk
        self.fields["tax_code"].help_text = (
            "11 cifre per gli enti (con cifra di controllo), 16 caratteri per le persone fisiche. "
            "Lasciare vuoto se non noto."
        )

    def clean_tax_code(self):
        value = (self.cleaned_data.get("tax_code") or "").strip().upper()
        return value or None
