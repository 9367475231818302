"""The business ideas' workflow: submitted → selected → business plan validated → started | dropped."""

import pytest
from django.core.exceptions import ValidationError

from patti import services
from patti.enums import IDEA_TRANSITIONS, IdeaStatus
from tests.patti.factories import BusinessIdeaFactory

pytestmark = pytest.mark.django_db

ALLOWED = [(current, target) for current, targets in IDEA_TRANSITIONS.items() for target in targets]
FORBIDDEN = [
    (current, target) for current in IdeaStatus for target in IdeaStatus if target not in IDEA_TRANSITIONS[current]
]


def test_the_workflow_is_the_programmes():
    assert IDEA_TRANSITIONS[IdeaStatus.SUBMITTED] == {IdeaStatus.SELECTED, IdeaStatus.DROPPED}
    assert IDEA_TRANSITIONS[IdeaStatus.STARTED] == set() and IDEA_TRANSITIONS[IdeaStatus.DROPPED] == set()


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
