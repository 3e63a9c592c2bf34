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


# -- Heat map: groups (rows) × factors, each factor split in columns (e.g. the blue and orange world) --

HEAT_LABEL_WIDTH = 250
HEAT_CELL = 38
HEAT_ROW = 34
HEAT_HEADER = 64
HEAT_FILLS = (  # (lowest score of the band, fill, text): light fills keep the dark numbers readable
    (70, "#cfe8d6", "#14502b"),
    (40, "#fbe1c4", "#6b2d00"),
    (0, "#f5cfcf", "#7d1b1f"),
)
HEAT_EMPTY = "#eceef2"


@dataclass(frozen=True)
class HeatColumn:
    group: str  # e.g. "1"; printed above its columns
    label: str  # e.g. "blue"; its colour comes from `stripe`
    stripe: str  # colour of the column's header stripe


@dataclass(frozen=True)
class HeatRow:
    label: str
    values: tuple  # one score 0–100 (or None) per column
    emphasis: bool = False


def _heat_fill(value: float | None) -> tuple[str, str]:
    if value is None:
        return HEAT_EMPTY, MUTED
    for lowest, fill, text in HEAT_FILLS:
        if value >= lowest:
            return fill, text
    return HEAT_FILLS[-1][1], HEAT_FILLS[-1][2]


def heat_map_svg(
    *,
    rows: Sequence[HeatRow],
    columns: Sequence[HeatColumn],
    title: str,
    description: str,
    chart_id: str = "heat",
) -> SafeString:
    """A heat map with a number in every cell (– for no score), coloured by score band. Columns that
    share a `group` stand together under one heading. Give the numbers in a table beside it too."""
    width = HEAT_LABEL_WIDTH + HEAT_CELL * len(columns) + 8
    height = HEAT_HEADER + HEAT_ROW * len(rows) + 8
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{title_id} {desc_id}" class="heat-map" '
        f'font-family="{escape(FONT)}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    previous_group = None
    for index, column in enumerate(columns):
        x = HEAT_LABEL_WIDTH + index * HEAT_CELL
        if column.group != previous_group:
            span = sum(1 for c in columns[index:] if c.group == column.group)
            parts.append(
                f'<text x="{_fmt(x + span * HEAT_CELL / 2)}" y="22" text-anchor="middle" font-size="15" '
                f'font-weight="700" fill="{INK}">{escape(column.group)}</text>'
            )
            previous_group = column.group
        parts.append(
            f'<rect x="{x + 2}" y="32" width="{HEAT_CELL - 4}" height="8" rx="2" fill="{column.stripe}"/>'
            f'<text x="{_fmt(x + HEAT_CELL / 2)}" y="56" text-anchor="middle" font-size="11" '
            f'fill="{MUTED}">{escape(column.label)}</text>'
        )
    for row_index, row in enumerate(rows):
        y = HEAT_HEADER + row_index * HEAT_ROW
        label = textwrap.shorten(row.label, 32, placeholder="…")
        weight = ' font-weight="700"' if row.emphasis else ""
        parts.append(
            f'<text x="4" y="{y + HEAT_ROW / 2 + 5}" font-size="14" fill="{INK}"{weight}>{escape(label)}</text>'
        )
        for index, value in enumerate(row.values):
            x = HEAT_LABEL_WIDTH + index * HEAT_CELL
            fill, ink = _heat_fill(value)
            shown = "–" if value is None else str(round_score(value))
            parts.append(
                f'<rect x="{x + 2}" y="{y + 2}" width="{HEAT_CELL - 4}" height="{HEAT_ROW - 4}" rx="3" '
                f'fill="{fill}"/><text x="{_fmt(x + HEAT_CELL / 2)}" y="{y + HEAT_ROW / 2 + 5}" '
                f'text-anchor="middle" font-size="13" font-weight="600" fill="{ink}">{shown}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308, B703  # every text above is escaped


def change_bars_svg(
    *, items: Sequence[tuple[str, int | None]], title: str, description: str, chart_id: str = "change"
) -> SafeString:
    """Horizontal bars of a change in points per item (right: better, left: worse), with the number."""
    label_width, half, row_height, scale_max = 380, 160, 26, 40
    width = label_width + 2 * half + 50
    height = row_height * len(items) + 12
    centre = label_width + half
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{title_id} {desc_id}" class="change-bars" '
        f'font-family="{escape(FONT)}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        f'<line x1="{centre}" y1="0" x2="{centre}" y2="{height}" stroke="{GRID}" stroke-width="1.5"/>',
    ]
    for index, (label, change) in enumerate(items):
        y = 6 + index * row_height
        parts.append(
            f'<text x="4" y="{y + 17}" font-size="13" fill="{INK}">'
            f"{escape(textwrap.shorten(label, 52, placeholder='…'))}</text>"
        )
        if change is None:
            parts.append(f'<text x="{centre + 6}" y="{y + 17}" font-size="13" fill="{MUTED}">–</text>')
            continue
        length = half * min(abs(change), scale_max) / scale_max
        colour = "#1e6b3a" if change > 0 else ("#a4262c" if change < 0 else MUTED)
        x = centre if change >= 0 else centre - length
        parts.append(
            f'<rect x="{_fmt(x)}" y="{y + 4}" width="{_fmt(max(length, 2))}" height="{row_height - 10}" '
            f'fill="{colour}"/>'
        )
        text_x = centre + length + 6 if change >= 0 else centre + 6
        sign = "+" if change > 0 else ""
        parts.append(
            f'<text x="{_fmt(text_x)}" y="{y + 17}" font-size="13" font-weight="700" fill="{colour}">'
            f"{sign}{change}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308, B703  # every text above is escaped
