"""Every date-like field takes the same family of period spellings (lea_site.values), and shows it as written.

A fresh encoding of three real agendas found that `planning` refused 'medio 2022', a body's `sinds`
refused 'Q4 2021' and `document.datum` refused a bare year. These tests put each spelling Dutch
agendas use into each date-like field and check what the model makes of it, what the site shows,
and that nothing invents a precise day the document does not give.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lea_site.exports import opendata
from lea_site.load import load
from lea_site.render import format as fmt
from lea_site.render import governance
from lea_site.values import parse_exact_day, parse_moment, parse_period, parse_planning

from .conftest import MINIMAL_AGENDA

TODAY = date(2022, 6, 1)

# (as written, first day, last day, shown): one of each kind, and the rough ones with the README's reading.
SPELLINGS = [
    ("2022", date(2022, 1, 1), date(2022, 12, 31), "2022"),
    ("2021-2022", date(2021, 8, 1), date(2022, 7, 31), "schooljaar 2021-2022"),
    ("2021/2022", date(2021, 8, 1), date(2022, 7, 31), "schooljaar 2021-2022"),
    ("schooljaar 2021-2022", date(2021, 8, 1), date(2022, 7, 31), "schooljaar 2021-2022"),
    ("Q4 2021", date(2021, 10, 1), date(2021, 12, 31), "Q4 2021"),
    ("4e kwartaal 2021", date(2021, 10, 1), date(2021, 12, 31), "Q4 2021"),
    ("vierde kwartaal 2021", date(2021, 10, 1), date(2021, 12, 31), "Q4 2021"),
    ("oktober 2021", date(2021, 10, 1), date(2021, 10, 31), "oktober 2021"),
    ("2021-10", date(2021, 10, 1), date(2021, 10, 31), "oktober 2021"),
    ("14 oktober 2021", date(2021, 10, 14), date(2021, 10, 14), "14 oktober 2021"),
    ("2021-10-14", date(2021, 10, 14), date(2021, 10, 14), "14 oktober 2021"),
    ("14-10-2021", date(2021, 10, 14), date(2021, 10, 14), "14 oktober 2021"),
    ("begin 2022", date(2022, 1, 1), date(2022, 4, 30), "begin 2022"),
    ("Medio 2022", date(2022, 5, 1), date(2022, 8, 31), "medio 2022"),
    ("eind 2022", date(2022, 9, 1), date(2022, 12, 31), "eind 2022"),
    ("eind van het schooljaar 2021-2022", date(2022, 4, 1), date(2022, 7, 31), "eind schooljaar 2021-2022"),
    ("voorjaar 2022", date(2022, 3, 1), date(2022, 5, 31), "voorjaar 2022"),
    ("najaar 2021", date(2021, 9, 1), date(2021, 11, 30), "najaar 2021"),
    ("najaar 2021-2022", date(2021, 9, 1), date(2021, 11, 30), "najaar schooljaar 2021-2022"),
    ("eerste helft van 2022", date(2022, 1, 1), date(2022, 6, 30), "eerste helft 2022"),
    ("2e helft 2022", date(2022, 7, 1), date(2022, 12, 31), "tweede helft 2022"),
]
ROUGH = {"begin 2022", "Medio 2022", "eind 2022", "eind van het schooljaar 2021-2022", "voorjaar 2022", "najaar 2021",
         "najaar 2021-2022", "eerste helft van 2022", "2e helft 2022"}

# Every date-like field that takes a period, with where it sits in a one-file agenda.
FIELDS = {
    "planning": "jaarplan.ambities[0].acties[0].planning",
    "evaluatie.moment": "jaarplan.ambities[0].acties[0].evaluatie[0].moment",
    "vaststelling.datum": "agenda.vaststelling.datum",
    "jaarplan.vaststelling.datum": "jaarplan.vaststelling.datum",
    "document.datum": "agenda.document.datum",
    "bijeenkomst.datum": "agenda.document.totstandkoming.bijeenkomsten[0].datum",
    "totstandkoming.periode": "agenda.document.totstandkoming.periode",
    "sinds": "organen[0].sinds",
    "eigenaar.van": "ambities[0].eigenaars[0].van",
    "meting.periode": "ambities[0].indicatoren[0].metingen[0].periode",
    "doel.uiterlijk": "ambities[0].indicatoren[0].doel.uiterlijk",
    "vergelijking.periode": "ambities[0].indicatoren[0].vergelijking[0].periode",
}


def _text(field: str, when: str) -> str:
    """A one-file agenda with ``when`` in ``field`` (quoted, as an editor may or may not write it)."""
    v = {name: None for name in FIELDS}
    v[field] = f'"{when}"'
    q = lambda name, default: v[name] or default  # noqa: E731
    return f"""\
