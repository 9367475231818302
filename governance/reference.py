"""The reference date of "overdue" and "behind schedule": today capped at the programme's end, user-changeable."""

import datetime as dt

from .models import reference_date_default

SESSION_KEY = "reference_date"


def reference_date(request) -> dt.date:
    value = request.session.get(SESSION_KEY)
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            request.session.pop(SESSION_KEY, None)
    return reference_date_default()


def set_reference_date(request, value: dt.date | None) -> None:
    if value is None:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = value.isoformat()
