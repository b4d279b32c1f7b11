"""The ``jobcentertjek`` command: check entries, start new ones, build the site, benchmark."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .validate import check_paths


def _check(args: argparse.Namespace) -> int:
    entries, problems = check_paths([Path(p) for p in args.paths])
    in_github = bool(os.environ.get("GITHUB_ACTIONS"))
    for problem in problems:
        print(problem)
        if in_github:
            print(problem.github_annotation())
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"\n{errors} fejl og {warnings} advarsler. Ret fejlene og kør tjekket igen.", file=sys.stderr)
        return 1
    print(f"{len(entries)} sager er i orden" + (f" ({warnings} advarsler)." if warnings else "."), file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobcentertjek", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate entry files and print every problem")
    check.add_argument("paths", nargs="*", default=["cases"], help="files or folders (default: cases)")
    check.set_defaults(run=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
