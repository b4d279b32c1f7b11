"""Read one YAML file safely into plain data, remembering where every value stood.

PyYAML's own constructors lose positions, turn ``2019-13-01`` into a bare ValueError,
accept duplicate keys and expand aliases. So we let PyYAML (its C parser when
installed) only parse: one pass over the parser's events refuses what could hurt
(aliases, deep nesting, huge files, several documents) and builds the Python values with
their positions (one pass: validating thousands of entries is on every build's path).
The C and the pure-Python parser word their errors differently; both are translated into
the same plain Danish messages.
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
_MAYBE_INVISIBLE = re.compile("[\t\r" + _CONTROL_CHARS.pattern[1:])  # the same, with tab and carriage return


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
class Positions:
    """Where each value and mapping key of a file stands, by its path in the data."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # (line, column)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    spans: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # value path -> text indices


@dataclass
class LoadedYaml:
    """The data of one file and the (line, column) of each value and mapping key in it.

    Positions are only needed to point at a problem, so a file that loaded without one
    gets them when first asked for (a second, careful parse of its text).
    """

    data: object  # None once an entry's model holds it (see validate.load_entry)
    text: str = ""  # the file's text, to find where inside a long value something stands
    located: Positions | None = field(default=None, repr=False, compare=False)

    @property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        return self._located().values

    @property
    def key_positions(self) -> dict[Path_, tuple[int, int]]:
        return self._located().keys

    @property
    def spans(self) -> dict[Path_, tuple[int, int]]:
        return self._located().spans

    def _located(self) -> Positions:
        if self.located is None:
            loader = LOADERS[LOADER](self.text)
            try:
                builder = _Builder(loader, "", self.text)
                builder.run()
            finally:
                loader.dispose()
            self.located = builder.result.located
        return self.located

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


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
# A plain scalar can resolve to something other than text only if it starts with one of
# these (PyYAML's bool, null, int, float, merge and value resolvers); resolving is slow.
_MAYBE_NOT_TEXT = set("0123456789+-.~<=yYnNtTfFoO")
_PLAIN_TAGS: dict[str, str] = {}  # resolved tags of short plain scalars: keys and statuses repeat
_REFUSED = object()  # the key of a mapping value that is not built


class _Open:
    """A mapping or sequence whose events are still coming."""

    __slots__ = ("value", "path", "start", "key")

    def __init__(self, value, path: Path_, start):
        self.value, self.path, self.start, self.key = value, path, start, None


