"""What a role may do with the budget, beyond what it may see (reading: `visible_to(user)`, out of scope → 404).

Staff Amministrazione (and superusers) manage plans, lines, imports and approve or reject expenses; a partner
referent enters and submits expenses on its own organisation's lines. Everyone else in scope only reads (→ 403).
"""

from __future__ import annotations

from ..enums import Role
from ..scoping import user_scope


def can_read_budget(user) -> bool:
    """Roles that have budget pages at all (the lines they see are still scoped)."""
    scope = user_scope(user)
    return scope.has_role(Role.DIREZIONE, Role.AMMINISTRAZIONE) or bool(
        (Role.UFFICIO_DI_PIANO in scope.roles and scope.district_ids) or scope.partner_org_id
    )


def can_manage_budget(user) -> bool:
    """Plans, lines, imports and expense approval: Staff Amministrazione."""
    return user_scope(user).has_role(Role.AMMINISTRAZIONE)


def can_enter_expenses(user) -> bool:
    scope = user_scope(user)
    return scope.has_role(Role.AMMINISTRAZIONE) or bool(scope.partner_org_id)


def can_enter_expense_on(user, line) -> bool:
    """Staff Amministrazione on any line; a partner referent on its own organisation's lines."""
    scope = user_scope(user)
    if scope.has_role(Role.AMMINISTRAZIONE):
        return True
    return bool(scope.partner_org_id) and line.partner_id == scope.partner_org_id


def can_approve_expenses(user) -> bool:
    return can_manage_budget(user)


def can_attach_to(user, expense) -> bool:
    """Documents are added by who enters expenses on the line, while the expense accepts them."""
    return expense.accepts_attachments and can_enter_expense_on(user, expense.line)
