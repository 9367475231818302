"""A body's quorum rule: the seed gives none, so the application's rule is shown as such and editable per body."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .. import permissions
from ..models import GovernanceBody


class QuorumForm(forms.ModelForm):
    class Meta:
        model = GovernanceBody
        fields = ["quorum_rule"]
        labels = {"quorum_rule": "Regola del quorum"}


@login_required
@require_POST
def body_quorum(request, pk):
    body = get_object_or_404(GovernanceBody.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_manage_meetings_of(request.user, body))
    form = QuorumForm(request.POST, instance=body)
    if form.is_valid():
        body = form.save(commit=False)
        body._history_user = request.user
        body._change_reason = "Regola del quorum modificata"
        body.save()
        messages.success(request, f"Quorum di «{body.name}»: {body.get_quorum_rule_display().lower()}.")
    else:
        messages.error(request, "Regola del quorum non valida: scegliere una delle regole proposte.")
    return redirect(body)
