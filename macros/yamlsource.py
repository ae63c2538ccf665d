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
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, MutableSequence

import yaml

# --- limits: the work for any input is bounded (the data comes from pull requests) ---
MAX_DEPTH = 40  # lists and groups inside each other; the agenda itself needs about 8
# Values (keys, texts, numbers, lists, groups) in all files of one load together, references
# counted in full. An ordinary agenda of 10 MB (10,000 actions) has 323,000; the worst case per
# value (a list of partner ids, each a model) costs about 6 µs and 500 bytes to load. The limit is
# what the whole build was measured to bear (issue 24, class 10: every step of a pull request under
# 120 s and 1.5 GB): 16,000 actions, 514,745 values: lea build 62 s and 1.4 GB, lea toegankelijkheid
# 102 s and 1.3 GB (benchmarks/RESULTS.md); at 600,000 a larger agenda was accepted unmeasured.
MAX_VALUES = 500_000
MAX_FILE_BYTES = 10 * 1024 * 1024  # one data file
MAX_TEXT_WARNINGS = 100  # warnings per file about text YAML drops or runs on (then one that says there are more)
MAX_NUMBER_TEXT = 1000  # digits beyond this stay text (int() of a long text is slow)


def clip(text: str, limit: int = 60) -> str:
    """A value for a message: long values shortened, so a message stays one readable line."""
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + f"… ({_dutch_int(len(text))} tekens)"


