"""Export everything held about one household (a data subject's access request), identity included, as JSON."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from patti.models import IDENTITY_FIELDS, Household
from patti.services import identity_access_record


def _row(obj) -> dict:
    """Every stored column of the record (editable or not), files by their stored name."""
    data = {}
    for field in obj._meta.concrete_fields:
        value = field.value_from_object(obj)
        data[field.attname] = getattr(value, "name", value) if hasattr(value, "storage") else value
    return data


def household_export(household: Household) -> dict:
    """Every record about the household: identity, pacts with équipe, commitments, disbursements, assessments,
    placements, empowerment paths, business ideas, the change history and the identity access log."""
    patti = []
    for patto in household.patti.prefetch_related(
        "equipe", "commitments", "disbursements", "assessments", "placements__host", "paths", "business_ideas"
    ):
        patti.append(
            {
                **_row(patto),
                "district": str(patto.district),
                "equipe": [_row(m) for m in patto.equipe.all()],
                "commitments": [_row(c) for c in patto.commitments.all()],
                "disbursements": [_row(d) for d in patto.disbursements.all()],
                "assessments": [_row(a) for a in patto.assessments.all()],
                "placements": [{**_row(p), "host": str(p.host)} for p in patto.placements.all()],
                "empowerment_paths": [p.name for p in patto.paths.all()],
                "business_ideas": [i.title for i in patto.business_ideas.all()],
                "history": [
                    {
                        "date": h.history_date,
                        "type": h.history_type,
                        "user": str(h.history_user or ""),
                        "reason": h.history_change_reason or "",
                    }
                    for h in patto.history.all()
                ],
            }
        )
    return {
        "household": {**_row(household), "district": str(household.district)},
        "identity": {name: getattr(household, name) for name in IDENTITY_FIELDS},
        "members": [_row(m) for m in household.members.all()],
        "household_history": [
            {"date": h.history_date, "type": h.history_type, "user": str(h.history_user or "")}
            for h in household.history.all()
        ],
        "patti": patti,
        "identity_accesses": [
            {"date": a.accessed_at, "user": str(a.user or "sistema"), "purpose": a.purpose}
            for a in household.identity_accesses.select_related("user")
        ],
    }


class Command(BaseCommand):
    help = "Esporta in JSON tutti i dati di un nucleo (richiesta di accesso dell'interessato), identità compresa."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Codice pseudonimo del nucleo, ad esempio CRE-4F7K2Q.")
        parser.add_argument("--output", help="File di destinazione (predefinito: standard output).")

    def handle(self, *args, code, output=None, **options):
        household = Household.objects.select_related("district").filter(code=code.strip().upper()).first()
        if household is None:
            raise CommandError(f"Nessun nucleo con codice {code}.")
        text = json.dumps(household_export(household), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        identity_access_record(household=household, user=None, purpose="esportazione (richiesta dell'interessato)")
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Dati del nucleo {household.code} scritti in {output}.")
        else:
            self.stdout.write(text)
