"""Navigation entries shown only to the roles that may use them."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .budget.permissions import can_read_budget
from .enums import Role
from .scoping import user_scope


def navigation(request):
    scope = user_scope(getattr(request, "user", None))
    if scope.is_empty:
        return {"nav_items": [], "scope": scope}
    items = [
        (_("Cruscotto"), reverse("home")),
        (_("Organismi"), reverse("governance:body_list")),
        (_("Incontri"), reverse("governance:meeting_list")),
        (_("Decisioni"), reverse("governance:decision_list")),
        (_("Organizzazioni"), reverse("governance:organisation_list")),
    ]
    if scope.has_role(Role.DIREZIONE, Role.UFFICIO_DI_PIANO, Role.COORDINATORE):
        items.insert(1, (_("Patti"), reverse("patti:patto_list")))  # Action 1: who reads pacts (patti/permissions.py)
    if can_read_budget(request.user):
        items += [(_("Budget"), reverse("governance:budget_report")), (_("Spese"), reverse("governance:expense_list"))]
    path = request.path
    nav = [
        {"label": label, "url": url, "active": path == url or (url != "/" and path.startswith(url))}
        for label, url in items
    ]
    return {"nav_items": nav, "scope": scope}
