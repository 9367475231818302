"""The assessments' trend as a server-rendered SVG (no JavaScript, readable on paper and by screen readers)."""

from __future__ import annotations

from .models import ASSESSMENT_DIMENSIONS, Assessment

# PAD_RIGHT leaves room for half of the last date label, centred on the last point (8 characters of 11 units).
WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 640, 240, 40, 32, 15, 40
SERIES = {
    "dynamism": ("Dinamicità", "#0066cc"),
    "resilience": ("Resilienza", "#008055"),
    "incisiveness": ("Incisività delle azioni", "#cc334d"),
    "planning": ("Capacità di progettare il futuro", "#995c00"),
}


def assessment_trend(assessments: list[Assessment]) -> dict | None:
    """Coordinates for the template `patti/_trend.svg.html`: one polyline per dimension, scale 1-5."""
    if not assessments:
        return None
    count = len(assessments)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(i):
        return PAD_LEFT + (inner_w * i / (count - 1) if count > 1 else inner_w / 2)

    def y(score):
        return PAD_TOP + inner_h * (5 - score) / 4

    series = []
    for dim in ASSESSMENT_DIMENSIONS:
        label, colour = SERIES[dim]
        points = [(round(x(i), 1), round(y(getattr(a, dim)), 1)) for i, a in enumerate(assessments)]
        series.append(
            {
                "label": label,
                "colour": colour,
                "points": " ".join(f"{px},{py}" for px, py in points),
                "dots": points,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "series": series,
        "grid": [{"score": s, "y": round(y(s), 1)} for s in range(1, 6)],
        "x_labels": [{"x": round(x(i), 1), "label": a.date.strftime("%d/%m/%y")} for i, a in enumerate(assessments)],
        "left": PAD_LEFT,
        "right": WIDTH - PAD_RIGHT,
        "label_y": HEIGHT - PAD_BOTTOM + 18,
    }
