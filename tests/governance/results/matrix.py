"""Authorisation matrix of the results framework (merged into MATRIX by tests/test_authorization_matrix.py).

The "Risultati" page and the indicators are read by every role with a scope (targets are the programme's own;
actuals are aggregates each app counts within the user's scope); a user with no role gets 403 on the page and 404
on records. Targets and manual values are written by the Direzione only: 403 for every other role in scope.
"""

from governance.models import Indicator, Target
from tests.factories import pdf_upload
from tests.governance.results.factories import ManualValueFactory
from tests.matrix import Case, statuses

READ = statuses(200, nobody=404)
DIREZIONE_WRITES = statuses(403, direzione=200, nobody=404)

MATRIX_RESULTS = {
    "governance:results": Case(statuses(200, nobody=403), rows={"indicator": READ}),
    "governance:indicator_detail": Case(READ, args=("indicator",)),
    "governance:target_create": Case(DIREZIONE_WRITES, args=("indicator",)),
    "governance:target_edit": Case(DIREZIONE_WRITES, args=("target",)),
    "governance:manual_value_create": Case(DIREZIONE_WRITES, args=("indicator",)),
    "governance:manual_value_edit": Case(DIREZIONE_WRITES, args=("manual_value",)),
    "governance:manual_value_document": Case(READ, args=("manual_value",)),
}


def results_world(request=None) -> dict:
    """A manual indicator of the seed (the share of subsidies through pacts), its year-3 target and a value with its
    source document. Built only for the cases of this file."""
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and str(callspec.params.get("name", "")) not in MATRIX_RESULTS:
        return {}
    indicator = Indicator.objects.get(code="A1_QUOTA_SUSSIDI")
    return {
        "indicator": indicator,
        "target": Target.objects.get(indicator=indicator, plan_version="original", project_year__number=3),
        "manual_value": ManualValueFactory(indicator=indicator, document=pdf_upload("relazione.pdf")),
    }
