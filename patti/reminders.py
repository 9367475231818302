"""Action 1's reminders for the case staff of each district (registered in PattiConfig.ready()).

Assessments due and pacts ending within 30 days go to the Ufficio di Piano and Coordinatore users of the pact's
district. No identity ever reaches an e-mail: the pact number, the household's pseudonymous code and a link.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from governance.enums import Role
from governance.reminders import ReminderItem, role_addresses

from .enums import Attention
from .models import Patto
from .models.patti import ATTENTION_HORIZON_DAYS

ENDING_HORIZON_DAYS = ATTENTION_HORIZON_DAYS


def pact_reminders(*, today: dt.date):
    due = Patto.objects.needing_attention(Attention.VALUTAZIONE, today)
    ending = Patto.objects.needing_attention(Attention.IN_SCADENZA, today)
    addresses: dict[int, list[str]] = {}

    def staff(district_id):
        if district_id not in addresses:
            addresses[district_id] = role_addresses(Role.UFFICIO_DI_PIANO, Role.COORDINATORE, district_id=district_id)
        return addresses[district_id]

    for patto in due.select_related("household").only("pk", "district_id", "household__code").order_by("pk"):
        item = ReminderItem(
            section="Valutazioni dei patti da fare",
            text=f"Patto {patto.pk} · {patto.household.code}: nessuna valutazione negli ultimi 6 mesi",
            path=reverse("patti:patto_detail", args=[patto.pk]),
            order=20,
        )
        for address in staff(patto.district_id):
            yield address, item
    for patto in ending.select_related("household").order_by("planned_end_on", "pk"):
        item = ReminderItem(
            section="Patti in scadenza nei prossimi 30 giorni",
            text=f"Patto {patto.pk} · {patto.household.code}: conclusione prevista il {patto.planned_end_on:%d/%m/%Y}",
            path=reverse("patti:patto_detail", args=[patto.pk]),
            order=21,
        )
        for address in staff(patto.district_id):
            yield address, item
