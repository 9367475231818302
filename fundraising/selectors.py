"""Reads shared by the fundraising views: duplicates, a donor's full record (export), the fund's reconciliation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from governance.budget.enums import ExpenseStatus, FundingSource
from governance.gift_totals import GiftTotals
from governance.models import Expense
from governance.money import as_money, money_sum

from .models import PERSONAL_FIELDS, Donor, Receipt, Transfer


def duplicates_of(donor: Donor):
    """Other active donors with the same fiscal code or e-mail."""
    q = Q(pk__in=[])
    if donor.fiscal_code:
        q |= Q(fiscal_code=donor.fiscal_code)
    if donor.email:
        q |= Q(email=donor.email)
    return Donor.objects.active().filter(anonymised_at__isnull=True).filter(q).exclude(pk=donor.pk)


def duplicate_groups() -> list[dict]:
    """Groups of active donors sharing a fiscal code or an e-mail (the candidates for a merge)."""
    donors = Donor.objects.active().filter(anonymised_at__isnull=True)
    groups = []
    for field, label in (("fiscal_code", "Codice fiscale"), ("email", "E-mail")):
        values = (
            donors.exclude(**{field: ""})
            .values(field)
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .order_by(field)
            .values_list(field, flat=True)
        )
        members = donors.filter(**{f"{field}__in": list(values)}).order_by(field, "pk")
        by_value: dict[str, list[Donor]] = {}
        for donor in members:
            by_value.setdefault(getattr(donor, field), []).append(donor)
        groups += [{"label": label, "value": value, "donors": found} for value, found in by_value.items()]
    return groups


def donor_export(donor: Donor) -> dict:
    """Everything held about one donor (GDPR art. 15 and 20): data, consents, relationships, gifts, pledges,
    receipts, soft credits and the history of changes (personal fields are never in the history)."""

    def money(value) -> str:
        return f"{as_money(value):.2f}"

    return {
        "donatore": {
            "codice": donor.code,
            "tipo": donor.get_kind_display(),
            **{str(Donor._meta.get_field(name).verbose_name): getattr(donor, name) for name in PERSONAL_FIELDS},
            "territorio": str(donor.district or ""),
            "segmento": donor.get_segment_display(),
            "acquisizione": donor.get_acquisition_display(),
            "fonte del contatto": donor.contact_source,
            "base giuridica": donor.get_lawful_basis_display(),
            "opposizione alla comunicazione all'Agenzia delle Entrate": donor.objects_to_tax_list,
            "note": donor.notes,
            "anonimizzato il": donor.anonymised_at.isoformat() if donor.anonymised_at else None,
        },
        "consensi": [
            {"canale": c.get_channel_display(), "consenso": c.granted, "data": c.date.isoformat(), "fonte": c.source}
            for c in donor.consents.order_by("date", "pk")
        ],
        "legami": [
            {"legame": r.get_kind_display(), "con": r.related.code, "nota": r.note}
            for r in donor.relationships.select_related("related")
        ]
        + [
            {"legame": r.get_kind_display(), "da": r.donor.code, "nota": r.note}
            for r in donor.related_from.select_related("donor")
        ],
        "donazioni": [
            {
                "numero": d.pk,
                "data": d.date.isoformat(),
                "importo": money(d.amount),
                "tipo": d.get_gift_kind_display(),
                "pagamento": d.get_payment_method_display(),
                "beni": d.in_kind_description,
                "destinazione": str(d.designation),
                "campagna": str(d.campaign or ""),
                "evento": str(d.event or ""),
            }
            for d in donor.donations.select_related(
                "designation__district",
                "designation__action",
                "designation__lab",
                "designation__company_pact__company",
                "designation__civic_center",
                "campaign",
                "event",
            )
        ],
        "impegni": [
            {"numero": p.pk, "data": p.date.isoformat(), "importo": money(p.amount), "versato": money(p.paid)}
            for p in donor.pledges.all()
        ],
        "ricevute": [
            {
                "numero": f"{r.number}/{r.year}",
                "emessa il": r.issued_on.isoformat(),
                "importo": money(r.donation.amount),
                "annullata": bool(r.voided_at),
                "motivo annullamento": r.void_reason,
            }
            for r in Receipt.objects.filter(donation__donor=donor).select_related("donation")
        ],
        "soft credit": [{"donazione": d.pk, "data": d.date.isoformat()} for d in donor.soft_credited.all()],
        "storico": [
            {
                "data": h.history_date.isoformat(),
                "tipo": h.get_history_type_display(),
                "motivo": h.history_change_reason or "",
            }
            for h in donor.history.order_by("history_date")
        ],
    }


@dataclass
class ReconciliationRow:
    holder: str
    action: str
    transferred: Decimal
    spent: Decimal

    @property
    def difference(self) -> Decimal:
        return self.transferred - self.spent

    @property
    def overspent(self) -> bool:
        return self.spent > self.transferred


def reconciliation() -> list[ReconciliationRow]:
    """Per holder and action: what the fund transferred against what the holder spent from donations (approved
    expenses of budget lines funded by "Donazioni / raccolta fondi"). Spending beyond the transfers is flagged."""
    keys: dict[tuple[int, int], dict] = {}
    for row in (
        Transfer.objects.values("holder", "holder__name", "action", "action__code", "action__name")
        .annotate(total=money_sum("amount"))
        .order_by()
    ):
        keys[(row["holder"], row["action"])] = {
            "holder": row["holder__name"],
            "action": f"{row['action__code']} – {row['action__name']}",
            "transferred": as_money(row["total"]),
            "spent": as_money(0),
        }
    spent = (
        Expense.objects.filter(status=ExpenseStatus.APPROVED, line__funding_source=FundingSource.DONATIONS)
        .values("line__partner", "line__partner__name", "line__action", "line__action__code", "line__action__name")
        .annotate(total=money_sum("gross_amount"))
        .order_by()
    )
    for row in spent:
        entry = keys.setdefault(
            (row["line__partner"], row["line__action"]),
            {
                "holder": row["line__partner__name"],
                "action": f"{row['line__action__code']} – {row['line__action__name']}",
                "transferred": as_money(0),
                "spent": as_money(0),
            },
        )
        entry["spent"] = as_money(row["total"])
    return sorted((ReconciliationRow(**v) for v in keys.values()), key=lambda r: (r.holder, r.action))


def designated_totals(record) -> GiftTotals | None:
    """Totals of the money gifts designated to one lab, company pact or civic center, and of their transfers: two
    aggregates in SQL, no donor in sight (the provider registered in governance's gift-totals hook)."""
    from .models import Donation

    field = RECORD_FIELDS.get(record._meta.label)
    if field is None:
        return None
    gifts = (
        Donation.objects.money()
        .filter(**{f"designation__{field}": record})
        .aggregate(count=Count("pk"), amount=money_sum("amount"))
    )
    transferred = Transfer.objects.filter(**{f"designation__{field}": record}).aggregate(total=money_sum("amount"))
    return GiftTotals(
        count=gifts["count"], amount=as_money(gifts["amount"]), transferred=as_money(transferred["total"])
    )


RECORD_FIELDS = {
    "laboratori.Laboratorio": "lab",
    "imprese.PattoImpresa": "company_pact",
    "civic_center.CivicCenter": "civic_center",
}
