"""Italian error pages (templates 403.html, 404.html, 500.html extend the base layout)."""

from django.shortcuts import render
from django.template.loader import get_template


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database work here: the failure may be the database itself.
    from django.http import HttpResponseServerError

    request_id = getattr(request, "request_id", "")  # governance.request_log: the id of this request's log line
    return HttpResponseServerError(get_template("500.html").render({"request_id": request_id}))
