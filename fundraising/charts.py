"""Server-rendered SVG bar charts of the fundraising report (no JavaScript; the same markup goes into the PDF).

Each chart is a horizontal grouped bar chart with a <title>, a <desc> that reads every value, and the values
written as text next to their bars, so that nothing is only in the picture."""

from __future__ import annotations

from decimal import Decimal

from governance.money import format_eur

WIDTH, LABEL_W, VALUE_W, BAR_H, GAP, PAD_TOP = 720, 190, 96, 11, 9, 30
BLUE, ORANGE, GREEN, GREY, RED = "#0066cc", "#995c00", "#008055", "#5c6f82", "#a61919"


def _text(value, money: bool) -> str:
    if value is None:
        return "—"
    return format_eur(value) if money else f"{value}"


def bar_chart(*, key: str, title: str, series: list[tuple[str, str]], rows: list[tuple[str, list]], money=True) -> dict:
    """Coordinates for `fundraising/_bar_chart.svg.html`: one group of bars (one per series) per row."""
    peak = max((v for _, values in rows for v in values if v), default=0)
    scale = Decimal(WIDTH - LABEL_W - VALUE_W) / Decimal(peak) if peak else Decimal(0)
    group_h = BAR_H * len(series) + GAP
    groups, summary = [], []
    for index, (label, values) in enumerate(rows):
        top = PAD_TOP + index * group_h
        bars = []
        for offset, ((name, colour), value) in enumerate(zip(series, values, strict=True)):
            width = (Decimal(value or 0) * scale).quantize(Decimal("0.1"))
            bars.append(
                {
                    "x": LABEL_W,
                    "y": top + offset * BAR_H,
                    "w": width,
                    "h": BAR_H - 1,
                    "text_x": LABEL_W + width + 4,
                    "text_y": top + offset * BAR_H + BAR_H - 2,
                    "colour": colour,
                    "text": _text(value, money),
                    "series": name,
                }
            )
        groups.append({"label": label, "y": top + (BAR_H * len(series)) / 2 + 4, "bars": bars})
        summary.append(f"{label}: " + ", ".join(f"{b['series'].lower()} {b['text']}" for b in bars))
    return {
        "id": f"chart-{key}",
        "title": title,
        "desc": "; ".join(summary) + "." if summary else "Nessun dato.",
        "width": WIDTH,
        "height": PAD_TOP + max(len(rows), 1) * group_h + 4,
        "label_x": LABEL_W - 6,
        "groups": groups,
        "legend": [
            {"label": name, "colour": colour, "x": LABEL_W + i * 130} for i, (name, colour) in enumerate(series)
        ],
    }


def report_charts(data: dict) -> list[dict]:
    """The charts of the report: raised vs target per year, by market and by channel, donors per year."""
    return [
        bar_chart(
            key="years",
            title="Raccolto per anno di progetto rispetto all'obiettivo",
            series=[("Raccolto", BLUE), ("Obiettivo", ORANGE)],
            rows=[(f"Anno {y.year}", [y.raised, y.target]) for y in data["years"]],
        ),
        bar_chart(
            key="markets",
            title="Raccolto e costi per mercato",
            series=[("Raccolto", BLUE), ("Costi", RED)],
            rows=[(r.label, [r.raised, r.costs]) for r in data["markets"]],
        ),
        bar_chart(
            key="channels",
            title="Raccolto e costi per canale",
            series=[("Raccolto", BLUE), ("Costi", RED)],
            rows=[(r.label, [r.raised, r.costs]) for r in data["channels"]],
        ),
        bar_chart(
            key="donors",
            title="Donatori nuovi, fidelizzati, riattivati e persi per anno",
            series=[("Nuovi", GREEN), ("Fidelizzati", BLUE), ("Riattivati", GREY), ("Persi", RED)],
            rows=[(f"Anno {r.year}", [r.new, r.retained, r.reactivated, r.lapsed]) for r in data["retention"]],
            money=False,
        ),
    ]
