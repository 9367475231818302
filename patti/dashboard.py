"""The numbers of Action 1 for one user: the `/patti/reports/` page, and the panel for governance's dashboard
registry (`governance.dashboard.Panel(context=panel_context, visible=panel_visible)`)."""

from __future__ import annotations

from django.urls import reverse

from governance.dashboard import Alert
from governance.enums import Role
from governance.results.selectors import targets_by_code
from governance.scoping import Scope, user_scope

from . import reports
from .enums import Attention
from .models import BusinessIdea, EmpowermentPath, Patto

AGGREGATE_READERS = frozenset({Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE, Role.FUNDRAISING,
                               Role.AMMINISTRAZIONE})  # fmt: skip


def panel_visible(scope: Scope) -> bool:
    """Programme-wide roles read the aggregates of every district; district staff those of their districts."""
    return scope.is_superuser or bool(scope.roles & AGGREGATE_READERS) and not scope.is_empty


def panel_context(*, request, reference) -> dict:
    scope = user_scope(request.user)
    if scope.programme_wide:
        patti, paths, ideas = Patto.objects.all(), EmpowermentPath.objects.all(), BusinessIdea.objects.all()
    else:
        user = request.user
        patti = Patto.objects.visible_to(user)
        paths, ideas = EmpowermentPath.objects.visible_to(user), BusinessIdea.objects.visible_to(user)
    targets = targets_by_code("A1_PATTI", "A1_EMPOWERMENT", "A1_IDEE")  # the results framework, one query
    years = reports.patti_signed_per_year(patti, targets=targets["A1_PATTI"])
    return {
        "years": years,
        "signed_total": sum(y.signed for y in years),
        "target_total": targets["A1_PATTI"].get((None, None)),
        "districts": [d for d in reports.patti_by_district(patti) if d.signed or scope.programme_wide],
        "active": reports.active_patti(patti),
        "budget": reports.personal_budgets(patti),
        "assessment": reports.average_assessment_change(patti),
        "review": patti.needing_review(reference).count(),
        "paths": reports.empowerment_paths_per_year(paths, targets=targets["A1_EMPOWERMENT"]),
        "ideas": reports.ideas_per_year(ideas, targets=targets["A1_IDEE"]),
        "can_open": scope.has_role(Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE),
    }


def pact_alerts(*, user, reference, year, district_id) -> list:
    """The dashboard's alert (governance.dashboard.register_alert): running pacts with no assessment for 6 months
    (`ASSESSMENT_INTERVAL_DAYS`) at the reference date, in the user's districts. One query."""
    scope = user_scope(user)
    patti = Patto.objects.all() if scope.programme_wide else Patto.objects.visible_to(user)
    if district_id is not None:
        patti = patti.filter(district_id=district_id)
    count = patti.needing_attention(Attention.VALUTAZIONE, reference).count()
    link = f"{reverse('patti:patto_list')}?attention={Attention.VALUTAZIONE}"
    if district_id is not None:
        link += f"&district={district_id}"
    text = f"{count} patti attivi senza una valutazione da oltre 6 mesi"
    return [Alert(key="patti-assessment", text=text, count=count, link=link)]
