"""Read one YAML file safely into plain data, remembering where every value stood.

PyYAML's own constructors lose positions, turn ``2019-13-01`` into a bare ValueError,
accept duplicate keys and expand aliases. So we let PyYAML (its C parser when
installed) only parse: a first pass over the parser's events refuses what could hurt
(aliases, deep nesting, huge files, several documents), then the composed node graph is
turned into Python values by us. The C and the pure-Python parser word their errors
differently; both are translated into the same plain Danish messages.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 20  # a real entry nests 5 deep; PyYAML's composers recurse (libyaml's can crash)
MAX_NODES = 10_000  # a long report has a few hundred values
Path_ = tuple  # a path into the data: ("promises", 0, "status")

# Invisible or confusing characters: C0/C1 controls (not tab, newline, carriage return),
# bidirectional overrides ("Trojan Source"), line/paragraph separators, a BOM inside the
# text, and the non-characters PyYAML's reader refuses.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")


def _without_timestamps(base: type) -> type:
    """A loader class whose dates stay text; ``PartialDate`` checks them with clear messages."""
    loader = type(f"_{base.__name__}", (base,), {})
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return loader


LOADERS = {"python": _without_timestamps(yaml.SafeLoader)}
if yaml.__with_libyaml__:  # libyaml is several times faster; both must behave the same
    LOADERS["c"] = _without_timestamps(yaml.CSafeLoader)
LOADER = "c" if "c" in LOADERS else "python"  # tests switch this to compare the two

_SCALARS = yaml.constructor.SafeConstructor()
_SCALAR_BUILDERS = {
    "tag:yaml.org,2002:str": lambda node: node.value,
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
}
_ALIAS_MESSAGE = "anker og alias (& og *) er ikke tilladt; skriv værdien ud hvert sted"


@dataclass
class LoadedYaml:
    """The data of one file and the (line, column) of each value and mapping key in it."""

    data: object
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    text: str = ""  # the file's text, to find where inside a long value something stands
    spans: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # value path -> text indices

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

    def positions_of(self, path: Path_, needles: list[str]) -> list[tuple[int, int]]:
        """Where each of ``needles`` (found in order in the value at ``path``) stands in the file.

        A multi-line value (``summary: |``) starts lines above the text in question, so we
        look for the text itself in the value's part of the file. Text that YAML changed
        (folded across lines, written with escapes) falls back to where the value starts.
        """
        start, end = self.spans.get(tuple(path), (0, 0))
        found = []
        for needle in needles:
            index = self.text.find(needle, start, end) if needle else -1
            if index < 0:
                found.append(self.position(path))
                continue
            found.append(self._line_column(index))
            start = index + len(needle)
        return found

    def _line_column(self, index: int) -> tuple[int, int]:
        starts = self.__dict__.setdefault("_line_starts", [0] + [m.end() for m in re.finditer("\n", self.text)])
        line = bisect.bisect_right(starts, index)
        return line, index - starts[line - 1] + 1


def _mark(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _written_tag(tag: str) -> str:
    """A tag as the contributor wrote it: ``!!python/object/apply:os.system``, not the URI."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class _Builder:
    def __init__(self, filename: str, text: str):
        self.filename = filename
        self.result = LoadedYaml(data=None, text=text)
        self.problems: list[Problem] = []

    def problem(self, node, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.filename, *_mark(node.start_mark), field_name, message))

    def build(self, node, path: Path_ = ()):
        """Plain data from a node graph that ``_scan`` checked (no aliases, shallow)."""
        self.result.positions[path] = _mark(node.start_mark)
        self.result.spans[path] = (node.start_mark.index, node.end_mark.index)
        if isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:map":
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_BUILDERS:
            try:
                return _SCALAR_BUILDERS[node.tag](node)
            except (ValueError, TypeError, OverflowError):
                self.problem(node, _field(path), f"kan ikke læse værdien {node.value!r}")
                return None
        self.problem(node, _field(path), f"YAML-mærket {_written_tag(node.tag)!r} er ikke tilladt; "
                                         "skriv almindelig tekst, tal eller lister")
        return None

    def _mapping(self, node, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:str"):
                self.problem(key_node, _field(path), "et feltnavn skal være almindelig tekst, fx title")
                continue
            key = key_node.value
            if key in result:
                self.problem(key_node, _field(path + (key,)), f"feltet {key!r} står to gange; slet det ene")
                continue
            self.result.key_positions[path + (key,)] = _mark(key_node.start_mark)
            result[key] = self.build(value_node, path + (key,))
        return result


def _field(path: Path_) -> str:
    """A path as contributors write it: ``promises[0].status``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(hele filen)"


field_name = _field


_INVISIBLE = {
    "\t": "der står et tabulatortegn; brug mellemrum i stedet",
    "\r": "linjeskift af den gamle Mac-slags (CR); gem filen med almindelige linjeskift",
}


def _whole_file(filename: str, message: str, line: int = 1, column: int = 1) -> Problem:
    return Problem(filename, line, column, "(hele filen)", message)


def too_big(size: int, filename: str) -> Problem | None:
    """Checked on the file's size before anything is read or parsed."""
    if size <= MAX_FILE_BYTES:
        return None
    return _whole_file(filename, f"filen fylder {size:,} byte; en sag må højst fylde {MAX_FILE_BYTES:,} byte"
                       .replace(",", "."))


def _decode(raw: bytes, filename: str) -> tuple[str | None, list[Problem]]:
    """Strict UTF-8 without BOM, tabs or control characters, with the position of each."""
    if big := too_big(len(raw), filename):
        return None, [big]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [_whole_file(filename, "filen begynder med et usynligt BOM-tegn; gem den som UTF-8 uden BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        return None, [_whole_file(filename, "filen er ikke gemt som UTF-8; gem den med tegnsættet UTF-8 "
                                  "(æ, ø og å skal kunne læses)", raw.count(b"\n", 0, exc.start) + 1, column)]
    problems = []
    for match in re.finditer(r"\t|\r(?!\n)|" + _CONTROL_CHARS.pattern, text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        char = match.group()
        message = _INVISIBLE.get(char, f"usynligt kontroltegn U+{ord(char):04X}; slet det")
        problems.append(_whole_file(filename, message, line, column))
    return (None if problems else text), problems


def load_yaml(raw: bytes, filename: str) -> tuple[LoadedYaml | None, list[Problem]]:
    """Parse one file; returns the data (None when unusable) and every problem found."""
    text, problems = _decode(raw, filename)
    if text is None:
        return None, problems
    problems = _scan(text, filename)
    if problems:
        return None, problems
    loader = LOADERS[LOADER](text)
    try:
        node = loader.get_single_node()  # safe now: _scan found one shallow document, no aliases
    finally:
        loader.dispose()
    if node is None:
        return None, [_whole_file(filename, "filen er tom; skriv sagens felter (se README)")]
    builder = _Builder(filename, text)
    builder.result.data = builder.build(node)
    if not isinstance(builder.result.data, dict) and not builder.problems:
        builder.problem(node, "(hele filen)", "filen skal bestå af felter (navn: værdi), ikke en liste eller en enkelt værdi")
    return (None if builder.problems else builder.result), builder.problems


def _scan(text: str, filename: str) -> list[Problem]:
    """Parse without building anything: syntax errors, several documents, aliases, depth, size."""
    try:
        return _scan_events(LOADERS[LOADER](text), filename)
    except yaml.MarkedYAMLError as exc:
        return [_syntax_problem(exc, filename)]
    except yaml.YAMLError:  # the reader's; _decode already refuses the characters it refuses
        return [Problem(filename, 1, 1, "yaml", "filen indeholder tegn, som YAML ikke kan læse")]


def _scan_events(loader, filename: str) -> list[Problem]:
    depth = nodes = documents = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return [Problem(filename, *_mark(event.start_mark), "yaml",
                                    "filen indeholder flere YAML-dokumenter (en linje med ---); én fil er én sag")]
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return [Problem(filename, *_mark(event.start_mark), "yaml", _ALIAS_MESSAGE)]
            nodes += isinstance(event, yaml.NodeEvent)
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_DEPTH:
                return [Problem(filename, *_mark(event.start_mark), "yaml",
                                f"lister og felter står inden i hinanden i mere end {MAX_DEPTH} niveauer; "
                                "en sag har højst 5")]
            if nodes > MAX_NODES:
                return [Problem(filename, *_mark(event.start_mark), "yaml",
                                f"filen har mere end {MAX_NODES:,} værdier; del sagen op".replace(",", "."))]
    finally:
        loader.dispose()
    return []


# Both parsers' wording (libyaml's and PyYAML's), matched on "context problem", first hit wins.
_COLON = "et kolon står et sted, hvor det ikke må; sæt teksten i anførselstegn, eller ret indrykningen"
_SYNTAX_HINTS = (
    ("escape character", "en omvendt skråstreg (\\) i dobbelte anførselstegn skal skrives \\\\; "
                         "eller brug enkelte anførselstegn"),
    ("while scanning a quoted scalar", "anførselstegnet, der begynder her, bliver aldrig lukket"),
    ("while scanning a simple key", "et felt mangler sit kolon (navn: værdi), eller en tekst fortsætter på næste "
                                    "linje uden at være rykket ind"),
    ("mapping values are not allowed", _COLON),
    ("unexpected ':'", _COLON),
    ("while parsing a block mapping", "indrykningen er forkert; felter på samme niveau skal stå lige under hinanden"),
    ("while parsing a block collection", "indrykningen i en liste er forkert; alle '- ' i samme liste skal stå "
                                         "lige under hinanden"),
    ("sequence entries are not allowed", "en linje med '- ' står et sted, hvor der ikke kan begynde en liste; "
                                         "ret indrykningen"),
    ("while parsing a flow sequence", "en liste i [ ] er ikke lukket med ], eller der mangler et komma"),
    ("while parsing a flow mapping", "en { } er ikke lukket med }, eller der mangler et komma"),
    ("node content", "her mangler en værdi; sæt teksten i anførselstegn, hvis den begynder med et specialtegn"),
    ("while scanning a block scalar", "efter | eller > må der ikke stå tekst; teksten skal begynde på næste linje"),
    ("while scanning an alias", _ALIAS_MESSAGE),
    ("while scanning an anchor", _ALIAS_MESSAGE),
    ("found undefined alias", _ALIAS_MESSAGE),
    ("tag", "et udråbstegn (!) foran en værdi er et YAML-mærke; sæt teksten i anførselstegn"),
    ("mapping keys are not allowed", "et spørgsmålstegn (?) foran en værdi er ikke tilladt her; sæt teksten "
                                     "i anførselstegn"),
    ("that cannot start any token", "tegnene @ og ` må ikke stå først i en værdi; sæt teksten i anførselstegn"),
    ("directive", "en linje, der begynder med %, er ikke tilladt; sæt teksten i anførselstegn"),
    ("document start", "her står noget efter en linje med --- eller ..., som ikke hører til sagen; slet det"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, filename: str) -> Problem:
    raw = f"{exc.context or ''} {exc.problem or ''}"
    message = next((hint for needle, hint in _SYNTAX_HINTS if needle in raw), None)
    if message is None:
        message = ("filen kan ikke læses som YAML; tjek indrykning, kolon og anførselstegn på linjen "
                   f"({(exc.problem or exc.context or '').strip()})")
    # An unclosed quote or a key without its colon is noticed lines later, and the parsers disagree
    # on where in a quoted text a bad escape is: point at where the text or the key begins.
    starts_earlier = "quoted scalar" in raw or "simple key" in raw
    mark = exc.context_mark if starts_earlier and exc.context_mark else exc.problem_mark or exc.context_mark
    line, column = _mark(mark) if mark else (1, 1)
    return Problem(filename, line, column, "yaml", message)
