"""Load the programme's reference data (idempotent); with --demo, add clearly labelled synthetic data."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from governance import reference_data as ref
from governance.models import (
    Action,
    BodyMember,
    District,
    GovernanceBody,
    Municipality,
    Organisation,
    ProjectYear,
)
from governance.roles import ensure_roles


def upsert(model, lookup: dict, values: dict):
    """Create the row, or update only the fields that differ (no history noise on a re-run)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save()
    return obj, False


PARTNER_NAMES = {p["name"] for p in ref.PARTNERS}


def _representative(org: dict, kind: str) -> dict:
    """A legal representative's seat; the person's name where the agreement gives it (partners)."""
    label = org.get("short_name") or org["name"]
    person = org.get("legal_representative") or "Legale rappresentante"
    return {"name": f"{person} ({label})", "organisation": org["name"], "role": f"Legale rappresentante ({kind})"}


class Command(BaseCommand):
    help = "Carica i dati di riferimento del programma Wel(l)Fare Legami; con --demo aggiunge dati dimostrativi."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Aggiunge dati dimostrativi e utenti demo.")

    def handle(self, *args, demo: bool = False, **options):
        if demo:
            if not settings.DEBUG:
                raise CommandError(
                    "--demo è consentito solo con DEBUG attivo: gli account dimostrativi non devono "
                    "raggiungere un'installazione reale."
                )
            if not settings.WELLFARE_DEMO_PASSWORD:
                raise CommandError("Impostare WELLFARE_DEMO_PASSWORD per creare gli utenti dimostrativi.")
        with transaction.atomic():
            self.seed_reference()
            if demo:
                from governance.demo import seed_demo

                seed_demo(stdout=self.stdout, password=settings.WELLFARE_DEMO_PASSWORD)
        self.stdout.write(
            self.style.SUCCESS(
                f"Dati di riferimento: {District.objects.count()} ambiti, {Municipality.objects.count()} comuni, "
                f"{Organisation.objects.filter(is_partner=True).count()} partner, "
                f"{Organisation.objects.filter(is_member=True).count()} aderenti, "
                f"{GovernanceBody.objects.count()} organismi."
            )
        )

    def seed_reference(self):
        ensure_roles()
        self.seed_organisations()
        for d in ref.DISTRICTS:
            upsert(
                District,
                {"code": d["code"]},
                {
                    "name": d["name"],
                    "full_name": d["full_name"],
                    "municipalities_count": d["municipalities_count"],
                    "lead_organisation": Organisation.objects.get(name=d["lead_body"]),
                },
            )
        districts = {d.code: d for d in District.objects.all()}
        from governance.reference_municipalities import seed_municipalities

        seed_municipalities(upsert=upsert, districts=districts)
        for org in Organisation.objects.filter(pk__in=self._org_districts):
            wanted = districts.get(self._org_districts[org.pk])
            if org.district_id != (wanted.pk if wanted else None):
                org.district = wanted
                org.save()
        for order, a in enumerate(ref.ACTIONS):
            upsert(Action, {"code": a["code"]}, {"name": a["name"], "description": a["description"], "order": order})
        for y in ref.PROJECT_YEARS:
            upsert(
                ProjectYear,
                {"number": y["number"]},
                {"start": dt.date.fromisoformat(y["start"]), "end": dt.date.fromisoformat(y["end"])},
            )
        self.seed_bodies(districts)
        from governance.budget.reference import seed_budget_plans

        seed_budget_plans(upsert=upsert)
        from governance.results.reference import seed_results

        seed_results(upsert=upsert)

    def seed_organisations(self):
        """Partners and members; an organisation in both lists (Sol.Co.) gets both roles."""
        self._org_districts = {}
        entries: dict[str, dict] = {}
        for p in ref.PARTNERS:
            entries[p["name"]] = {
                "short_name": p["short_name"] if p["short_name"] != p["name"] else "",
                "kind": p["kind"],
                "tax_code": p["tax_code"] or None,
                "seat_address": p["seat_address"],
                "legal_representative": p["legal_representative"],
                "legal_representative_role": p["legal_representative_role"],
                "signatory": p["signatory"],
                "signatory_role": p["signatory_role"],
                "is_lead_partner": "lead_partner" in p["roles"],
                "is_partner": True,
                "is_member": False,
                "aliases": ", ".join(p["aliases"]),
                "notes": p["notes"],
                "_district": p["district"],
            }
        for m in ref.MEMBERS:
            if m["name"] in entries:
                entries[m["name"]]["is_member"] = True
                continue
            entries[m["name"]] = {
                "kind": m["kind"],
                "is_member": True,
                "notes": m["notes"],
                "_district": m["district"],
            }
        for name, values in entries.items():
            district_code = values.pop("_district")
            org, _ = upsert(Organisation, {"name": name}, values)
            self._org_districts[org.pk] = district_code

    def seed_bodies(self, districts):
        orgs = {o.name: o for o in Organisation.objects.all()}
        actions = {a.code: a for a in Action.objects.all()}
        for order, b in enumerate(ref.BODIES):
            action = actions.get(b["action"]) if b.get("action") else None
            body, _ = upsert(
                GovernanceBody,
                {"code": b["code"]},
                {
                    "name": b["name"],
                    "composition": b["composition"],
                    "functions": b["functions"],
                    "coordinating_organisation": orgs.get(b["coordinating_organisation"]),
                    "meetings_per_year": b["meetings_per_year"],
                    "quorum_rule": b["quorum"],
                    "district": districts.get(b["district"]) if b["district"] else None,
                    "action": action,
                    "order": order,
                },
            )
            seats = self._seats(b, orgs, districts)
            for seat in seats:
                upsert(
                    BodyMember,
                    {"body": body, "name": seat["name"]},
                    {"organisation": orgs.get(seat["organisation"]), "role": seat["role"]},
                )
            for seat in b.get("members_2015", []):  # the 2015 plan's seats stay on record, no longer counted
                upsert(
                    BodyMember,
                    {"body": body, "name": seat["name"]},
                    {"organisation": orgs.get(seat["organisation"]), "role": seat["role"], "active": False},
                )

    @staticmethod
    def _seats(body: dict, orgs, districts) -> list[dict]:
        """Seats from the reference data; where the composition is generic, one seat per organisation named by it."""
        if body["members"]:
            return body["members"]
        if body.get("seats") == "partners_and_members":
            # Tavolo della Governance: legal representatives (or delegates) of the partners AND of the members
            # (seed 1498-1504), so its quorum counts all of them.
            return [_representative(p, "partner") for p in ref.PARTNERS] + [
                _representative(m, "aderente") for m in ref.MEMBERS if m["name"] not in PARTNER_NAMES
            ]
        if body.get("seats") == "partners":  # Cabina di Regia from 2016 (seed 2062-2063, 2478-2481)
            return [_representative(p, "partner") for p in ref.PARTNERS]
        if body["district"] and body["code"].startswith("coord_"):
            # District coordination: referents of the partners and members active in the district (seed 1659-1660).
            return [
                {
                    "name": f"Referente {o.get('short_name') or o['name']}",
                    "organisation": o["name"],
                    "role": "Referente",
                }
                for o in [*ref.PARTNERS, *(m for m in ref.MEMBERS if m["name"] not in PARTNER_NAMES)]
                if o["district"] == body["district"]
            ]
        return []
