"""Issue 16: forgiving where the meaning is clear, exact where it is not.

The mistakes editors really make (in GitHub's web editor, pasting from Word), by class:
each class is tried with several variants, with the exact Dutch message, file and line.
Accepted variants are also built into a real site (the last test).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from lea_site.load import load

from .conftest import MINIMAL_AGENDA
from .sitebuild import lea, site_folder

TODAY = date(2022, 6, 1)

# One agenda (2021-2024) with an ambition, an indicator in %, a partner and a plan for 2021-2022.
# Line numbers in the messages below count from the top of this text (MINIMAL_AGENDA is 5 lines).
BASE = MINIMAL_AGENDA + """\
partners:
  - {id: jgz, naam: JGZ Testdorp, sector: jgz}
ambities:
  - id: zorg
    titel: Zorg
    samenvatting: Kinderen krijgen op tijd hulp.
    indicatoren:
      - id: bereik
        titel: Bereik
        eenheid: "%"
        nulmeting: {periode: 2021, waarde: 50}
        metingen:
          - {periode: 2022, waarde: 60}
        doel: {waarde: 90, uiterlijk: 2024}
jaarplan:
  schooljaar: 2021-2022
  vaststelling: {status: concept}
  ambities:
    - ambitie: zorg
      acties:
        - id: a1
          titel: Spreekuur
          trekker: jgz
          status: lopend
          planning: Q4 2021
          voortgang:
            - {datum: 2022-03-01, tekst: Gestart.}
