"""A check written into a plan's file as a few inserted lines, not a re-dump of the file.

The file is an editor's work: its comments, its wrapping, its quotes and the order of its
fields stay as they are. The new check goes after the last check under the promise's
``checks:``, at the indentation its items have, or, when the promise has none yet, as a new
``checks:`` at the end of the promise. The result is read back, and must be the old file's
data with exactly that check added.
"""

from __future__ import annotations

import re

import yaml

from ..entries.yamlload import LoadedYaml
from .entryfiles import yaml_lines

_EMPTY_FLOW = re.compile(r"^(?P<key>\s*checks:)\s*\[\s*\]\s*(?:#.*)?$")


class InsertError(Exception):
    """Why the check cannot be put into the file as a small insertion, in Danish."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _block_end(lines: list[str], start: int, belongs) -> int:
    """The index after the last content line, from ``start`` on, for which ``belongs(line)`` holds
    (blank and comment lines between them are inside; those after the last one are not)."""
    last = start - 1
    for index in range(start, len(lines)):
        line = lines[index]
        if not _is_content(line):
            continue
        if not belongs(line):
            break
        last = index
    return last + 1


def insert_check(text: str, located: LoadedYaml, promise_index: int, check: dict) -> tuple[str, list[str], int]:
    """``text`` with ``check`` added under the ``checks`` of promise number ``promise_index``
    (from 0): the new text, the lines inserted, and the line number (from 1) of the first."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    promise = ("promises", promise_index)
    checks_key = located.key_positions.get((*promise, "checks"))
    if checks_key is not None:
        at, column = checks_key[0] - 1, checks_key[1] - 1
        if (flow := _EMPTY_FLOW.match(lines[at])) is not None:  # "checks: []"
            new = [flow.group("key"), *yaml_lines([check], column + 2)]
            lines[at:at + 1] = new
            inserted, first = new, at
        elif lines[at].rstrip().endswith(":") or "#" in lines[at].split(":", 1)[1]:
            end = _block_end(lines, at + 1, lambda line: _indent(line) > column
                             or (_indent(line) == column and line.lstrip().startswith("-")))
            items = [_indent(line) for line in lines[at + 1:end] if line.lstrip().startswith("- ")]
            inserted = yaml_lines([check], items[0] if items else column + 2)
            lines[end:end] = inserted
            first = end
        else:
            raise InsertError("løftets checks står på én linje i [ ]; skriv dem som en liste med én efterprøvning "
                              "pr. punkt, så kan den nye sættes ind")
    else:
        if promise not in located.positions:
            raise InsertError(f"løfte nummer {promise_index + 1} findes ikke i filen")
        start, column = (n - 1 for n in located.positions[promise])
        end = _block_end(lines, start + 1, lambda line: _indent(line) >= column)
        inserted = [" " * column + "checks:", *yaml_lines([check], column + 2)]
        lines[end:end] = inserted
        first = end
    new_text = newline.join(lines)
    _same_but_the_check(text, new_text, promise_index, check)
    return new_text, inserted, first + 1


def _same_but_the_check(old: str, new: str, promise_index: int, check: dict) -> None:
    """The new file reads as the old one with the check added, and as nothing else."""
    try:
        before, after = yaml.safe_load(old), yaml.safe_load(new)
    except yaml.YAMLError:
        raise InsertError("filen kan ikke læses, når efterprøvningen er sat ind; ret den i hånden") from None
    added = yaml.safe_load("\n".join(yaml_lines([check], 0)))[0]
    before["promises"][promise_index]["checks"] = [*(before["promises"][promise_index].get("checks") or []), added]
    if after != before:
        raise InsertError("efterprøvningen kan ikke sættes ind uden at ændre andet i filen; ret den i hånden")
