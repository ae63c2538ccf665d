"""Class 11 of issue 24: every message of lea check is Dutch and names its item as the others do.

An invalid glossary term got pydantic's "String should match pattern '^[A-Za-z]...'" and the first term
was called 'begrippen[1]'. A term is now checked by a rule of the model with a Dutch reason, glossary
items are named by their term (as other items by their id), and no pydantic error type can reach the
editor in English: the translation has no English fallback.
"""

from __future__ import annotations

import typing

import pytest
from pydantic_core import core_schema

from lea_site.problems import translate

from .test_forgiving import BASE, TODAY, agenda, edit, problems

WHY = "een term is 1 tot 15 letters (A-Z), eventueel met een streepje, zoals VVE of Kind-centrum"


def with_terms(*lines: str, text: str = BASE) -> str:
    return edit("agenda:\n", "agenda:\n  begrippen:\n" + "".join(f"    - {line}\n" for line in lines), text)


@pytest.mark.parametrize(("term", "reason"), [
    ("'1VVE'", "het begint met een cijfer"),
    ("'V V E'", "het bevat een spatie"),
    ("OKC2", "het bevat '2', en dat is geen letter A-Z"),
    ("Kéé", "het bevat 'é', en dat is geen letter A-Z"),
    ("ouder_kind", "het bevat '_', en dat is geen letter A-Z"),
    ("-OKC", "het begint met een streepje"),
    ("Kindcentrumnetwerk", "het is te lang (18 tekens)"),
])
def test_an_invalid_term_is_named_by_itself_with_a_dutch_reason(tmp_path, term, reason):
    shown = term.strip("'")
    assert problems(tmp_path, with_terms("{term: OKC, uitleg: ouder- en kindcentrum}", f"{{term: {term}, uitleg: iets}}")) == [
        f"4: agenda.begrippen[{shown}].term: '{shown}' kan geen term zijn: {reason}; {WHY}"]


def test_the_first_term_is_named_by_its_term_not_numbered(tmp_path):
    assert problems(tmp_path, with_terms("{term: OKC}", "{term: IKC, uitleg: integraal kindcentrum}")) == [
        "3: agenda.begrippen[OKC].uitleg: verplicht veld ontbreekt"]


def test_a_term_that_is_no_text(tmp_path):
    assert problems(tmp_path, with_terms("{term: 12, uitleg: twaalf}", "{term: [VVE], uitleg: x}")) == [
        "3: agenda.begrippen[12].term: verwacht een afkorting of woord als tekst, kreeg getal 12",
        "4: agenda.begrippen[2].term: verwacht een afkorting of woord als tekst, kreeg een lijst"]


def test_a_valid_term_still_works(tmp_path):
    used = edit("samenvatting: Kinderen krijgen op tijd hulp.", "samenvatting: Kinderen krijgen op tijd hulp in het Kind-centrum.")
    result = agenda(tmp_path, with_terms("{term: Kind-centrum, uitleg: een centrum voor kinderen}", text=used))
    assert [(t.term, t.uitleg) for t in result.info.begrippen] == [("Kind-centrum", "een centrum voor kinderen")]


def test_a_list_with_too_many_items_is_dutch(tmp_path):
    level = "{enkelvoud: thema, meervoud: thema's}"
    text = edit("agenda:\n", f"agenda:\n  niveaus: [{', '.join([level] * 5)}]\n")
    assert problems(tmp_path, text) == ["2: agenda.niveaus: heeft 5 onderdelen, en dat mogen er hoogstens 4 zijn"]


ENGLISH = ("should", "Input", "Field required", "Value error", "must", "valid", "at most", "at least", "characters")


@pytest.mark.parametrize("kind", typing.get_args(core_schema.ErrorType))
def test_no_pydantic_error_type_reaches_the_editor_in_english(kind):
    """Whatever pydantic reports (also a type no rule of the model causes today), the message is Dutch."""
    english = f"Input should be something else for {kind}"
    ctx = {"error": ValueError("de eigen regel van het model, in het Nederlands")} if kind == "value_error" else {}
    error = {"type": kind, "loc": ("agenda", "titel"), "input": "iets", "msg": english, "ctx": ctx}
    loc, message = translate(error, ["titel"])
    assert loc == ("agenda", "titel")[:len(loc)] and loc  # (a key that is a number names its parent)
    assert message and not any(word in message for word in ENGLISH), message
