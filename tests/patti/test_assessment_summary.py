"""The assessment summary per pact (`AssessmentSummary`): counted by hand, kept by the service in step with the
assessments, equal to its rebuild, backfilled by the migration, and what the worklist and the reports read."""

import datetime as dt
import importlib
from decimal import Decimal

import pytest
from django.db import connection

from patti import reports, services
from patti.enums import Attention, PattoStatus
from patti.forms import AssessmentForm
from patti.models import Assessment, AssessmentSummary, Patto, summary_rebuild
from tests.patti.factories import AssessmentFactory, HouseholdFactory, district, signed_patto, writer_of

pytestmark = pytest.mark.django_db

REFERENCE = dt.date(2017, 6, 1)
DIMENSIONS = ("dynamism", "resilience", "incisiveness", "planning")
SUMMARY_FIELDS = ("patto_id", "assessments", "first_on", "last_on", "fallen_dimensions") + tuple(
    f"{d}_change" for d in DIMENSIONS
)


def scores(*values):
    return dict(zip(DIMENSIONS, values, strict=True))


def stored_summaries():
    return sorted(AssessmentSummary.objects.values_list(*SUMMARY_FIELDS))


@pytest.fixture
def pacts():
    """Hand-counted histories (date, scores), created out of date order where it matters."""
    three = signed_patto(status=PattoStatus.ATTIVO)  # first 2222, previous 5111, latest 4321
    AssessmentFactory(patto=three, date=dt.date(2016, 10, 1), **scores(2, 2, 2, 2))
    AssessmentFactory(patto=three, date=dt.date(2017, 5, 1), **scores(4, 3, 2, 1))
    AssessmentFactory(patto=three, date=dt.date(2017, 1, 1), **scores(5, 1, 1, 1))
    declining = signed_patto(status=PattoStatus.ATTIVO)  # first 1111, previous 4444, latest 3345
    AssessmentFactory(patto=declining, date=dt.date(2016, 10, 1), **scores(1, 1, 1, 1))
    AssessmentFactory(patto=declining, date=dt.date(2017, 1, 1), **scores(4, 4, 4, 4))
    AssessmentFactory(patto=declining, date=dt.date(2017, 4, 1), **scores(3, 3, 4, 5))
    # Two on the same day: the one recorded later is the latest; the earlier day is the first even if recorded last.
    same_day = signed_patto(status=PattoStatus.ATTIVO, household=HouseholdFactory(district=district("cremasco")))
    AssessmentFactory(patto=same_day, date=dt.date(2017, 3, 1), **scores(4, 4, 4, 4))
    AssessmentFactory(patto=same_day, date=dt.date(2017, 3, 1), **scores(3, 3, 3, 4))
    AssessmentFactory(patto=same_day, date=dt.date(2016, 11, 1), **scores(5, 5, 5, 5))
    once = signed_patto(status=PattoStatus.ATTIVO)
    AssessmentFactory(patto=once, date=dt.date(2017, 2, 1), **scores(3, 3, 3, 3))
    never = signed_patto(status=PattoStatus.ATTIVO)
    return {"three": three, "declining": declining, "same_day": same_day, "once": once, "never": never}


def test_the_summary_counts_fallen_dimensions_and_changes_by_hand(pacts):
    summary = {s.patto_id: s for s in AssessmentSummary.objects.all()}
    expected = {
        # name: (assessments, first, last, fallen, changes latest − first)
        "three": (3, dt.date(2016, 10, 1), dt.date(2017, 5, 1), 1, (2, 1, 0, -1)),
        "declining": (3, dt.date(2016, 10, 1), dt.date(2017, 4, 1), 2, (2, 2, 3, 4)),
        "same_day": (3, dt.date(2016, 11, 1), dt.date(2017, 3, 1), 3, (-2, -2, -2, -1)),
        "once": (1, dt.date(2017, 2, 1), dt.date(2017, 2, 1), 0, (None, None, None, None)),
    }
    for name, (count, first, last, fallen, changes) in expected.items():
        row = summary[pacts[name].pk]
        assert (row.assessments, row.first_on, row.last_on, row.fallen_dimensions) == (count, first, last, fallen)
        assert tuple(getattr(row, f"{d}_change") for d in DIMENSIONS) == changes, name
    assert pacts["never"].pk not in summary


