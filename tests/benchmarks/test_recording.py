"""The recording benchmark's own logic: its figures and table (no timings)."""

from __future__ import annotations

from benchmarks.recording import _figures, arguments, table


def test_the_figures_compare_both_ways_from_the_same_samples() -> None:
    found = _figures([0.002, 0.002, 0.004], [0.003, 0.003, 0.005], 1.0, 0.1, "sqlite:////x")
    assert found["warm_p50_ms"] == {"without": 2.0, "with": 3.0}
    assert found["p50_ratio"] == 1.5 and round(found["p50_added_ms"], 6) == 1.0
    assert found["database"] == "sqlite" and found["records_written"] == 3
    assert "| warm p50 | 2.000 ms | 3.000 ms | 1.500 |" in table(found)


def test_defaults() -> None:
    args = arguments([])
    assert (args.questions, args.rounds, args.database_url) == (400, 2, None)
