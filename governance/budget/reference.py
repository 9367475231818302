"""Reference data of the budget: the two versions of the plan (seed lines 2399–2445, 2594–2636).

Idempotent: a re-run changes nothing (no history rows). The active flag is set only when the plans are first
created, so that a later choice of the administration is not undone by re-running the seed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..models import BudgetPlan

CARIPLO_GRANT = Decimal("1500000.00")
PLANS = [
    {
        "code": "originale-2015",
        "name": "Piano economico dell'intervento (originario)",
        "date": dt.date(2015, 5, 8),
        "declared_total": Decimal("3375535.00"),
        "notes": (
            "Allegato 2 all'Accordo di partenariato: costi complessivi € 3.375.535,00 (studio di fattibilità 2015; "
            "la data è quella di inizio del primo anno di progetto, il documento non ne riporta una)."
        ),
        "active": False,
    },
    {
        "code": "assestato-2016",
        "name": "Piano economico assestato",
        "date": dt.date(2016, 6, 1),
        "declared_total": Decimal("3014748.00"),
        "notes": (
            "Allegato 4 all'Accordo: piano ridefinito con l'Aggiornamento di progetto (giugno 2016 – maggio 2018) "
            "per € 3.014.748,00; raccolta fondi attesa nel triennio € 350.000; la «domanda pagante» non è a budget."
        ),
        "active": True,
    },
]


def seed_budget_plans(*, upsert) -> None:
    """Create or align the plan versions; `upsert` is the seed command's no-noise create-or-update."""
    first_time = not BudgetPlan.objects.exists()
    for plan in PLANS:
        upsert(
            BudgetPlan,
            {"code": plan["code"]},
            {
                "name": plan["name"],
                "date": plan["date"],
                "declared_total": plan["declared_total"],
                "declared_cariplo": CARIPLO_GRANT,
                "notes": plan["notes"],
            },
        )
    if first_time:
        active = BudgetPlan.objects.get(code=next(p["code"] for p in PLANS if p["active"]))
        active.is_active = True
        active.save()
