"""The report as one self-contained HTML page: inline SVG charts and tables, nothing fetched."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from index.questionlog.grouping import Group
from index.questionlog.report import Day, Report

ANSWERED = "#2b7a4b"
REFUSED = "#c2452d"
WIDTH, HEIGHT, AXIS = 720, 220, 28

STYLE = f"""
body {{ font: 15px/1.45 system-ui, sans-serif; color: #1d1d1f; max-width: 780px;
       margin: 2em auto; padding: 0 1em; }}
h1 {{ font-size: 1.5em; margin-bottom: .2em; }} h2 {{ font-size: 1.15em; margin-top: 1.8em; }}
.totals {{ display: flex; gap: 1.5em; flex-wrap: wrap; margin: 1em 0; }}
.totals div {{ background: #f3f3f5; border-radius: 6px; padding: .5em .9em; }}
.totals b {{ display: block; font-size: 1.4em; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ text-align: left; padding: .3em .5em; border-bottom: 1px solid #e3e3e6;
          vertical-align: top; }}
td.n {{ text-align: right; width: 4em; font-variant-numeric: tabular-nums; }}
.key span {{ display: inline-block; width: .9em; height: .9em; margin: 0 .3em 0 1em;
            vertical-align: -.1em; }}
.answered {{ background: {ANSWERED}; }} .refused {{ background: {REFUSED}; }}
"""


def html_page(report: Report) -> str:
    """The whole page for an editor to open in a browser."""
    title = f"What readers asked, {report.since:%Y-%m-%d} to {report.until:%Y-%m-%d}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
            f"<h1>{escape(title)}</h1>",
            _totals(report),
            "<h2>Questions per day</h2>",
            _key(),
            per_day_chart(report.per_day),
            "<h2>Answered and refused</h2>",
            share_bar(report.answered, report.refused),
            _groups("Unanswered, by what the story is missing", report.unanswered_by_missing),
            _groups("Unanswered, by the words they share", report.unanswered_by_words),
            _table(
                "Voted down",
                ["Down", "Up", "Question", "Cited"],
                [[v.down, v.up, v.question, cited(v.citations)] for v in report.voted_down],
            ),
            _table(
                "Most asked",
                ["Times", "Answered", "Question"],
                [[a.count, a.answered, a.question] for a in report.most_asked],
            ),
            "</body></html>",
        ]
    )


def cited(citations: Sequence[str]) -> str:
    """Citations with each headline once: "¶6, ¶8 — Headline"."""
    by_title: dict[str, list[str]] = {}
    for citation in citations:
        mark, _, title = citation.partition(", ")
        by_title.setdefault(title, []).append(mark)
    return "; ".join(f"{', '.join(marks)} — {title}" for title, marks in by_title.items())


def _totals(report: Report) -> str:
    latency = "–" if report.median_latency_ms is None else f"{report.median_latency_ms:.1f} ms"
    facts = [
        ("asked", report.asked),
        ("answered", report.answered),
        ("refused", report.refused),
        ("median latency", latency),
        ("votes up / down", f"{report.votes_up} / {report.votes_down}"),
    ]
    cells = "".join(f"<div><b>{escape(str(v))}</b>{escape(k)}</div>" for k, v in facts)
    return f'<div class="totals">{cells}</div>'


def _key() -> str:
    return (
        '<p class="key"><span class="answered"></span>answered'
        '<span class="refused"></span>refused</p>'
    )


def per_day_chart(days: Sequence[Day]) -> str:
    """Stacked bars, answered below refused, one a day, with the busiest day's count marked."""
    top = max((d.answered + d.refused for d in days), default=0) or 1
    slot = (WIDTH - AXIS) / max(len(days), 1)
    scale = (HEIGHT - 2 * AXIS) / top
    bars = []
    for n, day in enumerate(days):
        x = AXIS + n * slot + slot * 0.15
        width = max(slot * 0.7, 1)
        bars += _stacked(day, x, width, scale)
        if len(days) <= 16 or n % max(len(days) // 8, 1) == 0:
            bars.append(_text(x + width / 2, HEIGHT - AXIS + 16, day.day[5:], "middle"))
    title = "Questions per day, answered and refused"
    return _svg("per-day", WIDTH, HEIGHT, title, _axis(top) + "".join(bars))


def _stacked(day: Day, x: float, width: float, scale: float) -> list[str]:
    """One day's bar: its answered questions at the bottom, its refused ones on top."""
    parts = []
    base = float(HEIGHT - AXIS)
    for count, colour, kind in (
        (day.answered, ANSWERED, "answered"),
        (day.refused, REFUSED, "refused"),
    ):
        if count:
            label = f"{day.day}: {count} {kind}"
            parts.append(_rect(x, base - count * scale, width, count * scale, colour, label))
            base -= count * scale
    return parts


def _axis(top: int) -> str:
    return (
        f'<line x1="{AXIS}" y1="{HEIGHT - AXIS}" x2="{WIDTH}" y2="{HEIGHT - AXIS}" stroke="#888"/>'
        + _text(AXIS - 6, AXIS + 4, str(top), "end")
        + _text(AXIS - 6, HEIGHT - AXIS, "0", "end")
    )


def share_bar(answered: int, refused: int) -> str:
    """One bar split into the answered and refused shares, each labelled with its percentage."""
    total = answered + refused
    if not total:
        return "<p>No questions in this period.</p>"
    split = WIDTH * answered / total
    parts = [
        _rect(0, 0, split, 36, ANSWERED, f"answered: {answered}"),
        _rect(split, 0, WIDTH - split, 36, REFUSED, f"refused: {refused}"),
    ]
    if answered:
        parts.append(_text(8, 24, f"answered {answered / total:.0%}", "start", "#fff"))
    if refused:
        parts.append(_text(WIDTH - 8, 24, f"refused {refused / total:.0%}", "end", "#fff"))
    return _svg("shares", WIDTH, 36, "Share of questions answered and refused", "".join(parts))


def _svg(name: str, width: float, height: float, label: str, body: str) -> str:
    return (
        f'<svg id="{name}" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, label: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}">'
        f"<title>{escape(label)}</title></rect>"
    )


def _text(x: float, y: float, text: str, anchor: str, fill: str = "#555") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="12" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def _groups(title: str, groups: Sequence[Group]) -> str:
    return _table(
        title, ["Times", "About", "For example"], [[g.count, g.about, g.example] for g in groups]
    )


def _table(title: str, heads: list[str], rows: list[list[object]]) -> str:
    if not rows:
        return f"<h2>{escape(title)}</h2><p>None.</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    body = "".join("<tr>" + "".join(_cell(value) for value in row) + "</tr>" for row in rows)
    return f"<h2>{escape(title)}</h2><table><tr>{head}</tr>{body}</table>"


def _cell(value: object) -> str:
    numeric = isinstance(value, int)
    return f'<td class="n">{value}</td>' if numeric else f"<td>{escape(str(value))}</td>"
