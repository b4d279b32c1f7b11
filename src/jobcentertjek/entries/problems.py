"""The one error type of the project: a problem in a contributor's file, with its position."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong (or suspicious, for warnings) at a place in a file.

    Printed as ``path:line:column: field: message`` so editors and CI annotations
    can jump to it. Lines and columns count from 1.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: str = "error"  # "error" fails the check; "warning" and "hint" are printed only

    def __str__(self) -> str:
        """One line, whatever the file's name or its field names contain."""
        prefix = {"warning": "advarsel: ", "hint": "tip: "}.get(self.severity, "")
        return _one_line(f"{self.path}:{self.line}:{self.column}: {self.field}: {prefix}{self.message}")

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command.

        File names and field names come from a contributor's pull request: escaped as the
        workflow-command syntax requires, they cannot end the command or start another.
        """
        kind = {"warning": "warning", "hint": "notice"}.get(self.severity, "error")
        return (
            f"::{kind} file={_property(self.path)},line={self.line},col={self.column},"
            f"title={_property(self.field)}::{_data(self.message)}"
        )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class ValidationFailed(Exception):
    """Raised when entries cannot be used; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
