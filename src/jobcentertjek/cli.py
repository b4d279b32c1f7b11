"""The ``jobcentertjek`` command: check entries, start new ones, build the site, benchmark."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .argparse_da import DanishArgumentParser
from .bench.bench import add_bench_command
from .contribute.archive import add_archive_command
from .contribute.audit import audit
from .contribute.fromissue import add_from_issue_command
from .contribute.hints import HintFinder
from .contribute.links import add_links_command
from .contribute.scaffold import add_new_command
from .entries.corpus import Corpus
from .entries.grammar import count
from .entries.validate import check_paths
from .outputs.opendata import add_schema_command
from .outputs.queue_issue import add_queue_command
from .publish.build import build_site

# What --help says first: in Danish, like everything else a contributor reads.
DESCRIPTION = "Jobcentertjek: tjek sagerne, start en ny sag, og byg siden."


def _print_problems(problems) -> None:
    in_github = bool(os.environ.get("GITHUB_ACTIONS"))
    for problem in problems:
        print(problem)
        if in_github:
            print(problem.github_annotation())


def _check(args: argparse.Namespace) -> int:
    entries, problems = check_paths([Path(p) for p in args.paths])
    problems = sorted(problems + audit(entries))  # the copy editor's warnings never fail the check
    _print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"\n{errors} fejl og {count(warnings, 'advarsel', 'advarsler')}. Ret fejlene og kør tjekket igen.",
              file=sys.stderr)
        return 1
    print(f"{count(len(entries), 'sag', 'sager')} er i orden"
          + (f" ({count(warnings, 'advarsel', 'advarsler')})." if warnings else "."), file=sys.stderr)
    if not args.no_hints:  # suggestions only: they never change the exit code
        hints = [hint.problem() for hint in HintFinder(Corpus.from_entries(entries)).hints()]
        _print_problems(hints)
        if hints:
            print(f"{count(len(hints), 'tip', 'tip')} om løfter, som rapporter uden repeats måske kritiserer igen "
                  "(slå dem fra med --no-hints).", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    code, problems = build_site(Path(args.config_file), Path(args.site_dir), Path(args.cases), strict=not args.no_strict)
    _print_problems(problems)
    if code:
        print(f"Bygningen fejlede; {args.site_dir}/ er uændret.", file=sys.stderr)
    else:
        print(f"Siden er bygget i {args.site_dir}/.", file=sys.stderr)
    return code


def _add_check(commands) -> None:
    check = commands.add_parser("check", help="tjek sagernes filer og vis alle fejl",
                                description="Tjek sagernes filer og vis hver fejl med fil, linje og felt.")
    check.add_argument("paths", nargs="*", default=["cases"], metavar="STI",
                       help="filer eller mapper (standard: cases)")
    check.add_argument("--no-hints", action="store_true",
                       help="foreslå ikke tidligere løfter, som rapporter uden repeats måske kritiserer igen")
    check.set_defaults(run=_check)


def _add_build(commands) -> None:
    build = commands.add_parser("build", help="tjek sagerne og byg siden (site/ bevares, hvis noget fejler)",
                                description="Tjek sagerne og byg siden. Fejler noget, er den sidste gode site/ uændret.")
    build.add_argument("--config-file", default="mkdocs.yml", metavar="FIL",
                       help="MkDocs' indstillinger (standard: mkdocs.yml)")
    build.add_argument("--site-dir", default="site", metavar="MAPPE", help="hvor siden skrives (standard: site)")
    build.add_argument("--cases", default="cases", metavar="MAPPE", help="mappen med sagerne (standard: cases)")
    build.add_argument("--no-strict", action="store_true", help="lad MkDocs' advarsler gå igennem uden at fejle")
    build.set_defaults(run=_build)


# Each subcommand registers itself here; keep one function per command.
SUBCOMMANDS = [_add_check, add_new_command, _add_build, add_schema_command, add_bench_command, add_links_command,
               add_archive_command, add_from_issue_command, add_queue_command]


def build_parser() -> argparse.ArgumentParser:
    parser = DanishArgumentParser(prog="jobcentertjek", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True, title="kommandoer", metavar="KOMMANDO")
    for add in SUBCOMMANDS:
        add(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