"""


def _write(tmp_path: Path, text: str, name: str = "case.yml") -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / name).write_text(text, encoding="utf-8")
    return data


def problems(tmp_path: Path, text: str, name: str = "case.yml") -> list[str]:
    """What lea check reports, as 'LINE: PATH: MESSAGE' (warnings prefixed), for a one-file data folder."""
    data = _write(tmp_path, text, name)
    result = load(data, today=TODAY)
    out = []
    for p in result.problems:
        file = "data" if p.file == str(data) else p.file.replace(f"{data}/", "")
        where = "" if p.is_general else f"{p.line}: " if file == name else f"{file}:{p.line}: "
        message = p.message.replace(f"{data}/", "data/")
        out.append(("" if p.is_error else "waarschuwing: ") + (f"{where}{p.path}: {message}" if p.path else f"{where}{message}"))
    return out


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def agenda(tmp_path: Path, text: str):
    result = load(_write(tmp_path, text), today=TODAY)
    assert not result.problems, [str(p) for p in result.problems]
    return result.agenda


def test_the_base_is_clean(tmp_path):
    assert problems(tmp_path, BASE) == []


ACTION = "jaarplannen[2021-2022].ambities[zorg].acties[a1]"
INDICATOR = "ambities[zorg].indicatoren[bereik]"


# --- 1. refused although the meaning is clear -----------------------------------------------


@pytest.mark.parametrize("written", ["Afgerond", "AFGEROND", "afgerond ", "“afgerond”", "'afgerond'"])
def test_a_fixed_value_in_any_case_or_between_quotes(tmp_path, written):
    text = edit("status: lopend", f"status: {written}" if "'" not in written else f'status: "{written}"')
    action = agenda(tmp_path, text).jaarplannen[0].ambities[0].acties[0]
    assert action.status == "afgerond"


def test_every_kind_of_fixed_value_is_case_insensitive(tmp_path):
    text = edit("sector: jgz", "sector: JGZ")
    text = edit("schooljaar: 2021-2022\n  vaststelling: {status: concept}", "schooljaar: 2021-2022\n  vaststelling: {status: Concept}", text)
    text = edit('eenheid: "%"', 'eenheid: "%"\n        beter: Hoger', text)
    text = edit("{periode: 2022, waarde: 60}", "{periode: 2022, waarde: 60, soort: Gemeten}", text)
    text = edit("planning: Q4 2021", "planning: Q4 2021\n          begroting: {soort: Eigen uren}", text)
    result = agenda(tmp_path, text)
    assert result.partners[0].sector == "jgz"
    assert result.jaarplannen[0].vaststelling.status == "concept"
    assert result.ambities[0].indicatoren[0].beter == "hoger"
    assert result.jaarplannen[0].ambities[0].acties[0].begroting.soort == "eigen_uren"


def test_an_unknown_fixed_value_is_still_refused(tmp_path):
    assert problems(tmp_path, edit("status: lopend", "status: Klaar")) == [
        f"29: {ACTION}.status: onbekende waarde 'Klaar'; kies uit: gepland, lopend, afgerond, vertraagd, gestopt"]


@pytest.mark.parametrize(("written", "shown"), [
    ("Q4 2021-Q1 2022", "Q4 2021 t/m Q1 2022"),
    ("Q4 2021 -Q1 2022", "Q4 2021 t/m Q1 2022"),
    ("Q4 2021 – Q1 2022", "Q4 2021 t/m Q1 2022"),
    ("september t/m december 2021", "2021-09 t/m 2021-12"),
    ("september - december 2021", "2021-09 t/m 2021-12"),
    ("sept-dec 2021", "2021-09 t/m 2021-12"),
    ("november t/m februari 2022", "2021-11 t/m 2022-02"),
    ("Q1 t/m Q2 2022", "Q1 2022 t/m Q2 2022"),
    ("Q4-Q1 2022", "Q4 2021 t/m Q1 2022"),
    ("2021-10-2022-03", "2021-10 t/m 2022-03"),
    ("14 oktober 2021", "2021-10-14"),
    ("schooljaar 2021-2022", "2021-2022"),
    ("Het hele schooljaar", "hele schooljaar"),
])
def test_planning_as_editors_write_it(tmp_path, written, shown):
    action = agenda(tmp_path, edit("planning: Q4 2021", f"planning: {written}")).jaarplannen[0].ambities[0].acties[0]
    assert str(action.planning) == shown


@pytest.mark.parametrize(("written", "message"), [
    ("oktober", "'oktober' zegt niet welk jaar; noem het jaar erbij, bijvoorbeeld 'oktober 2022'"),
    ("ergens in 2022", "'ergens in 2022' is geen planning; schrijf 'hele schooljaar', een kwartaal (Q4 2021), een maand (2021-10 of november 2021), "
                       "een datum, een jaar, een globale periode (medio 2022, najaar 2022) of een reeks ('Q2 2022 t/m Q3 2022')"),
    ("Q4 2205", "jaar 2205 in 'Q4 2205' ligt buiten het bereik 1990-2100; klopt het jaar?"),
    ("maart 2022 t/m december 2021", "planning 'maart 2022 t/m december 2021' eindigt (2021-12) voordat hij begint (2022-03)"),
    ("31 februari 2022", "datum '31 februari 2022' bestaat niet: die dag bestaat niet in die maand"),
])
def test_a_planning_that_is_not_clear_is_refused(tmp_path, written, message):
    assert problems(tmp_path, edit("planning: Q4 2021", f"planning: {written}")) == [f"30: {ACTION}.planning: {message}"]


@pytest.mark.parametrize(("written", "low", "high"), [
    ("2-4 jr.", 2, 4), ("2-4 jr", 2, 4), ("2 - 4 jaar", 2, 4), ("2jr-4jr", 2, 4), ("4 Jaar", 4, 4),
    ("2 t/m 4 j.", 2, 4), ("0 tot 4 JAAR", 0, 4),
])
def test_ages_with_a_unit(tmp_path, written, low, high):
    action = agenda(tmp_path, edit("planning: Q4 2021", f"planning: Q4 2021\n          leeftijden: {written}")).jaarplannen[0].ambities[0].acties[0]
    assert (action.leeftijden.low, action.leeftijden.high) == (low, high)


def test_ages_that_are_not_clear_are_refused(tmp_path):
    assert problems(tmp_path, edit("planning: Q4 2021", "planning: Q4 2021\n          leeftijden: 4+")) == [
        f"31: {ACTION}.leeftijden: verwacht een leeftijdsbereik zoals 4-12 (in jaren) of -9 maanden t/m 6 jaar (in maanden), kreeg '4+'"]


@pytest.mark.parametrize(("written", "meant"), [("nee", False), ("Nee", False), ("ja", True), ("JA", True), ("no", False),
                                                ("yes", True), ("waar", True), ("onwaar", False), ("true", True), ("false", False)])
def test_yes_and_no_in_dutch(tmp_path, written, meant):
    assert agenda(tmp_path, MINIMAL_AGENDA + f"  voorbeeld: {written}\n").info.voorbeeld is meant


def test_yes_or_no_that_is_not_clear(tmp_path):
    assert problems(tmp_path, MINIMAL_AGENDA + "  voorbeeld: misschien\n") == [
        "6: agenda.voorbeeld: verwacht ja of nee (of true of false), kreeg tekst 'misschien'"]


@pytest.mark.parametrize("field", ["acties", "partners", "voortgang", "pijlers", "metingen"])
def test_an_empty_list_field_is_an_empty_list(tmp_path, field):
    text = {
        "acties": BASE.split("      acties:")[0] + "      acties:\n",
        "partners": edit("          trekker: jgz\n", "          trekker: jgz\n          partners:\n"),
        "voortgang": BASE.split("          voortgang:")[0].replace("status: lopend", "status: gepland") + "          voortgang:\n",
        "pijlers": edit("    samenvatting: Kinderen krijgen op tijd hulp.\n", "    samenvatting: Kinderen krijgen op tijd hulp.\n    pijlers:\n"),
        "metingen": edit("          - {periode: 2022, waarde: 60}\n", ""),
    }[field]
    assert problems(tmp_path, text) == []


def test_a_required_list_left_empty_says_so(tmp_path):
    text = MINIMAL_AGENDA.replace("  regio: {naam: Testdorp, gemeenten: [Testdorp]}\n", "  regio:\n    naam: Testdorp\n    gemeenten:\n")
    assert problems(tmp_path, text) == ["5: agenda.regio.gemeenten: mag niet leeg zijn"]


def test_anchors_that_are_referred_to_are_not_dropped_text(tmp_path):
    text = edit("    titel: Zorg\n", "    titel: &tafel Zorg aan tafel\n")
    text = edit("          titel: Spreekuur\n", "          titel: *tafel\n", text)
    result = agenda(tmp_path, text)
    assert result.jaarplannen[0].ambities[0].acties[0].titel == "Zorg aan tafel"


def test_an_anchor_that_nothing_refers_to_is_still_dropped_text(tmp_path):
    assert problems(tmp_path, edit("    titel: Zorg\n", "    titel: &Co Zorg\n")) == [
        "waarschuwing: 10: '&Co' aan het begin van een waarde is voor YAML een label en valt weg uit de tekst; "
        "zet de hele tekst tussen aanhalingstekens"]


# --- 2. accepted although the value cannot be right --------------------------------------------


@pytest.mark.parametrize(("old", "new", "line", "where", "message"), [
    ("{periode: 2022, waarde: 60}", "{periode: 2022, waarde: 101}", 18, "metingen[1].waarde", "meting 101% kan niet"),
    ("{periode: 2022, waarde: 60}", "{periode: 2022, waarde: -1}", 18, "metingen[1].waarde", "meting -1% kan niet"),
    ("nulmeting: {periode: 2021, waarde: 50}", "nulmeting: {periode: 2021, waarde: 150.5}", 16, "nulmeting.waarde", "nulmeting 150,5% kan niet"),
    ("doel: {waarde: 90, uiterlijk: 2024}", "doel: {waarde: 190, uiterlijk: 2024}", 19, "doel.waarde", "doel 190% kan niet"),
])
def test_a_percentage_outside_0_to_100(tmp_path, old, new, line, where, message):
    assert problems(tmp_path, edit(old, new)) == [
        f"{line}: {INDICATOR}.{where}: {message}: een percentage ligt tussen 0 en 100 (is de eenheid geen %, pas dan 'eenheid' aan)"]


@pytest.mark.parametrize("unit", ["kinderen", "leerlingen", "thuiszitters"])
def test_a_negative_count(tmp_path, unit):
    text = edit('eenheid: "%"', f"eenheid: {unit}", edit("{periode: 2022, waarde: 60}", "{periode: 2022, waarde: -3}"))
    assert problems(tmp_path, text) == [
        f"18: {INDICATOR}.metingen[1].waarde: meting -3 {unit} kan niet: een aantal is nooit negatief "
        "(is het een verschil, zeg dat dan in 'eenheid', bijvoorbeeld 'verschil in leerlingen')"]


@pytest.mark.parametrize("unit", ["verschil in leerlingen", "procentpunten", "score", "€"])
def test_a_negative_change_or_score_is_fine(tmp_path, unit):
    text = edit('eenheid: "%"', f'eenheid: "{unit}"', edit("{periode: 2022, waarde: 60}", "{periode: 2022, waarde: -3}"))
    assert problems(tmp_path, text) == []


@pytest.mark.parametrize(("old", "new", "line", "where", "what"), [
    ("nulmeting: {periode: 2021, waarde: 50}", "nulmeting: {periode: 1999, waarde: 50}", 16, "nulmeting.periode", "nulmeting voor 1999"),
    ("{periode: 2022, waarde: 60}", "{periode: 2040, waarde: 60, soort: prognose}", 18, "metingen[1].periode", "meting voor 2040"),
    ("doel: {waarde: 90, uiterlijk: 2024}", "doel: {waarde: 90, uiterlijk: 2035-2036}", 19, "doel.uiterlijk", "doel voor 2035-2036"),
])
def test_a_year_far_from_the_agendas_term(tmp_path, old, new, line, where, what):
    assert problems(tmp_path, edit(old, new)) == [
        f"waarschuwing: {line}: {INDICATOR}.{where}: {what} ligt ver buiten de looptijd van de agenda (2021-2024); klopt het jaar?"]


@pytest.mark.parametrize("written", ["2205", "Q1 1899", "2205-2206"])
def test_a_year_no_agenda_can_mean(tmp_path, written):
    found = problems(tmp_path, edit("{periode: 2022, waarde: 60}", f"{{periode: {written}, waarde: 60}}"))
    assert len(found) == 1 and found[0].startswith(f"18: {INDICATOR}.metingen[1].periode: ")
    assert "ligt buiten het bereik 1990-2100" in found[0]


@pytest.mark.parametrize(("target", "shown"), [("2020", "2020"), ("Q4 2020", "Q4 2020"), ("2019-2020", "2019-2020")])
def test_a_target_before_the_baseline(tmp_path, target, shown):
    assert problems(tmp_path, edit("uiterlijk: 2024", f"uiterlijk: {target}")) == [
        f"19: {INDICATOR}.doel.uiterlijk: het doel moet uiterlijk in {shown} bereikt zijn, maar dat is voor de nulmeting (2021); klopt het jaar?"]


def test_a_baseline_and_a_measurement_for_the_same_period(tmp_path):
    assert problems(tmp_path, edit("{periode: 2022, waarde: 60}", "{periode: 2021, waarde: 60}")) == [
        f"18: {INDICATOR}.metingen[1].periode: periode 2021 is ook de nulmeting: dat zijn twee punten voor dezelfde periode; "
        "haal de meting weg of geef de nulmeting zijn eigen periode"]


@pytest.mark.parametrize(("written", "as_written", "meant"), [
    ("begroting: {kosten: 12,5k}", "12,5k", 12500),
    ("begroting: {kosten: 12,5k, dekking: 500}", "12,5k", 12500),
    ("begroting: {kosten: 12, 5k}", "12, 5k", 12500),
    ("begroting: {kosten: 12,500}", "12,500", 12500),
    ("begroting: {kosten: 1000,50}", "1000,50", 1001),
    ("begroting:\n            kosten: 12,5k", "12,5k", 12500),
    ("begroting:\n            kosten: 12 500", "12 500", 12500),
    ("begroting:\n            kosten: 1,2 mln", "1,2 mln", 1200000),
    ("begroting:\n            kosten: 15K", "15K", 15000),
])
def test_an_amount_that_yaml_splits_or_truncates(tmp_path, written, as_written, meant):
    found = problems(tmp_path, edit("planning: Q4 2021", f"planning: Q4 2021\n          {written}"))
    line = 31 if "\n" not in written else 32
    assert found == [f"{line}: {ACTION}.begroting.kosten: '{as_written}' is geen bedrag in hele euro's; "
                     f"schrijf het als heel getal, zonder komma, spatie, k of mln: {meant}"]


def test_a_decimal_comma_in_a_measurement_between_braces(tmp_path):
    assert problems(tmp_path, edit("{periode: 2022, waarde: 60}", "{periode: 2022, waarde: 60,5}")) == [
        f"18: {INDICATOR}.metingen[1].waarde: '60,5' is tekst; gebruik een punt als decimaalteken: 60.5"]


# --- 3. the right line, and a hint that fits ---------------------------------------------------


NBSP, ZWSP = "\u00a0", "\u200b"
FROM_WORD = "(zulke tekens komen mee bij kopiëren uit Word of een webpagina)"


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("          status: lopend", f"        {NBSP} status: lopend", 29,
     "hier staat een onzichtbare harde spatie (U+00A0) op kolom 9, in het inspringen; haal de spaties vooraan de regel weg en typ ze opnieuw"),
    ("          status: lopend", f"          status: lopend{NBSP}", 29,
     "hier staat een onzichtbare harde spatie (U+00A0) op kolom 25, aan het eind van de regel; haal alles na 'lopend' weg"),
    ("          status: lopend", f"          status:{NBSP}lopend", 29,
     "hier staat een onzichtbare harde spatie (U+00A0) op kolom 18, in de veldnaam; typ 'status' opnieuw"),
    ("          trekker: jgz", f"          trekker: jgz{NBSP}{NBSP}", 28,
     "hier staat een onzichtbare harde spatie (U+00A0) op kolom 23 en 24, aan het eind van de regel; haal alles na 'jgz' weg"),
    ("          trekker: jgz", "          trekker: jgz\u202f", 28,
     "hier staat een onzichtbare smalle harde spatie (U+202F) op kolom 23, aan het eind van de regel; haal alles na 'jgz' weg"),
    ("        - id: a1", f"        - id: a{ZWSP}1", 26,
     "hier staat een onzichtbare spatie zonder breedte (U+200B) op kolom 16, in 'a1'; typ dat opnieuw"),
    ("  - {id: jgz,", f"  - {{id: jgz,{NBSP}", 7,
     "hier staat een onzichtbare harde spatie (U+00A0) op kolom 14, na ','; haal de spatie daar weg en typ hem opnieuw"),
])
def test_an_invisible_character_is_named_with_its_column(tmp_path, old, new, line, message):
    assert problems(tmp_path, edit(old, new)) == [f"{line}: {message} {FROM_WORD}"]


def test_an_invisible_character_in_a_field_name_between_braces(tmp_path):
    text = edit("{periode: 2022, waarde: 60}", f"{{periode: 2022, waarde: 60, so{NBSP}ort: gemeten}}")
    assert problems(tmp_path, text) == [
        f"18: {INDICATOR}.metingen[1].so{NBSP}ort: onbekend veld 'so ort': er staat een onzichtbare harde spatie (U+00A0) in; "
        "typ de veldnaam opnieuw als 'soort'"]


def test_a_non_breaking_space_inside_a_text_is_typography(tmp_path):
    text = edit("    titel: Zorg\n", f"    titel: Zorg voor 0{NBSP}tot 4 jaar\n")
    text = edit("    - {datum: 2022-03-01, tekst: Gestart.}", f"    - {{datum: 2022-03-01, tekst: Gestart met €{NBSP}500.}}", text)
    text += f"  inleiding: |\n    Een inleiding{NBSP}\n    {NBSP}met harde spaties.\n"
    result = agenda(tmp_path, text)
    assert result.ambities[0].titel == f"Zorg voor 0{NBSP}tot 4 jaar"


@pytest.mark.parametrize(("value", "quote"), [("“Ouders: samen lezen”", "“"), ("„Ouders: samen”", "„"), ("‘Ouders: samen’", "‘")])
def test_curly_quotes_from_word(tmp_path, value, quote):
    assert problems(tmp_path, edit("          titel: Spreekuur", f"          titel: {value}")) == [
        f"27: YAML kan niet gelezen worden: de tekst begint met een gekruld aanhalingsteken ({quote}), zoals Word dat maakt; "
        "voor YAML is dat een gewoon teken, geen aanhalingsteken "
        "(vervang de gekrulde aanhalingstekens door rechte: \"tekst\" of 'tekst')"]


def test_curly_quotes_around_a_plain_text_are_kept(tmp_path):
    result = agenda(tmp_path, edit("          titel: Spreekuur", "          titel: “Spreekuur”"))
    assert result.jaarplannen[0].ambities[0].acties[0].titel == "“Spreekuur”"


@pytest.mark.parametrize("bullet", ["-\t", "  -\t"])
def test_a_word_bullet_with_a_tab(tmp_path, bullet):
    text = edit("    samenvatting: Kinderen krijgen op tijd hulp.\n",
                f"    samenvatting: Kinderen krijgen op tijd hulp.\n    pijlers:\n    {bullet}Vroeg signaleren\n")
    assert problems(tmp_path, text) == [
        "13: YAML kan niet gelezen worden: na het streepje van een lijstregel staat een tab (zoals bij een opsomming uit Word) "
        "(schrijf een lijstregel als '- tekst', met een spatie na het streepje)"]


@pytest.mark.parametrize("bullet", ["•", "·", "–"])
def test_word_bullet_characters_are_no_list(tmp_path, bullet):
    text = edit("    samenvatting: Kinderen krijgen op tijd hulp.\n",
                f"    samenvatting: Kinderen krijgen op tijd hulp.\n    pijlers:\n      {bullet} Vroeg\n      {bullet} Samen\n")
    assert problems(tmp_path, text) == [
        f"12: ambities[zorg].pijlers: verwacht een lijst, kreeg tekst '{bullet} Vroeg {bullet} Samen': opsommingstekens uit Word (•) "
        "maken geen lijst; begin elke regel met '- ' (streepje en spatie)"]


@pytest.mark.parametrize(("old", "new", "line", "key", "value"), [
    ("          status: lopend", "          status:lopend", 29, "status", "lopend"),
    ("          titel: Spreekuur", "          titel:Spreekuur", 27, "titel", "Spreekuur"),
    ("        - id: a1", "        - id:a1", 26, "id", "a1"),
    ("    samenvatting: Kinderen", "    samenvatting:Kinderen", 11, "samenvatting", "Kinderen"),
])
def test_a_missing_space_after_a_colon_is_reported_on_its_own_line(tmp_path, old, new, line, key, value):
    found = problems(tmp_path, edit(old, new))
    rest = new.split(":", 1)[1]
    assert found == [f"{line}: YAML kan niet gelezen worden: na '{key}:' ontbreekt een spatie "
                     f"(schrijf '{key}: {rest}'; zonder spatie leest YAML '{key}:{rest}' als één tekst)"]


@pytest.mark.parametrize(("old", "new", "line", "opening", "closing"), [
    ("{periode: 2022, waarde: 60}", "{periode: 2022, waarde: 60", 18, "{", "}"),
    ("nulmeting: {periode: 2021, waarde: 50}", "nulmeting: {periode: 2021, waarde: 50", 16, "{", "}"),
    ("    - {datum: 2022-03-01, tekst: Gestart.}", "    - {datum: 2022-03-01, tekst: Gestart.", 32, "{", "}"),
    ("gemeenten: [Testdorp]}", "gemeenten: [Testdorp}", 3, "[", "]"),
])
def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path, old, new, line, opening, closing):
    found = problems(tmp_path, edit(old, new) if old in BASE else BASE.replace(old, new))
    assert found[-1] == (f"{line}: YAML kan niet gelezen worden: de {opening} op deze regel wordt niet gesloten "
                         f"(zet een {closing} aan het eind van de waarde; begint een tekst met {opening}, zet hem dan tussen aanhalingstekens)")


@pytest.mark.parametrize(("name", "extra", "suffix", "stem"), [
    ("partners.yml.txt", ".txt", ".yml", "partners.yml"),
    ("partners.YML.TXT", ".TXT", ".YML", "partners.YML"),
    ("partners.yaml.txt", ".txt", ".yaml", "partners.yaml"),
])
def test_a_data_file_saved_with_txt_is_named_and_causes_no_flood(tmp_path, name, extra, suffix, stem):
    """The references to what is in it are not all reported unknown: the file itself is named."""
    _write(tmp_path, "partners:\n  - {id: jgz, naam: JGZ, sector: jgz}\n", name)
    rest = BASE.replace("partners:\n  - {id: jgz, naam: JGZ Testdorp, sector: jgz}\n", "")
    assert sorted(problems(tmp_path, rest)) == [
        f"{name}:1: dit bestand wordt niet gelezen: de naam eindigt op '{extra}' na '{suffix}'; "
        f"hernoem het naar {stem}, anders ontbreken de gegevens erin",
        "waarschuwing: verwijzingen naar partners, ambities, organen, indicatoren en schooljaren zijn nog niet gecontroleerd, "
        "omdat niet alle bestanden gelezen konden worden",
    ]


def test_a_macos_appledouble_file(tmp_path):
    _write(tmp_path, "\x00\x05\x16\x07\x00\x02", "._case.yml")
    assert problems(tmp_path, BASE) == [
        "waarschuwing: ._case.yml:1: dit bestand wordt niet gelezen: het is een hulpbestand dat macOS maakt bij het kopiëren "
        "(AppleDouble), geen agendadata; verwijder het"]


@pytest.mark.parametrize("copy", ["partners - kopie.yml", "Kopie van partners.yml", "partners (1).yml", "partners 2.yml", "a - Copy.yml"])
def test_a_duplicate_after_copying_a_file_is_reported_on_the_copy(tmp_path, copy):
    _write(tmp_path, "partners:\n  - {id: jgz, naam: JGZ Testdorp, sector: jgz}\n", copy)
    text = BASE.replace("partners:\n  - {id: jgz, naam: JGZ Testdorp, sector: jgz}\n", "")
    (tmp_path / "data" / "partners.yml").write_text("partners:\n  - {id: jgz, naam: JGZ Testdorp, sector: jgz}\n", encoding="utf-8")
    assert problems(tmp_path, text) == [f"{copy}:2: partners[jgz].id: partner-id 'jgz' komt twee keer voor (eerst in data/partners.yml:2)"]


def test_without_a_copy_the_later_file_gets_the_duplicate(tmp_path):
    """Without git and without a copy's name, the file changed last (issue 24, class 12)."""
    import os

    data = _write(tmp_path, BASE)
    _write(tmp_path, "partners:\n  - {id: jgz, naam: JGZ Testdorp, sector: jgz}\n", "zz-partners.yml")
    os.utime(data / "case.yml", (1_700_000_000, 1_700_000_000))
    os.utime(data / "zz-partners.yml", (1_800_000_000, 1_800_000_000))
    found = [m for m in (str(p) for p in load(data, today=TODAY).problems)]
    assert [m.replace(f"{data}/", "") for m in found] == [
        "zz-partners.yml:2: partners[jgz].id: partner-id 'jgz' komt twee keer voor (eerst in case.yml:7)"]


