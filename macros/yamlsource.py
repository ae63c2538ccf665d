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
    """A mapping with the position of itself and of each key."""

    pos: Position
    key_pos: dict[Any, Position]


class SourceList(list):
    """A sequence with the position of itself and of each item."""

    pos: Position
    item_pos: list[Position]


class YamlSyntaxError(Exception):
    def __init__(self, pos: Position, message: str):
        super().__init__(message)
        self.pos = pos
        self.message = message


class _Loader(yaml.SafeLoader):
    """SafeLoader with our small set of implicit types and position tracking."""

    filename = "<yaml>"


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?[0-9]+\.[0-9]+$"), list("-+0123456789"))


def _pos(loader: _Loader, node: yaml.Node) -> Position:
    return Position(loader.filename, node.start_mark.line + 1)


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    return int(loader.construct_scalar(node))


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> YamlFloat:
    return YamlFloat(loader.construct_scalar(node))


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> SourceDict:
    result = SourceDict()
    result.pos = _pos(loader, node)
    result.key_pos = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (dict, list)):
            raise YamlSyntaxError(_pos(loader, key_node), "een sleutel kan geen lijst of groep zijn")
        if key in result:
            raise YamlSyntaxError(
                _pos(loader, key_node),
                f"veld '{key}' staat twee keer in dezelfde groep (eerst op regel {result.key_pos[key].line})",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_pos[key] = _pos(loader, key_node)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> SourceList:
    result = SourceList(loader.construct_object(child, deep=True) for child in node.value)
    result.pos = _pos(loader, node)
    result.item_pos = [_pos(loader, child) for child in node.value]
    return result


def _construct_undefined(loader: _Loader, node: yaml.Node) -> Any:
    raise YamlSyntaxError(_pos(loader, node), f"onbekende YAML-tag {node.tag}; laat de tag weg")


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
# Explicit tags (!!timestamp, !!binary, !!set, python objects) are not part of our format.
for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:set",
             "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
    _Loader.add_constructor(_tag, _construct_undefined)
_Loader.add_constructor(None, _construct_undefined)

_SYNTAX_HINTS = [
    ("found character '\\t'", "gebruik spaties om in te springen, geen tabs"),
    ("mapping values are not allowed here", "staat er een dubbele punt in een waarde? Zet de waarde dan tussen aanhalingstekens"),
    ("found undefined alias", "een * aan het begin van een waarde betekent in YAML een verwijzing; zet de waarde tussen aanhalingstekens"),
    ("found character '@'", "een waarde die met @ of ` begint moet tussen aanhalingstekens"),
    ("found character '`'", "een waarde die met @ of ` begint moet tussen aanhalingstekens"),
    ("could not find expected ':'", "ontbreekt er een dubbele punt na een veldnaam, of een aanhalingsteken aan het eind?"),
    ("expected <block end>", "klopt het inspringen? Velden van dezelfde groep staan recht onder elkaar"),
    ("found unexpected end of stream", "ontbreekt er een sluitend aanhalingsteken?"),
]


def load_text(text: str, filename: str) -> Any:
    """Parse one YAML document; raise :class:`YamlSyntaxError` with a plain message."""
    loader = _Loader(text)
    loader.filename = filename
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return loader.construct_document(node)
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        problem = err.problem or "onleesbare YAML"
        if "expected a single document" in str(err):
            problem = "dit bestand bevat meer dan één YAML-document (---); gebruik er één per bestand"
        hint = next((h for key, h in _SYNTAX_HINTS if key in str(err)), "")
        message = f"YAML kan niet gelezen worden: {problem}" + (f" ({hint})" if hint else "")
        raise YamlSyntaxError(Position(filename, line), message) from None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as err:
        raise YamlSyntaxError(Position(filename, 1), f"YAML kan niet gelezen worden: {err}") from None
    finally:
        loader.dispose()


def load_file(path: Path, display_name: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlSyntaxError(Position(display_name, 1), "bestand is geen UTF-8-tekst; sla het op als UTF-8") from None
    return load_text(text, display_name)
