"""The radar chart of a scan result, drawn on the server as accessible inline SVG (the same markup in
the page and in the PDF report; no JavaScript). Pure: numbers in, markup out."""

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .scoring import round_score

WIDTH = 720
HEIGHT = 560
CENTRE_X = WIDTH / 2
CENTRE_Y = 272
RADIUS = 170
RINGS = (20, 40, 60, 80, 100)
LABEL_GAP = 20
LABEL_WIDTH = 20  # characters per line of an axis label
LINE_HEIGHT = 18

BLUE = "#1d4f8c"
ORANGE = "#a94700"
GRID = "#c9ced8"
INK = "#1c2330"
MUTED = "#4a5363"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"


@dataclass(frozen=True)
class RadarAxis:
    label: str
    score: float | None  # 0–100; None when there is no score
    previous: float | None = None


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    # The first axis points straight up; the others follow clockwise.
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * max(0.0, min(value, 100.0)) / 100
    return CENTRE_X + distance * math.cos(angle), CENTRE_Y + distance * math.sin(angle)


def _fmt(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _points(values: Sequence[float]) -> str:
    return " ".join(
        f"{_fmt(x)},{_fmt(y)}" for x, y in (_point(i, len(values), v) for i, v in enumerate(values))
    )


def _label(index: int, count: int, axis: RadarAxis) -> str:
    """The axis name, wrapped, with the score in bold below it (beside the points it would collide
    with the names at the rim)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    cos, sin = math.cos(angle), math.sin(angle)
    x = CENTRE_X + (RADIUS + LABEL_GAP) * cos
    y = CENTRE_Y + (RADIUS + LABEL_GAP) * sin
    anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
    lines = textwrap.wrap(axis.label, LABEL_WIDTH, break_long_words=False) or [""]
    total = len(lines) + 1
    if sin < -0.3:  # above the centre: the text grows upwards
        first_y = y - (total - 1) * LINE_HEIGHT
    elif sin > 0.3:  # below: downwards
        first_y = y + LINE_HEIGHT * 0.8
    else:
        first_y = y - (total - 1) * LINE_HEIGHT / 2 + 5
    spans = [
        f'<tspan x="{_fmt(x)}" y="{_fmt(first_y + n * LINE_HEIGHT)}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    ]
    score = "–" if axis.score is None else str(round_score(axis.score))
    spans.append(
        f'<tspan x="{_fmt(x)}" y="{_fmt(first_y + len(lines) * LINE_HEIGHT)}" font-weight="700" '
        f'fill="{BLUE}" class="radar-chart__value">{score}</tspan>'
    )
    return f'<text text-anchor="{anchor}" font-size="15" fill="{INK}">{"".join(spans)}</text>'


def radar_chart_svg(
    *,
    axes: Sequence[RadarAxis],
    title: str,
    description: str,
    chart_id: str = "radar",
    current_label: str = "",
    previous_label: str = "",
) -> SafeString:
    """An SVG radar chart with one axis per factor (0 in the centre, 100 at the rim). The scores are
    printed under the axis names; a previous scan, when given, is drawn dashed. `title` and
    `description` name and describe the chart for screen readers (give the numbers in `description`
    or in a table beside it)."""
    count = len(axes)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="{title_id} {desc_id}" class="radar-chart" '
        f'font-family="{escape(FONT)}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    if count >= 3:
        for ring in RINGS:
            parts.append(
                f'<polygon points="{_points([ring] * count)}" fill="none" stroke="{GRID}" stroke-width="1"/>'
            )
        for index in range(count):
            x, y = _point(index, count, 100)
            parts.append(
                f'<line x1="{_fmt(CENTRE_X)}" y1="{_fmt(CENTRE_Y)}" x2="{_fmt(x)}" y2="{_fmt(y)}" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
        for ring in RINGS:
            parts.append(
                f'<text x="{_fmt(CENTRE_X + 4)}" y="{_fmt(CENTRE_Y - RADIUS * ring / 100 + 11)}" '
                f'font-size="11" fill="{MUTED}">{ring}</text>'
            )
        previous = [axis.previous for axis in axes]
        if any(value is not None for value in previous):
            parts.append(
                f'<polygon points="{_points([value or 0 for value in previous])}" fill="none" '
                f'stroke="{ORANGE}" stroke-width="2" stroke-dasharray="6 4" class="radar-chart__previous"/>'
            )
        parts.append(
            f'<polygon points="{_points([axis.score or 0 for axis in axes])}" fill="{BLUE}" '
            f'fill-opacity="0.22" stroke="{BLUE}" stroke-width="2.5" class="radar-chart__current"/>'
        )
        for index, axis in enumerate(axes):
            x, y = _point(index, count, axis.score or 0)
            if axis.score is None:
                parts.append(
                    f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4" fill="#fff" stroke="{MUTED}" stroke-width="1.5"/>'
                )
            else:
                parts.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="5" fill="{BLUE}"/>')
    for index, axis in enumerate(axes):
        parts.append(_label(index, max(count, 1), axis))
    legend_y = HEIGHT - 14
    if current_label:
        parts.append(
            f'<rect x="16" y="{legend_y - 11}" width="16" height="12" fill="{BLUE}" fill-opacity="0.5" '
            f'stroke="{BLUE}"/><text x="40" y="{legend_y}" font-size="14" fill="{INK}">'
            f"{escape(current_label)}</text>"
        )
    if previous_label and any(axis.previous is not None for axis in axes):
        parts.append(
            f'<line x1="200" y1="{legend_y - 5}" x2="230" y2="{legend_y - 5}" stroke="{ORANGE}" '
            f'stroke-width="2.5" stroke-dasharray="6 4"/><text x="238" y="{legend_y}" font-size="14" '
            f'fill="{INK}">{escape(previous_label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308, B703  # every text above is escaped
