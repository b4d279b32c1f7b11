"""Read one YAML file safely into plain data, remembering where every value stood.

PyYAML's own constructors lose positions, turn ``2019-13-01`` into a bare ValueError,
accept duplicate keys and expand aliases. So we only let PyYAML (its C parser when
installed) compose the node graph, and build the Python values ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

try:  # libyaml is several times faster; the pure-Python loader behaves the same
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader

from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
Path_ = tuple  # a path into the data: ("promises", 0, "status")

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class _Loader(_SafeLoader):
    """SafeLoader without the timestamp resolver: dates stay text and are checked by us."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}

_SCALARS = yaml.constructor.SafeConstructor()
_SCALAR_BUILDERS = {
    "tag:yaml.org,2002:str": lambda node: node.value,
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
}


@dataclass
class LoadedYaml:
    """The data of one file and the (line, column) of each value and mapping key in it."""

    data: object
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Best known position for ``path``: the key or value itself, else its nearest parent."""
        path = tuple(path)
        while True:
            table = self.key_positions if key else self.positions
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            if not path:
                return (1, 1)
            path = path[:-1]


class _Builder:
    def __init__(self, filename: str):
        self.filename = filename
        self.result = LoadedYaml(data=None)
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def problem(self, node, field_name: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.filename, mark.line + 1, mark.column + 1, field_name, message))

    def build(self, node, path: Path_ = ()):
        if id(node) in self._seen:  # an alias: refuse rather than expand (no "billion laughs")
            self.problem(node, _field(path), "anker og alias (& og *) er ikke tilladt; skriv værdien ud")
            return None
        self._seen.add(id(node))
        self.result.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_BUILDERS:
            try:
                return _SCALAR_BUILDERS[node.tag](node)
            except (ValueError, TypeError):
                self.problem(node, _field(path), f"kan ikke læse værdien {node.value!r}")
                return None
        self.problem(node, _field(path), f"YAML-mærket {node.tag!r} er ikke tilladt; skriv almindelig tekst, tal eller lister")
        return None

    def _mapping(self, node, path: Path_) -> dict:
        if node.tag != "tag:yaml.org,2002:map":
            self.problem(node, _field(path), f"YAML-mærket {node.tag!r} er ikke tilladt")
            return {}
        result: dict = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:str"):
                self.problem(key_node, _field(path), "et feltnavn skal være almindelig tekst")
                continue
            key = key_node.value
            if key in result:
                self.problem(key_node, _field(path + (key,)), f"feltet {key!r} står to gange; slet det ene")
                continue
            self.result.key_positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
        return result


def _field(path: Path_) -> str:
    """A path as contributors write it: ``promises[0].status``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(hele filen)"


field_name = _field


def _decode(raw: bytes, filename: str) -> tuple[str | None, list[Problem]]:
    """Strict UTF-8 without BOM or control characters, with the position of the first bad byte."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(filename, 1, 1, "(hele filen)",
                              f"filen fylder {len(raw):,} byte; en sag må højst fylde {MAX_FILE_BYTES:,} byte".replace(",", "."))]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(filename, 1, 1, "(hele filen)", "filen begynder med et BOM-tegn; gem den som UTF-8 uden BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(filename, line, column, "(hele filen)", "filen er ikke gemt som UTF-8; gem den med tegnsættet UTF-8")]
    problems = []
    for match in _CONTROL_CHARS.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(Problem(filename, line, column, "(hele filen)",
                                f"usynligt kontroltegn U+{ord(match.group()):04X}; slet det"))
    return (None if problems else text), problems


def load_yaml(raw: bytes, filename: str) -> tuple[LoadedYaml | None, list[Problem]]:
    """Parse one file; returns the data (None when unusable) and every problem found."""
    text, problems = _decode(raw, filename)
    if text is None:
        return None, problems
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, filename)]
    except yaml.YAMLError as exc:  # reader errors carry no mark
        return None, [Problem(filename, 1, 1, "yaml", f"filen kan ikke læses som YAML: {exc}")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(filename, 1, 1, "(hele filen)", "filen er tom")]
    builder = _Builder(filename)
    builder.result.data = builder.build(node)
    if not isinstance(builder.result.data, dict) and not builder.problems:
        builder.problem(node, "(hele filen)", "filen skal bestå af felter (navn: værdi), ikke en liste eller en enkelt værdi")
    return (None if builder.problems else builder.result), builder.problems


_SYNTAX_HINTS = (
    ("found character '\\t'", "der står et tabulatortegn; ryk ind med mellemrum i stedet"),
    ("expected a single document", "filen indeholder flere YAML-dokumenter (---); en fil er én sag"),
    ("found unexpected end of stream", "en anførselstegn er ikke lukket"),
    ("mapping values are not allowed", "et kolon står et sted, hvor det ikke må; sæt teksten i anførselstegn, eller ret indrykningen"),
    ("did not find expected key", "indrykningen er forkert; felter på samme niveau skal stå lige under hinanden"),
    ("did not find expected '-' indicator", "indrykningen i en liste er forkert"),
    ("could not find expected ':'", "et felt mangler sit kolon, eller en anførselstegn er ikke lukket"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, filename: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    raw = f"{exc.context or ''} {exc.problem or ''}"
    message = next((hint for needle, hint in _SYNTAX_HINTS if needle in raw), None)
    if message is None:
        message = f"filen kan ikke læses som YAML ({(exc.problem or exc.context or '').strip()})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(filename, line, column, "yaml", message)
