"""``jobcentertjek archive``: a copy in the Wayback Machine for every source, before its link dies.

For every source with a ``url`` and no ``archive_url`` (an entry's own sources, a promise's, a
check's), the Wayback Machine's snapshot nearest the source's date is looked up; where there is
none, Save Page Now is asked for one (``wayback.py``). The snapshot's address is written into the
entry as ``archive_url``, on a line of its own right below the source's ``url``; nothing else in
the file changes (``yamlinsert.py``). Each source is reported as
``path:line:column: sources[N].url: …`` in Danish; ``--dry-run`` writes nothing and asks Save Page
Now for nothing, and says what it would write.

Exit codes: 0 when every source with an address has a copy, 1 when some could not be archived,
2 when the Wayback Machine cannot be reached (then nothing is written).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..entries.dates import PartialDate
from ..entries.grammar import count
from ..entries.model import Source
from ..entries.problems import Problem
from ..entries.snapshots import snapshot_date, snapshot_url, timestamp_day
from ..entries.validate import LoadedEntry, check_paths
from . import web
from .wayback import Failed, Unreachable, Wayback
from .yamlinsert import NotInsertable, insert_below


@dataclass(frozen=True)
class Target:
    """A source with an address and no copy, and where it stands in its file."""

    entry: LoadedEntry
    path: tuple  # the source's, e.g. ("promises", 0, "sources", 1)
    source: Source

    def problem(self, message: str) -> Problem:
        return self.entry.problem((*self.path, "url"), message)


@dataclass(frozen=True)
class Result:
    target: Target
    archive_url: str | None  # the copy found or saved; None when there is none
    message: str
    saved: bool = False  # made by Save Page Now in this run


def find_targets(entry: LoadedEntry) -> tuple[list[Target], int, int]:
    """The sources of one entry that need a copy; and how many already have one, and have no address."""
    targets, copied, unlinked = [], 0, 0
    for path, source in web.sources(entry.entry):
        if source.archive_url:
            copied += 1
        elif not source.url:
            unlinked += 1
        else:
            targets.append(Target(entry, path, source))
    return targets, copied, unlinked


def nearest(stamps: list[str], date: PartialDate) -> str:
    """The timestamp nearest ``date`` (a day, month or year: any day within it is nearest); of two
    as near, the later one, which can show what the source published."""
    def distance(stamp: str) -> tuple[int, bool]:
        day = timestamp_day(stamp)
        return max((date.first_day - day).days, (day - date.last_day).days, 0), day < date.first_day
    return min(stamps, key=distance)


class Archiver:
    """Finds or makes a copy for each target, asking about each address once per run."""

    def __init__(self, wayback: Wayback, *, dry_run: bool = False):
        self.wayback, self.dry_run = wayback, dry_run
        self._found: dict[tuple[str, str], list[str]] = {}
        self._saved: dict[str, str] = {}

    def resolve(self, target: Target) -> Result:
        url, date = str(target.source.url), target.source.date
        near = date.first_day.strftime("%Y%m%d")
        try:
            if (url, near) not in self._found:
                self._found[url, near] = self.wayback.snapshots(url, near)
            if stamps := self._found[url, near]:
                copy = snapshot_url(self.wayback.base, nearest(stamps, date), url)
                return Result(target, copy, f"kopi fra {_day(copy)} fundet i Wayback Machine: {copy}")
            if self.dry_run:
                return Result(target, None, "ingen kopi i Wayback Machine; uden --dry-run bedes Save Page Now om en")
            if url not in self._saved:
                self._saved[url] = self.wayback.save(url)
            copy = snapshot_url(self.wayback.base, self._saved[url], url)
            return Result(target, copy, f"ingen kopi fandtes; Save Page Now gemte en {_day(copy)}: {copy}", saved=True)
        except Failed as failure:
            return Result(target, None, f"kunne ikke arkiveres: {failure}")


def _day(archive_url: str) -> str:
    return snapshot_date(archive_url).danish()


def new_text(entry: LoadedEntry, results: list[Result]) -> str | None:
    """The entry file's text with each copy below its source's url; None when there is none to add."""
    additions = [(r.target.path, "url", "archive_url", r.archive_url) for r in results if r.archive_url]
    return insert_below(entry.yaml, additions, entry.path) if additions else None


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step: an interrupted run leaves the old file or the new, never half."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class Report:
    results: list[Result]
    copied: int = 0  # sources that had a copy already
    unlinked: int = 0  # sources without an address (printed, on paper): nothing to archive

    @property
    def missing(self) -> list[Result]:
        return [r for r in self.results if not r.archive_url]

    def exit_code(self) -> int:
        return 1 if self.missing else 0


def archive(entries: list[LoadedEntry], archiver: Archiver, *, out=sys.stdout) -> Report:
    """Resolve every target, file by file, and write each file as soon as its sources are done
    (an interrupted run keeps what it found). Raises Unreachable."""
    report = Report([])
    for entry in entries:
        targets, copied, unlinked = find_targets(entry)
        report.copied, report.unlinked = report.copied + copied, report.unlinked + unlinked
        results = [archiver.resolve(target) for target in targets]
        try:
            text = new_text(entry, results)
        except NotInsertable:
            results = [Result(r.target, None, "kunne ikke skrives i filen uden at ændre andet; skriv selv "
                                              f"archive_url: {r.archive_url}") if r.archive_url else r
                       for r in results]
            text = None
        for result in results:
            print(result.target.problem(result.message), file=out)
        if text is not None:
            if archiver.dry_run:
                _print_additions(entry, text, out)
            else:
                write_atomically(Path(entry.path), text)
        report.results += results
    return report


def _print_additions(entry: LoadedEntry, text: str, out) -> None:
    """What the run would change, as ``path:line: + new line`` (and ``- old line`` where one is changed)."""
    old, new = entry.yaml.text.splitlines(), text.splitlines()
    for kind, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if kind != "equal":
            for number in range(i1, i2):
                print(f"{entry.path}:{number + 1}: - {old[number]}", file=out)
            for number in range(j1, j2):
                print(f"{entry.path}:{number + 1}: + {new[number]}", file=out)


def markdown(report: Report) -> str:
    """The report as the body of the pull request that proposes the copies (Danish)."""
    made = [r for r in report.results if r.archive_url]
    parts = [f"Arkivkørslen fandt eller gemte {count(len(made), 'kopi', 'kopier')} af kilder uden `archive_url`. "
             "Hver står på en ny linje lige under kildens `url`; intet andet i filerne er ændret. Åbn gerne et par "
             "af kopierne og se, at de viser kilden, før du fletter.", ""]
    for title, group in (("Nye kopier", made), ("Kunne ikke arkiveres", report.missing)):
        if group:
            parts += [f"## {title}", ""]
            for result in group:
                item = result.target.problem(result.message)
                parts.append(f"- `{item.path}:{item.line}` `{item.field}`: {result.message}")
            parts.append("")
    return "\n".join(parts)


def _run(args: argparse.Namespace) -> int:
    entries, problems = check_paths([Path(p) for p in args.paths])
    if errors := [p for p in problems if p.severity == "error"]:
        print(f"{len(errors)} fejl i sagerne; de fejlbehæftede filers kilder arkiveres ikke. "
              "Kør `jobcentertjek check` for at se dem.", file=sys.stderr)
    wayback = Wayback(web.wayback_base(), timeout=args.timeout, retries=args.retries, pause=args.pause,
                      max_wait=args.max_wait)
    try:
        report = archive(entries, Archiver(wayback, dry_run=args.dry_run))
    except Unreachable as unreachable:
        print(f"{unreachable}. Intet er ændret.", file=sys.stderr)
        return 2
    finally:
        wayback.close()
    if wayback.asked and not wayback.answered:
        print(f"Wayback Machine ({wayback.base}) svarede ikke på nogen forespørgsel. Intet er ændret.", file=sys.stderr)
        return 2
    if args.markdown:
        Path(args.markdown).write_text(markdown(report), encoding="utf-8")
    made = [r for r in report.results if r.archive_url]
    saved = sum(r.saved for r in made)
    print(f"{count(len(report.results) + report.copied, 'kilde', 'kilder')} med link: "
          f"{report.copied} havde en kopi, {len(made) - saved} fundet, {saved} gemt nu, "
          f"{len(report.missing)} uden kopi"
          + (f"; {count(report.unlinked, 'kilde', 'kilder')} uden link" if report.unlinked else "")
          + (" (prøvekørsel: intet skrevet)." if args.dry_run else "."), file=sys.stderr)
    return report.exit_code()


def add_archive_command(commands) -> None:
    archive_ = commands.add_parser(
        "archive", help="find eller gem en arkiveret kopi af hver kilde uden archive_url",
        description="Finder Wayback Machines kopi nærmest kildens dato for hver kilde uden archive_url, beder "
                    "Save Page Now om en, hvor der ingen er, og skriver archive_url lige under kildens url. "
                    "Afslutter med 0, når alle kilder med link har en kopi, 1 når nogen ikke kunne arkiveres, og 2 "
                    f"når Wayback Machine ikke kan nås. Adressen er {web.WAYBACK}, eller ${web.WAYBACK_ENV}.")
    archive_.add_argument("paths", nargs="*", default=["cases"], metavar="STI",
                          help="filer eller mapper (standard: cases)")
    archive_.add_argument("--dry-run", action="store_true",
                          help="skriv intet og gem intet; vis, hvad der ville blive skrevet")
    archive_.add_argument("--timeout", type=float, default=60.0, metavar="SEK", help="sekunder at vente på svar (standard: 60)")
    archive_.add_argument("--retries", type=int, default=2, metavar="ANTAL",
                          help="nye forsøg efter det første ved timeout, serverfejl eller HTTP 429 (standard: 2)")
    archive_.add_argument("--pause", type=float, default=5.0, metavar="SEK",
                          help="sekunder mellem to forespørgsler til Wayback Machine (standard: 5)")
    archive_.add_argument("--max-wait", type=float, default=300.0, metavar="SEK",
                          help="længste ventetid i sekunder, som Retry-After kan bede om (standard: 300)")
    archive_.add_argument("--markdown", metavar="FIL", help="skriv også rapporten som Markdown (til pull requesten)")
    archive_.set_defaults(run=_run)
