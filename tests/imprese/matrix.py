"""Authorisation matrix of Action 2/B (merged into MATRIX by tests/test_authorization_matrix.py).

Company pacts are read by the Direzione (every district) and by the Ufficio di Piano and Coordinatore of the pact's
district, written only by the latter. Everyone else — Fundraising, Amministrazione, Partner, a user with no role —
gets 404 everywhere, the list included (the app does not exist for them).
"""

import datetime as dt
from decimal import Decimal

from imprese import services
from imprese.enums import PactStage
from imprese.models import DisseminationAction, WelfarePackage
from tests.imprese.factories import (
    IndicatorFactory,
    PattoImpresaFactory,
    TrainingFactory,
    district,
    ledger_lines_2b,
    pact_at,
    writer,
)
from tests.matrix import Case, statuses

WRITERS = {"udp_cremonese": 200, "udp_cremasco": 200, "udp_casalasco": 200, "coordinatore": 200}
READ = statuses(404, direzione=200, udp_cremonese=200, coordinatore=200)
LIST = statuses(404, direzione=200, **WRITERS)
CREATE = statuses(404, direzione=403, **WRITERS)
WRITE = statuses(404, direzione=403, udp_cremonese=200, coordinatore=200)
WRITE_POST = statuses(404, direzione=403, udp_cremonese=302, coordinatore=302)

MATRIX_IMPRESE = {
    "imprese:pact_list": Case(
        LIST, rows={"company_pact": READ, "company_pact_cremasco": statuses(404, direzione=200, udp_cremasco=200)}
    ),
    "imprese:pact_create": Case(CREATE),
    "imprese:pact_detail": Case(READ, args=("company_pact",)),
    "imprese:pact_edit": Case(WRITE, args=("company_pact",)),
    "imprese:pact_transition": Case(WRITE_POST, method="post", args=("company_pact",)),
    "imprese:payment_create": Case(WRITE, args=("company_pact",)),
    "imprese:payment_cancel": Case(WRITE_POST, method="post", args=("company_pact", "company_payment")),
    "imprese:questionnaire_create": Case(WRITE, args=("company_pact",)),
    "imprese:training_create": Case(WRITE_POST, method="post", args=("company_pact",)),
    "imprese:indicator_create": Case(WRITE_POST, method="post", args=("company_pact",)),
    "imprese:package_create": Case(WRITE_POST, method="post", args=("company_pact",)),
    "imprese:dissemination_create": Case(WRITE_POST, method="post", args=("company_pact",)),
    "imprese:training_edit": Case(WRITE, args=("company_pact", "company_training")),
    "imprese:indicator_edit": Case(WRITE, args=("company_pact", "company_indicator")),
    "imprese:package_edit": Case(WRITE, args=("company_pact", "company_package")),
    "imprese:dissemination_edit": Case(WRITE, args=("company_pact", "company_dissemination")),
}


def imprese_world(request=None) -> dict:
    """An active Cremonese company pact with a payment; built only for this app's matrix cases."""
    callspec = getattr(getattr(request, "node", None), "callspec", None)
    if callspec is not None and not str(callspec.params.get("name", "")).startswith("imprese:"):
        return {}
    ledger_lines_2b()
    pact = pact_at(PactStage.ACTIVE)
    payment = services.payment_create(
        pact=pact,
        date=dt.date(2016, 11, 1),
        amount=Decimal("500.00"),
        funding_source="cariplo",
        purpose="Acconto",
        user=writer(),
    )
    return {
        "company_pact": pact,
        "company_pact_cremasco": PattoImpresaFactory(district=district("cremasco")),
        "company_payment": payment,
        "company_training": TrainingFactory(pact=pact),
        "company_indicator": IndicatorFactory(pact=pact),
        "company_package": WelfarePackage.objects.create(pact=pact, title="Conciliazione", territorial_services="Nidi"),
        "company_dissemination": DisseminationAction.objects.create(
            pact=pact, date=dt.date(2016, 12, 1), kind="event", title="Presentazione"
        ),
    }
