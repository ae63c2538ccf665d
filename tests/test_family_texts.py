"""Issue 29 items 6 and 8-12 beyond the site's text (tests/test_family.py has that; items 1-5 are in test_family_shapes.py): a chapter's footnotes,
quotations and pictures made safely, bad pictures and references refused in Dutch with file, line and field,
and the fixture's new shapes in the built site's files, the PDF and the open data."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.exports.mdtree import blocks
from lea_site.load import load
from lea_site.render.html import md
from lea_site.verdicts import dimension_states

from .conftest import FIXTURE_TODAY, FIXTURES, MINIMAL_AGENDA

OUDEWAARD = FIXTURES / "oudewaard"
PNG = (OUDEWAARD / "afbeeldingen" / "kernen.png").read_bytes()


# --- Markdown: footnotes, quotations, figures -------------------------------------------------


def test_footnotes_have_ids_of_their_own_per_text():
    one = BeautifulSoup(md("Eerste[^1].\n\n[^1]: Bron: A."), "html.parser")
    two = BeautifulSoup(md("Tweede[^1].\n\n[^1]: Bron: B."), "html.parser")
    ids = [t["id"] for soup in (one, two) for t in soup.find_all(id=True)]
    assert len(ids) == 4 and len(set(ids)) == 4  # two fields on one page never share an id
    ref = one.select_one("sup a")
    assert ref["href"] == "#" + one.select_one("div.footnote li")["id"]
    assert "Terug naar voetnoot 1" in one.select_one("a.footnote-backref")["title"]
    assert md("Eerste[^1].\n\n[^1]: Bron: A.") == md("Eerste[^1].\n\n[^1]: Bron: A.")  # the same ids in every build


def test_a_quotation_keeps_its_role_beside_it():
    soup = BeautifulSoup(md("> Dat lukt niet elke week.\n>\n> — een ouder uit Lagewei"), "html.parser")
    figure = soup.select_one("figure.lea-quote")
    assert figure.blockquote.get_text(strip=True) == "Dat lukt niet elke week."
    assert figure.figcaption.get_text(strip=True) == "— een ouder uit Lagewei"
    plain = BeautifulSoup(md("> Alleen een citaat.\n>\n> Tweede alinea."), "html.parser")
    assert plain.figure is None and len(plain.blockquote.find_all("p")) == 2  # no dash: no role


@pytest.mark.parametrize("src,alt", [("https://elders.example/x.png", "x"), ("//elders.example/x.png", "x"),
                                     ("../geheim.png", "x"), ("/etc/x.png", "x"), ("a.gif", "x"), ("a.png", ""),
                                     ("javascript:alert(1)", "x"), ("a b.png", "x")])
def test_a_picture_that_is_not_a_described_file_of_the_data_folder_is_never_shown(src, alt):
    html = md(f"Tekst ![{alt}]({src}) meer.", link=lambda target: "../../" + target)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img") is None and "[afbeelding:" in soup.get_text()


def test_a_picture_is_a_figure_only_in_a_chapter():
    text = '![Kaart van de dorpen](afbeeldingen/kernen.png "De dorpen")'
    soup = BeautifulSoup(md(text, link=lambda target: "../../" + target), "html.parser")
    assert soup.figure["class"] == ["lea-picture"]
    assert soup.img["src"] == "../../bestanden/afbeeldingen/kernen.png" and soup.img["alt"] == "Kaart van de dorpen"
    assert soup.figcaption.get_text() == "De dorpen"
    assert BeautifulSoup(md(text), "html.parser").find("img") is None  # any other field: text


def test_data_markup_in_notes_quotes_and_captions_stays_text():
    text = ('Tekst[^x].\n\n> <script>alert(1)</script>\n>\n> — <b onmouseover=x>rol</b>\n\n'
            '![<img src=x onerror=alert(1)>](afbeeldingen/k.png "<script>")\n\n[^x]: <iframe src=https://x.example>')
    html = md(text, link=lambda target: target)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "iframe", "b"]) and len(soup.find_all("img")) == 1
    assert not [a for t in soup.find_all(True) for a in t.attrs if a.startswith("on")]
    assert "<b onmouseover=x>rol</b>" in soup.select_one("figure.lea-quote figcaption").get_text()  # shown as text
    assert soup.img["alt"] == "<img src=x onerror=alert(1)>" and set(soup.img.attrs) == {"src", "alt"}  # the words, as text
    tree = json.dumps(blocks(text, pictures=True))
    assert '"by"' in tree and '"notes"' in tree and '"fig"' in tree and "<script>" in tree  # text, for Typst to show as text


# --- lea check: Dutch errors with file, line and field -------------------------------------------


def _data(tmp_path: Path, chapter_text: str, extra: str = "") -> Path:
    data = tmp_path / "data"
    (data / "afbeeldingen").mkdir(parents=True)
    (data / "afbeeldingen" / "kernen.png").write_bytes(PNG)
    text = MINIMAL_AGENDA + "  hoofdstukken:\n    - id: context\n      titel: Context\n      tekst: |\n" + "".join(
        f"        {line}\n" for line in chapter_text.splitlines()) + extra
    (data / "agenda.yml").write_text(text, encoding="utf-8")
    return data


def _errors(data: Path) -> list[str]:
    return [str(p) for p in load(data, FIXTURE_TODAY).errors]


def test_a_described_picture_in_the_data_folder_passes(tmp_path: Path):
    data = _data(tmp_path, "![Kaart](afbeeldingen/kernen.png)")
    result = load(data, FIXTURE_TODAY)
    assert result.problems == []  # the picture file is no 'file that is not read' either
    assert list(result.agenda.pictures()) == ["afbeeldingen/kernen.png"]


@pytest.mark.parametrize("text,words", [
    ("![](afbeeldingen/kernen.png)", "heeft geen beschrijving"),
    ("![Kaart](https://elders.example/kaart.png)", "adres buiten de site"),
    ("![i](data:image/svg+xml,<svg onload=alert(10)>)", "adres buiten de site"),
    ("![Kaart](../kaart.png)", "buiten de map met de data"),
    ("![Kaart](afbeeldingen/weg.png)", "bestaat niet"),
    ("![Kaart](afbeeldingen/kernen.gif)", "geen .png- of .jpg-bestand"),
])
def test_a_bad_picture_is_an_error_naming_file_line_and_field(tmp_path: Path, text: str, words: str):
    errors = _errors(_data(tmp_path, "Tekst.\n\n" + text))
    assert len(errors) == 1, errors
    assert "agenda.yml:" in errors[0] and "agenda.hoofdstukken[context].tekst" in errors[0] and words in errors[0], errors[0]


def test_a_picture_linked_from_outside_the_data_folder_is_refused(tmp_path: Path):
    outside = tmp_path / "buiten.png"
    outside.write_bytes(PNG)
    data = _data(tmp_path, "![Kaart](afbeeldingen/buiten.png)")
    (data / "afbeeldingen" / "buiten.png").symlink_to(outside)
    errors = _errors(data)
    assert any("agenda.hoofdstukken[context].tekst" in e and "buiten de map met de data" in e for e in errors), errors


def test_a_picture_too_large_to_decode_is_refused_from_its_header(tmp_path: Path):
    data = _data(tmp_path, "![Kaart](afbeeldingen/groot.png)")
    huge = bytearray(PNG)
    huge[16:24] = (30000).to_bytes(4, "big") + (30000).to_bytes(4, "big")  # the header says 30,000 x 30,000
    (data / "afbeeldingen" / "groot.png").write_bytes(bytes(huge))
    [error] = _errors(data)
    assert "30.000 bij 30.000 pixels" in error


PLACES = """\
  plaatsen:
    - {id: stad, naam: Stad, onder: wijk}
    - {id: wijk, naam: Wijk, onder: stad}
    - {id: dorp, naam: Dorp, onder: nergens, prioriteiten: [{titel: Taal, doel: bestaat-niet}]}
    - {id: dorp2, naam: dorp}
  verwant:
    - {soort: voorganger, titel: Vorige, doelen: [geen-doel]}
