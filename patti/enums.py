"""Choices of the patti app (Italian labels, stable English values)."""

from django.db import models


class PattoKind(models.TextChoices):
    AUTONOMIA = "autonomia", "Patto per l'Autonomia"
    INCLUSIONE = "inclusione", "Patto per l'Inclusione sociale"


class PattoStatus(models.TextChoices):
    BOZZA = "bozza", "Bozza"
    SOTTOSCRITTO = "sottoscritto", "Sottoscritto"
    ATTIVO = "attivo", "Attivo"
    CONCLUSO = "concluso", "Concluso"
    INTERROTTO = "interrotto", "Interrotto"


# The only allowed moves of the pact's workflow (CONVENTIONS.md habit 7).
PATTO_TRANSITIONS: dict[str, frozenset[str]] = {
    PattoStatus.BOZZA: frozenset({PattoStatus.SOTTOSCRITTO}),
    PattoStatus.SOTTOSCRITTO: frozenset({PattoStatus.ATTIVO, PattoStatus.INTERROTTO}),
    PattoStatus.ATTIVO: frozenset({PattoStatus.CONCLUSO, PattoStatus.INTERROTTO}),
    PattoStatus.CONCLUSO: frozenset(),
    PattoStatus.INTERROTTO: frozenset(),
}
OPEN_STATUSES = frozenset({PattoStatus.BOZZA, PattoStatus.SOTTOSCRITTO, PattoStatus.ATTIVO})
CLOSED_STATUSES = frozenset({PattoStatus.CONCLUSO, PattoStatus.INTERROTTO})
SIGNED_STATUSES = frozenset(
    {PattoStatus.SOTTOSCRITTO, PattoStatus.ATTIVO, PattoStatus.CONCLUSO, PattoStatus.INTERROTTO}
)
# A signed pact that is still running: it accepts disbursements, and its équipe watches its assessments' trend.
RUNNING_STATUSES = frozenset({PattoStatus.SOTTOSCRITTO, PattoStatus.ATTIVO})
DISBURSABLE_STATUSES = RUNNING_STATUSES


class Attention(models.TextChoices):
    """What a pact asks of its case staff (the "Da fare" worklist; a filter of the pact list)."""

    VALUTAZIONE = "valutazione", "Valutazione scaduta"
    IN_CALO = "in_calo", "In calo"
    IN_SCADENZA = "in_scadenza", "In scadenza entro 30 giorni"
    DA_AVVIARE = "da_avviare", "Sottoscritti non ancora avviati"
    BOZZE_FERME = "bozze_ferme", "Bozze aperte da oltre 30 giorni"


class PromoterType(models.TextChoices):
    SOCIAL_SERVICES = "social_services", "Servizi sociali"
    EMPLOYMENT_SERVICES = "employment_services", "Servizi per il lavoro"
    THIRD_SECTOR = "third_sector", "Terzo settore / volontariato"
    CITIZENS = "citizens", "Organizzazioni di cittadini"
    OTHER = "other", "Altro"


class Sex(models.TextChoices):
    FEMALE = "F", "Femmina"
    MALE = "M", "Maschio"


class Citizenship(models.TextChoices):
    ITALIAN = "italian", "Italiana"
    FOREIGN = "foreign", "Straniera"


class EmploymentStatus(models.TextChoices):
    EMPLOYED = "employed", "Occupato/a"
    PRECARIOUS = "precarious", "Occupazione precaria o saltuaria"
    UNEMPLOYED = "unemployed", "Disoccupato/a"
    INACTIVE = "inactive", "Inattivo/a"
    STUDENT = "student", "Studente/studentessa"
    RETIRED = "retired", "Pensionato/a"


class TargetGroup(models.TextChoices):
    ALONE = "alone", "Persone sole"
    CARE_LOADS = "care_loads", "Con carichi di cura"
    ELDERLY = "elderly", "Anziani"
    OUT_OF_WORK = "out_of_work", "Fuori dal mercato del lavoro"


class CommitmentKind(models.TextChoices):
    COMMUNITY = "community", "Verso la comunità"
    FAMILY = "family", "Verso la famiglia (responsabilità genitoriali)"
    HOME = "home", "Cura della casa"


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", "Previsto"
    IN_PROGRESS = "in_progress", "In corso"
    FULFILLED = "fulfilled", "Rispettato"
    NOT_FULFILLED = "not_fulfilled", "Non rispettato"


class FundingSource(models.TextChoices):
    """Codes shared with the budget ledger (governance.budget)."""

    CARIPLO = "cariplo", "Fondazione Cariplo"
    COFINANCING = "cofinancing", "Cofinanziamento dei partner"


class HostKind(models.TextChoices):
    COMPANY = "company", "Azienda"
    ASSOCIATION = "association", "Associazione"
    FOUNDATION = "foundation", "Fondazione"
    PUBLIC_BODY = "public_body", "Ente pubblico"
    OTHER = "other", "Altro"


class PlacementOutcome(models.TextChoices):
    ONGOING = "ongoing", "In corso"
    COMPLETED = "completed", "Concluso positivamente"
    HIRED = "hired", "Concluso con assunzione"
    INTERRUPTED = "interrupted", "Interrotto"


class IdeaSector(models.TextChoices):
    WELFARE = "welfare", "Welfare"
    CULTURE = "culture", "Cultura"
    TOURISM = "tourism", "Turismo"
    ORGANIC_AGRICULTURE = "organic_agriculture", "Agricoltura biologica"
    SUSTAINABLE_MOBILITY = "sustainable_mobility", "Mobilità sostenibile"
    URBAN_REGENERATION = "urban_regeneration", "Rigenerazione urbana"
    OTHER = "other", "Altro"


class IdeaStatus(models.TextChoices):
    SUBMITTED = "submitted", "Presentata"
    SELECTED = "selected", "Selezionata"
    PLAN_VALIDATED = "plan_validated", "Business plan validato"
    STARTED = "started", "Impresa avviata"
    DROPPED = "dropped", "Abbandonata"


IDEA_TRANSITIONS: dict[str, frozenset[str]] = {
    IdeaStatus.SUBMITTED: frozenset({IdeaStatus.SELECTED, IdeaStatus.DROPPED}),
    IdeaStatus.SELECTED: frozenset({IdeaStatus.PLAN_VALIDATED, IdeaStatus.DROPPED}),
    IdeaStatus.PLAN_VALIDATED: frozenset({IdeaStatus.STARTED, IdeaStatus.DROPPED}),
    IdeaStatus.STARTED: frozenset(),
    IdeaStatus.DROPPED: frozenset(),
}
# "Supported" ideas for the programme's 8-10 per year target: selected and beyond.
SUPPORTED_IDEA_STATUSES = frozenset({IdeaStatus.SELECTED, IdeaStatus.PLAN_VALIDATED, IdeaStatus.STARTED})
VALIDATED_IDEA_STATUSES = frozenset({IdeaStatus.PLAN_VALIDATED, IdeaStatus.STARTED})
