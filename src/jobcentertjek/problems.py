"""The one error type of the project: a problem in a contributor's file, with its position."""

from __future__ import annotations

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
    severity: str = "error"  # "error" fails the check; "warning" is printed only

    def __str__(self) -> str:
        prefix = "advarsel: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {prefix}{self.message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        kind = "warning" if self.severity == "warning" else "error"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{kind} file={self.path},line={self.line},col={self.column},"
            f"title={self.field}::{message}"
        )


class ValidationFailed(Exception):
    """Raised when entries cannot be used; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
