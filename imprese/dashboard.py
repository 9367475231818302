"""The Action 2/B panel of governance's dashboard registry: figures from imprese/reports.py, scoped to the user."""

from __future__ import annotations

from . import reports


def panel_context(*, request, reference) -> dict:
    return {"summary": reports.summary(user=request.user)}
