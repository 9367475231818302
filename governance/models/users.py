"""Users' profiles: the organisation and districts that make a user's scope."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .territory import District, Organisation


class UserProfile(models.Model):
    """Links a user to an organisation and to zero or more districts (their scope)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="organizzazione",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    districts = models.ManyToManyField(District, verbose_name="ambiti", blank=True, related_name="users")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "profilo utente"
        verbose_name_plural = "profili utente"
        permissions = [("view_identity", "Può vedere l'identità dei beneficiari del proprio ambito")]

    def __str__(self):
        return f"Profilo di {self.user}"