agenda:
  titel: Testagenda
  regio: {{naam: Testdorp, gemeenten: [Testdorp]}}
  periode: {{van: 2021, tot: 2024}}
  vaststelling: {{status: vastgesteld, door: de gemeenteraad, datum: {q("vaststelling.datum", "2021-10-14")}}}
  document:
    datum: {q("document.datum", "2021-09")}
    totstandkoming:
      periode: {q("totstandkoming.periode", "2021")}
      bijeenkomsten:
        - {{soort: werkconferentie, datum: {q("bijeenkomst.datum", "2021-03")}}}
partners:
  - {{id: jgz, naam: JGZ Testdorp, sector: jgz}}
organen:
  - {{id: wg, naam: Werkgroep, niveau: uitvoering, status: voorgesteld, sinds: {q("sinds", "2021-11")}}}
ambities:
  - id: zorg
    titel: Zorg
    samenvatting: Kinderen krijgen op tijd hulp.
    eigenaars:
      - {{partner: jgz, van: {q("eigenaar.van", "2021-2022")}}}
    indicatoren:
      - id: bereik
        titel: Bereik
        eenheid: kinderen
        metingen:
          - {{periode: {q("meting.periode", "2021")}, waarde: 60}}
        vergelijking:
          - {{label: landelijk, waarde: 70, periode: {q("vergelijking.periode", "2020")}}}
        doel: {{waarde: 90, uiterlijk: {q("doel.uiterlijk", "2024")}}}
jaarplan:
  schooljaar: 2021-2022
  vaststelling: {{status: vastgesteld, door: de stuurgroep, datum: {q("jaarplan.vaststelling.datum", "2021-10-14")}}}
  ambities:
    - ambitie: zorg
      acties:
        - id: a1
          titel: Spreekuur
          planning: {q("planning", "Q4 2021")}
          evaluatie:
            - {{moment: {q("evaluatie.moment", "2022-06")}, soort: eindevaluatie}}
