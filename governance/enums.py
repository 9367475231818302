"""Choices of the governance app (Italian labels, stable English values)."""

from django.db import models


class Role(models.TextChoices):
    """Programme roles; each is a Django group of the same name."""

    DIREZIONE = "Direzione di progetto", "Direzione di progetto"
    UFFICIO_DI_PIANO = "Ufficio di Piano", "Ufficio di Piano"
    COORDINATORE = "Coordinatore", "Coordinatore"
    FUNDRAISING = "Staff Fundraising", "Staff Fundraising"
    AMMINISTRAZIONE = "Staff Amministrazione", "Staff Amministrazione"
    PARTNER = "Partner", "Partner (referente)"


# Not a programme role: the group of the system administrators, the only users of the Django admin with the superusers.
SYSTEM_ADMIN_GROUP = "Amministratore di sistema"

PROGRAMME_WIDE_ROLES = frozenset({Role.DIREZIONE, Role.FUNDRAISING, Role.AMMINISTRAZIONE})
DISTRICT_ROLES = frozenset({Role.UFFICIO_DI_PIANO, Role.COORDINATORE})


class OrganisationKind(models.TextChoices):
    PUBLIC_BODY = "public_body", "Ente pubblico"
    SPECIAL_AGENCY = "special_agency", "Azienda speciale"
    CONSORTIUM = "consortium", "Consorzio"
    FOUNDATION = "foundation", "Fondazione"
    SOCIAL_COOP = "social_coop", "Cooperativa sociale"
    ASSOCIATION = "association", "Associazione"
    COMPANY = "company", "Impresa"
    TRADE_UNION = "trade_union", "Sindacato"
    TRADE_ASSOCIATION = "trade_association", "Associazione di categoria"
    BANK = "bank", "Banca"
    SCHOOL = "school", "Scuola / istituto comprensivo"
    HEALTH_AGENCY = "health_agency", "Azienda sanitaria"
    PARISH = "parish", "Parrocchia / diocesi"
    OTHER = "other", "Altro"


class ProgrammeRole(models.TextChoices):
    """Roles an organisation holds in the programme (it may hold several)."""

    LEAD_PARTNER = "lead_partner", "Capofila"
    PARTNER = "partner", "Partner"
    MEMBER = "member", "Aderente alla rete"
    OTHER = "other", "Altro"


class QuorumRule(models.TextChoices):
    MAJORITY = "majority", "Maggioranza dei componenti"
    TWO_THIRDS = "two_thirds", "Due terzi dei componenti"
    NONE = "none", "Nessun quorum"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Presente"
    ABSENT = "absent", "Assente"
    DELEGATED = "delegated", "Delegato"


class DecisionStatus(models.TextChoices):
    OPEN = "open", "Aperta"
    DONE = "done", "Completata"
    DROPPED = "dropped", "Abbandonata"


class DispatchKind(models.TextChoices):
    CONVOCATION = "convocation", "Convocazione"
    UPDATE = "update", "Aggiornamento della convocazione"
    CANCELLATION = "cancellation", "Annullamento"
    MINUTES = "minutes", "Invio del verbale"


class DispatchStatus(models.TextChoices):
    SENT = "sent", "Inviata"
    FAILED = "failed", "Non inviata (errore del server di posta)"


class DigestFrequency(models.TextChoices):
    DAILY = "daily", "Ogni giorno"
    WEEKLY = "weekly", "Una volta alla settimana (il lunedì)"
    OFF = "off", "Mai"
