"""Choices of the laboratori app (Italian labels, stable English values)."""

from django.db import models


class LabKind(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", "Territoriale – quartiere"
    VILLAGE = "village", "Territoriale – paese"
    AREA = "area", "Territoriale – area"
    WORKPLACE = "workplace", "Luogo di lavoro"


TERRITORIAL_KINDS = frozenset({LabKind.NEIGHBOURHOOD, LabKind.VILLAGE, LabKind.AREA})


class LabStatus(models.TextChoices):
    STARTING = "starting", "In avvio"
    ACTIVE = "active", "Attivo"
    AUTONOMOUS = "autonomous", "Autonomo"
    CLOSED = "closed", "Concluso"


# The only allowed moves of a lab's life (CONVENTIONS.md habit 7). "Autonomo": the lab goes on by itself after the
# programme's support (seed 860-861: year-1 labs "possano continuare in modo autonomo").
LAB_TRANSITIONS: dict[str, frozenset[str]] = {
    LabStatus.STARTING: frozenset({LabStatus.ACTIVE, LabStatus.CLOSED}),
    LabStatus.ACTIVE: frozenset({LabStatus.AUTONOMOUS, LabStatus.CLOSED}),
    LabStatus.AUTONOMOUS: frozenset({LabStatus.CLOSED}),
    LabStatus.CLOSED: frozenset(),
}


class LabPersonRole(models.TextChoices):
    COMMUNITY_MAKER = "community_maker", "Community maker"
    COORDINATOR = "coordinator", "Coordinatore"


class PlannedActionStatus(models.TextChoices):
    PLANNED = "planned", "Prevista"
    IN_PROGRESS = "in_progress", "In corso"
    DONE = "done", "Realizzata"
    DROPPED = "dropped", "Annullata"


class MeetingKind(models.TextChoices):
    ASSEMBLY = "assembly", "Assemblea"
    WORKING_GROUP = "working_group", "Gruppo di lavoro"
    PUBLIC_EVENT = "public_event", "Evento pubblico"
    RESTITUTION = "restitution", "Evento di restituzione"


class LabFundingSource(models.TextChoices):
    """Codes shared with the budget ledger (governance.budget.enums.FundingSource); seed 2240-2244: € 5,000 from
    the Cariplo grant and € 5,000 from donations per lab (year-1 labs were also paid from the partners' share)."""

    CARIPLO = "cariplo", "Contributo Fondazione Cariplo"
    DONATIONS = "donations", "Donazioni / raccolta fondi"
    COFINANCING = "cofinancing", "Cofinanziamento partner"


class FundraisingStatus(models.TextChoices):
    AGREED = "agreed", "Concordata"
    DONE = "done", "Svolta"
    CANCELLED = "cancelled", "Annullata"
