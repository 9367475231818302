"""Choices of Action 4 — Wel(l)FARE LAB (Italian labels, stable English values). Seed 1106-1195, 2353-2397."""

from django.db import models


class LabTheme(models.TextChoices):
    GENERATIVE_MODEL = "generative_model", "Modello di welfare generativo"
    SOCIAL_SPENDING = "social_spending", "Spesa sociale nei Piani di Zona"
    SOCIAL_EMPLOYMENT = "social_employment", "Integrazione tra servizi sociali e per il lavoro"
    CO_DESIGN = "co_design", "Co-progettazione"
    COMPANY_PACTS = "company_pacts", "Supporto ai patti con le imprese"
    DECISION_MAKERS = "decision_makers", "Formazione dei decisori politici"
    OTHER = "other", "Altro"


class LabLevel(models.TextChoices):
    TERRITORIAL = "territorial", "Territoriale"
    DISTRICT = "district", "Distrettuale"
    PROVINCIAL = "provincial", "Provinciale"


class SessionKind(models.TextChoices):
    TRAINING = "training", "Formazione"
    ACTION_RESEARCH = "action_research", "Ricerca-azione"
    ELABORATION = "elaboration", "Elaborazione"
    SEMINAR_DAY = "seminar_day", "Giornata seminariale"


class ParticipantCategory(models.TextChoices):
    PUBLIC_ADMINISTRATOR = "public_administrator", "Amministratore pubblico"
    PUBLIC_MANAGER = "public_manager", "Dirigente pubblico"
    SOCIAL_WORKER = "social_worker", "Assistente sociale"
    EMPLOYMENT_OPERATOR = "employment_operator", "Operatore dei servizi per il lavoro"
    COOP_COORDINATOR = "coop_coordinator", "Coordinatore di cooperativa"
    VOLUNTEER = "volunteer", "Volontario"
    ECONOMIC_ACTOR = "economic_actor", "Attore economico / parte sociale"
    COMMUNITY_MAKER = "community_maker", "Community maker"
    LAG_COORDINATOR = "lag_coordinator", "Coordinatore di gruppo di azione locale"
    CITIZEN = "citizen", "Cittadino"
    OTHER = "other", "Altro"


class ManifestoStatus(models.TextChoices):
    DRAFT = "draft", "Bozza"
    FINAL = "final", "Versione definitiva"
