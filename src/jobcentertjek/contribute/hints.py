"""Hints for ``jobcentertjek check``: earlier promises that a report without ``repeats`` may concern.

Suggestions, never verdicts. A contributor cannot know every promise a kommune has made,
so the check names, for each report that lists no ``repeats``, at most three earlier promises
of the same kommune that share the most with it: topics (tags), and distinctive words of the
report's title and findings and of the promise's text. A word counts more the rarer it is in
the record's findings and promises (inverse document frequency), and words are compared by
their Danish stem (Snowball, through PyStemmer), so "sagsbehandlere" meets "sagsbehandleren".
A hint is printed, never stored: only a ``repeats`` written by a person reaches the site.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

import Stemmer

from ..entries.corpus import Corpus, TrackedPromise
from ..entries.problems import Problem
from ..entries.render import markdown_to_text
from ..entries.validate import LoadedEntry

MAX_HINTS = 3  # per report: more would not be read
# A promise is suggested only when it shares this much with the report: at least one
# distinctive word and a topic, or several distinctive words. Measured on the synthetic
# record with `jobcentertjek bench` (hint precision and recall); see README, Performance.
MIN_SCORE = 8.0
TAG_WEIGHT = 2.0  # a shared topic counts as much as a word found in one in e^2 (7) texts
MIN_WORD_LENGTH = 4
IGNORED_TAGS = {"handleplan"}  # every plan has it: it says nothing about the problem
_WORD = re.compile(r"[a-zæøå]+")
# Words too common in criticism of jobcentres to tell one problem from another.
STOPWORDS = frozenset("""
alle andre anden at blev bliver borger borgere borgeren borgerne både da de dem den denne der deres det dette
efter eller en er et for fra får godt have havde har hele hos hvad hver hvis hvor ikke ind jobcenter
jobcentret jobcentrets kan kommunen kommune kommunens med men mere meget mange måde når nogle noget når nye
også om op over på sig sin sine skal skulle som så sådan til ud uden under ved vi vil være været
""".split())


@dataclass(frozen=True)
class Hint:
    report: LoadedEntry
    promise: TrackedPromise
    score: float
    words: tuple[str, ...]  # shared words, as the promise writes them
    tags: tuple[str, ...]  # shared topics

    @property
    def pair(self) -> tuple[str, str, str]:
        return (self.report.id, self.promise.plan.id, self.promise.promise.id)

    def problem(self) -> Problem:
        """The hint as a printable line at the report's findings."""
        shared = ([f"fælles ord: {', '.join(self.words)}"] if self.words else []) + \
                 ([f"fælles emner: {', '.join(self.tags)}"] if self.tags else [])
        text = " ".join(markdown_to_text(self.promise.promise.text).split())
        text = text if len(text) <= 90 else text[:89].rstrip() + "…"
        message = (f"måske et tidligere løfte: {self.promise.promise.id!r} i {self.promise.plan.id!r} (»{text}«); "
                   f"{'; '.join(shared)}. Kritiserer rapporten det igen, så skriv det under repeats")
        line, column = self.report.position("findings", key=True)
        return Problem(self.report.path, line, column, "repeats", message, severity="hint")


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def _terms(text: str) -> dict[str, str]:
    """Distinctive words of a text by their stem, each with its first spelling."""
    words = [w for w in _WORD.findall(markdown_to_text(text).lower())
             if len(w) >= MIN_WORD_LENGTH and w not in STOPWORDS]
    return dict(reversed(list(zip(_stemmer().stemWords(words), words))))


def _report_text(item: LoadedEntry) -> str:
    return "\n".join([item.entry.title, *item.entry.findings])


class HintFinder:
    """Scores every report of a corpus against the earlier promises of its kommune."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        reports = [item for item in corpus.entries if item.entry.type == "report"]
        self.report_terms = {item.id: _terms(_report_text(item)) for item in reports}
        self.promise_terms = {p.key: _terms(p.promise.text) for p in corpus.promises}
        documents = [*self.report_terms.values(), *self.promise_terms.values()]
        frequency = Counter(stem for terms in documents for stem in terms)
        self.idf = {stem: math.log(len(documents) / count) for stem, count in frequency.items()}
        self.by_kommune: dict[str, list[TrackedPromise]] = defaultdict(list)
        for promise in corpus.promises:
            self.by_kommune[promise.plan.entry.kommune].append(promise)

    def for_report(self, item: LoadedEntry) -> list[Hint]:
        """At most ``MAX_HINTS`` promises the report may concern, best first (ties: the newest plan)."""
        report = item.entry
        terms = self.report_terms[item.id]
        tags = set(report.tags) - IGNORED_TAGS
        found = []
        for promise in self.by_kommune.get(report.kommune, []):
            plan = promise.plan.entry
            # Only plans surely before the report, and not the report's own answers.
            if not plan.date.last_day < report.date.first_day or item.id in plan.responds_to:
                continue
            promise_terms = self.promise_terms[promise.key]
            shared = [stem for stem in promise_terms if stem in terms]
            if not shared:
                continue
            shared_tags = sorted(tags & set(plan.tags))
            score = sum(self.idf[stem] for stem in shared) + TAG_WEIGHT * len(shared_tags)
            if score >= MIN_SCORE:
                words = tuple(promise_terms[stem] for stem in sorted(shared, key=lambda s: (-self.idf[s], s)))
                found.append(Hint(item, promise, score, words, tuple(shared_tags)))
        found.sort(key=lambda hint: (-hint.score, [-part for part in hint.promise.plan.entry.date.sort_key()],
                                     hint.promise.key))
        return found[:MAX_HINTS]

    def hints(self) -> list[Hint]:
        """Hints for every report that lists no ``repeats``, in the corpus's order."""
        return [hint for item in self.corpus.entries
                if item.entry.type == "report" and not item.entry.repeats
                for hint in self.for_report(item)]


def precision_recall(corpus: Corpus) -> dict:
    """How well the hints find the ``repeats`` people wrote: every report is scored as if it
    had none, and its hints are compared with the ones it has."""
    finder = HintFinder(corpus)
    truth = {(r.report.id, r.promise.plan.id, r.promise.promise.id) for r in corpus.recurrences}
    hinted = {hint.pair for item in corpus.entries if item.entry.type == "report"
              for hint in finder.for_report(item)}
    found = len(truth & hinted)
    reports = sum(1 for item in corpus.entries if item.entry.type == "report")
    return {"repeats": len(truth), "hints": len(hinted), "true_hints": found,
            "precision": found / len(hinted) if hinted else None,
            "recall": found / len(truth) if truth else None,
            "hints_per_report": len(hinted) / reports if reports else 0.0}
