"""Problems found in the data, and how they are worded and located.

A :class:`Problem` is one line of ``lea check`` output:
``data/jaarplannen/2021-2022.yml:42: ambities[zorg].acties[zo-3].trekker: onbekende partner 'jgzz'; bedoelde je 'jgz'?``

Pydantic's errors are translated here into plain Dutch, with the position taken
from the raw YAML tree and a did-you-mean for unknown keys and values.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Collection, Iterable, Sequence

from .values import INVISIBLE_PATTERN, clip, describe, dutch_int, invisible_name, odd_characters
from .yamlsource import Position, SourceDict, SourceList

Path = tuple[Any, ...]
# The line of a general remark: about the data as a whole (the folder, all references, the error limit), not
# about a place in a file. It is printed without a location (no 'data:1:' that sends an editor to no line)
# and after the problems that have one (:func:`real_first`).
GENERAL = 0


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # for a general remark: the data folder it is about
    line: int
    path: str
    message: str
    severity: str = field(default="fout", compare=False)  # "fout" or "waarschuwing"

    def __str__(self) -> str:
        kind = "" if self.severity == "fout" else "waarschuwing: "
        if self.is_general:
            return f"{self.path}: {kind}{self.message}" if self.path else f"{kind}{self.message}"
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {kind}{self.message}" if self.path else f"{where}: {kind}{self.message}"

    @property
    def is_general(self) -> bool:
        return self.line == GENERAL

    @property
    def is_error(self) -> bool:
        return self.severity == "fout"


def real_first(problems: Iterable[Problem]) -> list[Problem]:
    """The problems with a file and line first (in their order), the general remarks after them."""
    return sorted(problems, key=lambda p: p.is_general)


class AgendaError(Exception):
    """Raised at the boundary when the data has errors; carries all of them."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.is_error]
        super().__init__(f"{len(errors)} fout(en) in de agendadata:\n" + "\n".join(str(p) for p in errors))


def meant_key(key: Any, allowed: Sequence[str]) -> str | None:
    """The field an unknown key was probably meant as: 'Status', 'huidige situatie' and
    'dekking-door' are written lower case with underscores; a date as key means 'datum'."""
    if len(str(key)) > 100:  # not a field name; difflib would only spend time on it
        return None
    match = difflib.get_close_matches(re.sub(r"[\s-]+", "_", str(key).strip().lower()), list(allowed), n=1, cutoff=0.6)
    if match:
        return match[0]
    if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", str(key)) and "datum" in allowed:
        return "datum"
    return None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    if len(str(word)) > 100:
        return ""
    match = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f"; bedoelde je '{match[0]}'?" if match else ""


class Suggestions:
    """Did-you-mean for references, within a bounded amount of work per load.

    Each suggestion compares a value with every known id; with many unknown values and
    many ids that would grow quadratically. Answers are cached per value, and after
    ``budget`` comparisons the messages simply come without a suggestion.
    """

    def __init__(self, budget: int = 20_000):
        self.budget = budget
        self._cache: dict[tuple[str, int], str] = {}

    def __call__(self, word: str, options: Collection[str]) -> str:
        key = (word, id(options))
        if key not in self._cache:
            if self.budget < len(options):
                return ""
            self.budget -= len(options)
            self._cache[key] = did_you_mean(word, options)
        return self._cache[key]


# --- positions -----------------------------------------------------------------


def locate(tree: Any, path: Path, fallback: Position) -> Position:
    """The position of the deepest element of ``path`` that exists in the raw tree."""
    pos = getattr(tree, "pos", fallback)
    node = tree
    for step in path:
        if isinstance(node, SourceDict) and step in node:
            pos = node.key_pos(step)
            node = node[step]
        elif isinstance(node, SourceList) and isinstance(step, int) and 0 <= step < len(node):
            pos = node.item_pos(step)
            node = node[step]
        else:
            break
    return pos