def test_the_flags_read_the_summary_and_a_pact_never_assessed_has_none(pacts):
    flagged = {p.pk: p for p in Patto.objects.with_flags(REFERENCE)}
    fallen = {name: flagged[p.pk].fallen_dimensions for name, p in pacts.items()}
    assert fallen == {"three": 1, "declining": 2, "same_day": 3, "once": 0, "never": 0}
    assert flagged[pacts["never"].pk].last_assessed is None
    assert flagged[pacts["three"].pk].last_assessed == dt.date(2017, 5, 1)
    in_calo = set(Patto.objects.needing_attention(Attention.IN_CALO, REFERENCE))
    assert in_calo == {pacts["declining"], pacts["same_day"]}
    # "never" is running since September 2016 with no assessment: due at 1 June 2017 (more than 6 months).
    assert set(Patto.objects.needing_review(REFERENCE)) == {pacts["declining"], pacts["same_day"], pacts["never"]}


def test_a_concluded_pact_that_fell_is_not_in_calo(pacts):
    closed = signed_patto(status=PattoStatus.CONCLUSO)
    AssessmentFactory(patto=closed, date=dt.date(2016, 12, 1), **scores(4, 4, 4, 4))
    AssessmentFactory(patto=closed, date=dt.date(2017, 1, 1), **scores(1, 1, 1, 1))
    assert AssessmentSummary.objects.get(patto=closed).fallen_dimensions == 4
    assert closed not in set(Patto.objects.needing_attention(Attention.IN_CALO, REFERENCE))
    assert closed not in set(Patto.objects.needing_review(REFERENCE))


def test_average_change_over_the_pacts_assessed_twice_by_hand(pacts):
    change = reports.average_assessment_change()
    # three (2, 1, 0, -1), declining (2, 2, 3, 4), same_day (-2, -2, -2, -1); "once" and "never" are left out.
    assert change.patti_assessed == 3
    assert (change.dynamism, change.resilience, change.incisiveness, change.planning) == (
        Decimal("0.67"),
        Decimal("0.33"),
        Decimal("0.33"),
        Decimal("0.67"),
    )
    cremasco = reports.average_assessment_change(Patto.objects.filter(district__code="cremasco"))
    assert cremasco.patti_assessed == 1
    assert (cremasco.dynamism, cremasco.planning, cremasco.overall) == (
        Decimal("-2.00"),
        Decimal("-1.00"),
        Decimal("-1.75"),
    )


def assess(patto, day, values):
    form = AssessmentForm({"date": day.isoformat(), **scores(*values)})
    assert form.is_valid(), form.errors
    return services.assessment_create(form=form, patto=patto, user=writer_of(patto.district))


def test_the_service_keeps_every_summary_equal_to_its_rebuild():
    first, second, third = (signed_patto(status=PattoStatus.ATTIVO) for _ in range(3))
    history = [
        (first, dt.date(2016, 12, 1), (2, 2, 2, 2)),
        (second, dt.date(2017, 1, 15), (3, 3, 3, 3)),
        (first, dt.date(2017, 3, 1), (3, 2, 2, 2)),
        (third, dt.date(2017, 2, 1), (4, 4, 4, 4)),
        (second, dt.date(2016, 11, 1), (1, 5, 2, 3)),  # recorded late, dated before the first one
        (first, dt.date(2017, 3, 1), (1, 1, 3, 2)),  # same day as the previous one: the latest now
        (second, dt.date(2017, 4, 1), (2, 2, 2, 4)),
    ]
    for patto, day, values in history:
        assess(patto, day, values)
        kept = stored_summaries()
        summary_rebuild()
        assert kept == stored_summaries(), f"after the assessment of {day} on pact {patto.pk}"
    assert AssessmentSummary.objects.get(patto=first).fallen_dimensions == 2  # 3222 → 1132: dynamism, resilience
    assert AssessmentSummary.objects.get(patto=second).assessments == 3
    assert AssessmentSummary.objects.get(patto=second).dynamism_change == 1  # 1523 first, 2224 latest


def test_rebuilding_some_pacts_leaves_the_others_as_they_are(pacts):
    before = stored_summaries()
    Assessment.objects.filter(patto=pacts["three"], date=dt.date(2017, 5, 1)).update(dynamism=5)
    summary_rebuild(Patto.objects.filter(pk=pacts["declining"].pk))
    assert stored_summaries() == before  # "three" is not rebuilt: its summary still says dynamism fell
    summary_rebuild(Patto.objects.filter(pk__in=[pacts["three"].pk, pacts["once"].pk]))
    assert AssessmentSummary.objects.get(patto=pacts["three"]).fallen_dimensions == 0
    assert AssessmentSummary.objects.count() == len(before)


def test_the_migration_summarises_the_assessments_already_there(pacts):
    expected = stored_summaries()
    AssessmentSummary.objects.all().delete()  # assessments recorded before the summary existed
    migration = importlib.import_module("patti.migrations.0008_assessment_summary")
    with connection.cursor() as cursor:
        cursor.execute(migration.SUMMARISE_EXISTING)
    assert stored_summaries() == expected
    assert len(expected) == 4
