"""Periodic assessments of a pact's empowerment on the programme's four dimensions, and their summary per pact.

`AssessmentSummary` keeps, per pact, what the worklist, the dashboard and the reports read (latest date, dimensions
fallen in the latest assessment, change since the first), so that they never look for each pact's first, latest and
previous assessment among all assessments. It is written in the same transaction as the assessments: the service
`patti.services.assessment_create` calls `summary_refresh`; bulk loads (demo seed, bench) call `summary_rebuild`,
which recomputes it in one SQL statement and may be run at any time to verify it.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .patti import ASSESSMENT_DIMENSIONS, Patto


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(patto__in=Patto.objects.visible_to(user))


def score_field(label):
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(1), MaxValueValidator(5)])


class Assessment(models.Model):
    """A periodic assessment of empowerment on the programme's four dimensions (1-5)."""

    patto = models.ForeignKey(Patto, on_delete=models.CASCADE, related_name="assessments")
    date = models.DateField("data")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="valutatore",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dynamism = score_field("dinamicità")
    resilience = score_field("resilienza")
    incisiveness = score_field("incisività delle azioni intraprese")
    planning = score_field("capacità di progettare il futuro")
    notes = models.TextField("note", blank=True)

    history = HistoricalRecords()
    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = "valutazione"
        verbose_name_plural = "valutazioni"
        # The latest assessments of a pact and "none since the cutoff" (worklist, dashboard alert) read this index.
        indexes = [models.Index(fields=["patto", "date"], name="assessment_patto_date")]
        constraints = [
            models.CheckConstraint(condition=Q(**{f"{d}__gte": 1}) & Q(**{f"{d}__lte": 5}), name=f"assessment_{d}_1_5")
            for d in ASSESSMENT_DIMENSIONS
        ]

    def __str__(self):
        return f"Valutazione del {self.date:%d/%m/%Y}"

    @property
    def scores(self) -> dict[str, int]:
        return {d: getattr(self, d) for d in ASSESSMENT_DIMENSIONS}

    @property
    def average(self) -> Decimal:
        return (Decimal(sum(self.scores.values())) / 4).quantize(Decimal("0.01"))


class AssessmentSummary(models.Model):
    """Derived from the assessments of one pact (none: no row). Not audited: a cache of the audited assessments,
    changed only by `summary_refresh` / `summary_rebuild` and rebuildable from them at any time."""

    patto = models.OneToOneField(Patto, on_delete=models.CASCADE, primary_key=True, related_name="assessment_summary")
    assessments = models.PositiveIntegerField("valutazioni")
    first_on = models.DateField("prima valutazione")
    last_on = models.DateField("ultima valutazione")
    fallen_dimensions = models.PositiveSmallIntegerField(
        "dimensioni in calo", help_text="Dimensioni con il punteggio dell'ultima valutazione sotto la precedente."
    )
    # Latest minus first score; null with fewer than two assessments.
    dynamism_change = models.SmallIntegerField("variazione della dinamicità", null=True)
    resilience_change = models.SmallIntegerField("variazione della resilienza", null=True)
    incisiveness_change = models.SmallIntegerField("variazione dell'incisività", null=True)
    planning_change = models.SmallIntegerField("variazione della capacità di progettare", null=True)

    class Meta:
        verbose_name = "sintesi delle valutazioni"
        verbose_name_plural = "sintesi delle valutazioni"
        constraints = [
            models.CheckConstraint(
                condition=Q(fallen_dimensions__lte=len(ASSESSMENT_DIMENSIONS)), name="assessment_summary_fallen_0_4"
            ),
        ]

    def __str__(self):
        return f"{self.patto_id}: {self.assessments} valutazioni, ultima del {self.last_on:%d/%m/%Y}"


def _summarise(where: str = "", params=()) -> None:
    """INSERT the summaries of the pacts whose assessments match `where` (an SQL condition on the assessment table,
    empty: all), in one statement. A pact's assessments are ordered by (date, id), as everywhere else: `latest` = 1
    is the latest, 2 the previous one, `earliest` = 1 the first."""

    def score(rank: str, dim: str) -> str:
        return f"MAX(CASE WHEN {rank} THEN {dim} END)"

    dims = ASSESSMENT_DIMENSIONS
    fallen = " + ".join(
        f"(CASE WHEN {score('latest = 1', d)} < {score('latest = 2', d)} THEN 1 ELSE 0 END)" for d in dims
    )
    changes = ", ".join(
        f"(CASE WHEN COUNT(*) >= 2 THEN {score('latest = 1', d)} - {score('earliest = 1', d)} END)" for d in dims
    )
    sql = (
        f"INSERT INTO {AssessmentSummary._meta.db_table} "  # noqa: S608 - table and column names are ours
        f"(patto_id, assessments, first_on, last_on, fallen_dimensions, {', '.join(f'{d}_change' for d in dims)}) "
        f"SELECT patto_id, COUNT(*), MIN(date), MAX(date), {fallen}, {changes} FROM ("
        f"SELECT patto_id, date, {', '.join(dims)}, "
        "ROW_NUMBER() OVER (PARTITION BY patto_id ORDER BY date DESC, id DESC) AS latest, "
        "ROW_NUMBER() OVER (PARTITION BY patto_id ORDER BY date, id) AS earliest "
        f"FROM {Assessment._meta.db_table}{f' WHERE {where}' if where else ''}) AS ranked GROUP BY patto_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def summary_refresh(patto_id: int) -> None:
    """Recompute one pact's summary from its assessments (a few rows, read through `assessment_patto_date`). Run it
    in the transaction that changed them, with the pact locked."""
    AssessmentSummary.objects.filter(patto_id=patto_id).delete()
    _summarise("patto_id = %s", [patto_id])


def summary_rebuild(patti=None) -> None:
    """Recompute the summaries of `patti` (a Patto queryset; default: every pact) from the assessments, in SQL."""
    if patti is None:
        AssessmentSummary.objects.all().delete()
        _summarise()
        return
    ids = patti.order_by().values("pk")
    AssessmentSummary.objects.filter(patto__in=ids).delete()
    sql, params = ids.query.sql_with_params()
    _summarise(f"patto_id IN ({sql})", params)
