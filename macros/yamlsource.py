"""Read YAML files into plain Python values that remember where they came from.

Two decisions live here:

* Positions. Mappings become :class:`SourceDict` and sequences :class:`SourceList`;
  both remember the file and the line of every key or item, so any later error can
  point at ``file:line``.
* Types. YAML 1.1 (PyYAML's default) reads ``no``/``yes``/``on`` as booleans,
  ``2021-10-14`` as a date and ``66.650`` as 66.65. We resolve implicitly only
  ``true``/``false``, ``null``/``~``, decimal integers and decimal fractions; every
  other plain scalar stays text, so the model decides what it means. Fractions
  become :class:`YamlFloat`, which keeps the text as written, so a Dutch amount
  like ``66.650`` can be recognised and explained instead of read as 66.65.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Position:
    file: str
    line: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class YamlFloat(float):
    """A float that remembers how it was written (``66.650`` stays ``'66.650'``)."""

    raw: str

    def __new__(cls, raw: str) -> "YamlFloat":
        obj = super().__new__(cls, float(raw))
        obj.raw = raw
        return obj


class SourceDict(dict):
    """A mapping with the position of itself and the line of each key.

    Lines are kept as ints (one Position object per value would cost a third of
    the load time of a large agenda); ``key_pos`` builds a Position on demand.
    """

    file: str
    line: int
    key_lines: dict[Any, int]
    key_files: dict[Any, str] | None = None  # only for the merge of several files

    @property
    def pos(self) -> Position:
        return Position(self.file, self.line)

    def key_pos(self, key: Any) -> Position:
        file = self.key_files.get(key, self.file) if self.key_files is not None else self.file
        return Position(file, self.key_lines.get(key, self.line))


class SourceList(list):
    """A sequence with the position of itself and the line of each item.

    Items merged from several files keep their own file in ``item_files``.
    """

    file: str
    line: int
    item_lines: list[int]
    item_files: list[str] | None = None

    @property
    def pos(self) -> Position:
        return Position(self.file, self.line)

    def item_pos(self, index: int) -> Position:
        file = self.item_files[index] if self.item_files is not None else self.file
        return Position(file, self.item_lines[index])


class YamlSyntaxError(Exception):
    def __init__(self, pos: Position, message: str):
        super().__init__(message)
        self.pos = pos
        self.message = message


# libyaml's parser when PyYAML was built with it (ten times faster); same results.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader with our small set of implicit types and position tracking."""

    filename = "<yaml>"

    # PyYAML's resolver walks a table of regexes per scalar; ours has four types,
    # checked directly (a third of the parse time of a large agenda).
    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                if not value:
                    return _NULL
                first = value[0]
                if first in "-+0123456789":
                    if _INT.match(value):
                        return _INT_TAG
                    if _FLOAT.match(value):
                        return _FLOAT_TAG
                elif first in "tTfF":
                    if _BOOL.match(value):
                        return _BOOL_TAG
                elif first in "~nN" and _NULL_VALUE.match(value):
                    return _NULL
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # no path resolvers

    def ascend_resolver(self) -> None:
        pass


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_NULL, _BOOL_TAG = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_NULL_VALUE = re.compile(r"(?:~|null|Null|NULL)\Z")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+\Z")


_SCALARS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": YamlFloat,
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
    "tag:yaml.org,2002:null": lambda text: None,
}


_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode


def _build(node: yaml.Node, filename: str) -> Any:
    """Nodes to values in one direct pass (PyYAML's generic constructor is 3x slower)."""
    kind = type(node)
    if kind is _ScalarNode:
        convert = _SCALARS.get(node.tag)
        if convert is str:
            return node.value
        if convert is None:
            raise YamlSyntaxError(Position(filename, node.start_mark.line + 1), f"onbekende YAML-tag {_show_tag(node.tag)}; laat de tag weg")
        return convert(node.value)
    if kind is _SequenceNode:
        if node.tag != _SEQ:
            raise YamlSyntaxError(Position(filename, node.start_mark.line + 1), f"onbekende YAML-tag {_show_tag(node.tag)}; laat de tag weg")
        children = node.value
        seq = SourceList([_build(child, filename) for child in children])
        seq.file, seq.line = filename, node.start_mark.line + 1
        seq.item_lines = [child.start_mark.line + 1 for child in children]
        return seq
    if node.tag != _MAP:
        raise YamlSyntaxError(Position(filename, node.start_mark.line + 1), f"onbekende YAML-tag {_show_tag(node.tag)}; laat de tag weg")
    mapping = SourceDict()
    mapping.file, mapping.line = filename, node.start_mark.line + 1
    lines: dict[Any, int] = {}
    mapping.key_lines = lines
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if type(key_node) is not _ScalarNode:
            raise YamlSyntaxError(Position(filename, key_line), "een veldnaam kan geen lijst of groep zijn")
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlSyntaxError(Position(filename, key_line), "samenvoegen met '<<' wordt niet ondersteund; schrijf de velden uit")
        key = key_node.value if key_node.tag == _STR else _build(key_node, filename)
        if key in mapping:
            raise YamlSyntaxError(
                Position(filename, key_line),
                f"veld '{key}' staat twee keer in dezelfde groep (eerst op regel {lines[key]})",
            )
        value_kind = type(value_node)
        if value_kind is _ScalarNode and value_node.tag == _STR:
            mapping[key] = value_node.value
        else:
            mapping[key] = _build(value_node, filename)
        lines[key] = key_line
    return mapping