PASTED = "de velden {fields} horen bij {what}, niet hier; is dit {what}? Zet het dan onder '{field}:', als item met '- ' ervoor, verder ingesprongen"


def test_an_action_pasted_at_the_indentation_of_an_ambition_plan(tmp_path):
    text = BASE + "    - id: a2\n      titel: Nieuw\n      trekker: jgz\n      status: gepland\n      planning: Q1 2022\n"
    assert problems(tmp_path, text) == [
        "33: jaarplannen[2021-2022].ambities[a2].id: "
        + PASTED.format(fields="'id', 'titel', 'trekker', 'status', 'planning'", what="een actie", field="acties")]


def test_action_fields_inside_an_ambition_plan(tmp_path):
    text = edit("      acties:\n", "      trekker: jgz\n      status: gepland\n      acties:\n")
    assert problems(tmp_path, text) == [
        "25: jaarplannen[2021-2022].ambities[zorg].trekker: "
        + PASTED.format(fields="'trekker', 'status'", what="een actie", field="acties")]


@pytest.mark.parametrize(("old", "new", "line", "path", "fields", "what", "field"), [
    ("          planning: Q4 2021\n", "          planning: Q4 2021\n          datum: 2022-04-01\n          tekst: Verder.\n", 31,
     f"{ACTION}.datum", "'datum', 'tekst'", "een voortgangsnotitie", "voortgang"),
    ("        eenheid: \"%\"\n", "        eenheid: \"%\"\n        periode: 2023\n        waarde: 70\n", 16,
     f"{INDICATOR}.periode", "'periode', 'waarde'", "een meting", "metingen"),
])
def test_other_items_pasted_one_level_too_high(tmp_path, old, new, line, path, fields, what, field):
    assert problems(tmp_path, edit(old, new)) == [f"{line}: {path}: " + PASTED.format(fields=fields, what=what, field=field)]


