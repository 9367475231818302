"""The Django admin: for system administrators only, and even for them no identity, no service bypass, no deletion.

Programme roles work in the application's own screens, where the services enforce the rules (ARCHITECTURE.md,
"Access control"). The admin answers only superusers and members of the "Amministratore di sistema" group; anyone
else is sent to the admin login, which refuses them (403 when already logged in).

Every ModelAdmin of the project inherits `ScopedAdmin`, which, for every user:
- never shows, searches, filters or orders a model's private fields (`ADMIN_PRIVATE_FIELDS` on the model, e.g. a
  beneficiary's identity), and refuses any URL lookup that reaches one, through any relation (400);
- never deletes an audited record (no delete permission, no bulk delete action);
- never reverts a record from its history page (a revert would bypass the services);
- shows the history of a record only if the record itself is visible.
`ReadOnlyAdmin` is for records written only by services (statuses, ledger postings, pacts…): view only.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from .enums import SYSTEM_ADMIN_GROUP


def is_system_admin(user) -> bool:
    """Superusers and members of the "Amministratore di sistema" group (active): the only users of the admin."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_wellfare_system_admin", None)
    if cached is None:
        cached = user.groups.filter(name=SYSTEM_ADMIN_GROUP).exists()
        user._wellfare_system_admin = cached
    return cached


class SystemAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin login accepts system administrators only (not `is_staff`: programme roles are never staff)."""

    def confirm_login_allowed(self, user):
        if not user.is_active or not is_system_admin(user):
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


class SystemAdminSite(admin.AdminSite):
    site_header = "Wel(l)Fare Legami – amministrazione di sistema"
    site_title = "Wel(l)Fare Legami"
    login_form = SystemAdminAuthenticationForm

    def has_permission(self, request):
        return is_system_admin(request.user)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied("L'amministrazione di sistema è riservata agli amministratori di sistema.")
        return super().login(request, extra_context)


def private_fields_of(model) -> frozenset[str]:
    return frozenset(getattr(model, "ADMIN_PRIVATE_FIELDS", ()))


def reaches_private_field(model, path: str) -> bool:
    """Whether a lookup path (`household__tax_code__startswith`, `members__first_name`…) touches a private field
    of any model it crosses."""
    for part in path.lstrip("-").split(LOOKUP_SEP):
        if part in private_fields_of(model):
            return True
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if not field.is_relation or field.related_model is None:
            return False
        model = field.related_model
    return False


def _public(model, names):
    result = []
    for name in names or ():
        path = name[0] if isinstance(name, list | tuple) else name
        if isinstance(path, str) and reaches_private_field(model, path):
            continue
        result.append(name)
    return result


def is_audited(model) -> bool:
    return bool(getattr(model._meta, "simple_history_manager_attribute", None))


class ScopedAdmin(SimpleHistoryAdmin):
    """The base of every ModelAdmin of the project (see the module docstring)."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_system_admin(request.user) or not hasattr(queryset, "visible_to"):
            return queryset
        return queryset.visible_to(request.user)  # defence in depth: only system administrators get here

    # --- Private fields: never shown, searched, filtered or ordered -------------------------------------------

    def lookup_allowed(self, lookup, value, request=None):
        if reaches_private_field(self.model, lookup):
            return False  # the changelist answers 400 (DisallowedModelAdminLookup)
        return super().lookup_allowed(lookup, value, request)

    def get_search_fields(self, request):
        return _public(self.model, super().get_search_fields(request))

    def get_list_filter(self, request):
        return _public(self.model, super().get_list_filter(request))

    def get_list_display(self, request):
        return _public(self.model, super().get_list_display(request))

    def get_sortable_by(self, request):
        return _public(self.model, super().get_sortable_by(request))

    def get_ordering(self, request):
        return _public(self.model, super().get_ordering(request))

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or ()), *sorted(private_fields_of(self.model))]

    def get_readonly_fields(self, request, obj=None):
        return _public(self.model, super().get_readonly_fields(request, obj))

    def get_fields(self, request, obj=None):
        return _public(self.model, super().get_fields(request, obj))

    # --- Audited records are never deleted; history never reverts ---------------------------------------------

    def has_delete_permission(self, request, obj=None):
        return not is_audited(self.model) and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if is_audited(self.model):
            actions.pop("delete_selected", None)
        return actions

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            if is_audited(inline.model):
                inline.can_delete = False  # not through an inline either
        return inlines

    def history_view(self, request, object_id, extra_context=None):
        if not is_audited(self.model) or not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404  # no history of a record that is not visible (or no longer exists)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied  # a revert would bypass the services that own the record
        if not is_audited(self.model) or not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyAdmin(ScopedAdmin):
    """Records written only by the application's services: the admin shows them and changes nothing."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