# Hints keyed on the wording of libyaml (the C parser) and of PyYAML's Python parser.
_SYNTAX_HINTS = [
    (("found a tab character", "found character '\\t'"), "gebruik spaties om in te springen, geen tabs"),
    (("mapping values are not allowed",), "staat er een dubbele punt in een waarde? Zet de waarde dan tussen aanhalingstekens"),
    (("found undefined alias",), "een * aan het begin van een waarde betekent in YAML een verwijzing; zet de waarde tussen aanhalingstekens"),
    (("cannot start any token", "found character '@'", "found character '`'"), "een waarde die met @, ` of % begint moet tussen aanhalingstekens"),
    (("did not find expected key", "did not find expected '-' indicator", "expected <block end>"), "klopt het inspringen? Velden van dezelfde groep staan recht onder elkaar"),
    (("could not find expected ':'",), "ontbreekt er een dubbele punt na een veldnaam, of een aanhalingsteken aan het eind?"),
    (("found unexpected end of stream", "end of stream"), "ontbreekt er een sluitend aanhalingsteken of haakje?"),
    (("did not find expected ',' or '}'",), "staat er een dubbele punt of komma in een tekst tussen { }? Zet die tekst dan tussen aanhalingstekens"),
    (("block sequence entries are not allowed",), "begint een tekst met '- '? Zet de tekst dan tussen aanhalingstekens"),
    (("expected comment or line break",), "na | of > begint de tekst op de volgende regel; staat er tekst na een aanhalingsteken of haakje dat al gesloten is? Zet dan de hele tekst tussen aanhalingstekens"),
    (("unknown escape character",), "gebruik enkele aanhalingstekens voor tekst met een \\ erin, of schrijf \\\\"),
    (("mapping keys are not allowed",), "begint een tekst met '? '? Zet de tekst dan tussen aanhalingstekens"),
]


_PROBLEMS_NL = {
    "found character that cannot start any token": "hier staat een teken waarmee een waarde niet mag beginnen",
    "found a tab character that violates indentation": "er staat een tab in het inspringen",
    "found a tab character where an indentation space is expected": "er staat een tab in het inspringen",
    "mapping values are not allowed in this context": "hier staat een dubbele punt waar dat niet mag",
    "mapping values are not allowed here": "hier staat een dubbele punt waar dat niet mag",
    "did not find expected key": "hier werd een veldnaam verwacht",
    "did not find expected '-' indicator": "hier werd een lijstregel verwacht die met '- ' begint",
    "found unexpected end of stream": "het bestand houdt onverwacht op",
    "could not find expected ':'": "hier werd een dubbele punt verwacht",
    "did not find expected ',' or '}'": "hier werd een komma of } verwacht",
    "did not find expected ',' or ']'": "hier werd een komma of ] verwacht",
    "did not find expected node content": "hier werd een waarde verwacht",
    "found undefined alias": "onbekende verwijzing (*)",
    "block sequence entries are not allowed in this context": "hier mag geen lijstregel ('- ') beginnen",
    "did not find expected comment or line break": "hier werd het einde van de regel verwacht",
    "found unknown escape character": "onbekend teken na een \\ tussen dubbele aanhalingstekens",
    "mapping keys are not allowed in this context": "hier mag geen '? ' staan",
    "found unexpected ':'": "hier staat een dubbele punt waar dat niet mag",
    "while scanning a quoted scalar": "een aanhalingsteken wordt niet gesloten",
}


def _show_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


_SINGLE_QUOTED_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s'\"#][^:#]*:\s+)?'")


_QUOTED_THEN_MORE = re.compile(r"^\s*(?:-\s+)?(?:[^\s#][^:#]*:\s+)?(?:\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\})[ \t]+[^\s#]")


def _line(text: str, index: int) -> str:
    lines = text.split("\n")
    return lines[index] if 0 <= index < len(lines) else ""


def _unclosed_single_quote(text: str, line_index: int) -> int | None:
    """The first line up to ``line_index`` with a value that opens a ' and does not close it there."""
    for index, line in enumerate(text.split("\n")[: line_index + 1]):
        match = _SINGLE_QUOTED_START.match(line)
        if match:
            rest = line[match.end():].replace("''", "")  # '' is an escaped quote inside
            if "'" not in rest:
                return index
    return None


def _indented_with_tab(text: str, line_index: int) -> bool:
    line = _line(text, line_index)
    return "\t" in line[: len(line) - len(line.lstrip(" \t"))]


