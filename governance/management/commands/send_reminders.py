"""The daily job: one digest per person of what is theirs (decisions, assessments, expenses, bodies…).

Idempotent: a second run the same day sends nothing more. Schedule it once a day (systemd timer or cron), e.g.
`python manage.py send_reminders` at 07:00.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from governance.reminders import collect_items, send_digests


class Command(BaseCommand):
    help = "Invia a ciascuno il promemoria di ciò che lo riguarda (una volta al giorno)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Giorno di riferimento AAAA-MM-GG (predefinito: oggi).")
        parser.add_argument("--dry-run", action="store_true", help="Elenca i destinatari senza inviare nulla.")

    def handle(self, *args, date=None, dry_run=False, **options):
        try:
            today = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"Data non valida «{date}»: usare il formato AAAA-MM-GG.") from error
        if dry_run:
            for address, items in sorted(collect_items(today=today).items()):
                self.stdout.write(f"{address}: {len(items)} voci")
            return
        counts = send_digests(today=today)
        self.stdout.write(
            f"Promemoria del {today:%d/%m/%Y}: {counts['sent']} inviati, {counts['already']} già inviati oggi, "
            f"{counts['skipped']} non richiesti, {counts['failed']} non riusciti (da ritentare)."
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} promemoria non sono stati accettati dal server di posta.")
