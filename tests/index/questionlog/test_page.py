"""The HTML report, opened in headless Chromium: no console errors, and its chart visible."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from index.questionlog.page import ANSWERED, REFUSED, html_page
from index.questionlog.report import build_report
from tests.index.questionlog.chromium import chromium, png_pixels, render
from tests.index.questionlog.test_report import FIXTURE, NOW

pytestmark = pytest.mark.skipif(
    chromium() is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does)"
)


def colour(hex_colour: str) -> tuple[int, int, int]:
    """#rrggbb as numbers."""
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def near(pixel: tuple[int, int, int], target: tuple[int, int, int]) -> bool:
    """Whether a pixel has this colour, give or take anti-aliasing and colour management."""
    return all(abs(a - b) <= 12 for a, b in zip(pixel, target, strict=True))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the fixture, written as a page."""
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html_page(build_report(FIXTURE, NOW - timedelta(days=7), NOW)))
    return path


def test_the_page_fetches_nothing(page: Path) -> None:
    html = page.read_text()
    assert not re.search(r"""(src|href)\s*=|url\(|@import|<script""", html)
    assert 'id="per-day"' in html and 'id="shares"' in html


def test_the_report_renders_without_errors_and_its_chart_shows_both_shares(page: Path) -> None:
    shown = render(page, "#per-day")
    screenshot = page.with_suffix(".png")
    screenshot.write_bytes(shown.screenshot)  # kept in pytest's temp folder, to look at
    print(f"screenshot: {screenshot}")
    assert shown.errors == []
    assert shown.box["width"] >= 700 and shown.box["height"] >= 200
    pixels = png_pixels(shown.chart)
    green = sum(near(p, colour(ANSWERED)) for p in pixels)
    red = sum(near(p, colour(REFUSED)) for p in pixels)
    assert green > 1000 and red > 1000, (green, red)  # bars of both kinds, not a blank box


def test_a_console_error_would_be_caught(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><p>x</p><script>console.error('boom')</script>")
    assert any("boom" in error for error in render(broken, "p").errors)
