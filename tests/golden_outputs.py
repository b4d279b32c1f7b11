"""Golden files: every output of a small fixture record, committed, so a change shows as a diff.

``generate()`` renders the fixture in ``tests/golden/cases/`` in-process with the real
settings of ``mkdocs.yml`` and a fixed build day: every page body the package hands to MkDocs,
the feeds, the calendars and the open data (the workbook as the text of its cells), by site path. ``compare()`` says how that differs
from the committed files in ``tests/golden/expected/``; ``write()`` replaces them.

Run as a script (``make golden``) after an intended change to rewrite the golden files, then
commit them with the code change, so the pull request shows what readers will get.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import yaml

from jobcentertjek.entries.dates import today
from jobcentertjek.entries.problems import ValidationFailed
from jobcentertjek.publish.outputs import generate_outputs
from jobcentertjek.site.about import read_about

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "golden" / "cases"
EXPECTED = REPO / "tests" / "golden" / "expected"
# The build day: after every fixture entry and after one promise's deadline, before another's.
EPOCH = int(dt.datetime(2025, 1, 15, tzinfo=dt.timezone.utc).timestamp())
UPDATE_COMMAND = "make golden"
DIFFS_SHOWN = 3  # files whose diff the report shows; the rest are named
DIFF_LINES = 60  # lines of each diff shown
NAMES_SHOWN = 20  # paths named in each list of the report


@contextmanager
def build_day(epoch: int):
    """SOURCE_DATE_EPOCH set to ``epoch`` for the duration, as a reproducible build sets it."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    today.cache_clear()  # the build day is read once per process
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
        today.cache_clear()


def generate(cases: Path | None = None) -> dict[str, bytes]:
    """Every output file of ``cases`` (the fixture), as the bytes the site publishes, by site path."""
    cases = cases or CASES
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    with build_day(EPOCH):
        outputs = generate_outputs(cases, repo_url=config["extra"]["jobcentertjek"]["repo_url"],
                                   site_url=config["site_url"], about=read_about(config["extra"]["jobcentertjek"]))
    return dict(sorted(_readable(path, content) for path, content in outputs.items()))


def _readable(path: str, content: str | bytes) -> tuple[str, bytes]:
    """A golden file: text as UTF-8, and the workbook as its sheets' cells in text (``.xlsx.txt``),
    so that a change to it shows as a diff (its bytes are checked by test_reproducible.py)."""
    if path.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheets = ["\n".join([f"## {sheet.title}"] + ["\t".join("" if v is None else str(v) for v in row)
                                                     for row in sheet.iter_rows(values_only=True)])
                  for sheet in book.worksheets]
        return path + ".txt", ("\n\n".join(sheets) + "\n").encode("utf-8")
    return path, content.encode("utf-8") if isinstance(content, str) else content


def read(directory: Path | None = None) -> dict[str, bytes]:
    """The golden files under ``directory`` (the committed ones), by site path."""
    directory = directory or EXPECTED
    return {path.relative_to(directory).as_posix(): path.read_bytes()
            for path in sorted(directory.rglob("*")) if path.is_file()}


def write(outputs: dict[str, bytes], directory: Path) -> dict[str, list[str]]:
    """Make ``directory`` hold exactly ``outputs``: stale files go, new ones come.

    Returns the site paths that were added, changed and removed.
    """
    old = read(directory) if directory.exists() else {}
    shutil.rmtree(directory, ignore_errors=True)
    for path, content in outputs.items():
        target = directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return {"added": sorted(outputs.keys() - old.keys()),
            "changed": sorted(p for p in outputs.keys() & old.keys() if outputs[p] != old[p]),
            "removed": sorted(old.keys() - outputs.keys())}


def compare(actual: dict[str, bytes], expected: dict[str, bytes], shown_as: str = "tests/golden/expected") -> str:
    """An empty string when the outputs equal the golden files; otherwise a report for a person:
    which files differ, a unified diff of the first few, and how to update the golden files."""
    changed = [p for p in sorted(actual.keys() & expected.keys()) if actual[p] != expected[p]]
    new = sorted(actual.keys() - expected.keys())
    gone = sorted(expected.keys() - actual.keys())
    if not (changed or new or gone):
        return ""
    lines = [f"The generated output differs from the golden files in {shown_as}/:"]
    for label, paths in [("changed", changed), ("produced but not in the golden files", new),
                         ("in the golden files but no longer produced", gone)]:
        if paths:
            lines.append(f"  {label} ({len(paths)}): {_names(paths)}")
    for path in (changed + new + gone)[:DIFFS_SHOWN]:
        lines += ["", *_diff(path, expected.get(path), actual.get(path), shown_as)]
    lines += ["", f"If the change is intended, run `{UPDATE_COMMAND}` and commit the golden files with the code,",
              f"so the pull request shows the change to the output (review it with `git diff {shown_as}`)."]
    return "\n".join(lines)


def _names(paths: list[str]) -> str:
    more = len(paths) - NAMES_SHOWN
    return ", ".join(paths[:NAMES_SHOWN]) + (f" and {more} more" if more > 0 else "")


def _diff(path: str, expected: bytes | None, actual: bytes | None, shown_as: str) -> list[str]:
    before = _text(expected).splitlines()
    after = _text(actual).splitlines()
    diff = list(difflib.unified_diff(before, after, f"{shown_as}/{path}" if expected is not None else "/dev/null",
                                     f"generated {path}" if actual is not None else "/dev/null", lineterm=""))
    if not diff:
        return [f"{path}: only the line endings or the final newline differ"]
    if len(diff) > DIFF_LINES:
        diff = diff[:DIFF_LINES] + [f"… {len(diff) - DIFF_LINES} more lines of this diff"]
    return diff


def _text(content: bytes | None) -> str:
    return "" if content is None else content.decode("utf-8", errors="replace")


def main() -> int:
    """``make golden``: rewrite the golden files from the fixture; exit 1 and write nothing if it is invalid."""
    try:
        outputs = generate()
    except ValidationFailed as failure:
        print(f"The golden fixture in {_shown(CASES)}/ has errors; nothing was written:\n{failure}", file=sys.stderr)
        return 1
    summary = write(outputs, EXPECTED)
    counts = ", ".join(f"{len(paths)} {what}" for what, paths in summary.items())
    print(f"{len(outputs)} golden files in {_shown(EXPECTED)}/ ({counts}).")
    for what, paths in summary.items():
        if paths:
            print(f"  {what}: {_names(paths)}")
    print(f"Review the change with `git diff {_shown(EXPECTED)}` and commit it with the code.")
    return 0


def _shown(path: Path) -> str:
    return path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else str(path)


if __name__ == "__main__":
    sys.exit(main())