@pytest.mark.parametrize(("written", "message"), [
    ("2021-03-01", "voortgangsnotitie van 2021-03-01 ligt voor het begin van schooljaar 2021-2022 (2021-08-01); klopt het jaar?"),
    ("2020-11-15", "voortgangsnotitie van 2020-11-15 ligt voor het begin van schooljaar 2021-2022 (2021-08-01); klopt het jaar?"),
    ("2023-03-01", "voortgangsnotitie is gedateerd in de toekomst (2023-03-01)"),
])
def test_a_progress_note_in_the_wrong_year_says_so_directly(tmp_path, written, message):
    assert problems(tmp_path, edit("datum: 2022-03-01", f"datum: {written}")) == [
        f"waarschuwing: 32: {ACTION}.voortgang[1].datum: {message}"]


def test_a_carried_over_action_may_keep_its_earlier_notes(tmp_path):
    text = edit("          planning: Q4 2021\n", "          planning: Q4 2021\n          doorgeschoven_van: 2020-2021\n")
    text = edit("datum: 2022-03-01", "datum: 2021-03-01", edit("status: lopend", "status: gepland", text))
    text += "jaarplannen:\n  - schooljaar: 2020-2021\n    vaststelling: {status: concept}\n    ambities:\n      - ambitie: zorg\n        acties:\n          - {id: a1, titel: Spreekuur}\n"
    text = text.replace("periode: {van: 2021, tot: 2024}", "periode: {van: 2020, tot: 2024}")
    assert problems(tmp_path, text) == []


