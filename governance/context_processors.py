"""Navigation entries shown only to the roles that may use them (the registry in governance/navigation.py)."""

from .navigation import nav_entries_for
from .scoping import user_scope


def navigation(request):
    scope = user_scope(getattr(request, "user", None))
    if scope.is_empty:
        return {"nav_items": [], "scope": scope}
    return {"nav_items": nav_entries_for(request), "scope": scope}
