"""The Direzione's narrative: a premise, then achievements, critical issues and corrective actions per action
(the shape of the June 2016 project update: what the year produced, the critical issues met, the revision)."""

from __future__ import annotations

from django import forms

from ..models import ProjectYear
from .services import MAX_LENGTH, NARRATIVE_FIELDS

LABELS = {
    "achievements": "Risultati raggiunti",
    "critical_issues": "Criticità riscontrate",
    "corrective_actions": "Azioni correttive e revisione degli obiettivi",
}


class YearForm(forms.Form):
    year = forms.ModelChoiceField(
        label="Anno di progetto",
        queryset=ProjectYear.objects.order_by("number"),
        to_field_name="number",
        required=False,
        empty_label="Cumulato (tutto il programma)",
    )


class NarrativeForm(forms.Form):
    introduction = forms.CharField(
        label="Premessa", required=False, max_length=MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, actions, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = list(actions)
        existing = {n.action_id: n for n in report.narratives.all()} if report else {}
        if report is not None:
            self.fields["introduction"].initial = report.introduction
        for action in self.actions:
            for name in NARRATIVE_FIELDS:
                narrative = existing.get(action.pk)
                self.fields[f"a{action.pk}_{name}"] = forms.CharField(
                    label=f"{LABELS[name]} – {action}",
                    required=False,
                    max_length=MAX_LENGTH,
                    initial=getattr(narrative, name) if narrative else "",
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def action_groups(self):
        return [(action, [self[f"a{action.pk}_{name}"] for name in NARRATIVE_FIELDS]) for action in self.actions]

    def narratives(self) -> dict[int, dict[str, str]]:
        return {
            action.pk: {name: self.cleaned_data[f"a{action.pk}_{name}"].strip() for name in NARRATIVE_FIELDS}
            for action in self.actions
        }