class _Builder:
    """Python values and their positions from the parser's events, in one pass.

    The same pass refuses what could hurt (aliases, several documents, deep nesting,
    too many values); on such a problem, only that problem is reported. The values are
    what PyYAML's composer and our rules would give: the composer's tag resolution,
    only plain tags, text keys, no duplicate keys.
    """

    def __init__(self, loader, filename: str, text: str):
        self.loader = loader
        self.filename = filename
        self.result = LoadedYaml(data=None, text=text, located=Positions())
        self.problems: list[Problem] = []
        self.open: list[_Open] = []
        self.skipping = 0  # depth inside a subtree that is not built
        self.skipped_span: tuple | None = None  # (path, start mark) of a refused collection
        self.root = None  # (value, start mark) of the document's node

    def problem(self, mark, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.filename, *_mark(mark), field_name, message))

    def run(self) -> Problem | None:
        """Build from every event; the refusing problem, if any."""
        depth = nodes = documents = 0
        next_event = self.loader.get_event
        while (event := next_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent or kind in _START:
                if event.anchor:
                    return self._refuse(event, _ALIAS_MESSAGE)
                nodes += 1
                depth += kind is not yaml.ScalarEvent
            elif kind in _END:
                depth -= 1
            elif kind is yaml.AliasEvent:
                return self._refuse(event, _ALIAS_MESSAGE)
            elif kind is yaml.DocumentStartEvent and documents:
                return self._refuse(event, "filen indeholder flere YAML-dokumenter (en linje med ---); én fil er én sag")
            else:
                documents += kind is yaml.DocumentStartEvent
                continue
            if depth > MAX_DEPTH:
                return self._refuse(event, f"lister og felter står inden i hinanden i mere end {MAX_DEPTH} "
                                           "niveauer; en sag har højst 5")
            if nodes > MAX_NODES:
                return self._refuse(event, f"filen har mere end {MAX_NODES:,} værdier; del sagen op".replace(",", "."))
            if self.skipping:
                self._skip_event(event, kind)
            elif kind in _END:
                done = self.open.pop()
                self.result.located.spans[done.path] = (done.start.index, event.end_mark.index)
            elif self.open:
                self._child(self.open[-1], event, kind)
            else:
                self.root = (self._value(event, kind, ()), event.start_mark)
        return None

    def _refuse(self, event, message: str) -> Problem:
        return Problem(self.filename, *_mark(event.start_mark), "yaml", message)

    def _child(self, parent: _Open, event, kind) -> None:
        if isinstance(parent.value, list):
            parent.value.append(self._value(event, kind, parent.path + (len(parent.value),)))
        elif parent.key is None:
            self._key(parent, event, kind)
        elif parent.key is _REFUSED:
            parent.key = None
            self._skip(event, kind)
        else:
            key, parent.key = parent.key, None
            parent.value[key] = self._value(event, kind, parent.path + (key,))

    def _key(self, parent: _Open, event, kind) -> None:
        if kind is yaml.ScalarEvent and self._tag(event, yaml.ScalarNode) == _STR:
            key, path = event.value, parent.path + (event.value,)
            if key in parent.value:
                self.problem(event.start_mark, _field(path), f"feltet {key!r} står to gange; slet det ene")
                parent.key = _REFUSED
            else:
                self.result.located.keys[path] = _mark(event.start_mark)
                parent.key = key
            return
        self.problem(event.start_mark, _field(parent.path), "et feltnavn skal være almindelig tekst, fx title")
        self._skip(event, kind)
        parent.key = _REFUSED

    def _value(self, event, kind, path: Path_):
        """The value an event starts: built at once (scalars) or filled in by later events."""
        self.result.located.values[path] = _mark(event.start_mark)
        if kind is yaml.ScalarEvent:
            self.result.located.spans[path] = (event.start_mark.index, event.end_mark.index)
            return self._scalar(event, path)
        node_kind, wanted = (yaml.MappingNode, _MAP) if kind is yaml.MappingStartEvent else (yaml.SequenceNode, _SEQ)
        tag = self._tag(event, node_kind)
        if tag == wanted:
            value = {} if node_kind is yaml.MappingNode else []
            self.open.append(_Open(value, path, event.start_mark))
            return value
        self._skip(event, kind, path)
        self._bad_tag(event, path, tag)
        return None

    def _scalar(self, event, path: Path_):
        tag = self._tag(event, yaml.ScalarNode)
        if tag == _STR:
            return event.value
        if tag not in _SCALAR_BUILDERS:
            return self._bad_tag(event, path, tag)
        try:
            return _SCALAR_BUILDERS[tag](yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark))
        except (ValueError, TypeError, OverflowError, KeyError, IndexError):  # "!!bool maybe", "!!int ''"
            self.problem(event.start_mark, _field(path), f"kan ikke læse værdien {event.value!r}")
            return None

    def _bad_tag(self, event, path: Path_, tag: str) -> None:
        self.problem(event.start_mark, _field(path), f"YAML-mærket {_written_tag(tag)!r} er ikke tilladt; "
                                                     "skriv almindelig tekst, tal eller lister")

    def _tag(self, event, node_kind) -> str:
        """The tag PyYAML's composer gives the node."""
        if node_kind is yaml.ScalarNode:
            return _scalar_tag(self.loader, event)
        if event.tag is not None and event.tag != "!":
            return event.tag
        return self.loader.resolve(node_kind, None, event.implicit)

    def _skip(self, event, kind, span_path: Path_ | None = None) -> None:
        """Leave out a refused value; a collection's events are passed over until it ends."""
        if kind is not yaml.ScalarEvent:
            self.skipping = 1
            self.skipped_span = None if span_path is None else (span_path, event.start_mark)

    def _skip_event(self, event, kind) -> None:
        self.skipping += 1 if kind in _START else -1 if kind in _END else 0
        if not self.skipping and self.skipped_span:
            path, start = self.skipped_span
            self.result.located.spans[path] = (start.index, event.end_mark.index)


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


