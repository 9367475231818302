"""Users and roles for the system administrator: a searchable list and one form per user (role, organisation,
districts together). In the application rather than the Django admin so that the one form can check the role's
rules (districts for district roles, an organisation for a partner's referent) and write one audited change."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render

from ..accounts import account_save, can_manage_accounts, current_role, describe
from ..forms_accounts import AccountFilter, AccountForm
from ..models import District
from ..permissions import require
from .common import history_of, paginate


def _accounts():
    return (
        get_user_model()
        .objects.select_related("profile__organisation")
        .prefetch_related("groups", Prefetch("profile__districts", queryset=District.objects.order_by("name")))
        .order_by("username")
    )


@login_required
def account_list(request):
    require(can_manage_accounts(request.user))
    filterset = AccountFilter(request.GET, queryset=_accounts())
    page = paginate(request, filterset.qs.distinct())
    for account in page:
        account.role_label = current_role(account)
    return render(request, "governance/account_list.html", {"filter": filterset, "page": page})


@login_required
def account_create(request):
    return _account_form(request, get_user_model()())


@login_required
def account_edit(request, pk):
    require(can_manage_accounts(request.user))
    return _account_form(request, get_object_or_404(_accounts(), pk=pk))


def _account_form(request, account):
    require(can_manage_accounts(request.user))
    profile = getattr(account, "profile", None) if account.pk else None
    before = describe(account) if account.pk else {}
    form = AccountForm(
        request.POST or None,
        instance=account,
        role=current_role(account) if account.pk else "",
        organisation=profile.organisation if profile else None,
        districts=profile.districts.all() if profile else (),
        system_admin=before.get("Amministratore di sistema") == "sì",
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = account_save(
                account=form.save(commit=False),
                role=form.cleaned_data["role"],
                organisation=form.cleaned_data["organisation"],
                districts=form.cleaned_data["districts"],
                system_admin=form.cleaned_data["system_admin"],
                actor=request.user,
                before=before,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Utente {saved.username} salvato.")
            return redirect("governance:user_edit", pk=saved.pk)
    history = history_of(profile) if profile else []
    return render(request, "governance/account_form.html", {"form": form, "account": account, "history": history})