# --- 4. silently merged --------------------------------------------------------------------------


MISINDENTED = ("waarschuwing: {line}: jaarplannen[2021-2022].ambities[zorg].begroting: deze begroting staat direct na actie '{action}', "
               "die zelf geen begroting heeft, en geldt nu voor de hele ambitie; hoort hij bij die actie, spring hem dan in tot onder "
               "de andere velden van de actie")


@pytest.mark.parametrize("budget", ["begroting: {kosten: 5000}", "begroting:\n        kosten: 5000\n        dekking: 1000", "begroting: eigen uren"])
def test_an_ambition_budget_right_after_an_action_without_one(tmp_path, budget):
    assert problems(tmp_path, BASE + f"      {budget}\n") == [MISINDENTED.format(line=33, action="a1")]


def test_an_ambition_budget_after_several_actions(tmp_path):
    text = BASE + "        - {id: a2, titel: Tweede, begroting: geen}\n        - {id: a3, titel: Derde}\n      begroting: {kosten: 5000}\n"
    assert problems(tmp_path, text) == [MISINDENTED.format(line=35, action="a3")]


@pytest.mark.parametrize("text", [
    edit("      acties:\n", "      begroting: {kosten: 5000}\n      acties:\n"),  # before the actions: for the ambition
    BASE.replace("          planning: Q4 2021\n", "          planning: Q4 2021\n          begroting: {kosten: 100}\n") + "      begroting: {kosten: 100}\n",
])
def test_an_ambition_budget_that_is_meant_for_the_ambition(tmp_path, text):
    assert problems(tmp_path, text) == []