def _dutch_int(number: int) -> str:
    return f"{number:,}".replace(",", ".")


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
    Slots, not a ``__dict__``: a data folder holds up to a million of these.
    """

    __slots__ = ("file", "line", "key_lines", "key_files")
    file: str
    line: int
    key_lines: dict[Any, int]
    key_files: dict[Any, str] | None  # only for the merge of several files

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

    __slots__ = ("file", "line", "item_lines", "item_files")
    file: str
    line: int
    item_lines: MutableSequence[int]  # an array of ints as read (4 bytes a line, not an int object)
    item_files: list[str] | None

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
                if first in "-+0123456789" and len(value) <= MAX_NUMBER_TEXT:
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


_ScalarNode = yaml.ScalarNode
_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_MappingStart, _SequenceStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DocumentStart, _DocumentEnd, _StreamEnd = yaml.DocumentStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent
_MERGE = "tag:yaml.org,2002:merge"
_NO_KEY = object()  # a mapping frame waiting for its next key
_NO_LINES: dict[Any, int] = {}  # key_lines of every empty group (never written to)


class Budget:
    """How many values the files of one load may still hold (shared by all of them).

    Every key, text, number, list and group counts as one value; a reference
    (``*naam``) counts as everything it repeats, so an alias bomb of a few hundred
    bytes is refused at the reference that would make it too large.
    """

    def __init__(self, values: int = MAX_VALUES):
        self.left = values
        self.limit = values


@dataclass
class MultiLine:
    """A plain (unquoted) text that YAML continued over several lines."""

    first: int  # 0-based line of the text's start
    last: int  # 0-based line of its end
    column: int  # where the text starts on its first line
    item: bool  # the text is an item of a list (after '- '), not the value of a field
    text: str  # as YAML reads it: the lines joined with spaces


def _unknown_tag(filename: str, line: int, tag: str) -> YamlSyntaxError:
    if tag == _MERGE:
        return YamlSyntaxError(Position(filename, line), "samenvoegen met '<<' wordt niet ondersteund; schrijf de velden uit")
    return YamlSyntaxError(Position(filename, line), f"onbekende YAML-tag {clip(_show_tag(tag))}; laat de tag weg")


def _too_many(filename: str, line: int, limit: int, alias: str | None) -> YamlSyntaxError:
    what = f"meer dan {_dutch_int(limit)} waarden (velden, teksten, getallen, lijsten) in alle bestanden samen, en dat is de grens"
    if alias is not None:
        return YamlSyntaxError(Position(filename, line), (
            f"de verwijzing *{clip(alias, 40)} herhaalt zoveel dat de gegevens te groot worden: {what}; "
            "gebruik & en * alleen om een tekst een paar keer te herhalen"))
    return YamlSyntaxError(Position(filename, line), f"de gegevens zijn te groot: {what}")


def _compose(loader: Any, filename: str, budget: Budget, multiline: list[MultiLine], aliases: set[str] | None = None,
             source: str = "") -> Any:
    """The document as SourceDict/SourceList values, built from parser events without recursion.

    PyYAML's composer recurses (in C, where deep nesting crashes the process) and
    expands aliases into copies; here nesting is refused beyond ``MAX_DEPTH``, an
    alias is the same value again (built once), and every value is counted against
    ``budget``, aliases at the size of what they repeat. The names of the anchors that
    are referred to go into ``aliases``.

    A number that a comma split inside ``{ }`` (``{kosten: 12,5k}``: 12 and a field '5k'
    without a value) is put back together as written ('12,5k', a text), so that the
    field's own parser can say what it is and what to write instead.
    """
    get_event, resolve = loader.get_event, loader.resolve
    get_event()  # stream start
    event = get_event()
    if type(event) is _StreamEnd:
        return None
    anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, number of values it holds)
    keys: dict[str, str] = {}
    open_anchors: set[str] = set()  # collections still being built
    # frames: [container, is_mapping, pending key, line of that key, anchor, budget left at the start, flow,
    #          (key, start, end) of the last number in a flow mapping, end of the pending key if it may continue that number]
    stack: list[list[Any]] = []
    left = budget.left
    flow = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is _ScalarEvent:
            left -= 1
            text = event.value
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(_ScalarNode, text, event.implicit)
            if tag == _STR:
                value: Any = text
            else:
                convert = _SCALARS.get(tag)
                if convert is None:
                    raise _unknown_tag(filename, event.start_mark.line + 1, tag)
                try:
                    value = convert(text)
                except (ValueError, OverflowError):  # an explicit !!int or !!float on text
                    raise YamlSyntaxError(Position(filename, event.start_mark.line + 1),
                                          f"'{clip(text)}' is geen {_show_tag(tag)[2:]}; laat de tag weg") from None
            start, end = event.start_mark, event.end_mark
            if end.line != start.line and not flow and event.style == "":
                multiline.append(MultiLine(start.line, end.line, start.column, bool(stack) and not stack[-1][1], text))
            line = start.line + 1
            anchor = event.anchor
            if anchor is not None:
                _define(anchors, open_anchors, anchor, filename, line)
                anchors[anchor] = (value, 1)
            if left < 0:
                raise _too_many(filename, line, budget.limit, None)
        elif kind is _MappingStart or kind is _SequenceStart:
            line = event.start_mark.line + 1
            if stack and stack[-1][1] and stack[-1][2] is _NO_KEY:
                raise YamlSyntaxError(Position(filename, line), "een veldnaam kan geen lijst of groep zijn")
            if len(stack) >= MAX_DEPTH:
                raise YamlSyntaxError(Position(filename, line), f"YAML kan niet gelezen worden: {_TOO_DEEP}")
            mapping = kind is _MappingStart
            tag = event.tag
            if tag is not None and tag != "!" and tag != (_MAP if mapping else _SEQ):
                raise _unknown_tag(filename, line, tag)
            left -= 1
            if left < 0:
                raise _too_many(filename, line, budget.limit, None)
            container: Any
            if mapping:
                container = SourceDict()
                container.key_lines, container.key_files = {}, None
            else:
                container = SourceList()
                container.item_lines, container.item_files = array("i"), None
            container.file, container.line = filename, line
            anchor = event.anchor
            if anchor is not None:
                _define(anchors, open_anchors, anchor, filename, line)
                open_anchors.add(anchor)
            is_flow = bool(event.flow_style)
            flow += is_flow
            stack.append([container, mapping, _NO_KEY, 0, anchor, left + 1, is_flow, None, None])
            continue
        elif kind is _MappingEnd or kind is _SequenceEnd:
            frame = stack.pop()
            value = frame[0]
            if not value and kind is _MappingEnd:
                value.key_lines = _NO_LINES  # one shared dict for every empty group
            line = value.line
            flow -= frame[6]
            anchor = frame[4]
            if anchor is not None:
                open_anchors.discard(anchor)
                anchors[anchor] = (value, frame[5] - left)
        elif kind is _AliasEvent:
            line = event.start_mark.line + 1
            name = event.anchor
            if aliases is not None:
                aliases.add(name)
            found = anchors.get(name)
            if found is None:
                if name in open_anchors:
                    raise YamlSyntaxError(Position(filename, line), (
                        f"de verwijzing *{clip(name, 40)} staat binnen &{clip(name, 40)} zelf en zou zichzelf eindeloos herhalen"))
                raise YamlSyntaxError(Position(filename, line), (
                    f"YAML kan niet gelezen worden: onbekende verwijzing *{clip(name, 40)} "
                    "(een * aan het begin van een waarde betekent in YAML een verwijzing; zet de waarde tussen aanhalingstekens)"))
            value, size = found
            left -= size
            if left < 0:
                raise _too_many(filename, line, budget.limit, name)
        else:  # document start or end of an empty document: nothing to attach
            if kind is _DocumentEnd and not stack:
                value, line = None, event.start_mark.line + 1
            else:
                continue
        if not stack:  # the document's root
            budget.left = left
            if kind is not _DocumentEnd:
                get_event()  # its document end
            following = get_event()
            if type(following) is not _StreamEnd:
                raise YamlSyntaxError(Position(filename, following.start_mark.line + 1),
                                      "YAML kan niet gelezen worden: dit bestand bevat meer dan één YAML-document (---); gebruik er één per bestand")
            return value
        frame = stack[-1]
        target = frame[0]
        if frame[1]:
            key = frame[2]
            if key is _NO_KEY:
                if isinstance(value, (SourceDict, SourceList)):  # an alias to a group, as a key
                    raise YamlSyntaxError(Position(filename, line), "een veldnaam kan geen lijst of groep zijn")
                if value in target:
                    raise YamlSyntaxError(Position(filename, line), (
                        f"veld '{clip(str(value))}' staat twee keer in dezelfde groep (eerst op regel {target.key_lines[value]})"))
                if type(value) is str:
                    value = keys.setdefault(value, value)  # 'id', 'titel': one string for all their uses
                frame[2], frame[3] = value, line
                last = frame[7]
                frame[8] = None
                if (last is not None and kind is _ScalarEvent and event.style == "" and source[last[2]:event.start_mark.index].strip(" ") == ","
                        and str(value)[:1].isdigit()):
                    frame[8] = event.end_mark.index  # '5k' right after '12,': maybe the rest of the number
            elif frame[8] is not None and value is None and kind is _ScalarEvent:
                number_key, start, _ = frame[7]
                target[number_key] = source[start:frame[8]]  # '12,5k' as written
                frame[2], frame[7], frame[8] = _NO_KEY, None, None
            else:
                target[key] = value
                target.key_lines[key] = frame[3]
                frame[2] = _NO_KEY
                frame[7] = ((key, event.start_mark.index, event.end_mark.index)
                            if frame[6] and kind is _ScalarEvent and event.style == "" and isinstance(value, (int, float))
                            and not isinstance(value, bool) else None)
        else:
            target.append(value)
            target.item_lines.append(line)


def _define(anchors: dict[str, Any], open_anchors: set[str], name: str, filename: str, line: int) -> None:
    if name in anchors or name in open_anchors:
        raise YamlSyntaxError(Position(filename, line), (
            f"het label &{clip(name, 40)} staat twee keer in dit bestand; geef elk label een eigen naam"))


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


_TOO_DEEP = f"de gegevens zijn te diep genest: meer dan {MAX_DEPTH} lijsten en groepen in elkaar, en dat is de grens"


_PROBLEMS_NL = {
    "exceeded maximum nesting depth": _TOO_DEEP,  # libyaml's own limit (1000), met before ours in [[[[...
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


_KEY_START = re.compile(r"( *)(?:- +)?([a-z][a-z_]*):(?: |$)")
_CONTENT_START = re.compile(r" *(?:- +)?")


def _indented_key(text: str, line_index: int) -> str | None:
    """The field name that starts line ``line_index`` if it is indented deeper than the text on the line above."""
    match = _KEY_START.match(_line(text, line_index))
    if not match or line_index == 0:
        return None
    above = _line(text, line_index - 1)
    column = _CONTENT_START.match(above).end()  # type: ignore[union-attr]  # where its field or text starts
    if not above.strip() or above.rstrip().endswith(":"):  # 'a:' above: the field is inside it, as it should be
        return None
    return match[2] if len(match[1]) > column else None


def _indented_with_tab(text: str, line_index: int) -> bool:
    line = _line(text, line_index)
    return "\t" in line[: len(line) - len(line.lstrip(" \t"))]


_TAB_BULLET = re.compile(r"[ \t]*-\t")
_CURLY = "“”„‘’‚«»"
_CURLY_VALUE = re.compile(r"[ \t]*(?:- +)?(?:[^\s#'\"{\[][^:#]*: +)?([“”„‘’‚«»])")
_NO_SPACE_AFTER_COLON = re.compile(r"[ \t]*(?:- +)?([a-z][a-z_]*):([^\s/][^\s]*)")


def _likely_cause(text: str, err: Any, index: int, line: int, problem: str, hint: str) -> tuple[int, str, str]:
    """A plainer explanation, on the right line, for the mistakes editors make most (line ``index`` is 0-based)."""
    here = _line(text, index)
    if _TAB_BULLET.match(here):
        return line, "na het streepje van een lijstregel staat een tab (zoals bij een opsomming uit Word)", \
            "schrijf een lijstregel als '- tekst', met een spatie na het streepje"
    match = _CURLY_VALUE.match(here)
    if match:
        return line, (f"de tekst begint met een gekruld aanhalingsteken ({match[1]}), zoals Word dat maakt; "
                            "voor YAML is dat een gewoon teken, geen aanhalingsteken"), \
            "vervang de gekrulde aanhalingstekens door rechte: \"tekst\" of 'tekst'"
    context = str(getattr(err, "context", "") or "")
    start = getattr(err, "context_mark", None)
    opening, closing = ("{", "}") if "mapping" in context else ("[", "]")
    opened = _line(text, start.line) if start is not None else ""
    if context.startswith("while parsing a flow") and start is not None and (
            start.line < index or opened.count(opening) > opened.count(closing)):
        return start.line + 1, f"de {opening} op deze regel wordt niet gesloten", \
            f"zet een {closing} aan het eind van de waarde; begint een tekst met {opening}, zet hem dan tussen aanhalingstekens"
    for number in (index - 1, index):
        previous = _line(text, number) if number >= 0 else ""
        match = _NO_SPACE_AFTER_COLON.match(previous)
        if match and not previous.rstrip().endswith(":"):
            return number + 1, f"na '{match[1]}:' ontbreekt een spatie", \
                f"schrijf '{match[1]}: {clip(match[2], 30)}'; zonder spatie leest YAML '{match[1]}:{clip(match[2], 30)}' als één tekst"
    return line, problem, hint


def load_text(text: str, filename: str, budget: Budget | None = None, multiline: list[MultiLine] | None = None,
              aliases: set[str] | None = None) -> Any:
    """Parse one YAML document; raise :class:`YamlSyntaxError` with a plain message.

    ``budget`` is shared by the files of one load (a fresh one per call without it);
    ``multiline`` collects the plain texts that continue over several lines, ``aliases``
    the names of the anchors that are referred to (``*naam``).
    """
    loader = _Loader(text)
    loader.filename = filename
    try:
        return _compose(loader, filename, budget or Budget(), multiline if multiline is not None else [], aliases, text)
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
        elif mark is not None and "mapping values are not allowed" in str(err) and (key := _indented_key(text, mark.line)):
            # '  tekst: Gestart' then '    datum: 2026-11-01': the field is read as more of the text above
            hint = (f"staat '{key}:' verder ingesprongen dan de regel erboven? Dan leest YAML het als vervolg van die tekst; "
                    "zet velden van dezelfde groep recht onder elkaar, en een nieuw item met '- ' recht onder de andere")
        if mark is not None and quote_line is None:
            line, problem, hint = _likely_cause(text, err, mark.line, line, problem, hint)
        message = f"YAML kan niet gelezen worden: {problem}" + (f" ({hint})" if hint else "")
        raise YamlSyntaxError(Position(filename, line), message) from None
    except (yaml.YAMLError, ValueError, OverflowError) as err:
        raise YamlSyntaxError(Position(filename, 1), f"YAML kan niet gelezen worden: {err}") from None
    finally:
        loader.dispose()


def load_file(path: Path, display_name: str, budget: Budget | None = None,
              errors: list[tuple[int, str]] | None = None) -> tuple[Any, list[tuple[int, str]]]:
    """The file's value and warnings ``(line, message)`` for text YAML silently drops or runs on.

    Invisible characters where they change what YAML reads (see :func:`invisible_characters`)
    are errors ``(line, message)`` added to ``errors``; the file is read as if they were
    ordinary spaces (or absent), so that they cause no other, misleading messages.
    """
    with open(path, "rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise YamlSyntaxError(Position(display_name, 1), file_too_large())
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise YamlSyntaxError(Position(display_name, 1), "bestand is geen UTF-8-tekst; sla het op als UTF-8") from None
    text, bidi = bidi_controls(text)
    text, invisible = invisible_characters(text)
    if errors is not None:
        errors.extend(sorted(bidi + invisible))
    multiline: list[MultiLine] = []
    aliases: set[str] = set()
    value = load_text(text, display_name, budget, multiline, aliases)
    warnings = sorted(dropped_text(text, MAX_TEXT_WARNINGS + 1, aliases) + run_on_text(text, multiline, MAX_TEXT_WARNINGS + 1))
    if len(warnings) > MAX_TEXT_WARNINGS:
        warnings = warnings[:MAX_TEXT_WARNINGS] + [(warnings[MAX_TEXT_WARNINGS][0], (
            f"meer dan {MAX_TEXT_WARNINGS} waarschuwingen over tekst in dit bestand; de rest wordt niet getoond"))]
    return value, warnings


# --- invisible characters ---------------------------------------------------------------

# YAML's own spaces are the space and the tab; a non-breaking space from Word is text to it.
_INVISIBLE = {
    "\u00a0": "harde spatie", "\u202f": "smalle harde spatie", "\u2007": "cijferspatie", "\u3000": "brede spatie",
    "\u200b": "spatie zonder breedte", "\u200c": "teken zonder breedte", "\u200d": "verbindingsteken zonder breedte",
    "\u2060": "woordverbinder zonder breedte", "\ufeff": "onzichtbaar BOM-teken", "\u00ad": "zacht afbreekstreepje",
    **{chr(c): "smalle spatie" for c in range(0x2000, 0x200B) if c != 0x2007},
}
# Unicode's Bidi_Control characters: each turns the reading direction of the text after it,
# so that a page, a spreadsheet or a review shows other text than the file holds ("Trojan
# source"). Never wanted in an agenda: an error wherever it is, also in | texts and comments.
BIDI_CONTROLS = {
    "\u202a": "links-naar-rechts inbedden", "\u202b": "rechts-naar-links inbedden", "\u202c": "einde richting",
    "\u202d": "links-naar-rechts forceren", "\u202e": "rechts-naar-links forceren",
    "\u2066": "links-naar-rechts isoleren", "\u2067": "rechts-naar-links isoleren", "\u2068": "eerste sterke isoleren",
    "\u2069": "einde isoleren", "\u200e": "links-naar-rechtsmarkering", "\u200f": "rechts-naar-linksmarkering",
    "\u061c": "Arabische lettermarkering",
}
BIDI_PATTERN = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
INVISIBLE = _INVISIBLE
_INVISIBLE_CHARS = "".join(sorted(_INVISIBLE))
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE_CHARS}]")
_ZERO_WIDTH = "\u200b\u2060\ufeff\u00ad"  # never wanted anywhere outside a | or > text
_BLANK = " \t" + _INVISIBLE_CHARS
_KEY_PART = re.compile(r"[^:#'\"{}\[\],]*?:(?=[ \t" + _INVISIBLE_CHARS + r"]|$)")
_NO_TEXT = re.compile(f"[{_BLANK}]*")


INVISIBLE_MESSAGE = "hier staat een"  # how each message about an invisible character starts (named[4:] drops 'een ')


def invisible_name(char: str) -> str:
    """'een onzichtbare harde spatie (U+00A0)'; 'een onzichtbaar richtingteken (U+202E, rechts-naar-links forceren)'."""
    if char in BIDI_CONTROLS:
        return f"een onzichtbaar richtingteken (U+{ord(char):04X}, {BIDI_CONTROLS[char]})"
    return f"een onzichtbare {_INVISIBLE.get(char, 'teken')} (U+{ord(char):04X})"


def bidi_controls(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text without bidi controls, and an error per line that held one (naming each and its column).

    Unlike the characters of :func:`invisible_characters`, these are reported wherever they
    are (a | text, a comment, a field name): in a comment they can make a reviewer read
    other YAML than the build does.
    """
    if text.isascii() or not BIDI_PATTERN.search(text):
        return text, []
    errors: list[tuple[int, str]] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not BIDI_PATTERN.search(line):
            continue
        found = [(m.start(), m.group()) for m in BIDI_PATTERN.finditer(line)]
        clean = BIDI_PATTERN.sub("", line)
        lines[number] = clean
        if len(errors) > MAX_TEXT_WARNINGS:
            continue
        if len(errors) == MAX_TEXT_WARNINGS:
            errors.append((number + 1, f"meer dan {MAX_TEXT_WARNINGS} regels met richtingtekens in dit bestand; de rest wordt niet getoond"))
            continue
        comment = _comment_start(clean)
        parts = []
        for shift, (index, char) in enumerate(found[:4]):
            at = index - shift  # its index in the clean line
            if comment is not None and at >= comment:
                where = "in een opmerking (na '#')"
            else:
                start = clean.rfind(" ", 0, at) + 1
                end = clean.find(" ", at)
                word = clean[start:end if end >= 0 else len(clean)].strip(",{}[]:'\"")
                where = f"in '{clip(word, 40)}'" if word else "tussen twee woorden"
            parts.append(f"op kolom {index + 1} (U+{ord(char):04X}, {BIDI_CONTROLS[char]}), {where}")
        more = f"; en nog {len(found) - 4} op deze regel" if len(found) > 4 else ""
        errors.append((number + 1, (
            f"{INVISIBLE_MESSAGE} onzichtbaar richtingteken {'; nog een '.join(parts)}{more}; "
            f"haal {'het' if len(found) == 1 else 'ze'} weg (zo'n teken draait de leesrichting om: "
            "op de site, in de downloads en bij het nakijken staat dan iets anders dan hier)")))
    return "\n".join(lines), errors


