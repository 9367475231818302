"""The numbers of Action 4 as plain functions: indicators of the results framework, the dashboard panel and the
per-category counts shown where names may not be. Counts run in SQL; targets live in the results framework.

Participants are people: one person is counted once however many sessions (and labs) they attended — de-duplicated
on the normalised name within a category.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, Lower, Trim
from django.urls import reverse

from governance.models import ProjectYear
from governance.scoping import user_scope

from .enums import LabLevel, ManifestoStatus, ParticipantCategory, SessionKind
from .models import Attendance, ManifestoVersion, Participant, Session, TrainingLab

PARTICIPANT_CODES = {
    "A4_PART_AMMINISTRATORI": ParticipantCategory.PUBLIC_ADMINISTRATOR,
    "A4_PART_DIRIGENTI": ParticipantCategory.PUBLIC_MANAGER,
    "A4_PART_ASSISTENTI_SOCIALI": ParticipantCategory.SOCIAL_WORKER,
    "A4_PART_OPERATORI_LAVORO": ParticipantCategory.EMPLOYMENT_OPERATOR,
    "A4_PART_COORDINATORI_COOP": ParticipantCategory.COOP_COORDINATOR,
    "A4_PART_VOLONTARI": ParticipantCategory.VOLUNTEER,
    "A4_PART_ATTORI_ECONOMICI": ParticipantCategory.ECONOMIC_ACTOR,
}


def _scoped(model, user):
    """Programme-wide roles read the aggregates of every district; others what `visible_to` gives them."""
    return model.objects.all() if user_scope(user).programme_wide else model.objects.visible_to(user)


def _year(number):
    return ProjectYear.objects.numbered(number or None)


def _in_year(queryset, number, date_field):
    if number is None:
        return queryset
    year = _year(number)
    if year is None:
        return queryset.none()
    return queryset.filter(**{f"{date_field}__gte": year.start, f"{date_field}__lte": year.end})


def _district(queryset, district_id, prefix=""):
    return queryset.filter(**{f"{prefix}district_id": district_id}) if district_id else queryset


def labs_held(*, user, year=None, district_id=None) -> int:
    """A4_LAB_FORMATIVI: training labs started in the year (provincial ones count only programme-wide)."""
    return _in_year(_district(_scoped(TrainingLab, user), district_id), year, "start_on").count()


def seminar_days(*, user, year=None, district_id=None) -> int:
    """A4_GIORNATE_SEMINARIO: seminar days held in the year."""
    qs = _district(_scoped(Session, user), district_id, "lab__").filter(kind=SessionKind.SEMINAR_DAY)
    return _in_year(qs, year, "date").count()


def training_hours(*, user, year=None, district_id=None) -> Decimal:
    """A4_ORE_FORMAZIONE: hours of the sessions held in the year."""
    qs = _in_year(_district(_scoped(Session, user), district_id, "lab__"), year, "date")
    return Decimal(qs.aggregate(h=Coalesce(Sum("hours"), Decimal("0")))["h"] or 0).quantize(Decimal("0.1"))


def distinct_participants(*, user, year=None, district_id=None, category=None) -> int:
    """People (normalised name) who attended at least one session in the year, counted once across sessions/labs."""
    attended = _in_year(_scoped(Attendance, user), year, "session__date")
    attended = _district(attended, district_id, "session__lab__")
    qs = Participant.objects.filter(pk__in=attended.values("participant_id"))
    if category:
        qs = qs.filter(category=category)
    return qs.annotate(person=Lower(Trim("full_name"))).values("person").distinct().count()


def _participants_of(category):
    def compute(*, user, year=None, district_id=None) -> int:
        return distinct_participants(user=user, year=year, district_id=district_id, category=category)

    compute.__doc__ = f"Distinct participants of category «{category.label}» who attended in the year."
    return compute


def manifesto_status(*, user, year=None, district_id=None) -> int | None:
    """A4_MANIFESTO: 1 once a final version exists (by the end of the year), 0 with drafts only, None with nothing."""
    qs = ManifestoVersion.objects.visible_to(user) if not user_scope(user).programme_wide else ManifestoVersion.objects
    if year:
        found = _year(year)
        qs = qs.filter(date__lte=found.end) if found else qs.none()
    state = qs.aggregate(versions=Count("pk"), final=Count("pk", filter=Q(status=ManifestoStatus.FINAL)))
    if not state["versions"]:
        return None
    return 1 if state["final"] else 0


def _link(url_name, **fixed):
    def link(*, year=None, district_id=None) -> str:
        params = dict(fixed)
        found = _year(year)
        if found:
            params["year"] = found.pk
        if district_id:
            params["district"] = district_id
        url = reverse(url_name)
        return f"{url}?{urlencode(params)}" if params else url

    return link


INDICATORS = [
    ("A4_LAB_FORMATIVI", labs_held, _link("wellfare_lab:lab_list")),
    ("A4_GIORNATE_SEMINARIO", seminar_days, _link("wellfare_lab:session_list", kind=SessionKind.SEMINAR_DAY)),
    ("A4_ORE_FORMAZIONE", training_hours, _link("wellfare_lab:session_list")),
    ("A4_MANIFESTO", manifesto_status, _link("wellfare_lab:manifesto_list")),
] + [(code, _participants_of(category), _link("wellfare_lab:lab_list")) for code, category in PARTICIPANT_CODES.items()]


def participants_by_category(lab: TrainingLab) -> list[tuple[str, int]]:
    """Participants of one lab per category (the aggregate shown to readers who may not see names)."""
    counts = dict(lab.participants.values_list("category").annotate(n=Count("pk")).order_by())
    return [(c.label, counts[c.value]) for c in ParticipantCategory if counts.get(c.value)]


def panel_rows(user) -> dict:
    """The dashboard panel: labs and seminar days per year, people per category, hours, the Manifesto's state.

    A fixed number of queries (conditional aggregates), whatever the data.
    """
    years = ProjectYear.objects.in_order()
    labs, sessions = _scoped(TrainingLab, user), _scoped(Session, user)
    lab_counts, session_counts = {}, {"hours": Coalesce(Sum("hours"), Decimal("0"))}
    for year in years:
        in_year = Q(start_on__gte=year.start, start_on__lte=year.end)
        lab_counts[f"labs_{year.number}"] = Count("pk", filter=in_year)
        lab_counts[f"provincial_{year.number}"] = Count("pk", filter=in_year & Q(level=LabLevel.PROVINCIAL))
        session_counts[f"seminars_{year.number}"] = Count(
            "pk", filter=Q(kind=SessionKind.SEMINAR_DAY, date__gte=year.start, date__lte=year.end)
        )
    lab_totals = labs.aggregate(**lab_counts) if years else {}
    session_totals = sessions.aggregate(**session_counts)
    per_year = [
        {
            "year": year.number,
            "labs": lab_totals[f"labs_{year.number}"],
            "provincial": lab_totals[f"provincial_{year.number}"],
            "seminars": session_totals[f"seminars_{year.number}"],
        }
        for year in years
    ]
    people = Participant.objects.filter(pk__in=_scoped(Attendance, user).values("participant_id")).annotate(
        person=Lower(Trim("full_name"))
    )
    by_category = dict(
        people.values("category").annotate(n=Count("person", distinct=True)).values_list("category", "n").order_by()
    )
    return {
        "per_year": per_year,
        "categories": [(category.label, by_category.get(category.value, 0)) for category in PARTICIPANT_CODES.values()],
        "people": people.values("person").distinct().count(),
        "hours": Decimal(session_totals["hours"] or 0).quantize(Decimal("0.1")),
        "manifesto": manifesto_status(user=user),
    }


def reach(*, user, year=None, district_id=None) -> dict:
    """Reach of the training for the monitoring report: distinct participants (one person once across sessions and
    labs); training records no households (governance.monitoring.reach)."""
    return {"households": None, "people": distinct_participants(user=user, year=year, district_id=district_id)}