# --- the accepted variants on the built site -----------------------------------------------------


def test_accepted_variants_appear_on_the_built_site(tmp_path):
    text = MINIMAL_AGENDA + "  voorbeeld: nee\n" + BASE[len(MINIMAL_AGENDA):]
    text = edit("    titel: Zorg\n", "    titel: &tafel Zorg aan tafel\n", text)
    text = edit("          status: lopend\n", "          status: Afgerond\n", text)
    text = edit("          planning: Q4 2021\n", "          planning: september t/m december 2021\n          leeftijden: 2-4 jr.\n", text)
    text += ("        - id: a2\n          titel: *tafel\n          status: GEPLAND\n          planning: Q4 2021-Q1 2022\n"
             "          partners:\n")
    data = _write(tmp_path / "src", text)
    assert problems(tmp_path / "src", text) == []
    folder = site_folder(tmp_path / "site", data)
    run = lea("build", "-d", "out", cwd=folder, today=TODAY)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    out = folder / "out"
    year = (out / "schooljaren" / "2021-2022" / "index.html").read_text(encoding="utf-8")
    progress = (out / "voortgang" / "index.html").read_text(encoding="utf-8")
    for html in (year, progress):
        text = re.sub(r"<[^>]+>", "", html)  # 't/m' is an <abbr> with its meaning
        assert "september 2021 t/m december 2021" in text  # 'september t/m december 2021'
        assert "Q4 2021 t/m Q1 2022" in text  # 'Q4 2021-Q1 2022'
    assert year.count("Zorg aan tafel") >= 2  # the ambition, and the action that reuses its title with *tafel
    spreekuur = year[year.index("Spreekuur"):]
    assert 'lea-status--afgerond"><span class="lea-status__icon" aria-hidden="true">●</span> afgerond' in spreekuur[:3000]
    assert "lea-status--gepland" in year[year.index("Zorg aan tafel</strong>"):][:3000]  # 'GEPLAND'
    # '2-4 jr.': the action counts on the parents' page for 0-4 (which names no working titles), not on 12-18
    young, old = ((out / "ouders" / g / "index.html").read_text(encoding="utf-8") for g in ("0-4", "12-18"))
    counted = re.compile(r"aan [0-9]+ (?:andere )?acties? voor deze leeftijd\.")
    assert counted.search(young) and not counted.search(old)
    home = (out / "index.html").read_text(encoding="utf-8")
    # 'voorbeeld: nee': no notice that the data is fictional (the stylesheet tokens/voorbeeld.css is another matter)
    assert "lea-announce" not in home and "verzonnen" not in home