def _comment_start(line: str) -> int | None:
    """Where a comment starts in a line of YAML (a '#' at the start or after a space, outside quotes), roughly."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"" and (index == 0 or line[index - 1] in " \t:-[{,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
    return None


def _lead_end(line: str) -> int:
    """Where the content of a line starts: after the indentation and any '- ' of list items."""
    index = 0
    while True:
        index = _NO_TEXT.match(line, index).end()  # type: ignore[union-attr]
        if line[index:index + 1] == "-" and (index + 1 == len(line) or line[index + 1] in _BLANK):
            index += 1
            continue
        return index


def invisible_characters(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with invisible characters that change what YAML reads made harmless, and an error per line.

    A non-breaking space (U+00A0) pasted from Word is text to YAML: in the indentation it
    breaks the structure, after a value it becomes part of it ('lopend '), in a field name
    it makes an unknown field. Such a space in the indentation, in a field name, around
    ':' or ',' or at the end of a line is reported and read as a space; zero-width
    characters (U+200B, U+2060, U+FEFF, U+00AD) are reported wherever they are and read as
    nothing. A non-breaking space inside a text ('€ 500') is typography, and stays.
    Texts after | or > are left as they are.
    """
    if text.isascii() or not _INVISIBLE_RE.search(text, 1):
        return text, []
    lines = text.split("\n")
    errors = []
    block_indent = None
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip(_BLANK) or indent > block_indent:
                continue
            block_indent = None
        if _BLOCK_SCALAR.search(line):
            block_indent = indent
        if not _INVISIBLE_RE.search(line, 1 if number == 0 else 0) or line.lstrip(_BLANK).startswith("#"):
            continue  # (a BOM at the very start is the file's own)
        lead = _lead_end(line)
        trail = len(line.rstrip(_BLANK))
        key = _KEY_PART.match(line, lead)
        key_end = _NO_TEXT.match(line, key.end()).end() if key else lead  # type: ignore[union-attr]
        found: list[tuple[int, str, str]] = []  # (index, char, where)
        for match in _INVISIBLE_RE.finditer(line):
            index, char = match.start(), match.group()
            if number == 0 and index == 0 and char == "\ufeff":
                continue
            before = line[:index].rstrip(_BLANK)[-1:]
            after = line[index:].lstrip(_BLANK)[:1]
            if index < lead:
                where = "indent"
            elif index >= trail:
                where = "end"
            elif index < key_end:
                where = "key"
            elif before in ",{[:" or after in ",}]":
                where = "between"
            elif char in _ZERO_WIDTH:
                where = "value"
            else:
                continue
            found.append((index, char, where))
        if not found:
            continue
        chars = "".join(dict.fromkeys(c for _, c, _ in found))
        named = "; ".join(
            f"{invisible_name(c)} op kolom {_columns([i + 1 for i, ch, _ in found if ch == c])}" for c in chars)
        index, _, where = found[0]
        if where == "indent":
            how = "in het inspringen; haal de spaties vooraan de regel weg en typ ze opnieuw"
        elif where == "end":
            word = line[:trail].split()[-1] if line[:trail].split() else ""
            how = f"aan het eind van de regel; haal alles na '{clip(word, 30)}' weg" if word else "op een lege regel; maak de regel leeg"
        elif where == "key":
            how = f"in de veldnaam; typ '{clip(_INVISIBLE_RE.sub(' ', line[lead:key.end() - 1]).strip(), 40)}' opnieuw"  # type: ignore[union-attr]
        elif where == "between":
            before = line[:index].rstrip(_BLANK)[-1:]
            mark = before if before in ",{[:" else line[index:].lstrip(_BLANK)[:1]
            how = f"{'na' if mark == before else 'voor'} '{mark}'; haal de spatie daar weg en typ hem opnieuw"
        else:
            start = line.rfind(" ", 0, index) + 1
            end = line.find(" ", index)
            word = _INVISIBLE_RE.sub("", line[start:end if end >= 0 else len(line)]).strip(",{}[]")
            how = f"in '{clip(word, 40)}'; typ dat opnieuw"
        if len(errors) == MAX_TEXT_WARNINGS:
            errors.append((number + 1, f"meer dan {MAX_TEXT_WARNINGS} regels met onzichtbare tekens in dit bestand; de rest wordt niet getoond"))
        if len(errors) <= MAX_TEXT_WARNINGS:
                errors.append((number + 1, f"{INVISIBLE_MESSAGE} {named[4:]}, {how} (zulke tekens komen mee bij kopiëren uit Word of een webpagina)"))
        chars_of_line = list(line)
        for index, char, _ in found:
            chars_of_line[index] = "" if char in _ZERO_WIDTH or char in "\u200c\u200d" else " "
        lines[number] = "".join(chars_of_line)
    return "\n".join(lines), errors


