"""The benchmark's list of targets judges each figure where its target is set."""

from __future__ import annotations

from jobcentertjek.bench.bench import _targets

GROWTH = {"build_s": 2.0, "site_bytes": 1.9}


def run(entries: int, validate_s: float) -> dict:
    return {"entries": entries, "validate_s": validate_s, "whole_over_floor": 0.9,
            "entry_page_max_bytes": 24_000, "kommune_page_max_bytes": 260_000}


def test_validation_is_judged_at_5000_entries_also_in_a_10000_entry_run():
    targets = _targets([run(5000, 1.4), run(10_000, 2.8)], GROWTH)
    assert targets["validate_s at 5000"] == {"limit": 2.0, "measured": 1.4, "met": True}
    assert "validate_s" not in targets


def test_in_the_default_run_validation_is_judged_at_its_largest_size_5000():
    targets = _targets([run(2500, 0.7), run(5000, 2.1)], GROWTH)
    assert targets["validate_s"] == {"limit": 2.0, "measured": 2.1, "met": False}
    assert targets["whole_over_floor"]["met"] and targets["growth"]["measured"] == 2.0
