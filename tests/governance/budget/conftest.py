"""Fixtures of the budget tests: the illustrative demo allocation with its expenses."""

import io

import pytest

from governance.budget.demo import seed_demo_budget


@pytest.fixture
def demo_budget(db):
    """The demo allocation on the active plan (€ 3,014,748) and its demo expenses."""
    seed_demo_budget(stdout=io.StringIO())
