"""Server-rendered SVG bar charts of a breakdown (no JavaScript; the same markup goes into the PDF)."""

from __future__ import annotations

from decimal import Decimal

from .reports import Breakdown

WIDTH, LABEL_W, BAR_H, GAP, PAD_TOP, PAD_RIGHT = 720, 230, 9, 10, 28, 90
SERIES = (
    ("planned", "Previsto", "#0066cc"),
    ("actual", "Consuntivo approvato", "#008055"),
    ("pending", "Presentato da approvare", "#995c00"),
)


def bar_chart(breakdown: Breakdown, *, title: str | None = None) -> dict:
    """Coordinates for `governance/budget/_bar_chart.svg.html`: one group of three bars per row."""
    peak = max((max(r.figures.planned, r.figures.actual, r.figures.pending) for r in breakdown.rows), default=0)
    scale = Decimal(WIDTH - LABEL_W - PAD_RIGHT) / peak if peak else Decimal(0)
    group_h = BAR_H * len(SERIES) + GAP
    groups = []
    for index, row in enumerate(breakdown.rows):
        top = PAD_TOP + index * group_h
        bars = []
        for offset, (attr, label, colour) in enumerate(SERIES):
            value: Decimal = getattr(row.figures, attr)
            bars.append(
                {
                    "x": LABEL_W,
                    "y": top + offset * BAR_H,
                    "w": (value * scale).quantize(Decimal("0.1")),
                    "h": BAR_H - 1,
                    "colour": colour,
                    "value": value,
                    "series": label,
                }
            )
        groups.append(
            {"label": " · ".join(row.labels), "y": top + BAR_H * 2, "bars": bars, "overspent": row.figures.overspent}
        )
    return {
        "id": f"chart-{breakdown.key}",
        "title": title or breakdown.title,
        "width": WIDTH,
        "height": PAD_TOP + len(breakdown.rows) * group_h + 6,
        "label_x": LABEL_W - 6,
        "groups": groups,
        "legend": [
            {"label": label, "colour": colour, "x": LABEL_W + i * 170} for i, (_, label, colour) in enumerate(SERIES)
        ],
    }