def _columns(columns: list[int]) -> str:
    shown = [str(c) for c in columns[:5]] + (["…"] if len(columns) > 5 else [])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " en " + shown[-1]


def file_too_large(size: int | None = None) -> str:
    """The message for a file over ``MAX_FILE_BYTES`` (``size`` unknown when it grew while being read)."""
    shown = f" {size / 1024 / 1024:.1f}".replace(".", ",") + " MB," if size is not None else ""
    return (f"bestand is te groot om te lezen:{shown} en de grens is {MAX_FILE_BYTES // 1024 // 1024} MB per bestand; "
            "verdeel de gegevens over meer bestanden")


# A plain value (after 'key: ' or '- ') in which YAML drops text without an error:
# ' #2' starts a comment, a leading '&Co' is an anchor (a label), not text.
_VALUE_START = r"^(?P<lead>\s*(?:-\s+)?(?:[^\s#'\"{\[-][^:#]*:\s+)?)"
_COMMENT_IN_VALUE = re.compile(_VALUE_START + r"(?P<text>[^\s#'\"{\[&*!|>](?:(?!:\s)[^#'\"])*?)\s#(?P<rest>\S.*)$")
_ANCHOR = re.compile(_VALUE_START + r"&(?P<name>\S+)[ \t]+[^\s\[{]")  # (a label on a [list] or {group} drops no text)
_BLOCK_SCALAR = re.compile(r"(?::|^\s*-)\s+[|>][-+0-9]*\s*(?:#.*)?$")
_HASH_THEN_TEXT = re.compile(r"#\S")  # starts with a literal: fast to search in a large file
_AMPERSAND_VALUE = re.compile(r"[:-] +&\S")


