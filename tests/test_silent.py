"""Nothing in the data vanishes without a word.

A file that is not read is named; a link out of the repository is an error; a line
that YAML silently glues to the text above it is warned about (and legitimately
wrapped text is not); an id that would lose its page is refused; digits other
than 0-9 are named; an e-mail field holds one address and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lea_site.load import data_files, load, repository_root
from lea_site.model import Contact
from lea_site.values import parse_ages, parse_money, parse_number, parse_period, parse_planning, parse_school_year
from lea_site.yamlsource import load_file, load_text, run_on_text

from .conftest import DATA, DEMO_TODAY, FIXTURES, MINIMAL_AGENDA

AGENDA = MINIMAL_AGENDA
PARTNERS = "partners:\n  - {id: gemeente, naam: Gemeente Testdorp, sector: gemeente}\n"


def _repo(tmp_path: Path) -> Path:
    """A repository with a data folder holding the agenda."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    data = tmp_path / "repo" / "data"
    data.mkdir()
    (data / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    return data


def _problems(data: Path) -> list[str]:
    return [str(p).replace(f"{data}/", "") for p in load(data, today=DEMO_TODAY).problems]


# --- which files are read ---------------------------------------------------------------


def test_yaml_files_are_read_whatever_the_case_of_their_suffix(tmp_path):
    data = _repo(tmp_path)
    (data / "2027-2028.YML").write_text(PARTNERS, encoding="utf-8")
    (data / "ambities.Yaml").write_text("ambitie: {id: a, titel: A, samenvatting: S}\n", encoding="utf-8")
    result = load(data, today=DEMO_TODAY)
    assert result.problems == []
    assert [p.id for p in result.agenda.partners] == ["gemeente"] and [a.id for a in result.agenda.ambities] == ["a"]
    assert sorted(Path(f).name for f in result.files) == ["2027-2028.YML", "agenda.yml", "ambities.Yaml"]


def test_every_other_file_is_named_once_as_not_read(tmp_path):
    data = _repo(tmp_path)
    (data / "sub").mkdir()
    for name in ("partners.yml.bak", "notities.txt", "verslag.docx", "agenda.yml~", "sub/oud.yml.orig", ".verborgen.yml"):
        (data / name).write_text(PARTNERS, encoding="utf-8")
    assert _problems(data) == [
        ".verborgen.yml:1: waarschuwing: dit bestand wordt niet gelezen: de naam begint met een punt (een verborgen bestand); "
        "haal de punt weg als het bij de agenda hoort",
        "agenda.yml~:1: waarschuwing: dit bestand wordt niet gelezen: alleen bestanden op .yml of .yaml horen bij de agenda",
        "notities.txt:1: waarschuwing: dit bestand wordt niet gelezen: alleen bestanden op .yml of .yaml horen bij de agenda",
        "partners.yml.bak:1: waarschuwing: dit bestand wordt niet gelezen: alleen bestanden op .yml of .yaml horen bij de agenda",
        "sub/oud.yml.orig:1: waarschuwing: dit bestand wordt niet gelezen: alleen bestanden op .yml of .yaml horen bij de agenda",
        "verslag.docx:1: waarschuwing: dit bestand wordt niet gelezen: alleen bestanden op .yml of .yaml horen bij de agenda",
    ]


def test_hidden_system_files_and_folders_are_passed_over(tmp_path):
    """.DS_Store, .gitkeep and a .git folder are the system's, not the agenda's: no warning."""
    data = _repo(tmp_path)
    (data / ".DS_Store").write_bytes(b"\x00\x01binary")
    (data / ".gitkeep").write_text("", encoding="utf-8")
    (data / ".oud").mkdir()
    (data / ".oud" / "partners.yml").write_text(PARTNERS, encoding="utf-8")
    assert _problems(data) == []


def test_data_files_lists_what_a_load_looks_at(tmp_path):
    data = _repo(tmp_path)
    (data / "x.YAML").write_text(PARTNERS, encoding="utf-8")
    (data / "notities.txt").write_text("", encoding="utf-8")
    (data / ".DS_Store").write_text("", encoding="utf-8")
    assert [p.name for p in data_files(data)] == ["agenda.yml", "notities.txt", "x.YAML"]


# --- symbolic links ---------------------------------------------------------------------


def test_repository_root_is_the_folder_with_git_or_the_folder_above_data(tmp_path):
    data = _repo(tmp_path)
    (data / "sub").mkdir()
    assert repository_root(data) == tmp_path / "repo"
    assert repository_root(data / "sub") == tmp_path / "repo"
    plain = tmp_path / "los" / "data"
    plain.mkdir(parents=True)
    assert repository_root(plain) == tmp_path / "los"


@pytest.mark.parametrize("target", ["/etc/passwd", "../../geheim.yml", "../../../../../../../../etc/hostname"])
def test_a_link_out_of_the_repository_is_an_error_and_not_followed(tmp_path, target):
    data = _repo(tmp_path)
    (tmp_path / "geheim.yml").write_text("partners:\n  - {id: geheim, naam: Geheim, sector: po}\n", encoding="utf-8")
    os.symlink(target, data / "partners.yml")
    result = load(data, today=DEMO_TODAY)
    assert [(p.file, p.line, p.message) for p in result.errors] == [(
        f"{data}/partners.yml", 1, f"{data}/partners.yml is een symbolische link naar {target}, buiten de repository of in .git; "
        f"die wordt niet gevolgd: zet het bestand zelf in {data}/")]
    assert "geheim" not in str(result.raw)


def test_a_link_within_the_repository_is_read_as_its_file(tmp_path):
    data = _repo(tmp_path)
    (data.parent / "gedeeld").mkdir()
    (data.parent / "gedeeld" / "partners.yml").write_text(PARTNERS, encoding="utf-8")
    os.symlink("../gedeeld/partners.yml", data / "partners.yml")
    result = load(data, today=DEMO_TODAY)
    assert result.problems == [] and [p.id for p in result.agenda.partners] == ["gemeente"]


def test_a_link_to_a_folder_or_to_nothing_is_named(tmp_path):
    data = _repo(tmp_path)
    (data.parent / "gedeeld").mkdir()
    os.symlink("../gedeeld", data / "map")
    os.symlink("bestaat-niet.yml", data / "weg.yml")
    assert [(Path(p.file).name, p.message, p.severity) for p in load(data, today=DEMO_TODAY).problems] == [
        ("map", f"dit bestand wordt niet gelezen: het is een symbolische link naar een map (../gedeeld); zet de bestanden zelf in {data}/",
         "waarschuwing"),
        ("weg.yml", "dit bestand wordt niet gelezen: het is een symbolische link naar bestaat-niet.yml, en dat bestaat niet", "waarschuwing"),
    ]


def test_a_data_folder_that_is_a_link_out_of_the_repository_is_refused(tmp_path):
    data = _repo(tmp_path)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    link = data / "meer"
    os.symlink(elsewhere, link)
    assert [p.message for p in load(link, today=DEMO_TODAY).errors][0].startswith(f"de map {link} is een symbolische link naar")


# --- a line glued to the text above it ------------------------------------------------------


def _run_on(text: str) -> list[tuple[int, str]]:
    multiline: list = []
    load_text(text, "x.yml", multiline=multiline)
    return run_on_text(text, multiline)


@pytest.mark.parametrize("text, line, start", [
    ("pijlers:\n  - Vroeg signaleren\n    Samen met ouders\n", 3, "'Samen met ouders' is voor YAML geen nieuw item"),
    ("pijlers:\n- Vroeg signaleren\n  Samen met ouders\n", 3, "'Samen met ouders' is voor YAML geen nieuw item"),
    ("pijlers:\n  - Vroeg signaleren\n    - Samen met ouders\n", 3, "'- Samen met ouders' is voor YAML geen nieuw item"),
    ("a:\n  tekst: Gestart met werven\n    - tweede notitie\n", 3, "'- tweede notitie' is voor YAML geen nieuw item"),
    ("a:\n  - tekst: Gestart met de werving\n      datum:2026-11-01\n", 3, "'datum:2026-11-01' lijkt een veld"),
    ("a:\n  - tekst: Gestart met de werving\n      datum 2026-11-01\n", 3, "'datum 2026-11-01' lijkt een veld"),
    ("taken:\n  - Besluiten over de begroting\n    Toezicht op de uitvoering\n", 3, "'Toezicht op de uitvoering' is voor YAML"),
])
def test_a_line_that_looks_new_but_continues_the_text_is_warned(text, line, start):
    [(found_line, message)] = _run_on(text)
    assert found_line == line and message.startswith(start), message


@pytest.mark.parametrize("text", [
    # ordinary wrapping: lower case, after a comma, after a small word, after a sentence
    "samenvatting: Kinderen krijgen op tijd hulp, zodat ze\n  zich goed kunnen ontwikkelen.\n",
    "pijlers:\n  - Vroeg signaleren van achterstanden bij peuters, samen met\n    de kinderopvang en het consultatiebureau\n",
    "pijlers:\n  - Samen met\n    Bibliotheek Veenland en de scholen\n",
    "pijlers:\n  - Taalles voor ouders in de\n    Buurtkamer aan de Dorpsstraat\n",
    "pijlers:\n  - Eerste zin over het plan.\n    Tweede zin over de uitvoering.\n",
    "pijlers:\n  - Leerlingen van het vo en het mbo,\n    Bibliotheek en sportverenigingen\n",
    "pijlers:\n  - Voorlezen thuis –\n    Boekstart voor baby's\n",
    "beschrijving: Dit is een lange tekst die gewoon\n  doorloopt over de regel; zoals\n  Markdown-tekst dat doet.\n",
    # a capital in a wrapped field value (not an item): never a missing '- '
    "titel: Samenwerking tussen gemeente en\n  Kinderopvang Testdorp\n",
    "doel: Meer kinderen lezen\n  Elke dag, thuis en op school.\n",
    # quoted and block texts are not plain texts
    "pijlers:\n  - \"Vroeg signaleren\n    Samen met ouders\"\n",
    "beschrijving: |\n  Vroeg signaleren\n  - Samen met ouders\n  datum:2026\n",
    "beschrijving: >\n  Vroeg signaleren\n  Samen met ouders\n",
    # a wrapped line starting with an ordinary word that is not a date field
    "pijlers:\n  - Leesbevordering in de periode\n    2026-2027 en daarna\n",
    "pijlers:\n  - Gesprekken van\n    2026-01 tot 2026-06\n",
])
def test_legitimately_wrapped_text_is_not_warned(text):
    assert _run_on(text) == []


def test_the_demo_data_and_the_fixtures_have_no_such_warning():
    for path in sorted(DATA.rglob("*.yml")) + sorted(FIXTURES.rglob("*.yml")):
        _, warnings = load_file(path, str(path))
        assert not [w for w in warnings if "vervolg" in w[1]], path


def test_run_on_warnings_in_a_real_load(tmp_path):
    data = _repo(tmp_path)
    (data / "ambities.yml").write_text(
        "ambities:\n  - id: a\n    titel: A\n    samenvatting: S\n    pijlers:\n      - Vroeg signaleren\n        Samen met ouders\n",
        encoding="utf-8")
    assert _problems(data) == [
        "ambities.yml:7: waarschuwing: 'Samen met ouders' is voor YAML geen nieuw item: het is het vervolg van het item op regel 6; "
        "begint hier een nieuw item, zet er dan '- ' voor; is het één tekst, zet hem dan tussen aanhalingstekens"]


# --- ids that would lose their page -------------------------------------------------------


@pytest.mark.parametrize("page", ["index", "404", "assets", "search", "sitemap"])
def test_an_ambition_id_that_is_a_page_of_the_site_is_refused(tmp_path, page):
    data = _repo(tmp_path)
    (data / "ambities.yml").write_text(f"ambities:\n  - {{id: '{page}', titel: A, samenvatting: S}}\n", encoding="utf-8")
    [error] = load(data, today=DEMO_TODAY).errors
    assert error.message.startswith(f"id '{page}' is gereserveerd: de site gebruikt die naam zelf voor een pagina of map (")


def test_reserved_names_are_fine_where_they_make_no_page(tmp_path):
    data = _repo(tmp_path)
    (data / "partners.yml").write_text("partners:\n  - {id: index, naam: Index, sector: overig}\n", encoding="utf-8")
    assert _problems(data) == []


# --- only the digits 0-9 ------------------------------------------------------------------------


@pytest.mark.parametrize("digits", ["２０２６", "٢٠٢٦", "۲۰۲۶", "२०२६"])
def test_other_digits_are_named_in_every_parser(digits):
    year = f"{digits}-2027"
    for parse, value in [
        (parse_school_year, year), (parse_planning, f"Q1 {digits}"), (parse_period, digits),
        (parse_ages, f"4-1{digits[0]}"), (parse_money, digits), (parse_number, f"{digits}.5"),
    ]:
        with pytest.raises(ValueError, match="bevat cijfers die geen gewone cijfers 0-9 zijn: .*U\\+.*; typ de cijfers opnieuw als 0-9"):
            parse(value)


def test_other_digits_in_ids_dates_and_years(tmp_path):
    data = _repo(tmp_path)
    (data / "agenda.yml").write_text(AGENDA.replace("van: 2021", "van: ２０２１"), encoding="utf-8")
    (data / "partners.yml").write_text("partners:\n  - {id: po٢, naam: P, sector: po}\n", encoding="utf-8")
    (data / "jaarplan.yml").write_text(
        "jaarplan:\n  schooljaar: 2021-2022\n  vaststelling: {status: vastgesteld, datum: ２０２１-10-01, door: raad}\n", encoding="utf-8")
    messages = [p.message for p in load(data, today=DEMO_TODAY).errors]
    assert messages == [
        "'２０２１' bevat cijfers die geen gewone cijfers 0-9 zijn: ２ (U+FF12), ０ (U+FF10), １ (U+FF11); typ de cijfers opnieuw als 0-9",
        "'２０２１-10-01' bevat cijfers die geen gewone cijfers 0-9 zijn: ２ (U+FF12), ０ (U+FF10), １ (U+FF11); typ de cijfers opnieuw als 0-9",
        "'po٢' bevat cijfers die geen gewone cijfers 0-9 zijn: ٢ (U+0662); typ de cijfers opnieuw als 0-9",
    ]


# --- e-mail: an address and nothing else ---------------------------------------------------------


@pytest.mark.parametrize("address", ["lea@gemeente.nl", "onderwijs.lea@regio-testdorp.nl", "lea+pers@gemeente.nl", " lea@gemeente.nl "])
def test_an_address_is_accepted(address):
    assert Contact.model_validate({"rol": "r", "email": address}).email == address.strip()


@pytest.mark.parametrize("address, message", [
    ("lea@gemeente.nl?bcc=iemand@x.nl", "'lea@gemeente.nl?bcc=iemand@x.nl' is geen gewoon e-mailadres: een ?, % of & "
     "(zoals in ?bcc= of ?subject=) hoort er niet in; schrijf alleen het adres, naam@organisatie.nl"),
    ("lea@gemeente.nl?subject=Hallo", "is geen gewoon e-mailadres: een ?, % of &"),
    ("lea%40gemeente.nl@x.nl", "is geen gewoon e-mailadres: een ?, % of &"),
    ("mailto:lea@gemeente.nl", "laat 'mailto:' weg: schrijf alleen het adres, lea@gemeente.nl"),
    ("MAILTO:lea@gemeente.nl", "laat 'mailto:' weg: schrijf alleen het adres, lea@gemeente.nl"),
    ("lea@gemeente.nl, pers@gemeente.nl", "is meer dan één adres of bevat een spatie; schrijf één e-mailadres"),
    ("lea@gemeente.nl;pers@gemeente.nl", "is meer dan één adres of bevat een spatie"),
    ("lea@gemeente@x.nl", "is meer dan één adres of bevat een spatie"),
    ("lea @gemeente.nl", "is meer dan één adres of bevat een spatie"),
    ("\"lea\"@gemeente.nl", "aanhalingstekens en < > horen er niet in"),
    ("<lea@gemeente.nl>", "aanhalingstekens en < > horen er niet in"),
    ("lea-gemeente.nl", "'lea-gemeente.nl' is geen e-mailadres; schrijf het als naam@organisatie.nl"),
    ("lea@gemeente", "is geen e-mailadres; schrijf het als naam@organisatie.nl"),
    ("l" * 250 + "@x.nl", "e-mailadres is te lang: 255 tekens, en de grens is 254"),
])
def test_anything_more_than_an_address_is_refused(address, message):
    with pytest.raises(ValueError, match="1 validation error") as info:
        Contact.model_validate({"rol": "r", "email": address})
    assert message in str(info.value)


@pytest.mark.parametrize("written", ['"index\\n"', '" index"', '"Index"', "index", '"index\\t"'])
def test_a_reserved_page_name_cannot_slip_through_as_an_id(tmp_path, written):
    # Whitespace is stripped from texts; an id is checked as written, so 'index\n' cannot become 'index'.
    import shutil

    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "ambities" / "zz.yml").write_text(f"ambitie:\n  id: {written}\n  titel: X\n  samenvatting: Y\n", encoding="utf-8")
    result = load(tmp_path / "data", DEMO_TODAY)
    assert result.agenda is None
    assert any(p.file.endswith("zz.yml") and p.line == 2 and p.path.endswith(".id") for p in result.errors)
