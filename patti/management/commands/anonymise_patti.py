"""Anonymise the households whose pacts are all closed since longer than the retention period."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Max, Q
from django.utils import timezone

from patti.enums import OPEN_STATUSES
from patti.models import Household
from patti.services import household_anonymise

# Default retention after the last pact closed: 5 years (override with settings.PATTI_RETENTION_DAYS or --days).
DEFAULT_RETENTION_DAYS = 5 * 365


def anonymisable_households(*, retention_days: int, today: dt.date):
    """Households not yet anonymised, with at least one pact, no open pact, the last closed before the cutoff."""
    cutoff = today - dt.timedelta(days=retention_days)
    return (
        Household.objects.filter(anonymised_at__isnull=True)
        .annotate(last_closed=Max("patti__closed_on"))
        .filter(last_closed__lt=cutoff)
        .exclude(Q(patti__status__in=OPEN_STATUSES))
    )


class Command(BaseCommand):
    help = (
        "Anonimizza i nuclei i cui patti sono tutti chiusi da più del periodo di conservazione: cancella i dati "
        "identificativi e i documenti firmati, conserva i numeri del programma."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Periodo di conservazione in giorni dalla chiusura (predefinito {DEFAULT_RETENTION_DAYS}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Elenca i nuclei senza modificarli.")

    def handle(self, *args, days=None, dry_run=False, **options):
        retention = days if days is not None else getattr(settings, "PATTI_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
        households = list(anonymisable_households(retention_days=retention, today=timezone.localdate()))
        for household in households:
            if not dry_run:
                household_anonymise(household=household)
        verb = "da anonimizzare" if dry_run else "anonimizzati"
        self.stdout.write(f"Nuclei {verb}: {len(households)} (conservazione {retention} giorni).")