def _may_drop_text(text: str) -> bool:
    if "&" in text and _AMPERSAND_VALUE.search(text):
        return True
    return any(m.start() > 0 and text[m.start() - 1] in " \t" for m in _HASH_THEN_TEXT.finditer(text))


def dropped_text(text: str, limit: int | None = None, used: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """Lines where YAML would silently drop part of a value (checked only if any may); at most ``limit``.

    An anchor that a ``*name`` in the same file refers to (``used``) is a label on purpose, not dropped text.
    """
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
            found.append((number, f"alles vanaf '#{clip(match['rest'])}' is voor YAML commentaar en valt weg; hoort het bij de tekst, "
                                  "zet de hele tekst dan tussen aanhalingstekens"))
        elif (match := _ANCHOR.match(line)) and match["name"] not in used:
            found.append((number, f"'&{clip(match['name'], 40)}' aan het begin van een waarde is voor YAML een label en valt weg uit de tekst; "
                                  "zet de hele tekst tussen aanhalingstekens"))
        if limit is not None and len(found) >= limit:
            break
    return found


# A plain text that YAML continues on the next line, where that line looks like the
# start of something new: YAML joins it to the text above, without an error.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_RARE_BREAK = re.compile("[\r\x85\u2028\u2029]")
_ITEM_LINE = re.compile(r"-(?: |$)")  # '- Samen met ouders', indented too far
_KEY_LINE = re.compile(r"[a-z][a-z_]*:(?!//)\S")  # 'datum:2026-11-01' (no space after the colon)
_DATE_KEYS = ("datum ", "schooljaar ", "planning ", "moment ", "periode ", "uiterlijk ")
_DATE_KEY_LINE = re.compile(rf"(?:{'|'.join(k.strip() for k in _DATE_KEYS)}) [0-9]{{4}}-[0-9]{{2}}")  # 'datum 2026-11-01'
# A wrapped sentence continues after a comma or a small word; a new item follows a complete one.
_WRAPS_AFTER = frozenset(",;:(-–/&+")
_SMALL_WORDS = frozenset(
    "de het een en of van met voor in op aan bij door naar om te tot uit over onder als dan dat die dit deze zodat "
    "zoals omdat want maar ook nog wel niet zijn haar hun ons onze jullie waar wat wie welke per via tussen tegen "
    "vanuit binnen buiten na sinds zonder the and of".split()
)


def _has_date_key(text: str) -> bool:
    return "datum " in text or "schooljaar " in text or "planning " in text or "moment " in text or "periode " in text or "uiterlijk " in text


def run_on_text(text: str, multiline: list[MultiLine], limit: int | None = None) -> list[tuple[int, str]]:
    """Lines that YAML silently joins to a plain text above them, where they look like a new item or field.

    Legitimately wrapped text is not reported: a continuation line that starts in
    lower case, or follows a comma, a sentence's end or a small word ('met', 'de'),
    is what wrapping looks like.
    """
    # Only texts that may hold such a line are looked at line by line: an item of a list (short,
    # and rarely over several lines), or a text whose joined lines show ' - ', ':' or a date field.
    multiline = [m for m in multiline if m.item or " -" in m.text or ":" in m.text or _has_date_key(m.text)]
    if not multiline:
        return []
    # as libyaml counts lines (str.split is ten times faster than the pattern, for the usual text)
    lines = _LINE_BREAK.split(text) if _RARE_BREAK.search(text) else text.split("\n")
    found = []
    for scalar in multiline:
        if scalar.last >= len(lines):
            continue
        previous = lines[scalar.first][scalar.column:].rstrip()
        for index in range(scalar.first + 1, scalar.last + 1):
            line = lines[index]
            content = line.strip()
            if not content:
                continue
            first = content[0]
            if first.islower() and ":" not in content and not content.startswith(_DATE_KEYS):
                previous = content  # what wrapped text looks like: the usual case, decided quickly
                continue
            where = f"regel {scalar.first + 1}"
            if first == "-" and _ITEM_LINE.match(content):
                found.append((index + 1, (
                    f"'{clip(content)}' is voor YAML geen nieuw item: het is het vervolg van de tekst op {where}; "
                    "is het een nieuw item, zet de '-' dan recht onder de andere; anders de hele tekst tussen aanhalingstekens")))
            elif (":" in content and _KEY_LINE.match(content)) or (content.startswith(_DATE_KEYS) and _DATE_KEY_LINE.match(content)):
                found.append((index + 1, (
                    f"'{clip(content)}' lijkt een veld, maar is voor YAML het vervolg van de tekst op {where}; "
                    "schrijf een veld als 'naam: waarde' (met een spatie na de dubbele punt), recht onder de andere velden")))
            elif (scalar.item and first.isupper() and len(line) - len(line.lstrip(" ")) == scalar.column
                  and previous and previous[-1] not in _WRAPS_AFTER and previous[-1] not in ".!?"
                  and previous.split()[-1].lower() not in _SMALL_WORDS):
                found.append((index + 1, (
                    f"'{clip(content)}' is voor YAML geen nieuw item: het is het vervolg van het item op {where}; "
                    "begint hier een nieuw item, zet er dan '- ' voor; is het één tekst, zet hem dan tussen aanhalingstekens")))
            previous = content
        if limit is not None and len(found) >= limit:
            break
    return found
