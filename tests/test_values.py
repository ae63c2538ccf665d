"""The lenient-input parsers: what editors write, and what it becomes."""

from __future__ import annotations

from datetime import date

import pytest

from lea_site.render import format as fmt
from lea_site.values import parse_ages, parse_money, parse_period, parse_planning, parse_school_year
from lea_site.yamlsource import YamlFloat, load_text


@pytest.mark.parametrize(
    ("text", "first", "last", "shown"),
    [
        ("Q4 2021", date(2021, 10, 1), date(2021, 12, 31), "Q4 2021"),
        ("2021-11", date(2021, 11, 1), date(2021, 11, 30), "november 2021"),
        ("November 2021", date(2021, 11, 1), date(2021, 11, 30), "november 2021"),
        ("sept. 2021", date(2021, 9, 1), date(2021, 9, 30), "september 2021"),
        ("2022-01-15", date(2022, 1, 15), date(2022, 1, 15), "15 januari 2022"),
        ("Q2 2022 t/m Q3 2022", date(2022, 4, 1), date(2022, 9, 30), "Q2 2022 t/m Q3 2022"),
        ("december 2021 - maart 2022", date(2021, 12, 1), date(2022, 3, 31), "december 2021 t/m maart 2022"),
        ("2022-02", date(2022, 2, 1), date(2022, 2, 28), "februari 2022"),
    ],
)
def test_planning_forms(text, first, last, shown):
    planning = parse_planning(text)
    assert planning.bounds("2021-2022") == (first, last)
    assert fmt.planning(planning) == shown


def test_whole_school_year():
    planning = parse_planning("Hele schooljaar")
    assert planning.whole_year
    assert planning.bounds("2021-2022") == (date(2021, 8, 1), date(2022, 7, 31))


@pytest.mark.parametrize("text", ["ergens in 2022", "Q5 2021", "2021-13", "maart 2022 t/m december 2021"])
def test_planning_rejects(text):
    with pytest.raises(ValueError):
        parse_planning(text)


def test_money_keeps_whole_euros_and_explains_dutch_notation():
    assert parse_money(66650) == 66650
    with pytest.raises(ValueError, match="schrijf het zonder punt: 66650"):
        parse_money(YamlFloat("66.650"))
    with pytest.raises(ValueError, match="1250000"):
        parse_money("€ 1.250.000")
    with pytest.raises(ValueError, match="negatief"):
        parse_money(-5)
    with pytest.raises(ValueError):
        parse_money(True)


def test_school_years():
    assert parse_school_year("2021-2022") == "2021-2022"
    for bad in ("2021-2023", "2021/2022", 2021, "21-22"):
        with pytest.raises(ValueError):
            parse_school_year(bad)


def test_periods_sort_in_time():
    periods = sorted(parse_period(p) for p in ["2023", "2021-2022", "Q1 2021", "2020-10"])
    assert [p.text for p in periods] == ["2020-10", "Q1 2021", "2021-2022", "2023"]


def test_ages():
    assert parse_ages("0-23").high == 23
    assert parse_ages(4).low == 4
    for spelling in ("4-12", "4 - 12", "4–12", "4 t/m 12", "4 tot en met 12 jaar", "4 tot 12 jaar"):
        assert (parse_ages(spelling).low, parse_ages(spelling).high) == (4, 12), spelling
    with pytest.raises(ValueError):
        parse_ages("12-4")


def test_the_schema_accepts_every_age_spelling_the_loader_accepts():
    import re

    from lea_site.schema import json_schema as schema

    def patterns(node):
        if isinstance(node, dict):
            if "Leeftijden in jaren" in str(node.get("description", "")) and "pattern" in node:
                yield node["pattern"]
            for value in node.values():
                yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    found = set(patterns(schema()))
    assert found, "the schema describes ages"
    for pattern in found:
        for spelling in ("0-23", "4 t/m 12", "0 tot 4 jaar", "18 jaar"):
            assert re.search(pattern, spelling), (pattern, spelling)
        assert not re.search(pattern, "vier tot twaalf")


def test_yaml_keeps_text_that_yaml11_would_convert():
    tree = load_text("a: no\nb: on\nc: 2021-10-14\nd: 66.650\ne: true\nf: 1:20\n", "x.yml")
    assert tree["a"] == "no" and tree["b"] == "on" and tree["c"] == "2021-10-14" and tree["f"] == "1:20"
    assert isinstance(tree["d"], YamlFloat) and tree["d"].raw == "66.650"
    assert tree["e"] is True
    assert tree.key_pos("d").line == 4


def test_dutch_formatting():
    assert fmt.money(66650) == "€ 66.650"
    assert fmt.money(-10000) == "€ -10.000"  # CLDR nl: the sign after the symbol
    assert fmt.day(date(2021, 10, 14)) == "14 oktober 2021"
    assert fmt.number(25.5) == "25,5"
