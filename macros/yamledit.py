"""Targeted edits of a YAML file: change one value, add a key, add an item, and leave every other byte alone.

A rewrite by a YAML library would reflow long lines, requote texts, drop comments or change the
indentation of lists: a pull request of one changed status would show a hundred changed lines.
Here each edit is a replacement of a span of the file's text, found from PyYAML's node marks (the
exact start and end of every value), in the style the file already uses: a value in a flow
mapping (``{kosten: 8000}``) gets ``, besteed: 7400`` inside the braces; a block mapping gets a
new line at the indentation of its keys; a block list a new ``- `` line under its last item.
A new line ends as the file's lines end (``\r\n`` in a file saved on Windows), so that line endings
stay as they are too: read and write the file with ``newline=""``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Edit:
    start: int  # index into the text
    end: int
    text: str


def compose(text: str) -> yaml.Node:
    return yaml.compose(text, Loader=yaml.SafeLoader)


_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def scalar(value: object) -> str:
    """A value as YAML text: a whole number, a day (2026-12-01) or a plain word as it is; any other text
    double-quoted (JSON's quoting is YAML's too), so a note can hold a colon, a quote or a '#' and stay one text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if _is_day(text) or (re.fullmatch(r"[a-z][a-z_]*", text) and text not in _YAML_WORDS):
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_day(text: str) -> bool:
    return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) is not None


def newline_of(source: str) -> str:
    """The line ending the file uses: ``\r\n`` when its first line ends so, else ``\n``."""
    first = source.find("\n")
    return "\r\n" if first > 0 and source[first - 1] == "\r" else "\n"


def find_mapping(root: yaml.Node, line: int, key: str, value: str) -> yaml.MappingNode | None:
    """The mapping that starts on ``line`` (1-based) and has ``key: value`` (an action's id)."""
    todo = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            if node.start_mark.line + 1 == line and any(k.value == key and getattr(v, "value", None) == value for k, v in node.value):
                return node
            todo.extend(v for _, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return None


def value_of(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in mapping.value if k.value == key), None)


def replace(node: yaml.Node, text: str) -> Edit:
    return Edit(node.start_mark.index, node.end_mark.index, text)


def _content_end(source: str, node: yaml.Node) -> int:
    """Where the text of ``node`` really ends. A block list or mapping ends, for PyYAML, at the next
    token (possibly the next action's ``- id:``), so its last item is followed down to a scalar or a flow
    collection, whose end is exact; a block scalar's end is taken before its trailing blank lines,
    unless its ``+`` keeps them in the text."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    end = node.end_mark.index
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        header = re.match(r"[|>][0-9+-]*", source[node.start_mark.index:])
        if header is None or "+" not in header.group():
            end = node.start_mark.index + len(source[node.start_mark.index:end].rstrip())
    return end


def _after_line(source: str, node: yaml.Node) -> int:
    """Where a new line goes after ``node``: the start of the line after its last character."""
    end = _content_end(source, node)
    if end > 0 and source[end - 1] == "\n":
        return end
    newline = source.find("\n", end)
    return len(source) if newline < 0 else newline + 1


def add_key(source: str, mapping: yaml.MappingNode, key: str, value: str, block_value: list[str] | None = None) -> Edit:
    """``key: value`` as the mapping's last key; ``block_value``: lines of a nested block (a list) under the key."""
    if mapping.flow_style or not mapping.value:
        if not mapping.value:  # {} : inside the braces
            return Edit(mapping.start_mark.index + 1, mapping.start_mark.index + 1, f"{key}: {value}")
        last = mapping.value[-1][1]
        return Edit(last.end_mark.index, last.end_mark.index, f", {key}: {value}")
    indent = " " * mapping.value[0][0].start_mark.column
    at = _after_line(source, mapping.value[-1][1])
    nl = newline_of(source)
    lines = [f"{indent}{key}: {value}".rstrip()] + [f"{indent}  {line}" for line in block_value or []]
    return Edit(at, at, nl.join(lines) + nl if at < len(source) or source.endswith("\n") else nl + nl.join(lines))


def add_item(source: str, sequence: yaml.SequenceNode, item: str) -> Edit:
    """``item`` after the last item of the list, in its style."""
    if sequence.flow_style or not sequence.value:
        if not sequence.value:
            return Edit(sequence.start_mark.index + 1, sequence.start_mark.index + 1, item)
        last = sequence.value[-1]
        return Edit(last.end_mark.index, last.end_mark.index, f", {item}")
    dash = sequence.start_mark.column  # a block list starts at its first '-'
    at = _after_line(source, sequence.value[-1])
    nl = newline_of(source)
    line = f"{' ' * dash}- {item}"
    return Edit(at, at, line + nl if at < len(source) or source.endswith("\n") else nl + line)


def apply(source: str, edits: list[Edit]) -> str:
    # From the end of the text back, so earlier positions stay valid; of two insertions at one place the
    # later one first, so they end up in the order given.
    for _, edit in sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[1].end, pair[0]), reverse=True):
        source = source[:edit.start] + edit.text + source[edit.end:]
    return source
