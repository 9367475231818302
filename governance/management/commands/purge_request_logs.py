"""Delete request-log files older than the retention period (at least six months); nothing else.

Request logs are daily files in REQUEST_LOG_DIR (governance/request_log.py). The audit trail (history tables) and the
identity access log are database tables kept for at least 24 months by their own rules: this command never opens the
database, so it cannot touch them.
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from governance.request_log import log_files


class Command(BaseCommand):
    help = "Cancella i file di log delle richieste più vecchi del periodo di conservazione (almeno 6 mesi)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Giorni di conservazione (predefinito: REQUEST_LOG_RETENTION_DAYS; minimo 183).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Elenca i file senza cancellarli.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.REQUEST_LOG_RETENTION_DAYS if days is None else days
        minimum = settings.REQUEST_LOG_MIN_RETENTION_DAYS
        if days < minimum:
            raise CommandError(
                f"Periodo di conservazione troppo breve: {days} giorni. I log delle richieste si conservano "
                f"almeno {minimum} giorni (sei mesi)."
            )
        directory = settings.REQUEST_LOG_DIR
        if not directory:
            self.stdout.write("REQUEST_LOG_DIR non impostata: i log vanno su standard error, niente da cancellare.")
            return
        cutoff = timezone.now().astimezone(dt.UTC).date() - dt.timedelta(days=days)
        old = [path for day, path in log_files(directory) if day < cutoff]
        for path in old:
            if dry_run:
                self.stdout.write(f"da cancellare: {path.name}")
            else:
                path.unlink()
        verb = "da cancellare" if dry_run else "cancellati"
        self.stdout.write(f"{len(old)} file di log delle richieste anteriori al {cutoff:%d/%m/%Y} {verb}.")
