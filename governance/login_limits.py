"""Login-failure limits: per username (django-axes, as before) and per client address (password spraying).

The lockout is per username on purpose: one municipal office shares one public address, and colleagues' typos must
not lock each other out. But an attacker trying one password across many usernames from one address never hits a
username's limit; so failures are also counted per address over the same cool-off window, against a much higher
limit (AXES_ADDRESS_FAILURE_LIMIT, default 30 in 15 minutes) that an office never reaches by mistake.

Counters are axes' `AccessAttempt` rows in the database, shared by every app server behind the load balancer.
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind our reverse proxy (BEHIND_PROXY=1) the `X-Real-IP` header that
    nginx sets from the connection (it overwrites whatever the client sent)."""
    if settings.SECURE_PROXY_SSL_HEADER and request.META.get("HTTP_X_REAL_IP"):
        return request.META["HTTP_X_REAL_IP"].strip()[:45]
    return request.META.get("REMOTE_ADDR")


def address_failures(request) -> int:
    """Failed logins from the request's address within the cool-off window, whatever the username."""
    ip = getattr(request, "axes_ip_address", None) or client_ip(request)
    if not ip:
        return 0
    attempts = AccessAttempt.objects.filter(ip_address=ip, attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class UsernameAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler plus the per-address limit."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or address_failures(request) >= (
            settings.AXES_ADDRESS_FAILURE_LIMIT
        )

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send("axes", request=request, username=None, ip_address=request.axes_ip_address)
