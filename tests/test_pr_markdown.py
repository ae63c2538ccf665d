"""Data text in the pull-request summary (`lea diff`) reads as text, never as Markdown or HTML.

Every text field of the model is filled with the same hostile payload (found by
walking the model, not from a list kept by hand), then two such agendas are
compared; the Markdown is checked as text and rendered with Python-Markdown.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, Literal

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from lea_site import model
from lea_site.diff import diff_markdown, md
from lea_site.load import load
from lea_site.values import Period, Planning, parse_school_year

# Opens a comment, mentions, links an issue, forges a heading, a list item, links,
# an image, code spans and table cells, and HTML. It begins like a list item and a
# heading, and ends by opening a comment that would hide the rest of the summary.
PAYLOAD = ("- ### Kop --> @octocat #1 [x](javascript:alert(1)) ![i](https://evil.example/t.png) `a` ``b`` | c |"
           "\n- forged item\n### Kop <script>alert(1)</script> <img src=x onerror=alert(1)> www.evil.example <!--")
KEY_PAYLOAD = "`x` |<b>@octocat #2\n# kop <!--"  # ids, school years, periods, fixed values: the same in both versions

OLD = """\
agenda:
  titel: Testagenda
  regio: {naam: Testdorp, gemeenten: [Testdorp]}
  periode: {van: 2020, tot: 2024}
  vaststelling: {status: concept}
partners:
  - {id: gemeente, naam: Gemeente Testdorp, sector: gemeente}
  - {id: jgz, naam: JGZ Testdorp, sector: jgz}
  - {id: weg, naam: Verdwijnt, sector: overig}
ambities:
  - id: zorg
    titel: Zorg en onderwijs
    samenvatting: Hulp op school.
    indicatoren:
      - id: lezers
        titel: Leesplezier
        eenheid: procent
        doel: {waarde: 90, uiterlijk: 2024, omschrijving: Meer lezers}
        nulmeting: {periode: 2020, waarde: 60}
        metingen:
          - {periode: 2021, waarde: 70}
          - {periode: 2022, waarde: 75}
      - {id: oud, titel: Oude indicator}
  - {id: taal, titel: Taal, samenvatting: Voorlezen.}
  - {id: weg, titel: Verdwijnt, samenvatting: Weg.}
jaarplannen:
  - schooljaar: 2020-2021
    vaststelling: {status: concept}
  - schooljaar: 2021-2022
    vaststelling: {status: concept}
    budget: {beschikbaar: 60000}
    ambities:
      - ambitie: zorg
        acties:
          - id: z1
            titel: Inspiratiebijeenkomst
            trekker: {partner: jgz, rol: jeugdverpleegkundige}
            partners: [gemeente, {rol: intern begeleider}]
            planning: Q4 2021
            begroting: {kosten: 30000, dekking: 5000}
            status: gepland
            voortgang:
              - {datum: 2021-10-01, tekst: Gestart}
          - id: z2
            titel: Afspraken Veilig Thuis
            planning: Q1 2022
            begroting: {kosten: 10000}
          - {id: z3, titel: Verdwijnt, planning: Q1 2022}
      - ambitie: taal
        acties:
          - {id: t1, titel: Voorleesweek, planning: 2021-11, begroting: eigen uren}
organen:
  - id: stuurgroep
    naam: Stuurgroep
    niveau: bestuurlijk
    frequentie: 4 keer per jaar
    taken: [Besluiten]
    leden: [gemeente, jgz]
    voorzitter: {rol: wethouder}
  - {id: werkgroep, naam: Werkgroep, niveau: uitvoering, rapporteert_aan: [stuurgroep], ambitie: zorg}
  - {id: weg, naam: Verdwijnt, niveau: advies}
