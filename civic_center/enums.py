"""Choices of Action 3 (Italian labels, stable English values)."""

import datetime as dt

from django.db import models


class HostKind(models.TextChoices):
    COMPREHENSIVE_INSTITUTE = "comprehensive_institute", "Istituto comprensivo"
    SCHOOL_BUILDING = "school_building", "Plesso scolastico"
    PARISH = "parish", "Oratorio / centro parrocchiale"
    SPORTS_CENTRE = "sports_centre", "Centro sportivo"
    OTHER = "other", "Altro"


SCHOOL_HOST_KINDS = (HostKind.COMPREHENSIVE_INSTITUTE, HostKind.SCHOOL_BUILDING)


class CenterStatus(models.TextChoices):
    PLANNED = "planned", "In progettazione"
    ACTIVE = "active", "Attivo"
    SUSPENDED = "suspended", "Sospeso"
    CLOSED = "closed", "Chiuso"


# The one table of allowed status changes (CivicCenter.transition_to / services.center_transition).
CENTER_TRANSITIONS = {
    CenterStatus.PLANNED: [CenterStatus.ACTIVE, CenterStatus.CLOSED],
    CenterStatus.ACTIVE: [CenterStatus.SUSPENDED, CenterStatus.CLOSED],
    CenterStatus.SUSPENDED: [CenterStatus.ACTIVE, CenterStatus.CLOSED],
    CenterStatus.CLOSED: [],
}
ACTIVATED_STATUSES = (CenterStatus.ACTIVE, CenterStatus.SUSPENDED, CenterStatus.CLOSED)


class ActivityCategory(models.TextChoices):
    MUSIC = "music", "Musica"
    LANGUAGES = "languages", "Lingue"
    SPORT = "sport", "Sport"
    ART = "art", "Arte"
    CULTURE = "culture", "Cultura"
    STUDY_SUPPORT = "study_support", "Sostegno allo studio"
    ASSOCIATIONS = "associations", "Incontri di associazioni"
    OTHER = "other", "Altro"


class Audience(models.TextChoices):
    PUPILS = "pupils", "Alunni"
    ADULTS = "adults", "Adulti"
    FAMILIES = "families", "Famiglie"
    EVERYONE = "everyone", "Tutti"


class FeePeriod(models.TextChoices):
    MONTH = "month", "al mese"
    TERM = "term", "a trimestre"
    SCHOOL_YEAR = "school_year", "per anno scolastico"
    COURSE = "course", "per l'intero corso"
    SESSION = "session", "a incontro"


class Weekday(models.IntegerChoices):
    MONDAY = 1, "Lunedì"
    TUESDAY = 2, "Martedì"
    WEDNESDAY = 3, "Mercoledì"
    THURSDAY = 4, "Giovedì"
    FRIDAY = 5, "Venerdì"
    SATURDAY = 6, "Sabato"
    SUNDAY = 7, "Domenica"


class TimeBand(models.TextChoices):
    """Seed 985-1104: lessons in the morning, 16-18 courses for pupils, 18-22 spaces for adults."""

    SCHOOL_HOURS = "school_hours", "Orario scolastico (fino alle 16)"
    AFTERNOON = "afternoon", "Pomeriggio (16–18)"
    EVENING = "evening", "Sera (18–22)"


OPENING = dt.time(7, 0)  # civic centers are open "from morning to night": slots within 07:00-23:00
CLOSING = dt.time(23, 0)
AFTERNOON_FROM = dt.time(16, 0)
EVENING_FROM = dt.time(18, 0)


def time_band_of(start: dt.time) -> str:
    """The band a slot belongs to, from its start time."""
    if start < AFTERNOON_FROM:
        return TimeBand.SCHOOL_HOURS
    if start < EVENING_FROM:
        return TimeBand.AFTERNOON
    return TimeBand.EVENING