"""


def test_places_and_related_agendas_are_checked_against_what_exists(tmp_path: Path):
    errors = "\n".join(_errors(_data(tmp_path, "Tekst.", PLACES)))
    assert "ligt via 'onder' in zichzelf" in errors  # stad -> wijk -> stad
    assert "onbekende plaats 'nergens'" in errors
    assert "onbekende ambitie 'bestaat-niet'" in errors and "onbekende ambitie 'geen-doel'" in errors
    assert "de naam 'dorp' staat al bij plaats 3" in errors


def test_an_unknown_kind_of_related_agenda_says_which_it_knows(tmp_path: Path):
    [error] = _errors(_data(tmp_path, "Tekst.", "  verwant:\n    - {soort: vorige, titel: Fout}\n"))
    assert "agenda.yml:12" in error and "agenda.verwant[1].soort" in error and "voorganger" in error


def test_a_dimension_twice_in_one_note_is_an_error(tmp_path: Path):
    data = _data(tmp_path, "Tekst.")
    (data / "doelen.yml").write_text("""\
ambities:
  - id: doel
    titel: Doel
    samenvatting: Een doel.
    activiteiten:
      - id: a
        titel: A
        voortgang:
          - datum: 2022-01-10
            tekst: Begonnen.
            dimensies: [{dimensie: geld, stand: op koers}, {dimensie: Geld, stand: achter}]
