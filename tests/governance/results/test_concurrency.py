"""Two people saving the same target at once: the database's partial unique index keeps one (PostgreSQL)."""

import threading
import time
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from governance.models import Indicator, Target
from governance.results import services

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two PostgreSQL connections"),
]


def test_simultaneous_duplicate_targets_are_refused_in_italian(direzione):
    indicator = Indicator.objects.get(code="A1_QUOTA_SUSSIDI")  # no revised target for the triennium yet
    barrier = threading.Barrier(2)
    outcomes = []

    def slow_validation(*args, **kwargs):
        time.sleep(0.5)  # both requests pass validation before either has written: only the index can refuse

    def save():
        try:
            barrier.wait()
            services.target_save(
                indicator=indicator, plan_version="revised", project_year=None, district=None, value=Decimal("30"),
                source="Verbale della Direzione", user=direzione,
            )  # fmt: skip
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    with mock.patch.object(Target, "validate_constraints", side_effect=slow_validation):
        threads = [threading.Thread(target=save) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert outcomes.count("saved") == 1, outcomes
    assert any(o.startswith("Esiste già un obiettivo") for o in outcomes), outcomes
    assert Target.objects.filter(indicator=indicator, plan_version="revised").count() == 1
