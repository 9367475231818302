"""Reads shared by the laboratori views: scoped querysets and the per-page money (queries do not grow with rows)."""

from __future__ import annotations

from django.db.models import Prefetch, Q, prefetch_related_objects

from governance.money import as_money, money_sum

from .models import FundraisingActivity, LabMeeting, Laboratorio, LabPayment, LabPerson, SelfAssessment


def lab_list_queryset(user):
    return Laboratorio.objects.visible_to(user).select_related("district", "activation_year", "implementing_body")


def annotate_page(page):
    """Paid amount for the rows of one page only, so that counting the list stays a plain COUNT."""
    ids = [lab.pk for lab in page.object_list]
    paid = dict(
        LabPayment.objects.active()
        .filter(lab_id__in=ids)
        .values("lab_id")
        .annotate(total=money_sum("amount"))
        .order_by()
        .values_list("lab_id", "total")
    )
    for lab in page.object_list:
        lab.paid = as_money(paid.get(lab.pk))
    return page


def lab_detail_queryset(user):
    return Laboratorio.objects.visible_to(user).select_related(
        "district", "activation_year", "implementing_body", "created_by"
    )


def lab_related(lab: Laboratorio) -> Laboratorio:
    """People, plan, assessments, meetings, payments and fundraising of one lab (a fixed number of queries)."""
    prefetch_related_objects(
        [lab],
        Prefetch("people", queryset=LabPerson.objects.select_related("user", "organisation")),
        "plan",
        Prefetch("assessments", queryset=SelfAssessment.objects.order_by("date", "pk")),
        Prefetch("meetings", queryset=LabMeeting.objects.prefetch_related("organisations").order_by("-date", "-pk")),
        Prefetch("payments", queryset=LabPayment.objects.select_related("cancelled_by").order_by("date", "pk")),
        Prefetch("fundraising", queryset=FundraisingActivity.objects.order_by("date", "pk")),
    )
    return lab


def lab_money(lab: Laboratorio) -> dict:
    """Budget, paid, remaining, and the fundraising target and raised (sums in SQL)."""
    paid = as_money(lab.payments.active().aggregate(total=money_sum("amount"))["total"])
    raised = lab.fundraising.aggregate(
        target=money_sum("target_amount", filter=~Q(status="cancelled")),
        raised=money_sum("raised_amount", filter=~Q(status="cancelled")),
    )
    return {
        "budget": as_money(lab.budget),
        "paid": paid,
        "remaining": as_money(lab.budget) - paid,
        "fundraising_target": as_money(raised["target"]),
        "fundraising_raised": as_money(raised["raised"]),
    }
