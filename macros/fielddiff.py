"""Every difference between two versions of a typed model, field by field.

Pure and generic: it knows pydantic models, lists and plain values, not agendas, so no
field can be forgotten when the model grows. Items of a list are matched by their key
(``id``, a school year, ...) where they have one, else aligned as sequences (difflib),
so an inserted progress note is one note added, not every later note changed.
:mod:`macros.diff` names the changes in Dutch.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Callable, Literal

from pydantic import BaseModel

Kind = Literal["gewijzigd", "erbij", "eraf", "volgorde"]
# The field that identifies an item in a list, where it is not called id.
KEYS = {"YearPlan": "schooljaar", "AmbitionPlan": "ambitie", "GlossaryTerm": "term", "GlossaryWord": "woord",
        "RelatedAgenda": "titel"}  # a related agenda's id is optional (an anchor): its title names it
# Above this many item pairs, lists are aligned by position, not by difflib (quadratic).
MAX_ALIGN = 1_000_000


@dataclass(frozen=True)
class Step:
    """One step of a path: a field as written in the data, or an item of a list in that field."""

    field: str
    key: str | None = None  # the item's id (or school year ...) in a list with keys
    index: int | None = None  # the item's position (from 1, in the new version) in a list without keys


@dataclass(frozen=True)
class Change:
    path: tuple[Step, ...]  # to the changed value; for erbij/eraf/volgorde: to the list
    kind: Kind
    old: Any  # the value, or the item removed
    new: Any  # the value, or the item added
    anchor: tuple[Any, Any]  # the nearest item with a key above the value (or the roots): old and new
    rel: tuple[str, ...]  # field names from the anchor to the value
    info: Any = None  # the pydantic FieldInfo of the last field: what kind of value (money, ...)


# A model may show its fields differently from how they are stored (see agenda_fields in diff.py):
# a function from a model to its (name, value, FieldInfo) triples, or None for the stored fields.
FieldView = Callable[[BaseModel], list[tuple[str, Any, Any]] | None]


def key_of(item: Any) -> str | None:
    if not isinstance(item, BaseModel):
        return None
    name = KEYS.get(type(item).__name__, "id")
    value = getattr(item, name, None) if name in type(item).model_fields else None
    return value if isinstance(value, str) else None


def fingerprint(value: Any) -> Any:
    """A hashable stand-in that is equal exactly when the data is (pydantic's == also compares caches)."""
    if isinstance(value, BaseModel):
        return (type(value).__name__, tuple(fingerprint(getattr(value, n)) for n in type(value).model_fields))
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, tuple(fingerprint(getattr(value, f.name)) for f in fields(value)))
    return (type(value).__name__, value)


def compare(old: BaseModel, new: BaseModel, view: FieldView | None = None) -> list[Change]:
    """All changes from ``old`` to ``new``, in the order of the fields and of the new version."""
    out: list[Change] = []
    _Walk(out, view or (lambda _: None)).model(old, new, (), (old, new), ())
    return out


class _Walk:
    def __init__(self, out: list[Change], view: FieldView) -> None:
        self.out, self.view = out, view

    def fields(self, item: BaseModel) -> list[tuple[str, Any, Any]]:
        shown = self.view(item)
        if shown is not None:
            return shown
        return [(name, getattr(item, name), info) for name, info in type(item).model_fields.items()]

    def model(self, a: BaseModel, b: BaseModel, path: tuple, anchor: tuple, rel: tuple) -> None:
        old = {name: (value, info) for name, value, info in self.fields(a)}
        for name, value, info in self.fields(b):
            before = old.get(name, (None, info))[0]
            self.value(before, value, path + (Step(name),), anchor, rel + (name,), info)

    def value(self, a: Any, b: Any, path: tuple, anchor: tuple, rel: tuple, info: Any) -> None:
        if isinstance(a, BaseModel) and isinstance(b, BaseModel) and type(a) is type(b):
            self.model(a, b, path, anchor, rel)
        elif isinstance(a, list) and isinstance(b, list):
            self.items(a, b, path, anchor, rel, info)
        elif fingerprint(a) != fingerprint(b):
            self.out.append(Change(path, "gewijzigd", a, b, anchor, rel, info))

    def items(self, a: list, b: list, path: tuple, anchor: tuple, rel: tuple, info: Any) -> None:
        fa, fb = [fingerprint(x) for x in a], [fingerprint(x) for x in b]
        if fa == fb:
            return
        keys_a, keys_b = [key_of(x) for x in a], [key_of(x) for x in b]
        keyed = all(k is not None for k in keys_a + keys_b) and len(set(keys_a)) == len(a) and len(set(keys_b)) == len(b)
        if keyed:
            self.keyed(a, b, keys_a, keys_b, path, anchor, rel, info)
        elif sorted(fa, key=repr) == sorted(fb, key=repr):
            self.out.append(Change(path, "volgorde", a, b, anchor, rel, info))
        else:
            self.aligned(a, b, fa, fb, path, anchor, rel, info)

    def keyed(self, a: list, b: list, keys_a: list, keys_b: list, path: tuple, anchor: tuple, rel: tuple, info: Any) -> None:
        before = dict(zip(keys_a, a))
        after = set(keys_b)
        for key, item in zip(keys_b, b):
            if key not in before:
                self.out.append(Change(path, "erbij", None, item, anchor, rel, info))
        for key, item in zip(keys_a, a):
            if key not in after:
                self.out.append(Change(path, "eraf", item, None, anchor, rel, info))
        kept_a, kept_b = [k for k in keys_a if k in after], [k for k in keys_b if k in before]
        if kept_a != kept_b:
            self.out.append(Change(path, "volgorde", a, b, anchor, rel, info))
        for key, item in zip(keys_b, b):
            if key in before:
                here = path[:-1] + (Step(path[-1].field, key=key),)
                self.model(before[key], item, here, (before[key], item), ())

    def aligned(self, a: list, b: list, fa: list, fb: list, path: tuple, anchor: tuple, rel: tuple, info: Any) -> None:
        if len(a) * len(b) > MAX_ALIGN:
            n = min(len(a), len(b))
            ops = [("replace", 0, n, 0, n), ("delete", n, len(a), n, n), ("insert", len(a), len(a), n, len(b))]
        else:
            ops = difflib.SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes()
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(pairs):
                here = path[:-1] + (Step(path[-1].field, index=j1 + k + 1),)
                self.value(a[i1 + k], b[j1 + k], here, anchor, rel, info)
            for item in b[j1 + pairs:j2]:
                self.out.append(Change(path, "erbij", None, item, anchor, rel, info))
            for item in a[i1 + pairs:i2]:
                self.out.append(Change(path, "eraf", item, None, anchor, rel, info))