"""


def _get(agenda, path: str):
    """The value at ``path`` ('ambities[0].eigenaars[0].van') in the model."""
    head, _, rest = path.partition(".")
    obj = {"agenda": agenda.info, "jaarplan": agenda.jaarplannen[0]}.get(head)
    parts = rest.split(".") if obj is not None else path.split(".")
    obj = agenda if obj is None else obj
    for part in parts:
        name, _, index = part.partition("[")
        obj = getattr(obj, name)
        if index:
            obj = obj[int(index[:-1])]
    return obj


def _load(tmp_path: Path, text: str):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "agenda.yml").write_text(text, encoding="utf-8")
    return load(data, today=TODAY)


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize(("written", "first", "last", "shown"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_every_date_field_takes_every_period_spelling(tmp_path, field, written, first, last, shown):
    result = _load(tmp_path, _text(field, written))
    assert [str(p) for p in result.problems if p.is_error] == []
    value = _get(result.agenda, FIELDS[field])
    if field in ("planning", "evaluatie.moment", "totstandkoming.periode"):  # a planning: one period or a range
        assert value.first == value.last and value.bounds("2021-2022") == (first, last)
        value = value.first
    assert (value.start, value.end) == (first, last)
    assert value.words == shown
    assert value.exact == (written not in ROUGH)


def test_a_bare_year_as_a_number_is_a_year_in_a_moment_field(tmp_path):
    text = _text("document.datum", "x").replace('datum: "x"', "datum: 2019")
    result = _load(tmp_path, text)
    assert not result.errors, [str(p) for p in result.errors]
    assert result.agenda.info.document.datum.words == "2019"


def test_ranges_of_rough_periods_and_years_borrowed():
    p = parse_planning("medio t/m eind 2022")
    assert p.bounds("2021-2022") == (date(2022, 5, 1), date(2022, 12, 31)) and fmt.planning(p) == "medio 2022 t/m eind 2022"
    p = parse_planning("najaar 2021 - voorjaar 2022")
    assert p.bounds("2021-2022") == (date(2021, 9, 1), date(2022, 5, 31)) and fmt.planning(p) == "najaar 2021 t/m voorjaar 2022"
    p = parse_planning("Q4 2021 tot medio 2022")
    assert p.bounds("2021-2022") == (date(2021, 10, 1), date(2022, 8, 31))


@pytest.mark.parametrize(("written", "message"), [
    ("winter 2022", "'winter 2022' is niet eenduidig: de winter loopt over de jaarwisseling; schrijf de maanden, bijvoorbeeld 'december 2022 t/m februari 2023'"),
    ("medio", "'medio' zegt niet welk jaar; noem het jaar erbij, bijvoorbeeld 'medio 2022'"),
    ("in het najaar", "'in het najaar' zegt niet welk jaar; noem het jaar erbij, bijvoorbeeld 'najaar 2022'"),
    ("eind van het schooljaar", "'eind van het schooljaar' zegt niet welk jaar; noem het jaar erbij, bijvoorbeeld 'eind schooljaar 2021-2022'"),
    ("Q4 2021 t/m Q1 2022", "'Q4 2021 t/m Q1 2022' is een reeks; schrijf hier één moment, bijvoorbeeld het begin ervan"),
    ("31-02-2022", "datum '31-02-2022' bestaat niet: die dag bestaat niet in die maand"),
    ("ergens in 2019", "'ergens in 2019' is geen datum of periode; schrijf een jaar (2022), schooljaar (2021-2022), kwartaal (Q4 2021)"),
])
def test_a_moment_that_is_not_clear_gets_an_example(written, message):
    with pytest.raises(ValueError) as err:
        parse_moment(written)
    assert str(err.value).startswith(message)


@pytest.mark.parametrize(("written", "kind"), [("maart 2022", "een maand"), ("2022", "een jaar"), ("medio 2022", "een deel van een jaar"),
                                               ("Q1 2022", "een kwartaal"), ("najaar 2021", "een seizoen")])
def test_a_field_that_needs_a_day_says_so_and_takes_every_spelling_of_one(written, kind):
    with pytest.raises(ValueError, match=f"'{written}' is {kind}; hier is één dag nodig, bijvoorbeeld 2021-10-14 of 14 oktober 2021"):
        parse_exact_day(written)
    for day in ("2022-03-01", "2022-3-1", "1 maart 2022", "1-3-2022", "1 mrt. 2022"):
        assert parse_exact_day(day) == date(2022, 3, 1)


@pytest.mark.parametrize(("written", "at"), [
    ("14 oktober 2021", "op 14 oktober 2021"), ("oktober 2021", "in oktober 2021"), ("2019", "in 2019"),
    ("Q4 2021", "in Q4 2021"), ("2021-2022", "in schooljaar 2021-2022"), ("medio 2022", "medio 2022"),
    ("najaar 2021", "in het najaar van 2021"), ("zomer 2022", "in de zomer van 2022"),
    ("eerste helft 2022", "in de eerste helft van 2022"),
])
def test_a_moment_is_said_with_its_own_preposition_and_never_as_a_made_up_day(written, at):
    p = parse_moment(written)
    assert p.at == at
    from lea_site.model import Adoption

    adoption = Adoption.model_construct(status="vastgesteld", datum=p, door="de gemeenteraad", ondertekenaars=[], overeenkomst=False)
    assert fmt.adoption(adoption) == f"vastgesteld {at} door de gemeenteraad"


def test_a_body_proposed_in_a_quarter_shows_the_quarter(tmp_path):
    result = _load(tmp_path, _text("sinds", "Q4 2021"))
    body = result.agenda.organen[0]
    assert governance._since(body) == ("Status", "voorgesteld, nog niet ingesteld (voorgesteld in Q4 2021)")
    body = body.model_copy(update={"status": "actief", "sinds": parse_moment("vanaf medio 2021")})
    assert governance._since(body) == ("Sinds", "medio 2021")


def test_open_data_writes_no_first_or_last_day_for_a_rough_period(tmp_path):
    result = _load(tmp_path, _text("planning", "Q4 2021 t/m medio 2022"))
    table = opendata.activities(result.agenda)
    row = dict(zip([c for c, _ in table.columns], table.rows[0]))
    assert (row["planning"], row["planning_begin"], row["planning_eind"]) == ("Q4 2021 t/m medio 2022", date(2021, 10, 1), None)
    result = _load(tmp_path, _text("meting.periode", "najaar 2021"))
    table = opendata.measurements(result.agenda)
    row = dict(zip([c for c, _ in table.columns], table.rows[0]))
    assert (row["periode"], row["periode_begin"], row["periode_eind"]) == ("najaar 2021", None, None)


def test_the_next_year_moves_a_rough_planning_by_its_words():
    from lea_site.values import shift_planning
    assert shift_planning(parse_planning("medio 2022 t/m eind schooljaar 2022-2023"), 1) == "medio 2023 t/m eind schooljaar 2023-2024"


def test_a_rough_period_sorts_by_its_start():
    assert sorted([parse_period("eind 2021"), parse_period("medio 2021"), parse_period("Q1 2021")]) == \
        [parse_period("Q1 2021"), parse_period("medio 2021"), parse_period("eind 2021")]
