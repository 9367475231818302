"""Choices of the imprese app (Action 2/B, Patti con le Imprese): Italian labels, stable English values."""

from django.db import models


class PactStage(models.TextChoices):
    """The life of a company pact. The seed names the first two stages (preliminary contacts and the elaboration of
    pacts, seed 2262-2264, 2285-2288); signed → active → closed (or abandoned) is how this application follows the
    rest of a pact's life."""

    CONTACT = "contact", "Contatto preliminare"
    ELABORATION = "elaboration", "In elaborazione"
    SIGNED = "signed", "Sottoscritto"
    ACTIVE = "active", "Attivo"
    CLOSED = "closed", "Concluso"
    ABANDONED = "abandoned", "Abbandonato"


# The only allowed moves (CONVENTIONS.md habit 7). A pact may be abandoned at any open stage.
STAGE_TRANSITIONS: dict[str, frozenset[str]] = {
    PactStage.CONTACT: frozenset({PactStage.ELABORATION, PactStage.ABANDONED}),
    PactStage.ELABORATION: frozenset({PactStage.SIGNED, PactStage.ABANDONED}),
    PactStage.SIGNED: frozenset({PactStage.ACTIVE, PactStage.ABANDONED}),
    PactStage.ACTIVE: frozenset({PactStage.CLOSED, PactStage.ABANDONED}),
    PactStage.CLOSED: frozenset(),
    PactStage.ABANDONED: frozenset(),
}
# The date each stage records when a pact enters it.
STAGE_DATE_FIELD = {
    PactStage.CONTACT: "contacted_on",
    PactStage.ELABORATION: "elaboration_on",
    PactStage.SIGNED: "signed_on",
    PactStage.ACTIVE: "started_on",
    PactStage.CLOSED: "closed_on",
    PactStage.ABANDONED: "abandoned_on",
}
PRE_SIGNATURE_STAGES = frozenset({PactStage.CONTACT, PactStage.ELABORATION})
SIGNED_STAGES = frozenset({PactStage.SIGNED, PactStage.ACTIVE, PactStage.CLOSED})
FINAL_STAGES = frozenset({PactStage.CLOSED, PactStage.ABANDONED})
# Payments of the pact's budget are made on a signed pact that is still running.
PAYABLE_STAGES = frozenset({PactStage.SIGNED, PactStage.ACTIVE})


class PartyRole(models.TextChoices):
    """Who takes part in a company pact (seed 2266-2267: ownership, workers, the social context)."""

    OWNERSHIP = "ownership", "Proprietà dell'impresa"
    WORKERS = "workers", "Rappresentanza dei lavoratori"
    LOCAL_BODY = "local_body", "Ente locale"
    ASSOCIATION = "association", "Associazione / volontariato"
    TRADE_ASSOCIATION = "trade_association", "Associazione di categoria"
    OTHER = "other", "Altro"


class ActionStatus(models.TextChoices):
    PLANNED = "planned", "Prevista"
    IN_PROGRESS = "in_progress", "In corso"
    DONE = "done", "Realizzata"
    DROPPED = "dropped", "Non realizzata"


class FundingSource(models.TextChoices):
    """The two halves of a company pact's budget (seed 2290-2292); values shared with the budget ledger."""

    CARIPLO = "cariplo", "Contributo Fondazione Cariplo"
    DONATIONS = "donations", "Donazioni / raccolta fondi"


class DisseminationKind(models.TextChoices):
    EVENT = "event", "Evento pubblico"
    MEETING = "meeting", "Incontro in azienda"
    PUBLICATION = "publication", "Pubblicazione"
    WEB = "web", "Web e social"
    OTHER = "other", "Altro"
