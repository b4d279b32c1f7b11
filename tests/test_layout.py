"""The package's layout: subpackages by concern, each importing only from the layers below it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "jobcentertjek"
# What each part may import from; a module may always import from its own subpackage.
ALLOWED = {
    "entries": set(),
    "contribute": {"entries"},
    "site": {"entries"},
    "outputs": {"entries", "site"},
    "publish": {"entries", "site", "outputs"},
    "bench": {"entries", "contribute", "site", "outputs", "publish"},
    "top": {"entries", "contribute", "site", "outputs", "publish", "bench", "argparse_da"},
}


def imported_parts(path: Path) -> set[str]:
    """The subpackages (or top-level modules) of jobcentertjek a module imports from."""
    part = path.parent.name if path.parent != PACKAGE else "top"
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:  # relative: resolve against this module's package
            base = [] if part == "top" else [part]
            base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
            dotted = [*base, *(node.module.split(".") if node.module else [])]
            names = dotted or [alias.name for alias in node.names]
        elif node.module and node.module.split(".")[0] == "jobcentertjek":
            names = node.module.split(".")[1:] or [alias.name for alias in node.names]
        else:
            continue
        found.add(names[0] if isinstance(names, list) else names)
    return found - {part}


def test_modules_live_in_subpackages_by_concern():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == ["__init__", "argparse_da", "cli"]
    assert {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} == set(ALLOWED) - {"top"}


def test_each_part_imports_only_from_the_layers_below_it():
    wrong = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        part = path.parent.name if path.parent != PACKAGE else "top"
        if extra := imported_parts(path) - ALLOWED[part]:
            wrong[str(path.relative_to(PACKAGE))] = sorted(extra)
    assert wrong == {}