"""

NEW = (OLD
       .replace("  - {id: weg, naam: Verdwijnt, sector: overig}\n", "  - {id: nieuw, naam: Nieuwe partner, sector: welzijn}\n")
       .replace("      - {id: oud, titel: Oude indicator}\n", "      - {id: nieuw, titel: Nieuwe indicator}\n")
       .replace("  - {id: weg, titel: Verdwijnt, samenvatting: Weg.}\n", "  - {id: nieuw, titel: Nieuw, samenvatting: Nieuw.}\n")
       .replace("  - schooljaar: 2020-2021\n    vaststelling: {status: concept}\n",
                "  - schooljaar: 2022-2023\n    vaststelling: {status: concept}\n")
       .replace("  - schooljaar: 2021-2022\n    vaststelling: {status: concept}\n",
                "  - schooljaar: 2021-2022\n    vaststelling: {status: vastgesteld, datum: 2021-10-14, door: de stuurgroep}\n")
       .replace("          - {periode: 2021, waarde: 70}\n", "          - {periode: 2021, waarde: 71}\n          - {periode: 2023, waarde: 80}\n")
       .replace("          - {periode: 2022, waarde: 75}\n", "")
       .replace("doel: {waarde: 90,", "doel: {waarde: 85,")
       .replace("trekker: {partner: jgz, rol: jeugdverpleegkundige}", "trekker: {partner: gemeente, rol: beleidsadviseur}")
       .replace("partners: [gemeente, {rol: intern begeleider}]", "partners: [jgz, {rol: leerkracht}]")
       .replace("planning: Q4 2021", "planning: Q1 2022 t/m Q2 2022")
       .replace("status: gepland", "status: lopend")
       .replace("              - {datum: 2021-10-01, tekst: Gestart}\n",
                "              - {datum: 2021-10-01, tekst: Gestart}\n              - {datum: 2021-12-01, tekst: Verder}\n")
       .replace("begroting: {kosten: 10000}", "begroting: {kosten: 45000}")  # over the LEA budget
       .replace("          - {id: z3, titel: Verdwijnt, planning: Q1 2022}\n", "          - {id: z4, titel: Nieuw, planning: Q2 2022}\n")
       .replace("{id: t1, titel: Voorleesweek, planning: 2021-11, begroting: eigen uren}",
                "{id: t1, titel: Voorleesweek, planning: 2021-11, begroting: {kosten: 2000}}")
       .replace("    leden: [gemeente, jgz]\n    voorzitter: {rol: wethouder}\n", "    leden: [gemeente, nieuw]\n    voorzitter: {rol: burgemeester}\n")
       .replace("taken: [Besluiten]", "taken: [Besluiten, Bijsturen]")
       .replace("rapporteert_aan: [stuurgroep], ambitie: zorg}", "rapporteert_aan: [], adviseert: [stuurgroep], ambitie: taal}")
       .replace("  - {id: weg, naam: Verdwijnt, niveau: advies}\n", "  - {id: nieuw, naam: Nieuw orgaan, niveau: advies}\n"))


def _agenda(tmp: Path, text: str) -> model.Agenda:
    tmp.mkdir()
    (tmp / "agenda.yml").write_text(text, encoding="utf-8")
    result = load(tmp, today=date(2022, 1, 1))
    assert result.agenda is not None, [str(p) for p in result.errors]
    return result.agenda


# --- filling every text field of the model --------------------------------------------


def _flags(annotation: Any, metadata: list) -> set[str]:
    """'key' for ids and school years (values that match items between versions)."""
    flags = set()
    for m in metadata:
        if getattr(m, "func", None) in (model._parse_id, parse_school_year):
            flags.add("key")
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *meta = typing.get_args(annotation)
        return flags | _flags(base, meta)
    if origin is Literal:
        flags.add("key")
    for arg in typing.get_args(annotation):
        flags |= _flags(arg, [])
    return flags


def _period(p: Period) -> Period:
    return dataclasses.replace(p, text=p.text + KEY_PAYLOAD)


def _fill(value: Any, flags: set[str], tag: str, seen: set[str]) -> Any:
    if isinstance(value, BaseModel):
        return _poison(value, tag, seen)
    if isinstance(value, list):
        return [_fill(v, flags, tag, seen) for v in value]
    if isinstance(value, Period):
        seen.add("periode")
        return _period(value)
    if isinstance(value, Planning):
        seen.add("planning")
        return Planning(value.first and _period(value.first), value.last and _period(value.last))
    if isinstance(value, str):
        return f"{value}{KEY_PAYLOAD}" if "key" in flags else f"{PAYLOAD} {tag} {value}"
    return value


def _poison(item: BaseModel, tag: str, seen: set[str]) -> BaseModel:
    """A copy with every text, id, school year, period and fixed value carrying the payload."""
    values = {}
    for name, info in type(item).model_fields.items():
        value = getattr(item, name)
        if isinstance(item, model.Budget) and name == "soort":
            values[name] = value  # decides the arithmetic, not text
            continue
        if isinstance(value, str) or (isinstance(value, list) and value and isinstance(value[0], str)):
            seen.add(f"{type(item).__name__}.{name}")
        values[name] = _fill(value, _flags(info.annotation, info.metadata), tag, seen)
    return type(item).model_construct(**values)  # not validated: the payload would not pass


def _summaries(tmp_path: Path) -> tuple[str, set[str]]:
    seen: set[str] = set()
    old = _poison(_agenda(tmp_path / "oud", OLD), "oud", seen)
    new = _poison(_agenda(tmp_path / "nieuw", NEW), "nieuw", seen)
    return diff_markdown(old, new), seen


# --- what the rendered Markdown may contain --------------------------------------------


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.comments: list[str] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag.startswith("h") and tag[1:].isdigit() and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def _render(text: str) -> _Elements:
    parser = _Elements()
    parser.feed(markdown.markdown(text, extensions=["tables"]))
    return parser


def _shown(html: _Elements) -> str:
    """The text a reader sees (the zero-width spaces are invisible)."""
    shown = "".join(html.text).strip().replace("\u200b", "")
    for c in "~$":  # Python-Markdown, unlike GitHub, leaves these backslash escapes standing
        shown = shown.replace("\\" + c, c)
    return shown


OWN_HEADINGS = {"Wat verandert er in de agenda?", "Let op", "Acties", "Begroting", "Ambities en indicatoren", "Organisatie en partners",
                "Overige wijzigingen"}
OWN_TAGS = {"h2", "h3", "ul", "li", "p", "strong", "code", "table", "thead", "tbody", "tr", "th", "td", "blockquote"}


def test_every_text_field_reaches_the_summary_as_text(tmp_path: Path):
    out, seen = _summaries(tmp_path)
    # the walk found the fields the summary prints, without a list kept by hand
    assert {"Action.titel", "Action.id", "ProgressNote.tekst", "Party.rol", "Partner.naam", "Body.naam", "Body.taken",
            "Body.frequentie", "Indicator.titel", "Indicator.eenheid", "Target.omschrijving", "Adoption.door",
            "YearPlan.schooljaar", "Ambition.titel", "periode", "planning"} <= seen
    lines = out.splitlines()
    # every change line carries the payload: the summary printed each kind of field; a long text
    # (in Overige wijzigingen) is shown around its first difference: the tag of each version
    other = out[out.index("### Overige wijzigingen"):]
    changes = [line for line in lines if line.startswith("- ") and line not in other]
    assert len(changes) >= 30
    assert all("Kop" in line or "kop" in line for line in changes), [l for l in changes if "Kop" not in l and "kop" not in l]
    assert all(" oud " in line and " nieuw " in line and "…" in line for line in other.splitlines() if line.startswith("- "))
    for kind in ("**Nieuw**", "**Verwijderd**", "heet nu", "status **", "planning verschoven", "begroting van", "trekker van",
                 "partners (erbij", ": voortgang ", "**Nieuw orgaan**", "**Orgaan opgeheven**", "voorzitter van", "leden (erbij",
                 "taken van", "adviseert van", "ambitie van", "**Nieuwe partner**", "**Partner verwijderd**",
                 "**Nieuwe ambitie**", "**Ambitie verwijderd**", "**Nieuwe indicator**", "**Indicator verwijderd**",
                 "**gewijzigd**", "**verwijderd**", ": doel van", "**Nieuw jaarplan**", "**Jaarplan verwijderd**", "concept"):
        assert kind in out, kind

    # the warning that the LEA budget is exceeded is there, before any text from the data, and not hidden
    warning = "> **Let op: het LEA-budget wordt overschreden**"
    assert warning in out and out.index(warning) < out.index("Kop")
    # no raw HTML and no mention or issue reference from the data
    assert "<" not in out
    assert [line for line in lines if ">" in line] == [line for line in lines if line.startswith(warning)]
    assert not re.search(r"@\w", out)
    # no line that data starts: only the code's own headings, list items, table rows and paragraphs
    for line in lines:
        assert not line.startswith("#") or line in {"## Wat verandert er in de agenda?", "### Let op", "### Acties", "### Begroting",
                                                    "### Ambities en indicatoren", "### Organisatie en partners",
                                                    "### Overige wijzigingen"}, line
        if line.startswith("- "):
            assert not re.match(r"- (?:[-+#>]|\* |\d+[.)]|`{3})", line), line

    html = _render(out)
    tags = {tag for tag, _ in html.tags}
    assert tags <= OWN_TAGS, tags - OWN_TAGS
    assert not html.comments
    assert set(html.headings) <= OWN_HEADINGS
    assert sum(1 for tag, _ in html.tags if tag == "blockquote") == 1
    # one list per section that lists changes, no list nested in an item
    sections = out.split("\n### ")[1:]
    assert sum(1 for tag, _ in html.tags if tag == "ul") == sum(1 for s in sections if "\n- " in s) >= 4
    text = "".join(html.text)
    assert "Let op: het LEA-budget wordt overschreden" in text
    assert not re.search(r"[@#]\w", text), "a mention or issue reference survives in the rendered text"
    assert not re.search(r"https?://|www\.", text), "a bare link survives in the rendered text"
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text  # shown, as text


def test_ids_with_backticks_stay_inside_their_code_span():
    for tricky in ("a`b", "`", "``x``", "a` <b>@octocat</b> `", "x|y", "- y", "a\nb"):
        html = _render(f"- Titel ({md(tricky, code=True)}, 2021-2022)")
        assert {tag for tag, _ in html.tags} <= {"ul", "li", "code"}, tricky
        assert _shown(html) == f"Titel ({' '.join(tricky.split())}, 2021-2022)", tricky
    assert md("vve-3", code=True) == "`vve-3`"


# Characters that mean something in Markdown, HTML, GitHub references, or line structure.
SPECIAL = st.sampled_from(list("\\`*_[]()#!|~$<>&@:/.-+=\"'{}^ \n\r\t\u2028") + ["<!--", "-->", "```", "www.", "https://", "1.", "@a", "#1"])
texts = st.lists(st.one_of(SPECIAL, st.text(alphabet="abcXYZ019 ", max_size=3)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_text_renders_as_exactly_itself(text: str):
    """Whatever the text, rendered at the start of a list item it is one item with that text."""
    html = _render(f"- {md(text)}")
    expected = " ".join(text.split())
    if not expected:
        return
    assert {tag for tag, _ in html.tags} == {"ul", "li"}, (text, html.tags)
    assert not html.comments
    assert _shown(html) == expected