_TAB_IN_TEXT = ("der står et tabulatortegn inde i teksten (det kommer tit med, når tekst kopieres fra Word eller "
                "en mail); erstat det med et mellemrum")


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
    if not _MAYBE_INVISIBLE.search(text):  # one character class scans three times faster
        return text, problems
    for match in re.finditer(r"\t|\r(?!\n)|" + _CONTROL_CHARS.pattern, text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        char = match.group()
        message = _INVISIBLE.get(char, f"usynligt kontroltegn U+{ord(char):04X}; slet det")
        if char == "\t" and match.start() and not text[match.start() - 1].isspace() and text[match.start() - 1] not in ":-":
            message = _TAB_IN_TEXT  # right after a word: pasted text, not indentation
        problems.append(_whole_file(filename, message, line, column))
    return (None if problems else text), problems


def load_yaml(raw: bytes, filename: str) -> tuple[LoadedYaml | None, list[Problem]]:
    """Parse one file; returns the data (None when unusable) and every problem found."""
    text, problems = _decode(raw, filename)
    if text is None:
        return None, problems
    quick = _quick_load(text)
    if quick is not _IRREGULAR:
        loaded = LoadedYaml(data=quick, text=text)
        return (None, [cut]) if (cut := _cut_by_comment(loaded, filename)) else (loaded, [])
    try:  # the careful builder says what is wrong, and where
        try:
            builder, refused = _careful(text, filename, LOADER)
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_NESTING not in str(exc.problem):
                raise
            # libyaml (0.2.6 and later) stops at its own nesting limit while it scans ahead,
            # before its events reach the builder's depth check; the pure-Python parser has no
            # such limit, so the builder refuses the file with our message at the right place.
            builder, refused = _careful(text, filename, "python")
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, filename, text)]
    except yaml.YAMLError:  # the reader's; _decode already refuses the characters it refuses
        return None, [Problem(filename, 1, 1, "yaml", "filen indeholder tegn, som YAML ikke kan læse")]
    if refused:
        return None, [refused]
    if builder.root is None:
        return None, [_whole_file(filename, "filen er tom; skriv sagens felter (se README)")]
    data, start = builder.root
    builder.result.data = data
    if not isinstance(data, dict) and not builder.problems:
        builder.problem(start, "(hele filen)", "filen skal bestå af felter (navn: værdi), ikke en liste eller en enkelt værdi")
    if not builder.problems and (cut := _cut_by_comment(builder.result, filename)):
        builder.problems.append(cut)
    return (None if builder.problems else builder.result), builder.problems


def _careful(text: str, filename: str, loader_name: str) -> tuple[_Builder, Problem | None]:
    loader = LOADERS[loader_name](text)
    try:
        builder = _Builder(loader, filename, text)
        return builder, builder.run()
    finally:
        loader.dispose()


_LIBYAML_NESTING = "maximum nesting depth"
_IRREGULAR = object()  # the quick loader's answer when the careful builder must look
_NO_KEY = object()


def _quick_load(text: str):
    """The data of a regular file in one lean pass, without positions, or ``_IRREGULAR``.

    Regular: one document whose root is a mapping; text keys, each once; no tags, anchors
    or aliases; within the depth and size limits; plain scalars that resolve to text,
    null, bool, int or float. For such a file the careful ``_Builder`` finds no problem
    and builds the same data, so it only runs on files it has something to say about.
    """
    try:
        loader = LOADERS[LOADER](text)
        try:
            return _quick_events(loader)
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return _IRREGULAR


def _quick_events(loader):
    open_: list[list] = []  # [container, pending key] of each mapping and sequence not yet ended
    root, depth, nodes, documents = None, 0, 0, 0
    next_event = loader.get_event
    while (event := next_event()) is not None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor or event.tag is not None:
                return _IRREGULAR
            value = event.value
            if event.implicit[0] and (not value or value[0] in _MAYBE_NOT_TEXT):  # maybe not text
                value = _scalar_value(loader, event)
        elif kind in _START:
            if event.anchor or event.tag is not None or depth == MAX_DEPTH:
                return _IRREGULAR
            value, depth = {} if kind is yaml.MappingStartEvent else [], depth + 1
        elif kind in _END:
            open_.pop()
            depth -= 1
            continue
        elif kind is yaml.AliasEvent or kind is yaml.DocumentStartEvent and documents:
            return _IRREGULAR
        else:  # the stream's and the document's start and end
            documents += kind is yaml.DocumentStartEvent
            continue
        nodes += 1
        if value is _IRREGULAR or nodes > MAX_NODES:
            return _IRREGULAR
        if not open_:
            root = value
        elif not _quick_attach(open_[-1], value):
            return _IRREGULAR
        if kind is not yaml.ScalarEvent:
            open_.append([value, _NO_KEY])
    return root if isinstance(root, dict) else _IRREGULAR


def _quick_attach(top: list, value) -> bool:
    """Put ``value`` into the innermost open container; False if it cannot be a key there."""
    if isinstance(top[0], list):
        top[0].append(value)
    elif top[1] is _NO_KEY:
        if type(value) is not str or value in top[0]:
            return False
        top[1] = value
    else:
        top[0][top[1]] = value
        top[1] = _NO_KEY
    return True


