"""Demo data of the results framework: a few values entered by hand, clearly labelled as synthetic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from ..audit import audited_save
from ..models import District, Indicator, ManualValue, ProjectYear

DEMO_SOURCE = "[DEMO] Dato dimostrativo, non reale"
# code, year (None: triennium), district code (None: programme), value, measured on
DEMO_VALUES = [
    ("A1_QUOTA_SUSSIDI", 2, None, "18", dt.date(2017, 5, 31)),
    ("A1_QUOTA_SUSSIDI", 3, None, "27.5", dt.date(2018, 4, 30)),
    ("A2B_LAVORATORI", None, "cremonese", "310", dt.date(2018, 4, 30)),
    ("A2B_LAVORATORI", None, "cremasco", "270", dt.date(2018, 4, 30)),
    ("A2B_LAVORATORI", None, "casalasco", "90", dt.date(2018, 4, 30)),
    ("A3_ALUNNI", None, None, "1180", dt.date(2018, 4, 30)),
]


def seed_results_demo(*, stdout) -> None:
    if ManualValue.objects.filter(source__startswith=DEMO_SOURCE).exists():
        stdout.write("Valori dimostrativi dei risultati già presenti: nessuna modifica.")
        return
    indicators = {i.code: i for i in Indicator.objects.filter(code__in={v[0] for v in DEMO_VALUES})}
    years = {y.number: y for y in ProjectYear.objects.all()}
    districts = {d.code: d for d in District.objects.all()}
    author = get_user_model().objects.filter(username="direzione").first()
    for code, year, district, value, measured_on in DEMO_VALUES:
        if code not in indicators:
            continue
        audited_save(
            ManualValue(
                indicator=indicators[code],
                project_year=years.get(year) if year else None,
                district=districts.get(district) if district else None,
                value=Decimal(value),
                measured_on=measured_on,
                source=f"{DEMO_SOURCE} (relazione degli Uffici di Piano)",
            ),
            user=author,
        )
    stdout.write(f"Valori dimostrativi dei risultati: {len(DEMO_VALUES)}.")
