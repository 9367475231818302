"""Forms of the results framework: the filters of the "Risultati" page, a target, a manual value.

The forms read the models' rules (`clean`, constraints) and only add the words a person needs; the services check
them again.
"""

from __future__ import annotations

from django import forms

from ..forms import DateInput
from ..models import Action, District, ManualValue, ProjectYear, Target


def _year_field_messages(field: forms.ModelChoiceField) -> None:
    numbers = ", ".join(str(n) for n in ProjectYear.objects.values_list("number", flat=True))
    field.error_messages["invalid_choice"] = (
        f"L'anno indicato non è un anno del progetto: scegliere l'anno {numbers} oppure l'intero triennio."
    )


class ResultsFilterForm(forms.Form):
    action = forms.ModelChoiceField(
        label="Azione", queryset=Action.objects.filter(indicators__isnull=False).distinct(), required=False,
        empty_label="Tutte",
    )  # fmt: skip
    year = forms.ModelChoiceField(
        label="Anno di progetto",
        queryset=ProjectYear.objects.all(),
        to_field_name="number",
        required=False,
        empty_label="Tutti (con il triennio)",
    )
    district = forms.ModelChoiceField(label="Ambito", queryset=District.objects.none(), required=False,
                                      empty_label="Secondo gli obiettivi")  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.visible_to(user)
        _year_field_messages(self.fields["year"])


class VersionedForm(forms.ModelForm):
    """A form for an audited record: carries the version the user saw (lost-update check in the service)."""

    row_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["row_version"].initial = self.instance.version
        if "project_year" in self.fields:
            self.fields["project_year"].empty_label = "Intero triennio"
            _year_field_messages(self.fields["project_year"])
        if "district" in self.fields:
            self.fields["district"].empty_label = "Intero programma"

    def _get_validation_exclusions(self):
        """The indicator is set by the view, not typed: validate the constraints that involve it too (duplicates)."""
        return super()._get_validation_exclusions() - {"indicator"}


class TargetForm(VersionedForm):
    reason = forms.CharField(
        label="Motivo della modifica",
        required=False,
        max_length=100,
        help_text="Resta nello storico (es. «rimodulazione approvata dalla Cabina di Regia del 12/10/2016»).",
    )

    class Meta:
        model = Target
        fields = ["plan_version", "project_year", "district", "value", "value_max", "source"]
        widgets = {"source": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "value": {"required": "Indicare il valore."},
            "source": {"required": "Indicare la fonte dell'obiettivo (documento e righe)."},
        }

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.fields["value"].widget.attrs["min"] = "0"
        self.fields["value_max"].widget.attrs["min"] = "0"
        for name in ("value", "value_max"):
            self.fields[name].validators.append(_not_negative)


class ManualValueForm(VersionedForm):
    class Meta:
        model = ManualValue
        fields = ["project_year", "district", "value", "measured_on", "source", "document", "notes"]
        widgets = {
            "measured_on": DateInput(),
            "source": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "value": {"required": "Indicare il valore rilevato."},
            "measured_on": {"required": "Indicare la data della rilevazione."},
            "source": {"required": "Indicare il documento di fonte del valore: senza fonte il valore non si registra."},
        }

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.fields["value"].widget.attrs["min"] = "0"
        self.fields["value"].validators.append(_manual_not_negative)


def _not_negative(value):
    if value is not None and value < 0:
        raise forms.ValidationError("Un obiettivo non può essere negativo.", code="negative")


def _manual_not_negative(value):
    if value is not None and value < 0:
        raise forms.ValidationError("Un valore rilevato non può essere negativo.", code="negative")
