"""The business ideas' workflow: submitted → selected → business plan validated → started | dropped."""

import pytest
from django.core.exceptions import ValidationError

from patti import services
from patti.enums import IDEA_TRANSITIONS, IdeaStatus
from tests.patti.factories import BusinessIdeaFactory

pytestmark = pytest.mark.django_db

S = IdeaStatus
# Written out here, independently of the code, so that a changed transition table fails a test. Lists, not sets:
# xdist workers must collect the parametrised cases in the same order.
EXPECTED = {
    S.SUBMITTED: [S.SELECTED, S.DROPPED],
    S.SELECTED: [S.PLAN_VALIDATED, S.DROPPED],
    S.PLAN_VALIDATED: [S.STARTED, S.DROPPED],
    S.STARTED: [],
    S.DROPPED: [],
}
ALLOWED = [(current, target) for current, targets in EXPECTED.items() for target in targets]
FORBIDDEN = [(current, target) for current in S for target in S if target not in EXPECTED[current]]


def test_the_transition_table_is_the_programmes():
    assert {k: set(v) for k, v in IDEA_TRANSITIONS.items()} == {k: set(v) for k, v in EXPECTED.items()}


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_allowed_transitions_are_saved_with_history(coordinatore, current, target):
    idea = BusinessIdeaFactory(status=current)
    services.idea_transition(idea=idea, to_status=target, user=coordinatore)
    idea.refresh_from_db()
    assert idea.status == target
    assert idea.history.first().history_user == coordinatore


@pytest.mark.parametrize(("current", "target"), FORBIDDEN)
def test_forbidden_transitions_are_refused_and_change_nothing(coordinatore, current, target):
    idea = BusinessIdeaFactory(status=current)
    with pytest.raises(ValidationError, match="non può passare"):
        services.idea_transition(idea=idea, to_status=target, user=coordinatore)
    idea.refresh_from_db()
    assert idea.status == current