def _scalar_value(loader, event):
    """An untagged scalar's value as the careful builder gives it, or ``_IRREGULAR``."""
    tag = _scalar_tag(loader, event)
    if tag == _STR:
        return event.value
    if tag not in _SCALAR_BUILDERS:
        return _IRREGULAR
    try:
        return _SCALAR_BUILDERS[tag](yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark))
    except (ValueError, TypeError, OverflowError, KeyError, IndexError):
        return _IRREGULAR


def _scalar_tag(loader, event) -> str:
    """The tag PyYAML's composer gives a scalar (resolving is slow; short values repeat)."""
    if event.tag is not None and event.tag != "!":
        return event.tag
    value = event.value
    if not event.implicit[0] or value and value[0] not in _MAYBE_NOT_TEXT:  # quoted, or plain text
        return _STR
    if value not in _PLAIN_TAGS:
        tag = loader.resolve(yaml.ScalarNode, value, event.implicit)
        if len(value) > 40:
            return tag
        _PLAIN_TAGS[value] = tag
    return _PLAIN_TAGS[value]


# Both parsers' wording (libyaml's and PyYAML's), matched on "context problem", first hit wins.
_COLON = "et kolon står et sted, hvor det ikke må; sæt teksten i anførselstegn, eller ret indrykningen"
_ESCAPE = "en omvendt skråstreg (\\) i dobbelte anførselstegn skal skrives \\\\; eller brug enkelte anførselstegn"
_SYNTAX_HINTS = (
    ("escape character", _ESCAPE),
    ("hexdecimal number", _ESCAPE),  # libyaml's spelling, for "\x4" and the like
    ("escape sequence", _ESCAPE),  # PyYAML's, for the same
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


def _syntax_problem(exc: yaml.MarkedYAMLError, filename: str, text: str = "") -> Problem:
    raw = f"{exc.context or ''} {exc.problem or ''}"
    if cause := _cause_in_text(exc, text):
        return Problem(filename, *cause)
    message = next((hint for needle, hint in _SYNTAX_HINTS if needle in raw), None)
    if message is None:  # never the parser's own English words
        message = "filen kan ikke læses som YAML; tjek indrykning, kolon og anførselstegn på linjen"
    # An unclosed quote or a key without its colon is noticed lines later, and the parsers disagree
    # on where in a quoted text a bad escape is: point at where the text or the key begins.
    starts_earlier = "quoted scalar" in raw or "simple key" in raw
    mark = exc.context_mark if starts_earlier and exc.context_mark else exc.problem_mark or exc.context_mark
    line, column = _mark(mark) if mark else (1, 1)
    return Problem(filename, line, column, "yaml", message)


# --- the real cause of a syntax error, read from the line the parser stopped at ------------
# The parsers see where the structure breaks, not why: a quote inside a quoted text
# surfaces as "wrong indentation" further along the line. Both parsers stop at the same
# mark in each of these cases, so reading the contributor's line gives the same message.

_LINE = re.compile(r"(?P<lead>[ ]*(?:-[ ]+)*)(?:(?P<key>[A-Za-z_][\w-]*):[ ]+)?(?P<value>.*)")
_CURLY_QUOTES = "”“„"
_QUOTE_INSIDE = ("der står et anførselstegn (\") inde i en tekst, der selv står i anførselstegn, så teksten slutter "
                 "her; skriv ordet i »…« eller “…” (de kræver intet særligt), eller sæt hele teksten i enkelte "
                 "anførselstegn ('…')")
_QUOTE_FIRST = ("teksten begynder med et anførselstegn, så YAML læser kun det citerede som værdien og ikke resten "
                "af linjen; sæt hele teksten i enkelte anførselstegn ('…'), eller skriv ordet i »…« eller “…”")
_APOSTROPHE_INSIDE = ("der står en apostrof (') inde i en tekst, der selv står i enkelte anførselstegn, så teksten "
                      "slutter her; skriv apostroffen to gange (''), eller sæt hele teksten i dobbelte anførselstegn")
_APOSTROPHE_FIRST = ("teksten begynder med en apostrof ('), så YAML læser kun det citerede som værdien og ikke resten "
                     "af linjen; sæt hele teksten i dobbelte anførselstegn (\"…\")")
_BRACKET_FIRST = ("teksten begynder med {0}, så YAML læser den som en liste eller felter; sæt hele teksten i "
                  "anførselstegn, fx \"{0}…\"")
_COLON_IN_TEXT = ("der står et kolon og et mellemrum inde i teksten, og YAML læser det som et nyt felt; sæt hele "
                  "teksten i anførselstegn")
_DASH_FIRST = ("teksten begynder med '- ', og YAML læser det som en liste; sæt hele teksten i anførselstegn, "
               "eller skriv den uden bindestreg")
_SIGN_FIRST = "en tekst, der begynder med {0}, skal stå i anførselstegn, fx \"{0}…\""
_CURLY_CLOSE = ("anførselstegnet, der begynder her, bliver aldrig lukket: det typografiske {0} længere henne på "
                "linjen lukker ikke; slut teksten med \" i stedet, eller skriv den uden anførselstegn udenom")
_HASH_IN_TEXT = ("YAML læser alt fra ' #' til linjens slutning som en kommentar, så det kommer ikke med i teksten; "
                "sæt hele teksten i anførselstegn")


def _line_at(text: str, mark) -> str:
    lines = text.split("\n", mark.line + 1)
    return lines[mark.line] if mark.line < len(lines) else ""


def _cause_in_text(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str] | None:
    """(line, column, field, message) naming what the contributor wrote, or None."""
    problem, context = exc.problem_mark, exc.context_mark
    raw = f"{exc.context or ''} {exc.problem or ''}"
    if not text or problem is None:
        return None
    if "while scanning a quoted scalar" in raw and context is not None:
        rest = _line_at(text, context)[context.column:]
        curly = next((c for c in rest if c in _CURLY_QUOTES), None)
        if rest.startswith('"') and curly:
            return context.line + 1, context.column + 1, "yaml", _CURLY_CLOSE.format(curly)
        return None
    if ("scanning an alias" in raw or "scanning an anchor" in raw) and context is not None:
        problem = context  # the * or & itself, where the text begins
    line = _line_at(text, problem)
    parts = _LINE.fullmatch(line)
    start = parts.start("value")
    value = parts.group("value")
    if problem.column <= start or not value:
        return _at_value_start(raw, problem, line, parts)
    # The value ended before the line did: a quoted text or a [ ] / { } closed too early.
    ended = line[:problem.column].rstrip()
    at = len(ended)  # the closing character, counted from 1
    first, last = value[0], line.rstrip()[-1]
    if first == '"' and ended.endswith('"'):
        message = _QUOTE_INSIDE if last == '"' and at > start + 1 else _QUOTE_FIRST
    elif first == "'" and ended.endswith("'"):
        message = _APOSTROPHE_INSIDE if last == "'" and at > start + 1 else _APOSTROPHE_FIRST
    elif first in "[{" and ended.endswith("]}"["[{".index(first)]):
        message = _BRACKET_FIRST.format(first)
    elif ("mapping values" in raw or "unexpected ':'" in raw) and parts.group("key"):
        example = f', fx {parts.group("key")}: "{value}"' if '"' not in value and len(value) <= 60 else ""
        return problem.line + 1, problem.column + 1, "yaml", _COLON_IN_TEXT + example
    else:
        return None
    return problem.line + 1, at, "yaml", message


def _at_value_start(raw: str, problem, line: str, parts: re.Match) -> tuple[int, int, str, str] | None:
    """A value whose first character YAML reads as syntax: '- ', *, &, @, `, %."""
    if problem.column != parts.start("value") or problem.column >= len(line):
        return None
    sign = line[problem.column]
    if sign == "-" and "sequence entries" in raw:
        message = _DASH_FIRST
    elif sign in "*&@`%" and ("alias" in raw or "anchor" in raw or "cannot start any token" in raw):
        message = _SIGN_FIRST.format(sign)
    else:
        return None
    return problem.line + 1, problem.column + 1, "yaml", message


# "#MeToo", "sag #3": a # after a space starts a comment, so YAML silently drops the rest of
# the line. A comment written on purpose has a space after its #; these have a word.
_HASH_WORD = re.compile(r"[^\s#][ ]+#(?=[^\s#])")


def _cut_by_comment(loaded: LoadedYaml, filename: str) -> Problem | None:
    """The first text that a ' #word' cut short (its rest became a comment), if any."""
    for match in _HASH_WORD.finditer(loaded.text):
        index = match.end() - 1
        if loaded.text[loaded.text.rfind("\n", 0, index) + 1:index].lstrip().startswith("#"):
            continue  # a comment line that mentions a #
        if any(start <= index < end and _is_text(loaded.data, path) for path, (start, end) in loaded.spans.items()):
            continue  # inside a quoted or multi-line text: part of the text
        line, column = loaded._line_column(index)
        before = [(position, path) for path, position in loaded.positions.items()
                  if position[0] == line and position[1] < column]
        path = max(before, key=lambda pair: pair[0])[1] if before else ()
        return Problem(filename, line, column, _field(path) if path else "yaml", _HASH_IN_TEXT)
    return None


def _is_text(data, path: Path_) -> bool:
    for part in path:
        data = data[part]
    return not isinstance(data, (dict, list))