def load_text(text: str, filename: str) -> Any:
    """Parse one YAML document; raise :class:`YamlSyntaxError` with a plain message."""
    loader = _Loader(text)
    loader.filename = filename
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _build(node, filename)
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        if mark is not None and mark.line + 1 > last_line and err.context_mark is not None:
            mark = err.context_mark  # e.g. an unclosed quote: point at where it opened
        line = min(mark.line + 1, max(last_line, 1)) if mark else 1
        problem = err.problem or "onleesbare YAML"
        problem = next((nl for en, nl in _PROBLEMS_NL.items() if problem.startswith(en)), problem)
        if "expected a single document" in str(err):
            problem = "dit bestand bevat meer dan één YAML-document (---); gebruik er één per bestand"
        hint = next((h for keys, h in _SYNTAX_HINTS if any(k in str(err) for k in keys)), "")
        quote_line = _unclosed_single_quote(text, mark.line if mark else 0)
        if quote_line is not None:
            # 's Avonds, 't Kasteel, pm'ers: a value that starts with ' opens a quoted text that runs on
            line = quote_line + 1
            problem = "een waarde die met ' begint, is voor YAML het begin van een tekst tussen aanhalingstekens"
            hint = "zet zo'n tekst tussen dubbele aanhalingstekens, bijvoorbeeld \"'s Avonds voorlezen\""
        elif mark is not None and _QUOTED_THEN_MORE.search(_line(text, line - 1)):
            problem = "na een tekst tussen aanhalingstekens of haakjes staat nog meer tekst"
            hint = "zet de hele tekst tussen enkele aanhalingstekens, bijvoorbeeld '\"Voorleesproject\" thuis' of '[pilot] voorlezen'"
        elif mark is not None and _indented_with_tab(text, mark.line):
            # libyaml reports a tab in the indentation as a character that "cannot start any token"
            problem, hint = "er staat een tab in het inspringen", "gebruik spaties om in te springen, geen tabs"
        message = f"YAML kan niet gelezen worden: {problem}" + (f" ({hint})" if hint else "")
        raise YamlSyntaxError(Position(filename, line), message) from None
    except RecursionError:
        raise YamlSyntaxError(Position(filename, 1), "YAML kan niet gelezen worden: de gegevens zijn te diep genest") from None
    except (yaml.YAMLError, ValueError, OverflowError) as err:
        raise YamlSyntaxError(Position(filename, 1), f"YAML kan niet gelezen worden: {err}") from None
    finally:
        loader.dispose()


def load_file(path: Path, display_name: str) -> tuple[Any, list[tuple[int, str]]]:
    """The file's value and warnings ``(line, message)`` for text YAML silently drops."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlSyntaxError(Position(display_name, 1), "bestand is geen UTF-8-tekst; sla het op als UTF-8") from None
    return load_text(text, display_name), dropped_text(text)


# A plain value (after 'key: ' or '- ') in which YAML drops text without an error:
# ' #2' starts a comment, a leading '&Co' is an anchor (a label), not text.
_VALUE_START = r"^(?P<lead>\s*(?:-\s+)?(?:[^\s#'\"{\[-][^:#]*:\s+)?)"
_COMMENT_IN_VALUE = re.compile(_VALUE_START + r"(?P<text>[^\s#'\"{\[&*!|>](?:(?!:\s)[^#'\"])*?)\s#(?P<rest>\S.*)$")
_ANCHOR = re.compile(_VALUE_START + r"&(?P<name>\S+)[ \t]+\S")
_BLOCK_SCALAR = re.compile(r"(?::|^\s*-)\s+[|>][-+0-9]*\s*(?:#.*)?$")
_HASH_THEN_TEXT = re.compile(r"#\S")  # starts with a literal: fast to search in a large file
_AMPERSAND_VALUE = re.compile(r"[:-] +&\S")


def _may_drop_text(text: str) -> bool:
    if "&" in text and _AMPERSAND_VALUE.search(text):
        return True
    return any(m.start() > 0 and text[m.start() - 1] in " \t" for m in _HASH_THEN_TEXT.finditer(text))


def dropped_text(text: str) -> list[tuple[int, str]]:
    """Lines where YAML would silently drop part of a value (checked only if any may)."""
    if not _may_drop_text(text):
        return []
    found = []
    block_indent = None  # inside a | or > block: its text is kept as written
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if _BLOCK_SCALAR.search(line):
            block_indent = indent
            continue
        if (match := _COMMENT_IN_VALUE.match(line)):
            found.append((number, f"alles vanaf '#{match['rest']}' is voor YAML commentaar en valt weg; hoort het bij de tekst, "
                                  "zet de hele tekst dan tussen aanhalingstekens"))
        elif (match := _ANCHOR.match(line)):
            found.append((number, f"'&{match['name']}' aan het begin van een waarde is voor YAML een label en valt weg uit de tekst; "
                                  "zet de hele tekst tussen aanhalingstekens"))
    return found
