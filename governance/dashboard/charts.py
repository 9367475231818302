"""Server-rendered SVG charts of the dashboard: no JavaScript, the same markup prints and goes into a PDF.

Accessible by construction (WCAG 1.1.1, 1.4.1): every chart is `<svg role="img">` with a `<title>` and a `<desc>`
that says the figures in words; every bar carries its value as visible text, and series are told apart by their
written label, not by colour alone. The functions return plain dicts of coordinates for
`governance/dashboard/_progress.svg.html` and `_bars.svg.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Colours of the design system with at least 3:1 contrast against white (WCAG 1.4.11).
BLUE, GREEN, AMBER, RED, TRACK = "#0066cc", "#008055", "#995c00", "#a61919", "#e6e9f2"


def percent(value: Decimal) -> str:
    """A share in Italian format: Decimal("55.1") → "55,1 %"."""
    return f"{str(value).replace('.', ',')} %"


def _share(value, target) -> Decimal | None:
    if value is None or not target:
        return None
    return (Decimal(value) * 100 / Decimal(target)).quantize(Decimal("1"))


def progress_bar(*, key: str, title: str, value, target, value_text: str, target_text: str) -> dict:
    """A progress bar toward a target: the bar stops at 100 % (the text says how far beyond)."""
    width, bar_x, bar_w = 320, 0, 200
    share = _share(value, target)
    filled = Decimal(0) if share is None else min(share, Decimal(100)) * bar_w / 100
    if share is None:
        summary = f"{value_text} (nessun obiettivo per questo periodo e ambito)"
    else:
        summary = f"{value_text} su {target_text}: {percent(share)}"
    return {
        "id": f"progress-{key}",
        "title": title,
        "desc": summary,
        "width": width,
        "height": 22,
        "bar_x": bar_x,
        "bar_w": bar_w,
        "filled": filled.quantize(Decimal("0.1")),
        "colour": GREEN if share is not None and share >= 100 else BLUE,
        "label": percent(share) if share is not None else "—",
        "label_x": bar_x + bar_w + 8,
    }


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class BarGroup:
    label: str
    values: dict[str, Decimal]  # series key -> value
    texts: dict[str, str]  # series key -> formatted value
    flagged: str = ""  # a word after the label ("sforamento"): the warning is written, not only red


def grouped_bars(*, key: str, title: str, desc: str, series: list[Series], groups: list[BarGroup]) -> dict:
    """Horizontal bars, one group per row and one bar per series, each bar labelled with its series and value."""
    width, label_h, bar_h, gap, series_w, value_w = 720, 16, 14, 10, 140, 130
    bars_x = series_w
    bars_w = width - series_w - value_w
    peak = max((v for g in groups for v in g.values.values()), default=Decimal(0))
    scale = Decimal(bars_w) / peak if peak else Decimal(0)
    rows, y = [], 0
    for group in groups:
        label_y = y + 12
        bars = []
        for index, s in enumerate(series):
            top = y + label_h + index * bar_h
            value = group.values.get(s.key, Decimal(0))
            w = (value * scale).quantize(Decimal("0.1"))
            bars.append(
                {
                    "series": s.label,
                    "colour": s.colour,
                    "y": top,
                    "text_y": top + bar_h - 3,
                    "w": w,
                    "text": group.texts.get(s.key, ""),
                    "text_x": bars_x + w + 6,
                }
            )
        rows.append({"label": group.label, "label_y": label_y, "flagged": group.flagged, "bars": bars})
        y += label_h + bar_h * len(series) + gap
    return {
        "id": f"chart-{key}",
        "title": title,
        "desc": desc,
        "width": width,
        "height": max(y, 20),
        "series_x": series_w - 6,
        "bars_x": bars_x,
        "bar_h": bar_h - 2,
        "rows": rows,
    }
