"""Add a field to an entry file as a person would: one new line, and not a character else changed.

Dumping the data again would lose the comments, the quoting and the order the contributor
chose, so the new ``key: value`` is written into the text itself, right below a field of the
same mapping, at the positions the loader keeps (``yamlload.LoadedYaml``). The result is read
back and must hold exactly the old data plus the new fields, or nothing is written.
"""

from __future__ import annotations

import json

from ..entries.yamlload import LoadedYaml, load_yaml


class NotInsertable(Exception):
    """The new text would not read back as the old data plus the new fields."""


def insert_below(loaded: LoadedYaml, additions: list[tuple[tuple, str, str, str]], filename: str) -> str:
    """The file's text with each ``(mapping path, after key, new key, text value)`` added."""
    edits = sorted((_insertion(loaded, *addition) for addition in additions), reverse=True)
    text = loaded.text
    for index, piece in edits:
        text = text[:index] + piece + text[index:]
    _check(loaded, text, additions, filename)
    return text


def _insertion(loaded: LoadedYaml, mapping: tuple, after: str, key: str, value: str) -> tuple[int, str]:
    text = loaded.text
    start, end = loaded.spans[(*mapping, after)]
    if text[loaded.spans[mapping][0]] == "{":  # a flow mapping, {title: …, url: …}: on the same line
        return end, f", {key}: {json.dumps(value, ensure_ascii=False)}"
    quote = text[start] if text[start] in "\"'" else ""  # written as the field above it is
    written = json.dumps(value, ensure_ascii=False) if quote == '"' else \
        f"'{value.replace(chr(39), chr(39) * 2)}'" if quote else value
    newline = "\r\n" if "\r\n" in text else "\n"
    indent = " " * (loaded.key_positions[(*mapping, after)][1] - 1)
    if end and text[end - 1] == "\n":  # a value that ends with its line (a | or > block)
        return end, f"{indent}{key}: {written}{newline}"
    line_end = text.find("\n", end)  # after any comment on the field's line
    if line_end < 0:
        return len(text), f"{newline}{indent}{key}: {written}"
    return line_end + 1, f"{indent}{key}: {written}{newline}"


def _check(loaded: LoadedYaml, text: str, additions: list, filename: str) -> None:
    before, _ = load_yaml(loaded.text.encode("utf-8"), filename)
    after, _ = load_yaml(text.encode("utf-8"), filename)
    if before is None or after is None:
        raise NotInsertable(filename)
    expected = before.data
    for mapping, _after, key, value in additions:
        node = expected
        for part in mapping:
            node = node[part]
        node[key] = value
    if after.data != expected:
        raise NotInsertable(filename)
