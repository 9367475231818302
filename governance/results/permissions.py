"""Who may read and write the results framework (ARCHITECTURE.md, "Who may do what").

Reading: every role with a scope (targets are the programme's own commitments; the actuals are aggregates, each
counted by its app within what the user may see). Writing targets and manual values: the Direzione di progetto.
"""

from __future__ import annotations

from ..enums import Role
from ..scoping import user_scope


def can_read_results(user) -> bool:
    return not user_scope(user).is_empty


def can_manage_results(user) -> bool:
    """Targets and manual indicator values are the Direzione's (superusers administer the system too)."""
    return user_scope(user).has_role(Role.DIREZIONE)
