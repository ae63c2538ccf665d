"""Class 8 of issue 24: bidi controls (Unicode's Bidi_Control characters) turn the reading direction of
the text after them, so a page, a CSV cell or a reviewed diff shows other text than the file holds
("Gemeente Lindeveen" spelled backwards, "€ 10.000" that is not). Each is an error wherever it is in a
data file (a value, a | text, a field name, a comment) or in a data file's name, naming the code point,
the line and the column; nothing reaches the site."""

from __future__ import annotations

import re

import pytest

from lea_site.init import init_site
from lea_site.load import load
from lea_site.values import odd_characters
from lea_site.yamlsource import BIDI_CONTROLS

from .test_forgiving import BASE, TODAY, _write, edit, problems
from .sitebuild import lea

RLO, PDF, LRM, RLI, PDI = "\u202e", "\u202c", "\u200e", "\u2067", "\u2069"
MARK = re.compile("[" + "".join(BIDI_CONTROLS) + "]")

# Where an editor (or an attacker in a pull request) puts one: (old, new, line, column, the word named).
PLACES = {
    "a partner's name": ("naam: JGZ Testdorp", f"naam: JGZ {RLO}pordtseT", 7, 25, "pordtseT"),
    "an action title": ("titel: Spreekuur", f"titel: Spreek{RLI}uur{PDI}", 27, 24, "Spreekuur"),
    "a role": ("trekker: jgz", f"trekker: {LRM}beleidsadviseur onderwijs", 28, 20, "beleidsadviseur"),
    "an amount in a text": ("tekst: Gestart.}", f"tekst: 'Gestart met {RLO}000.01 €{PDF}'}}", 32, 55, "000.01"),
    "a field name": ("status: lopend", f"sta{RLO}tus: lopend", 29, 14, "status"),
    "an id": ("        - id: a1", f"        - id: a{LRM}1", 26, 16, "a1"),
}


@pytest.mark.parametrize("place", list(PLACES))
def test_a_direction_mark_is_an_error_at_its_line_and_column(tmp_path, place):
    old, new, line, column, word = PLACES[place]
    found = problems(tmp_path, edit(old, new))
    char = MARK.search(new).group()
    assert found[0].startswith(f"{line}: hier staat een onzichtbaar richtingteken op kolom {column} (U+{ord(char):04X}, "), found
    assert f"in '{word}'" in found[0]
    assert not any(MARK.search(message) for message in found), "a message must not turn the terminal's line around"


def test_a_url_with_a_direction_mark(tmp_path):
    text = edit("  - {id: jgz, naam: JGZ Testdorp, sector: jgz}",
                f"  - {{id: jgz, naam: JGZ Testdorp, sector: jgz, url: 'https://www.example.nl/{RLO}lmth.xedni'}}")
    found = problems(tmp_path, text)
    assert len(found) == 1 and found[0].startswith("7: hier staat een onzichtbaar richtingteken op kolom 77 (U+202E, rechts-naar-links forceren), "
                                                   "in 'https://www.example.nl/lmth.xedni'"), found


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_every_bidi_control_is_named_by_its_code_point(tmp_path, char):
    found = problems(tmp_path, edit("titel: Spreekuur", f"titel: Spreek{char}uur"))
    assert found == [f"27: hier staat een onzichtbaar richtingteken op kolom 24 (U+{ord(char):04X}, {BIDI_CONTROLS[char]}), in 'Spreekuur'; "
                     "haal het weg (zo'n teken draait de leesrichting om: op de site, in de downloads en bij het nakijken staat dan iets anders dan hier)"]


def test_inside_a_markdown_text_and_a_comment_too(tmp_path):
    """A U+00A0 inside a | text is typography and stays; a direction mark is flagged there, and in a
    comment (where it can make a reviewer read other YAML than the build reads)."""
    text = BASE + f"  inleiding: |\n    Een inleiding\n    met een {RLO}woord.\n# opmerking {RLO}: x\n"
    found = problems(tmp_path, text)
    assert [m.split(" (U+")[0] for m in found] == [
        "35: hier staat een onzichtbaar richtingteken op kolom 13",
        "36: hier staat een onzichtbaar richtingteken op kolom 13"]
    assert "in 'woord.'" in found[0] and "in een opmerking (na '#')" in found[1]


def test_several_on_one_line_are_each_named(tmp_path):
    found = problems(tmp_path, edit("naam: JGZ Testdorp", f"naam: {LRM}JGZ {RLO}Testdorp{PDF}"))
    assert len(found) == 1
    assert ("op kolom 21 (U+200E, links-naar-rechtsmarkering), in 'JGZ'; nog een op kolom 26 (U+202E, rechts-naar-links forceren), "
            "in 'Testdorp'; nog een op kolom 35 (U+202C, einde richting), in 'Testdorp'; haal ze weg") in found[0]


def test_reported_even_when_the_file_does_not_read(tmp_path):
    found = problems(tmp_path, edit("titel: Spreekuur", f"titel: [Spreek{RLO}uur"))
    assert any(m.startswith("27: hier staat een onzichtbaar richtingteken op kolom 25 (U+202E") for m in found), found
    assert any("YAML kan niet gelezen worden" in m for m in found)


def test_the_value_is_read_without_it_so_no_other_message_misleads(tmp_path):
    """The id 'a\u200e1' is read as 'a1': one message about the mark, none about an odd id."""
    assert len(problems(tmp_path, edit("        - id: a1", f"        - id: a{LRM}1"))) == 1


def test_one_message_per_line_and_a_bounded_number_per_file(tmp_path):
    text = BASE + "".join(f"# {RLO} {n}\n" for n in range(150))
    found = [m for m in problems(tmp_path, text) if "richtingteken" in m]
    assert len(found) == 101 and found[-1].endswith("meer dan 100 regels met richtingtekens in dit bestand; de rest wordt niet getoond")


def test_a_file_name_with_a_direction_mark(tmp_path):
    data = _write(tmp_path, BASE, f"jaarplan-{RLO}lmy.yml")
    result = load(data, today=TODAY)
    assert [p.message for p in result.errors] == [
        "de naam van dit bestand bevat een onzichtbaar richtingteken (U+202E, rechts-naar-links forceren); hernoem het zonder dat teken "
        "(het draait de leesrichting om, zodat de naam er anders uitziet dan hij is)"]
    assert result.errors[0].file.endswith("jaarplan-\\u202elmy.yml")


def test_an_exact_value_names_it_too():
    assert odd_characters(f"2021{RLO}-2022") == (
        "'2021-2022' bevat een onzichtbaar richtingteken (U+202E, rechts-naar-links forceren) op positie 5; "
        "typ de waarde opnieuw (het teken is niet te zien, maar hoort er niet in)")


def test_lea_check_and_build_refuse_it(tmp_path):
    site = tmp_path / "site"
    init_site(site, name="Testdorp", today=TODAY)
    assert lea("check", cwd=site, today=TODAY).returncode == 0  # the new site is clean
    (site / "data" / "extra.yml").write_text(f"partners:\n  - {{id: jgz2, naam: {RLO}JGZ Testdorp, sector: jgz}}\n", encoding="utf-8")
    check = lea("check", cwd=site, today=TODAY)
    assert check.returncode == 1 and "U+202E" in check.stdout + check.stderr and "Traceback" not in check.stderr
    build = lea("build", cwd=site, today=TODAY)
    assert build.returncode != 0 and "U+202E" in build.stdout + build.stderr and "Traceback" not in build.stderr
    assert not (site / "site").exists()
