"""An uploaded import file kept server-side between its review and its confirmation (never re-posted by the page)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PendingUpload(models.Model):
    """A checked import file waiting for its owner's confirmation; the page carries only a signed token to it.
    Deleted when confirmed; expired ones are deleted whenever a new one is stored (fundraising/pending.py)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField("importazione", max_length=20)
    name = models.CharField("nome del file", max_length=200)
    content = models.BinaryField("contenuto")
    options = models.JSONField("scelte del caricamento", default=dict, blank=True)
    created_at = models.DateTimeField("caricato il", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "file da importare in attesa di conferma"
        verbose_name_plural = "file da importare in attesa di conferma"

    def __str__(self):
        return f"{self.name} ({self.purpose})"