""", encoding="utf-8")
    [error] = _errors(data)
    assert "doelen.yml:11" in error and "dimensies[2].dimensie" in error and "dimensie 'Geld' staat twee keer" in error
    (data / "doelen.yml").write_text((data / "doelen.yml").read_text(encoding="utf-8").replace("stand: achter", "stand: snel"), encoding="utf-8")
    [error] = _errors(data)
    assert "dimensies[2].stand" in error and "'snel'" in error and "op koers, let op, achter" in error


def test_the_state_per_dimension_is_the_newest_note_up_to_the_day():
    agenda = load(OUDEWAARD, FIXTURE_TODAY).agenda
    action = agenda.ambition("goede-start").activiteiten[0]
    early = {d.dimension: d.state for d in dimension_states(action, date(2022, 1, 1))}
    late = {d.dimension: (d.state, d.day) for d in dimension_states(action, FIXTURE_TODAY)}
    assert early == {"kwaliteit": "op koers", "geld": "op koers", "tijd": "let op"}
    assert late == {"kwaliteit": ("op koers", date(2021, 12, 15)), "geld": ("achter", date(2022, 4, 20)),
                    "tijd": ("op koers", date(2022, 4, 20))}
    assert dimension_states(action, date(2021, 1, 1)) == []  # before any note: nothing, never a guess


# --- the fixture in the built site, the PDF and the open data --------------------------------------


def test_the_chapters_picture_is_served_and_shown_with_its_description(built_site):
    site = built_site("oudewaard").site
    agenda = load(OUDEWAARD, FIXTURE_TODAY).agenda
    page = site / "hoofdstukken" / "oudewaard-in-beeld" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    [img] = soup.select("article figure.lea-picture img")
    assert (page.parent / img["src"]).resolve() == (site / "bestanden" / "afbeeldingen" / "kernen.png").resolve()
    assert (site / "bestanden" / "afbeeldingen" / "kernen.png").read_bytes() == PNG
    [(src, alt)] = [(s, a) for s, a in __import__("lea_site.richtext", fromlist=["pictures_in"]).pictures_in(agenda.info.hoofdstukken[0].tekst)]
    assert img["alt"] == alt and src == "afbeeldingen/kernen.png"
    assert soup.select_one("article figure.lea-picture figcaption").get_text() == "De stad en de twee dorpen van Oudewaard"
    assert soup.select_one("article figure.lea-quote figcaption").get_text(strip=True).startswith("— een moeder uit Lagewei")
    notes = [li.get_text(" ", strip=True) for li in soup.select("article div.footnote li")]
    assert len(notes) == 2 and notes[0].startswith("Bron: gemeentelijke basisregistratie")


def test_a_place_page_for_every_place_in_the_menu(built_site):
    site = built_site("oudewaard").site
    agenda = load(OUDEWAARD, FIXTURE_TODAY).agenda
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    menu = [" ".join(a.get_text(" ").split()) for a in home.select("nav .md-nav__link")]
    assert "In mijn wijk" in " ".join(menu)
    for place in agenda.info.plaatsen:
        assert place.naam in menu
        assert (site / "plaatsen" / place.id / "index.html").is_file()
    # Places without work say so in words, never an empty heading (tests/test_family.py checks the headings)
    lagewei = BeautifulSoup((site / "plaatsen" / "lagewei" / "index.html").read_text(encoding="utf-8"), "html.parser").article
    assert "Peuterochtend in het dorpshuis" in lagewei.get_text(" ")  # the work names Lagewei in its place


def test_the_pdf_has_the_pictures_notes_quotes_places_related_agendas_and_dimensions(tmp_path: Path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext ontbreekt")
    from lea_site.exports.pdf import downloads

    agenda = load(OUDEWAARD, FIXTURE_TODAY).agenda
    made = downloads(agenda, FIXTURE_TODAY)
    texts = {}
    for name, content in made.items():
        path = tmp_path / name.replace("/", "_")
        path.write_bytes(content)
        texts[name] = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())
    text = texts["downloads/agenda.pdf"]
    for expected in ["1. Bron: gemeentelijke basisregistratie", "— een moeder uit Lagewei",
                     "De stad en de twee dorpen van Oudewaard", "Per wijk, kern of gemeente", "De Schans", "Elke dag een goed ontbijt",
                     "Vorige agenda: Lokale Educatieve Agenda Oudewaard 2017-2021", "Drie thema's in plaats van vijf",
                     "Addendum: Addendum gezond opgroeien", "Regiehouders"]:
        assert expected in text, expected
    assert "[^" not in text and "qq39" not in text and "↩" not in text
    if shutil.which("pdfimages"):
        listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "downloads_agenda.pdf")], capture_output=True, text=True).stdout
        assert any(line.split()[3:5] == ["240", "150"] for line in listing.splitlines()[2:]), listing  # the picture itself
    # progress by dimension is the state of the work, not part of what was adopted: the report has it, dated
    report = texts["downloads/voortgang.pdf"]
    for expected in ["Geld: achter (20 april 2022)", "Tijd: op koers", "De huur van het dorpshuis is hoger dan begroot."]:
        assert expected in report, expected
    assert "Geld: achter" not in text.split("Stand op")[0]


def test_the_open_data_holds_every_new_shape(built_site):
    site = built_site("oudewaard").site
    data = json.loads((site / "opendata" / "agenda.json").read_text(encoding="utf-8"))
    info = data["agenda"]
    assert [p["id"] for p in info["plaatsen"]] == ["oudewaard-stad", "de-schans", "ruigeveen", "lagewei"]
    assert [r["soort"] for r in info["verwant"]] == ["voorganger", "addendum", "regionaal"]
    assert info["benaming_eigenaar"] == {"enkelvoud": "regiehouder", "meervoud": "regiehouders"}
    notes = data["ambities"][0]["activiteiten"][0]["voortgang"]
    assert notes[1]["dimensies"][1] == {"dimensie": "geld", "stand": "achter", "toelichting": "De huur van het dorpshuis is hoger dan begroot."}
    assert "afbeeldingen/kernen.png" in info["hoofdstukken"][0]["tekst"]
