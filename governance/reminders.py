"""Reminders: a registry of what is due, and the daily digest that tells each person what is theirs.

governance registers its own sources (decisions falling due, expenses waiting for approval, bodies behind their
cadence); each action app registers its sources in its `AppConfig.ready()` (governance names no action app):

    from governance.reminders import ReminderItem, ReminderSource, register_reminder
    register_reminder(ReminderSource(key="pacts", collect=pact_reminders))

`collect(*, today)` yields `(address, ReminderItem)` pairs: the e-mail address of the person the item belongs to and
what to tell them. Items never carry a beneficiary's identity (pseudonymous codes and links only).
`send_reminders` (the daily job) groups the items by address and sends one digest per address and day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from .enums import DecisionStatus, DigestFrequency, Role
from .models import Decision, DigestSent, Expense, GovernanceBody, ReminderPreference, reference_date_default

DECISION_HORIZON_DAYS = 7
EXPENSE_WAITING_WORKING_DAYS = 5


@dataclass(frozen=True)
class ReminderItem:
    section: str  # the heading it is listed under, e.g. "Decisioni in scadenza"
    text: str
    path: str  # the page to open (made absolute with SITE_URL)
    order: int = 100


@dataclass(frozen=True)
class ReminderSource:
    key: str
    collect: Callable[..., Iterable[tuple[str, ReminderItem]]]


_SOURCES: dict[str, ReminderSource] = {}


def register_reminder(source: ReminderSource) -> None:
    _SOURCES[source.key] = source


def role_addresses(*roles: str, district_id: int | None = None) -> list[str]:
    """Addresses of the active users with one of `roles` (and, if given, the district in their profile)."""
    users = get_user_model().objects.filter(is_active=True, groups__name__in=roles).exclude(email="")
    if district_id is not None:
        users = users.filter(profile__districts=district_id)
    return sorted(set(users.values_list("email", flat=True)))


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The date `count` working days (Monday to Friday) before `day`."""
    while count:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


# --- governance's own sources ----------------------------------------------------------------------------------


def decisions_due(*, today: dt.date):
    """Open decisions due within 7 days or overdue, to their owner (a user or a member with an address)."""
    decisions = (
        Decision.objects.filter(status=DecisionStatus.OPEN, due_date__lte=today + dt.timedelta(DECISION_HORIZON_DAYS))
        .filter(Q(owner_user__isnull=False) | Q(owner_member__isnull=False))
        .select_related("meeting__body", "owner_user", "owner_member__user")
        .order_by("due_date", "pk")
    )
    for decision in decisions:
        address = decision.owner_address
        if not address:
            continue
        late = decision.due_date < today
        yield (
            address,
            ReminderItem(
                section="Decisioni scadute" if late else "Decisioni in scadenza nei prossimi 7 giorni",
                text=f"{decision.text[:120]} – {decision.meeting.body.name}, scadenza {decision.due_date:%d/%m/%Y}",
                path=reverse("governance:meeting_detail", args=[decision.meeting_id]),
                order=10 if late else 11,
            ),
        )


def expenses_waiting(*, today: dt.date):
    """Expenses submitted more than 5 working days ago and not yet decided, to the administration staff."""
    cutoff = working_days_before(today, EXPENSE_WAITING_WORKING_DAYS)
    waiting = Expense.objects.filter(status="submitted", submitted_at__date__lt=cutoff).count()
    if not waiting:
        return
    item = ReminderItem(
        section="Spese da approvare",
        text=f"{waiting} spese presentate da più di {EXPENSE_WAITING_WORKING_DAYS} giorni lavorativi attendono "
        "l'approvazione",
        path=reverse("governance:expense_list") + "?status=submitted",
        order=30,
    )
    for address in role_addresses(Role.AMMINISTRAZIONE):
        yield address, item


def bodies_behind(*, today: dt.date):
    """Bodies behind their cadence, to the body's secretary (who may write its meetings)."""
    from .selectors import cadence_compliance

    reference = min(today, reference_date_default())
    for row in cadence_compliance(bodies=GovernanceBody.objects.all(), reference=reference):
        if not row.behind:
            continue
        body = row.body
        item = ReminderItem(
            section="Organismi in ritardo sul calendario degli incontri",
            text=f"{body.name}: incontri tenuti inferiori a quelli attesi ({body.cadence_label})",
            path=reverse("governance:body_detail", args=[body.pk]),
            order=40,
        )
        if body.district_id is not None:
            recipients = role_addresses(Role.UFFICIO_DI_PIANO, district_id=body.district_id)
        else:
            recipients = role_addresses(Role.DIREZIONE)
        for address in recipients:
            yield address, item


GOVERNANCE_REMINDERS = [
    ReminderSource(key="decisions", collect=decisions_due),
    ReminderSource(key="expenses", collect=expenses_waiting),
    ReminderSource(key="bodies", collect=bodies_behind),
]  # registered in GovernanceConfig.ready()


# --- the digest ------------------------------------------------------------------------------------------------


def collect_items(*, today: dt.date) -> dict[str, list[ReminderItem]]:
    items: dict[str, list[ReminderItem]] = defaultdict(list)
    for source in _SOURCES.values():
        for address, item in source.collect(today=today):
            items[address.strip().lower()].append(item)
    return items


def wants_digest(address: str, today: dt.date) -> bool:
    """The users behind an address decide: off → never; weekly → Mondays only; default daily."""
    frequencies = set(
        ReminderPreference.objects.filter(user__email__iexact=address).values_list("frequency", flat=True)
    )
    if DigestFrequency.OFF in frequencies:
        return False
    if DigestFrequency.WEEKLY in frequencies:
        return today.weekday() == 0
    return True


def digest_message(address: str, items: list[ReminderItem], *, today: dt.date) -> EmailMultiAlternatives:
    site = settings.SITE_URL.rstrip("/")
    sections: dict[str, list[ReminderItem]] = defaultdict(list)
    for item in sorted(items, key=lambda i: (i.order, i.section, i.text)):
        sections[item.section].append(item)
    count = len(items)
    context = {"sections": dict(sections), "site": site, "today": today, "count": count}
    message = EmailMultiAlternatives(
        subject=f"Promemoria Wel(l)Fare Legami del {today:%d/%m/%Y}: {count} {'voce' if count == 1 else 'voci'}",
        body=render_to_string("governance/mail/digest.txt", context),
        to=[address],
    )
    message.attach_alternative(render_to_string("governance/mail/digest.html", context), "text/html")
    return message


def send_digests(*, today: dt.date, connection=None) -> dict[str, int]:
    """One digest per address and day (a second run the same day sends nothing). Returns counts for the report."""
    counts = {"sent": 0, "already": 0, "skipped": 0, "failed": 0}
    for address, items in sorted(collect_items(today=today).items()):
        if not wants_digest(address, today):
            counts["skipped"] += 1
            continue
        try:
            with transaction.atomic():
                # The row is written first and rolled back if the mail server refuses: never marked sent unsent.
                DigestSent.objects.create(address=address, sent_on=today, items=len(items))
                (connection or get_connection()).send_messages([digest_message(address, items, today=today)])
        except IntegrityError:
            counts["already"] += 1
        except OSError:
            counts["failed"] += 1
        else:
            counts["sent"] += 1
    return counts
