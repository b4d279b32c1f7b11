"""The benchmark's synthetic data set: valid, national and connected like the real record."""

from __future__ import annotations

from collections import Counter

import pytest

from jobcentertjek.bench.synthetic import generate_cases
from jobcentertjek.entries.corpus import Corpus
from jobcentertjek.entries.model import STATUS_LABELS
from jobcentertjek.entries.reference import kommuner
from jobcentertjek.entries.validate import check_paths

ENTRIES = 200


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    cases = generate_cases(tmp_path_factory.mktemp("synthetic") / "cases", ENTRIES)
    entries, problems = check_paths([cases])
    return cases, entries, problems


def test_every_file_passes_the_contributors_check(synthetic):
    cases, entries, problems = synthetic
    assert problems == []
    assert len(entries) == ENTRIES == len(list(cases.rglob("*.yaml")))


def test_covers_every_kommune_and_every_type(synthetic):
    _, entries, _ = synthetic
    assert {e.entry.kommune for e in entries} == set(kommuner())  # the 98 kommuner and hele-landet
    assert set(Counter(e.entry.type for e in entries)) == {"report", "response", "plan", "update"}


def test_threads_and_promises_connect_entries_within_a_kommune(synthetic):
    _, entries, _ = synthetic
    corpus = Corpus.from_entries(entries)
    for item in entries:
        for target in item.entry.links():
            assert corpus.by_id[target].entry.kommune == item.entry.kommune
    assert any(len(thread) >= 3 for thread in corpus.threads.values())
    updated = [p for p in corpus.promises if len(p.history) > 1]
    assert updated and any(p.is_overdue for p in corpus.promises)
    assert len({p.status for p in corpus.promises}) >= 4
    assert {p.status for p in corpus.promises} <= set(STATUS_LABELS)


def test_danish_text_of_realistic_length(synthetic):
    _, entries, _ = synthetic
    words = [len(e.entry.summary.split()) for e in entries]
    assert min(words) >= 60 and max(words) <= 170
    assert all(any(letter in e.entry.summary for letter in "æøå") for e in entries)


def test_same_seed_same_files(synthetic, tmp_path):
    cases, _, _ = synthetic
    again = generate_cases(tmp_path / "cases", ENTRIES)
    first = {p.relative_to(cases): p.read_bytes() for p in cases.rglob("*.yaml")}
    assert {p.relative_to(again): p.read_bytes() for p in again.rglob("*.yaml")} == first
