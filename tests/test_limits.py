"""Bounded work for any input: every limit is an error that names file, line and the limit.

The data of a pull request is under an attacker's control. Inputs that once took
gigabytes or crashed the process (an alias bomb, deep nesting) are loaded in a child
process with a memory and time limit, so a regression fails one test instead of
taking the test run down. The rest are ordinary, untimed tests; the figures are
in ``benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from lea_site.load import MAX_ERRORS, MAX_FILES, MAX_FOLDER_BYTES, load
from lea_site.model import MAX_ID, MAX_LONG_TEXT, MAX_TEXT, Agenda
from lea_site.problems import Suggestions
from lea_site.values import MAX_AMOUNT, MAX_SHORT_VALUE, parse_ages, parse_money, parse_number, parse_planning
from lea_site.yamlsource import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES, Budget, YamlFloat, YamlSyntaxError, load_text

from .conftest import DATA, DEMO_TODAY, MINIMAL_AGENDA, ROOT

AGENDA = MINIMAL_AGENDA

CHILD = textwrap.dedent("""\
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))  # 1 GB: the old loader needed many
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
    sys.path.insert(0, {root!r})
    from datetime import date
    from lea_site.load import load
    result = load({folder!r}, today=date(2022, 6, 1))
    print(json.dumps([[p.file, p.line, p.message, p.is_error] for p in result.problems]))
    """)


def _load_in_child(folder: Path) -> list[list]:
    """Problems of ``load(folder)`` in a child process with 1 GB of memory and 60 s of CPU."""
    run = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), folder=str(folder))],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]  # a crash, a MemoryError or the CPU limit
    return json.loads(run.stdout)


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True)
    for name, text in files.items():
        (data / name).write_text(text, encoding="utf-8")
    return data


# --- alias bomb and nesting: in a child process ------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))


def test_alias_bomb_is_refused_at_the_alias(tmp_path):
    data = _folder(tmp_path, {"agenda.yml": AGENDA, "bom.yml": BOMB})
    problems = _load_in_child(data)
    errors = [p for p in problems if p[3]]
    assert errors[0][:2] == [f"{data}/bom.yml", 6], errors  # 9**6 = 531,441 values at line 6, *e
    assert errors[0][2] == (
        f"de verwijzing *e herhaalt zoveel dat de gegevens te groot worden: meer dan {MAX_VALUES:,} waarden ".replace(",", ".") +
        "(velden, teksten, getallen, lijsten) in alle bestanden samen, en dat is de grens; "
        "gebruik & en * alleen om een tekst een paar keer te herhalen")


def test_alias_bomb_counts_across_files(tmp_path):
    """The limit is for the folder: a bomb split over files is refused too."""
    files = {"agenda.yml": AGENDA}
    files.update({f"deel-{n}.yml": f"x{n}: &a [{', '.join(['t'] * 1000)}]\ny{n}: [{', '.join(['*a'] * 100)}]\n" for n in range(7)})
    problems = _load_in_child(_folder(tmp_path, files))
    too_many = f"meer dan {MAX_VALUES:,} waarden".replace(",", ".")
    last = f"deel-{MAX_VALUES // 101_000}.yml"  # each part holds 101,000 values: the one that passes the limit
    assert any(too_many in p[2] and p[0].endswith(last) for p in problems), problems


@pytest.mark.parametrize("shape", ["brackets-60k", "braces", "dashes", "indentation", "mixed"])
def test_deep_nesting_is_refused_with_file_and_line(tmp_path, shape):
    text = {
        "brackets-60k": AGENDA + "x: " + "[" * 60_000 + "\n",
        "braces": AGENDA + "x: " + "{a: " * 500 + "\n",
        "dashes": "- " * 5000 + "x\n",
        "indentation": AGENDA + "x:\n" + "".join(" " * depth + "a:\n" for depth in range(1, 2000)),
        "mixed": AGENDA + "x:\n" + "".join(" " * (4 * depth) + "- a:\n" for depth in range(1, 300)),
    }[shape]
    data = _folder(tmp_path, {"agenda.yml": text})
    problems = _load_in_child(data)
    assert len(problems) == 1, problems
    file, line, message, is_error = problems[0]
    assert is_error and file == f"{data}/agenda.yml"
    assert message == ("YAML kan niet gelezen worden: de gegevens zijn te diep genest: meer dan 40 lijsten "
                       "en groepen in elkaar, en dat is de grens")
    expected_line = {"brackets-60k": 6, "braces": 6, "dashes": 1, "indentation": 6 + MAX_DEPTH, "mixed": 6 + MAX_DEPTH // 2}[shape]
    assert line == expected_line


def test_nesting_up_to_the_limit_is_read():
    text = "x: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    value = load_text(text, "x.yml")["x"]  # the root group and MAX_DEPTH - 1 lists
    for _ in range(MAX_DEPTH - 2):
        value = value[0]
    assert value == [1]
    with pytest.raises(YamlSyntaxError):
        load_text("x: " + "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH + "\n", "x.yml")


def test_aliases_still_work_for_ordinary_reuse():
    tree = load_text("a: &naam Gemeente Testdorp\nb: *naam\nc: &lijst [po, vo]\nd: *lijst\n", "x.yml")
    assert tree["b"] == "Gemeente Testdorp" and tree["d"] == ["po", "vo"]
    assert tree.key_pos("d").line == 4


def test_value_limit_names_file_and_line(tmp_path):
    data = _folder(tmp_path, {"agenda.yml": AGENDA, "lijst.yml": "x:\n" + "- a\n" * (MAX_VALUES + 10)})
    result = load(data, today=DEMO_TODAY)
    [error] = result.errors
    assert (error.file, error.message) == (f"{data}/lijst.yml", (
        f"de gegevens zijn te groot: meer dan {MAX_VALUES:,} waarden ".replace(",", ".")
        + "(velden, teksten, getallen, lijsten) in alle bestanden samen, en dat is de grens"))
    assert MAX_VALUES - 30 < error.line <= MAX_VALUES  # the item that is one too many (the agenda has about 25 values)


def test_budget_is_shared_by_the_files_of_one_load():
    budget = Budget(10)
    load_text("[1, 2, 3, 4]\n", "a.yml", budget)
    assert budget.left == 5
    with pytest.raises(YamlSyntaxError, match="meer dan 10 waarden"):
        load_text("[1, 2, 3, 4, 5, 6]\n", "b.yml", budget)


# --- sizes of files and folder -------------------------------------------------------


def test_file_over_10_mb_is_refused_before_reading(tmp_path):
    data = _folder(tmp_path, {"agenda.yml": AGENDA})
    (data / "groot.yml").write_text("# " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    result = load(data, today=DEMO_TODAY)
    assert [str(p) for p in result.errors] == [
        f"{data}/groot.yml:1: bestand is te groot om te lezen: 10,0 MB, en de grens is 10 MB per bestand; "
        "verdeel de gegevens over meer bestanden"]


def test_folder_over_20_mb_is_refused_naming_the_largest_file(tmp_path):
    data = _folder(tmp_path, {"agenda.yml": AGENDA})
    for n, size in enumerate((7, 7, 7)):
        (data / f"deel-{n}.yml").write_text("# " + "x" * (size * 1024 * 1024 - 4 + n) + "\n", encoding="utf-8")
    assert sum(p.stat().st_size for p in data.iterdir()) > MAX_FOLDER_BYTES
    result = load(data, today=DEMO_TODAY)
    assert [str(p) for p in result.errors] == [
        f"de bestanden in {data} zijn samen 21,0 MB, en de grens is 20 MB; er is niets gelezen "
        f"(het grootste is {data}/deel-2.yml, 7,0 MB)"]


# --- lengths of texts and ids, sizes of numbers ---------------------------------------


def _agenda_with(tmp_path: Path, extra: str) -> list[str]:
    data = _folder(tmp_path, {"agenda.yml": AGENDA + extra})
    return [f"{p.line}: {p.path}: {p.message}" for p in load(data, today=DEMO_TODAY).errors]


def test_id_length_limit(tmp_path):
    ok = "a" * MAX_ID
    assert _agenda_with(tmp_path, f"partners:\n  - {{id: {ok}, naam: P, sector: po}}\n") == []


def test_id_over_the_limit(tmp_path):
    long_id = "a" * 300  # once passed the check and then crashed the build (file name too long)
    assert _agenda_with(tmp_path, f"partners:\n  - {{id: {long_id}, naam: P, sector: po}}\n") == [
        f"7: partners[{'a' * 60}… (300 tekens)].id: id is te lang: 300 tekens, en de grens is 60; kies een korte id"]


def test_short_text_limit(tmp_path):
    assert _agenda_with(tmp_path, f"partners:\n  - {{id: p, naam: {'n' * MAX_TEXT}, sector: po}}\n") == []
    assert _agenda_with(tmp_path / "b", f"partners:\n  - {{id: p, naam: {'n' * 1_000_000}, sector: po}}\n") == [
        "7: partners[p].naam: tekst is te lang: 1.000.000 tekens, en de grens is 300; "
        "een titel, naam of korte tekst past op één regel; uitleg hoort in een beschrijving"]


def test_long_text_limit(tmp_path):
    text = "w" * MAX_LONG_TEXT
    ambition = "ambities:\n  - id: a\n    titel: A\n    samenvatting: {}\n    beschrijving: {}\n"
    assert _agenda_with(tmp_path, ambition.format(text, text)) == []
    assert _agenda_with(tmp_path / "b", ambition.format(text + "w", text)) == [
        "9: ambities[a].samenvatting: tekst is te lang: 20.001 tekens, en de grens is 20.000"]


def test_amounts_are_bounded():
    assert parse_money(MAX_AMOUNT) == MAX_AMOUNT
    with pytest.raises(ValueError, match=r"^bedrag 1000000000001 is te groot; de grens is 1\.000\.000\.000\.000 euro$"):
        parse_money(MAX_AMOUNT + 1)
    with pytest.raises(ValueError, match=r"^bedrag van 29 cijfers is te groot"):
        parse_money(10 ** 28)
    with pytest.raises(ValueError, match=r"^bedrag van 5\.000 cijfers is te groot"):  # too long for YAML to make a number
        parse_money("9" * 5000)


def test_numbers_are_finite_and_bounded():
    assert parse_number(-MAX_AMOUNT) == -1e12
    with pytest.raises(ValueError, match=r"^getal van 310 cijfers is te groot; de grens is 1\.000\.000\.000\.000 \(positief of negatief\)$"):
        parse_number(10 ** 309)
    with pytest.raises(ValueError, match="getal van 310 cijfers is te groot"):
        parse_number(YamlFloat("1" + "0" * 309 + ".5"))  # float() of this is inf
    with pytest.raises(ValueError, match="^'nan' is geen getal$"):
        parse_number(YamlFloat("nan"))
    with pytest.raises(ValueError, match="^'inf' is geen getal$"):
        parse_number(float("inf"))


def test_huge_numbers_in_yaml_give_messages_not_tracebacks(tmp_path):
    errors = _agenda_with(tmp_path, (
        "ambities:\n  - id: a\n    titel: A\n    samenvatting: S\n    indicatoren:\n"
        f"      - {{id: i, titel: I, metingen: [{{periode: 2022, waarde: {'9' * 310}.5}}, {{periode: 2023, waarde: {'9' * 2000}}}],"
        f" doel: {{waarde: !!float 1e999}}}}\n"
        f"jaarplan: {{schooljaar: 2021-2022, vaststelling: {{status: concept}}, budget: {{beschikbaar: {'9' * 29}}}}}\n"))
    assert errors == [
        "11: ambities[a].indicatoren[i].doel.waarde: getal 1e999 is te groot; de grens is 1.000.000.000.000 (positief of negatief)",
        "11: ambities[a].indicatoren[i].metingen[1].waarde: getal van 310 cijfers is te groot; de grens is 1.000.000.000.000 (positief of negatief)",
        "11: ambities[a].indicatoren[i].metingen[2].waarde: getal van 2.000 cijfers is te groot; de grens is 1.000.000.000.000 (positief of negatief)",
        "12: jaarplannen[2021-2022].budget.beschikbaar: bedrag van 29 cijfers is te groot; de grens is 1.000.000.000.000 euro",
    ]


# --- plannings and ages: linear, and short ---------------------------------------------


@pytest.mark.parametrize("parse, what", [(parse_planning, "planning"), (parse_ages, "leeftijdsbereik")])
def test_long_whitespace_is_refused_at_once(parse, what):
    """200,000 spaces took about a minute (a quadratic pattern, and parsed twice)."""
    for text in ("Q1 2022" + " " * 200_000 + "x", "4" + " " * 200_000 + "x", " " * 200_000):
        with pytest.raises(ValueError, match=rf"^{what} is te lang: 200\.00[0-9] tekens, en de grens is 100; schrijf bijvoorbeeld"):
            parse(text)


@pytest.mark.parametrize("text", [
    "Q1 2022" + " " * 90 + "x", "4" + " " * 95 + "x", "4 " + "t/m " * 24 + "x", "Q1 2022 t/m" + " - " * 29 + "x",
    "\t \t " * 24 + "x", "2022-01-01" + " tot" * 22,
])
def test_patterns_are_linear_on_what_fits(text):
    """Just under the length limit, with the shapes that make patterns backtrack: quick errors."""
    assert len(text) <= MAX_SHORT_VALUE
    for parse in (parse_planning, parse_ages):
        with pytest.raises(ValueError):
            parse(text)


def test_planning_spellings_still_read():
    assert str(parse_planning("Q2   2022 t/m\tQ3 2022")) == "Q2 2022 t/m Q3 2022"
    assert str(parse_planning("december 2021 – maart 2022")) == "2021-12 t/m 2022-03"
    assert str(parse_ages(" 4  tot en met  12 jaar ")) == "4-12 jaar"
    assert str(parse_ages("4jaar")) == "4 jaar"


# --- problems: bounded in number and in size -------------------------------------------


def test_errors_stop_at_the_limit_with_a_message(tmp_path):
    data = _folder(tmp_path, {"agenda.yml": AGENDA + "partners:\n" + "  - {}\n" * 5000})  # three errors each
    result = load(data, today=DEMO_TODAY)
    assert len(result.errors) == MAX_ERRORS + 1
    assert str(result.errors[-1]) == (  # a general remark: no location, after the located errors
        f"de controle is gestopt na 10.000 fouten (de grens); er kunnen er meer zijn. "
        "Los deze eerst op en controleer opnieuw")


def test_one_item_with_thousands_of_errors_stops_too(tmp_path):
    notes = "".join(f"        - {{datum: 2021-13-{n % 28 + 1:02d}, tekst: x}}\n" for n in range(12_000))
    plan = ("jaarplan:\n  schooljaar: 2021-2022\n  vaststelling: {status: concept}\n  ambities:\n    - ambitie: a\n"
            "      acties:\n        - id: a1\n          titel: A\n          voortgang:\n" + notes.replace("        - {", "            - {"))
    result = load(_folder(tmp_path, {"agenda.yml": AGENDA + plan}), today=DEMO_TODAY)
    assert len(result.errors) == MAX_ERRORS + 1


def test_messages_quote_long_values_shortened(tmp_path):
    key, url, sector = "k" * 1000, "x" * 5000, "s" * 100_000
    errors = _agenda_with(tmp_path, f"partners:\n  - id: p\n    naam: P\n    sector: {sector}\n    {key}: 1\n    url: {url}\n")
    assert all(len(e) < 400 for e in errors), [len(e) for e in errors]
    assert len(errors) == 3
    assert "sector: onbekende waarde 'sss" in errors[0] and "… (100.000 tekens)'; kies uit: gemeente" in errors[0]
    assert f".{'k' * 60}… (1.000 tekens): onbekend veld 'kkk" in errors[1] and "… (1.000 tekens)' (toegestaan: id," in errors[1]
    assert errors[2].endswith("url: webadres is te lang: 5.000 tekens, en de grens is 2.000")


def test_suggestions_have_a_budget():
    suggest = Suggestions(budget=25)
    known = {f"partner-{n}" for n in range(10)}
    assert suggest("partner-1x", known) == "; bedoelde je 'partner-1'?"
    assert suggest("partner-1x", known) == "; bedoelde je 'partner-1'?"  # cached: no budget spent
    assert suggest("partner-2x", known) == "; bedoelde je 'partner-2'?"
    assert suggest("partner-3x", known) == ""  # 25 - 10 - 10 < 10: no more comparisons


# --- linear in the number of items (not timed: the lookups themselves) ------------------


def test_lookups_by_id_are_indexed():
    from lea_site.load import load_agenda

    agenda = load_agenda(DATA, DEMO_TODAY)
    assert isinstance(agenda, Agenda)
    for body in agenda.organen:
        assert agenda.body(body.id) is body
    for plan in agenda.jaarplannen:
        assert agenda.year_plan(plan.schooljaar) is plan
    assert agenda.body("bestaat-niet") is None and agenda.year_plan("1990-1991") is None
    cached = dict(agenda._lookup)
    agenda.body(agenda.organen[0].id)
    assert agenda._lookup == cached  # no new index per lookup


def test_carried_over_actions_are_checked_against_one_set_per_year(tmp_path):
    first = "".join(f"        - {{id: a{n}, titel: A}}\n" for n in range(300))
    second = "".join(f"        - {{id: a{n}, titel: A, doorgeschoven_van: 2021-2022}}\n" for n in range(301))
    plan = ("  - schooljaar: {year}\n    vaststelling: {{status: concept}}\n    ambities:\n"
            "      - ambitie: a\n        acties:\n{actions}")
    text = AGENDA + "ambities:\n  - {id: a, titel: A, samenvatting: S}\njaarplannen:\n" + plan.format(
        year="2021-2022", actions=first.replace("        - ", "          - ")) + plan.format(
        year="2022-2023", actions=second.replace("        - ", "          - "))
    errors = [p.message for p in load(_folder(tmp_path, {"agenda.yml": text}), today=date(2022, 6, 1)).errors]
    assert errors == ["schooljaar 2021-2022 heeft geen actie met id 'a300'"]


def test_too_many_files_are_refused_before_reading(tmp_path):
    data = _folder(tmp_path, {"agenda.yml": AGENDA})
    for n in range(MAX_FILES):
        (data / f"p{n}.yml").write_text("", encoding="utf-8")
    assert [str(p) for p in load(data, today=DEMO_TODAY).problems] == [
        f"de map {data} bevat meer dan 5.000 bestanden en mappen, en dat is de grens; er is niets gelezen"]
