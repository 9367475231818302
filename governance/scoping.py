"""Who sees what: one `Scope` per user, computed once per request, used by every `visible_to(user)`.

Fail closed: an anonymous user, or a user with no programme role, has an empty scope and sees nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps

from .enums import DISTRICT_ROLES, PROGRAMME_WIDE_ROLES, Role

IDENTITY_PERMISSION = "governance.view_identity"


@dataclass(frozen=True)
class Scope:
    roles: frozenset[str] = field(default_factory=frozenset)
    district_ids: frozenset[int] = field(default_factory=frozenset)
    organisation_id: int | None = None
    is_superuser: bool = False
    can_see_identity: bool = False

    @property
    def programme_wide(self) -> bool:
        """True for roles that read across all districts (and for superusers)."""
        return self.is_superuser or bool(self.roles & PROGRAMME_WIDE_ROLES)

    @property
    def district_scoped(self) -> bool:
        return bool(self.roles & DISTRICT_ROLES) and bool(self.district_ids)

    @property
    def is_empty(self) -> bool:
        return not (self.programme_wide or self.district_scoped or self.partner_org_id)

    @property
    def partner_org_id(self) -> int | None:
        return self.organisation_id if Role.PARTNER in self.roles else None

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or bool(self.roles & set(roles))

    def sees_district(self, district_id: int | None) -> bool:
        """Whether records of this district (None: provincial) are in scope for reading."""
        if self.programme_wide:
            return True
        if district_id is None:
            return self.district_scoped
        return self.district_scoped and district_id in self.district_ids

    def sees_identity_in(self, district_id: int | None) -> bool:
        """Identity of beneficiaries: only district-scoped users with the permission, in their districts."""
        return self.can_see_identity and district_id is not None and district_id in self.district_ids


EMPTY_SCOPE = Scope()


def user_scope(user) -> Scope:
    """The user's scope, cached on the user object for the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, "_wellfare_scope", None)
    if cached is not None:
        return cached
    # Through the app registry, not an import: governance.models imports this module.
    UserProfile = apps.get_model("governance", "UserProfile")  # noqa: N806
    roles = frozenset(user.groups.values_list("name", flat=True))
    profile = UserProfile.objects.filter(user=user).first()
    district_ids = frozenset(profile.districts.values_list("pk", flat=True)) if profile else frozenset()
    scope = Scope(
        roles=roles & set(Role.values),
        district_ids=district_ids,
        organisation_id=profile.organisation_id if profile else None,
        is_superuser=user.is_superuser,
        # Superusers administer the system; identity stays with the district staff (ARCHITECTURE.md).
        can_see_identity=(
            not user.is_superuser and bool(roles & DISTRICT_ROLES) and user.has_perm(IDENTITY_PERMISSION)
        ),
    )
    user._wellfare_scope = scope
    return scope