def _label(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in ("id", "schooljaar", "ambitie", "term", "woord"):  # (a glossary term or word is its own name)
            value = item.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                return str(value)
    return None


def format_path(tree: Any, path: Path) -> str:
    """``ambities[zorg].acties[zo-3].trekker``: list items named by id where they have one."""
    out = ""
    node = tree
    for step in path:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            label = _label(item)
            out += f"[{clip(label) if label else step + 1}]"
            node = item
        else:
            name = clip(str(step))
            out += f".{name}" if out else name
            node = node.get(step) if isinstance(node, dict) else None
    return out


# --- pydantic errors -------------------------------------------------------------


_BULLETS = "•·▪◦●‣–"


def _expected(kind: str) -> str:
    return {
        "string_type": "tekst", "int_type": "een geheel getal", "int_parsing": "een geheel getal",
        "int_from_float": "een geheel getal", "float_type": "een getal", "float_parsing": "een getal",
        "bool_type": "ja of nee (of true of false)", "bool_parsing": "ja of nee (of true of false)", "list_type": "een lijst (regels die beginnen met '- ')",
        "dict_type": "een groep velden (veld: waarde)", "model_type": "een groep velden (veld: waarde)",
        "model_attributes_type": "een groep velden (veld: waarde)", "date_type": "een datum (JJJJ-MM-DD)",
    }.get(kind, "iets anders")


def translate(error: dict[str, Any], allowed: Sequence[str]) -> tuple[Path, str]:
    """Turn one pydantic error into (path, Dutch message). ``allowed``: valid keys at the parent."""
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    # Discriminated/tagged unions and validators add non-key steps; keep only data keys.
    loc = tuple(step for step in loc if isinstance(step, int) or not str(step).startswith(("function-", "tagged-")))
    if kind == "missing":
        return loc, "verplicht veld ontbreekt"
    if kind == "invalid_key":  # `{waarde: 79,5}`: the comma made '5' a key of its own
        return loc[:-1], (f"het getal {clip(str(value), 30)} staat hier als veldnaam: staat er een komma in een getal tussen {{ }}? "
                          "Schrijf decimalen met een punt (79.5) en bedragen in hele euro's zonder punt of komma (15000)")
    if kind == "extra_forbidden":
        key = loc[-1] if loc else "?"
        options = ", ".join(allowed)
        if isinstance(key, str) and (found := INVISIBLE_PATTERN.search(key)):
            meant = meant_key(INVISIBLE_PATTERN.sub(" ", key), allowed)
            return loc, (f"onbekend veld '{clip(INVISIBLE_PATTERN.sub(' ', key))}': er staat {invisible_name(found.group())} in; "
                         f"typ de veldnaam opnieuw" + (f" als '{meant}'" if meant else ""))
        meant = meant_key(key, allowed)
        key = clip(str(key))
        if meant == "datum" and meant != key:
            return loc, f"onbekend veld '{key}': schrijf de datum als 'datum: {key}', met 'tekst:' eronder"
        hint = f"; bedoelde je '{meant}'?" if meant else ""
        if not hint and value is None and not re.fullmatch(r"[a-z0-9_]+", str(key)):
            # `{titel: a, b}`: a comma split the text into a new, empty "key"
            return loc, (f"onbekend veld '{key}': staat er een komma in een tekst tussen {{ }}? "
                         "Zet die tekst dan tussen aanhalingstekens")
        return loc, f"onbekend veld '{key}'{hint}" + ("" if hint else f" (toegestaan: {options})")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
        if isinstance(value, bool):
            return loc, f"kreeg {describe(value)}; kies uit: {', '.join(options)}"
        if isinstance(value, str) and (message := odd_characters(value)):
            return loc, f"{message}; kies uit: {', '.join(options)}"
        hint = did_you_mean(str(value), options)
        return loc, f"onbekende waarde '{clip(str(value))}'{hint}" + ("" if hint else f"; kies uit: {', '.join(options)}")
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return loc, message
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"):
        reason = str(error.get("ctx", {}).get("error", ""))
        if "month value is outside" in reason or "month" in reason and "range" in reason:
            return loc, f"datum '{clip(str(value))}' bestaat niet: die maand bestaat niet"
        if "day value is outside" in reason:
            return loc, f"datum '{clip(str(value))}' bestaat niet: die dag bestaat niet in die maand"
        return loc, f"'{clip(str(value))}' is geen datum; schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2021-10-14"
    if kind == "date_type":
        return loc, f"verwacht een datum (JJJJ-MM-DD), kreeg {describe(value)}"
    if kind == "too_short":
        return loc, "mag niet leeg zijn"
    if kind == "string_too_short":
        return loc, "mag niet leeg zijn; vul een waarde in"
    if kind == "too_long":  # a list with max_length
        count = len(value) if isinstance(value, (list, tuple, dict)) else error.get("ctx", {}).get("actual_length", "te veel")
        return loc, f"heeft {count} onderdelen, en dat mogen er hoogstens {error.get('ctx', {}).get('max_length', '?')} zijn"
    if kind == "string_pattern_mismatch":
        return loc, f"'{clip(str(value))}' heeft niet de vorm die hier hoort"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length", 0)
        length = len(value.strip()) if isinstance(value, str) else 0
        hint = "; een titel, naam of korte tekst past op één regel; uitleg hoort in een beschrijving" if limit < 1000 else ""
        return loc, f"tekst is te lang: {dutch_int(length)} tekens, en de grens is {dutch_int(limit)}{hint}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = error.get("ctx", {})
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        word = "minstens" if kind.startswith("greater") else "hoogstens"
        return loc, f"moet {word} {bound} zijn, kreeg {clip(str(value), 30)}"
    if kind in ("bool_parsing", "bool_type") and isinstance(value, str):
        return loc, f"verwacht ja of nee (of true of false), kreeg tekst '{clip(value)}'"
    if kind == "list_type" and isinstance(value, str) and any(c in value[:200] for c in _BULLETS):
        return loc, (f"verwacht een lijst, kreeg tekst '{clip(value)}': opsommingstekens uit Word ({_BULLETS[0]}) maken geen lijst; "
                     "begin elke regel met '- ' (streepje en spatie)")
    if kind.endswith("_parsing") and isinstance(value, str) and (message := odd_characters(value)):
        return loc, message
    if kind.endswith("_type") or kind.endswith("_parsing"):
        message = f"verwacht {_expected(kind)}, kreeg {describe(value)}"
        if kind == "string_type" and isinstance(value, bool):
            message += f"; staat er ja/nee bedoeld als tekst? Zet het tussen aanhalingstekens: '{str(value).lower()}'"
        if kind == "string_type" and isinstance(value, dict):
            message += "; staat er een dubbele punt in de tekst? Zet de tekst dan tussen aanhalingstekens"
        return loc, message
    # Never pydantic's English: a type no rule above knows still gets a Dutch message with the value.
    return loc, f"deze waarde klopt niet: {describe(value)}"
