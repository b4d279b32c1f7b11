"""The ``jobcentertjek`` command: check entries, start new ones, build the site, benchmark."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .bench import add_bench_command
from .build import build_site
from .corpus import Corpus
from .hints import HintFinder
from .opendata import add_schema_command
from .scaffold import add_new_command
from .validate import check_paths


def _print_problems(problems) -> None:
    in_github = bool(os.environ.get("GITHUB_ACTIONS"))
    for problem in problems:
        print(problem)
        if in_github:
            print(problem.github_annotation())


def _check(args: argparse.Namespace) -> int:
    entries, problems = check_paths([Path(p) for p in args.paths])
    _print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"\n{errors} fejl og {warnings} advarsler. Ret fejlene og kør tjekket igen.", file=sys.stderr)
        return 1
    print(f"{len(entries)} sager er i orden" + (f" ({warnings} advarsler)." if warnings else "."), file=sys.stderr)
    if not args.no_hints:  # suggestions only: they never change the exit code
        hints = [hint.problem() for hint in HintFinder(Corpus.from_entries(entries)).hints()]
        _print_problems(hints)
        if hints:
            print(f"{len(hints)} tip om løfter, som rapporter uden repeats måske kritiserer igen "
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
    check = commands.add_parser("check", help="validate entry files and print every problem")
    check.add_argument("paths", nargs="*", default=["cases"], help="files or folders (default: cases)")
    check.add_argument("--no-hints", action="store_true",
                       help="do not suggest earlier promises that reports without repeats may concern")
    check.set_defaults(run=_check)


def _add_build(commands) -> None:
    build = commands.add_parser("build", help="validate, then build the site atomically (site/ survives failures)")
    build.add_argument("--config-file", default="mkdocs.yml")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--cases", default="cases")
    build.add_argument("--no-strict", action="store_true", help="do not treat MkDocs warnings as errors")
    build.set_defaults(run=_build)


# Each subcommand registers itself here; keep one function per command.
SUBCOMMANDS = [_add_check, add_new_command, _add_build, add_schema_command, add_bench_command]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobcentertjek", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
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
