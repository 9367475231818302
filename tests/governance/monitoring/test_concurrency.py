"""Two Direzione users submitting the same year's report at the same moment: one frozen version, the other told so
in Italian (PostgreSQL: real row locks)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from governance.models import MonitoringReport, ProjectYear
from governance.models.monitoring import SUBMITTED_IS_FROZEN
from governance.monitoring import services
from tests.concurrency import simultaneously

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SELECT … FOR UPDATE)"),
]


def test_two_simultaneous_first_submissions_freeze_one_report(transactional_db):  # reloads the reference data
    direzione = get_user_model().objects.get(username="direzione")
    year = ProjectYear.objects.get(number=2)

    def submit():
        services.report_submit(project_year=year, user=direzione, reference=dt.date(2017, 5, 31))

    outcomes = simultaneously(submit, slow=(services, "monitoring_tables"))
    assert sorted(outcomes) == sorted(["paid", str(SUBMITTED_IS_FROZEN)]), outcomes
    assert MonitoringReport.objects.get().history.filter(history_change_reason="Relazione inviata").count() == 1
