"""The self-assessment trend as a server-rendered SVG (no JavaScript, readable on paper and by screen readers):
PR, RE and RI on the 1-5 scale, and the product LAB = PR × RE × RI on its own 1-125 scale."""

from __future__ import annotations

from .models import SelfAssessment

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 640, 240, 40, 44, 15, 40
SERIES = {
    "pr": ("PR – rappresentazione del problema", "#0066cc"),
    "re": ("RE – relazioni", "#008055"),
    "ri": ("RI – risorse", "#cc334d"),
}
PRODUCT = ("LAB = PR × RE × RI (scala a destra, 1–125)", "#5c2d91")


def assessment_trend(assessments: list[SelfAssessment]) -> dict | None:
    """Coordinates for the template `laboratori/_trend.html`; None when there is nothing to draw."""
    if not assessments:
        return None
    count = len(assessments)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(i):
        return PAD_LEFT + (inner_w * i / (count - 1) if count > 1 else inner_w / 2)

    def y(score, top=5):
        return PAD_TOP + inner_h * (top - score) / (top - 1)

    def line(values, top=5):
        points = [(round(x(i), 1), round(y(v, top), 1)) for i, v in enumerate(values)]
        return " ".join(f"{px},{py}" for px, py in points), points

    series = []
    for name, (label, colour) in SERIES.items():
        points, dots = line([getattr(a, name) for a in assessments])
        series.append({"label": label, "colour": colour, "points": points, "dots": dots, "dashed": False})
    points, dots = line([a.product for a in assessments], top=125)
    series.append({"label": PRODUCT[0], "colour": PRODUCT[1], "points": points, "dots": dots, "dashed": True})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "series": series,
        "grid": [{"score": s, "product": 1 + (s - 1) * 31, "y": round(y(s), 1)} for s in range(1, 6)],
        "x_labels": [{"x": round(x(i), 1), "label": a.date.strftime("%d/%m/%y")} for i, a in enumerate(assessments)],
        "left": PAD_LEFT,
        "right": WIDTH - PAD_RIGHT,
        "right_label_x": WIDTH - PAD_RIGHT + 6,
        "label_y": HEIGHT - PAD_BOTTOM + 18,
    }
