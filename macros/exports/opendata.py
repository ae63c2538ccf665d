"""The agenda as open data: ``agenda.json`` with its JSON Schema, CSV tables and one spreadsheet.

Pure: a validated :class:`Agenda` in, file contents (bytes) out. The tables are made
once as rows of typed values (text, whole euros, numbers, dates); the CSV and the
spreadsheet only differ in how they write them.

CSV dialect: UTF-8 *with* a byte order mark, ``;`` between fields, decimal comma,
dates as ``2026-11-23``, amounts as whole euros without separators. That is what a
Dutch Excel opens correctly by a double click: without the mark it reads the file as
Windows-1252 ('CoÃ¶rdinatie'), with ``,`` it puts every row in one column, and
``72.5`` becomes a date or 725. Other tools read it too (pandas: ``sep=";",
decimal=","``; R: ``read.csv2``).

Text from the data can start with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return), which a spreadsheet would run as a formula: such a cell gets a leading ``'``
in the CSV, and in the spreadsheet every text cell is stored as text, never as a formula.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from functools import lru_cache
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..model import (LICENCES, AgendaInfo, Agenda, Ambition, Body, Intervention, Party, Partner, Role, YearPlan)
from ..values import AgeRange, Period, Planning, dutch_int
from ..verdicts import Course, goal_course as decide_course, term_state, written_status
from .descriptions import in_dutch

# of agenda.json: raised when a field changes meaning or disappears (1.1: koers is the verdict; 1.2: a goal's
# resultaten are objects {tekst, ook_voor}, and vaststelling.status may be null: not stated in the document)
FORMAT_VERSION = "1.2"
FOLDER = "opendata"
XLSX = f"{FOLDER}/lea-open-data.xlsx"
JSON = f"{FOLDER}/agenda.json"
SCHEMA = f"{FOLDER}/agenda.schema.json"

Cell = str | int | float | date | None


@dataclass
class Table:
    name: str  # file name without .csv, and the sheet's name
    title: str  # what it is, in Dutch
    columns: list[tuple[str, str]]  # (column name, what it holds)
    rows: list[list[Cell]]


def product_version() -> str:
    """The version of lea-site that made the files."""
    return __version__


def goal_course(agenda: Agenda, goal: Ambition, today: date) -> Course:
    """A goal's course with its reasons, as lea_site.verdicts decides it and the site's pages show it."""
    from ..render.charts import with_unit

    return decide_course(agenda, goal, agenda.current_school_year(today), today, with_unit)


def licence_url(agenda: Agenda) -> str | None:
    return LICENCES.get(agenda.info.licentie) if agenda.info.licentie else None


def _build_day(today: date | None) -> date:
    if today is not None:
        return today
    from ..site import today as build_today

    return build_today()


# --- agenda.json -------------------------------------------------------------------


class Verdicts(BaseModel):
    peildatum: str = Field(description="De dag waarop geoordeeld is: de bouwdatum, of de laatste dag van een afgelopen looptijd.")
    looptijd: str = Field(description="nog niet begonnen, loopt of afgelopen.")
    schooljaar: str | None = Field(description="Het schooljaar dat de site als huidig toont.")


class OpenGoal(Ambition):
    """A goal with the site's verdict on its course instead of the data's own override."""

    koers: str = Field(description="op koers, let op, achter of onbekend (niets recents om de stand aan af te lezen), zoals de site het toont.")
    koers_reden: list[str] = Field(description="Waarom: de redenen die de site bij het oordeel noemt (regels: README, 'Hoe de site oordeelt').")
    koers_eigen_oordeel: bool = Field(description="true als het oordeel het eigen oordeel van de partners is (koers in de data), niet de regel.")


class OpenAgenda(BaseModel):
    """agenda.json: the whole validated agenda, as the data says it, with a version of this format."""

    model_config = ConfigDict(title="Lokale Educatieve Agenda: open data (agenda.json)")

    formaatversie: str = Field(description="Versie van dit formaat; verandert als een veld van betekenis verandert of verdwijnt.")
    versie: str = Field(description="Versie van lea-site, het programma dat de bestanden maakte.")
    gemaakt_op: date = Field(description="Datum waarop de bestanden gemaakt zijn (de bouw van de site).")
    licentie: str | None = Field(description="Licentie van de gegevens (CC0 1.0 of CC BY 4.0), of null als de agenda er geen noemt.")
    licentie_url: str | None = Field(description="Webadres van de licentie.")
    oordelen: Verdicts = Field(description="Waarop de site zijn oordelen baseert: de peildatum, de looptijd en het huidige schooljaar.")
    agenda: AgendaInfo
    partners: list[Partner]
    ambities: list[OpenGoal]
    jaarplannen: list[YearPlan]
    organen: list[Body]
    interventies: list[Intervention]
    rollen: list[Role] = Field(description="Functies van één persoon in de organisatie (een procesmanager), met hun taken.")


def _plain(value: Any) -> Any:
    """A model value as JSON: periods, plannings and ages in the words the data uses, dates ISO."""
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (Period, Planning)):
        return str(value)
    if isinstance(value, AgeRange):
        return value.data
    if isinstance(value, date):
        return value.isoformat()
    return value


def verdicts_json(agenda: Agenda, today: date) -> dict[str, Any]:
    """The day and term the site's verdicts are judged on (each goal's own verdict is in its koers)."""
    term = term_state(agenda, today)
    return {"peildatum": term.as_of.isoformat(), "looptijd": term.state, "schooljaar": agenda.current_school_year(today)}


def _goal(agenda: Agenda, goal: Ambition, today: date) -> dict[str, Any]:
    verdict = goal_course(agenda, goal, today)
    return {**_plain(goal), "koers": verdict.state, "koers_reden": list(verdict.reasons), "koers_eigen_oordeel": verdict.overridden}


def agenda_json(agenda: Agenda, today: date | None = None) -> dict[str, Any]:
    day = _build_day(today)
    return {
        "formaatversie": FORMAT_VERSION,
        "versie": product_version(),
        "gemaakt_op": day.isoformat(),
        "licentie": agenda.info.licentie,
        "licentie_url": licence_url(agenda),
        "oordelen": verdicts_json(agenda, day),
        "agenda": _plain(agenda.info),
        "partners": _plain(agenda.partners),
        "ambities": [_goal(agenda, g, day) for g in agenda.ambities],
        **{name: _plain(getattr(agenda, name)) for name in ("jaarplannen", "organen", "interventies", "rollen")},
    }


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n"


def json_schema() -> dict[str, Any]:
    schema = OpenAgenda.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return in_dutch(schema, "De hele Lokale Educatieve Agenda als open data: alle gegevens zoals de site ze leest, met het oordeel "
                            "per doel, de versie van dit formaat, de licentie en de datum waarop de bestanden gemaakt zijn.")


# --- tables ------------------------------------------------------------------------


def _party(agenda: Agenda, p: Party | None) -> str:
    if p is None:
        return ""
    name = ""
    if p.partner:
        partner = agenda.partner(p.partner)
        name = partner.naam if partner else p.partner
    elif p.orgaan:
        body = agenda.body(p.orgaan)
        name = body.naam if body else p.orgaan
    return f"{p.rol} ({name})" if p.rol and name else (p.rol or name)


def _planning(p: Planning | None) -> tuple[str, date | None, date | None]:
    if p is None:
        return "", None, None
    if p.first is None:
        return "hele schooljaar", None, None
    last = p.last or p.first  # a rough end ('medio 2022') has no first or last day to write down
    return str(p), p.first.start if p.first.exact else None, last.end if last.exact else None


def _goal_titles(agenda: Agenda) -> dict[str, str]:
    return {a.id: a.titel for a in agenda.ambities}


def activities(agenda: Agenda) -> Table:
    titles = _goal_titles(agenda)
    rows: list[list[Cell]] = []
    work = [(plan.schooljaar, "jaarplan", ap.ambitie, action) for plan in agenda.year_plans_sorted() for ap, action in plan.actions()]
    work += [(None, "looptijd", goal.id, action) for goal in agenda.ambities for action in goal.activiteiten]
    for year, kind, goal, a in work:
        words, start, end = _planning(a.planning)
        b = a.begroting
        money = b is not None and b.soort == "bedrag" and b.kosten is not None
        last = a.last_note()
        rows.append([
            year, kind, goal, titles.get(goal, goal), a.id, a.titel, written_status(a), words, start, end,
            _party(agenda, a.trekker), ", ".join(_party(agenda, p) for p in a.partners),
            (b.soort if b else None), b.kosten if money else None, b.dekking if money else None,
            b.charged if money else None, b.besteed if b else None, b.besteed_op if b else None,
            (a.leeftijden.data if a.leeftijden else None), a.doorgeschoven_van,
            len(a.voortgang), last.datum if last else None, last.tekst if last else None,
        ])
    return Table("activiteiten", "Acties uit de jaarplannen en activiteiten voor de hele looptijd", [
        ("schooljaar", "het schooljaar van het jaarplan (leeg: een activiteit voor de hele looptijd)"),
        ("soort", "jaarplan (een actie van één schooljaar) of looptijd (een activiteit van een doel)"),
        ("doel_id", "id van het doel"), ("doel", "naam van het doel"),
        ("actie_id", "id van de actie, uniek binnen het schooljaar of het doel"), ("titel", "naam van de actie"),
        ("status", "gepland, lopend, vertraagd, afgerond of gestopt; leeg: niet gemeld"), ("planning", "de planning in woorden (leeg: planning niet vermeld)"),
        ("planning_begin", "eerste dag van de planning (leeg: hele schooljaar, planning niet vermeld, of een globale planning als medio 2022)"),
        ("planning_eind", "laatste dag van de planning (leeg bij een globaal einde als eind 2022)"), ("trekker", "wie de actie trekt"), ("partners", "wie meedoen"),
        ("begroting_soort", "bedrag, geen (geen kosten) of eigen_uren; leeg als er geen begroting is"),
        ("kosten", "totale kosten in hele euro's"), ("dekking", "deel uit andere bronnen, in hele euro's"),
        ("ten_laste_lea", "deel ten laste van het LEA-budget (kosten min dekking), in hele euro's"),
        ("besteed", "werkelijk uitgegeven, in hele euro's (leeg: nog niet gemeld)"), ("besteed_op", "datum van die melding"),
        ("leeftijden", "leeftijd van de kinderen in jaren (4-12), of in maanden (-9 maanden t/m 72 maanden: vanaf 9 maanden voor de geboorte)"), ("doorgeschoven_van", "schooljaar waaruit de actie is doorgeschoven"),
        ("voortgangsnotities", "aantal voortgangsnotities"), ("laatste_voortgang", "datum van de laatste voortgangsnotitie"),
        ("laatste_voortgang_tekst", "tekst van de laatste voortgangsnotitie (alle notities: voortgang.csv)"),
    ], rows)


def budget_lines(agenda: Agenda) -> Table:
    titles = _goal_titles(agenda)
    rows: list[list[Cell]] = []

    def line(year, kind, goal, action_id, what, b) -> None:
        money = b.soort == "bedrag" and b.kosten is not None
        rows.append([year, kind, goal, titles.get(goal, goal) if goal else None, action_id, what, b.soort,
                     b.kosten if money else None, b.dekking if money else None, b.charged if money else None,
                     b.dekking_door, ", ".join(b.bronnen) or None, None, b.besteed, b.besteed_op])

    for plan in agenda.year_plans_sorted():
        if plan.budget is not None:
            yb = plan.budget
            rows.append([plan.schooljaar, "jaarbudget", None, None, None, yb.omschrijving or f"LEA-budget {plan.schooljaar}", None,
                         yb.kosten, yb.dekking, yb.lea, None, None, yb.beschikbaar, yb.besteed, yb.besteed_op])
        for ap in plan.ambities:
            if ap.begroting is not None:
                line(plan.schooljaar, "doel", ap.ambitie, None, f"Begroting voor {titles.get(ap.ambitie, ap.ambitie)}", ap.begroting)
            for a in ap.acties:
                if a.begroting is not None:
                    line(plan.schooljaar, "actie", ap.ambitie, a.id, a.titel, a.begroting)
    for goal in agenda.ambities:
        for a in goal.activiteiten:
            if a.begroting is not None:
                line(None, "activiteit", goal.id, a.id, a.titel, a.begroting)
    return Table("begroting", "Begrotingsregels: het budget per schooljaar, en de begroting per doel en per actie", [
        ("schooljaar", "het schooljaar (leeg: een activiteit voor de hele looptijd)"),
        ("regel", "jaarbudget (het beschikbare LEA-budget van het jaar), doel, actie of activiteit"),
        ("doel_id", "id van het doel"), ("doel", "naam van het doel"), ("actie_id", "id van de actie of activiteit"),
        ("omschrijving", "naam van de actie, of van het budget"), ("soort", "bedrag, geen of eigen_uren"),
        ("kosten", "kosten in hele euro's (bij een jaarbudget: de opgegeven totale kosten)"),
        ("dekking", "deel uit andere bronnen, in hele euro's"), ("ten_laste_lea", "deel ten laste van het LEA-budget, in hele euro's"),
        ("dekking_door", "waar de dekking vandaan komt"), ("bronnen", "geldbronnen (OAB, NPO ...), ook als het bedrag niet bekend is"),
        ("beschikbaar", "beschikbaar LEA-budget (alleen bij een jaarbudget), in hele euro's"),
        ("besteed", "werkelijk uitgegeven, in hele euro's (leeg: nog niet gemeld)"), ("besteed_op", "datum van die melding"),
    ], rows)


def measurements(agenda: Agenda) -> Table:
    rows: list[list[Cell]] = []
    indicators = [(goal.id, goal.titel, ind) for goal, ind in agenda.indicators()] + [(None, None, ind) for ind in agenda.info.kerncijfers]
    for goal_id, goal_title, ind in indicators:
        target = ind.doel
        items = ([("nulmeting", ind.nulmeting)] if ind.nulmeting else []) + [(m.soort, m) for m in ind.metingen]
        for kind, m in items:
            p = m.periode
            rows.append([ind.id, ind.titel, goal_id, goal_title, ind.eenheid, kind, str(p) if p else None,
                         p.start if p and p.exact else None, p.end if p and p.exact else None, m.waarde,
                         target.waarde if target else None, str(target.uiterlijk) if target and target.uiterlijk else None,
                         ind.beter, ind.bron, m.toelichting])
    return Table("metingen", "Metingen, nulmetingen en prognoses van de indicatoren en kerncijfers", [
        ("indicator_id", "id van de indicator, uniek in de agenda"), ("indicator", "wat er gemeten wordt"),
        ("doel_id", "id van het doel (leeg: een kerncijfer van de hele agenda)"), ("doel", "naam van het doel"),
        ("eenheid", "eenheid van de waarde: %, kinderen, leerlingen"),
        ("soort", "nulmeting, gemeten, prognose of schatting"), ("periode", "de periode in woorden: 2025, 2025-2026, Q4 2025"),
        ("periode_begin", "eerste dag van de periode (leeg bij een globale periode als medio 2022)"), ("periode_eind", "laatste dag van de periode (idem)"),
        ("waarde", "de waarde (decimaalkomma)"), ("doelwaarde", "de streefwaarde van de indicator"),
        ("doel_uiterlijk", "wanneer de streefwaarde bereikt moet zijn"), ("beter", "welke richting beter is: hoger of lager"),
        ("bron", "waar de cijfers vandaan komen"), ("toelichting", "toelichting bij deze waarde"),
    ], rows)


def _all_indicators(agenda: Agenda) -> list[tuple[str | None, str | None, Any]]:
    return [(goal.id, goal.titel, ind) for goal, ind in agenda.indicators()] + [(None, None, ind) for ind in agenda.info.kerncijfers]


def indicators(agenda: Agenda) -> Table:
    rows: list[list[Cell]] = []
    for goal_id, goal_title, ind in _all_indicators(agenda):
        t = ind.doel
        rows.append([ind.id, ind.titel, goal_id, goal_title, ind.eenheid, ind.beter, ind.definitie, ind.bron, ind.huidige_situatie,
                     t.waarde if t else None, str(t.uiterlijk) if t and t.uiterlijk else None, t.omschrijving if t else None])
    return Table("indicatoren", "De indicatoren en kerncijfers: wat er precies geteld wordt, de bron en het doel", [
        ("indicator_id", "id van de indicator, uniek in de agenda"), ("indicator", "wat er gemeten wordt"),
        ("doel_id", "id van het doel (leeg: een kerncijfer van de hele agenda)"), ("doel", "naam van het doel"),
        ("eenheid", "eenheid van de waarden"), ("beter", "welke richting beter is: hoger of lager"),
        ("definitie", "wat precies geteld wordt"), ("bron", "waar de cijfers vandaan komen"),
        ("huidige_situatie", "de situatie in woorden, als die (nog) niet in een getal is gemeten"),
        ("doelwaarde", "de streefwaarde"), ("doel_uiterlijk", "wanneer de streefwaarde bereikt moet zijn"),
        ("doel_omschrijving", "het doel in woorden"),
    ], rows)


def breakdowns(agenda: Agenda) -> Table:
    rows: list[list[Cell]] = []
    for _, _, ind in _all_indicators(agenda):
        for kind, m in ([("nulmeting", ind.nulmeting)] if ind.nulmeting else []) + [(m.soort, m) for m in ind.metingen]:
            rows += [[ind.id, ind.titel, kind, str(m.periode) if m.periode else None, m.waarde, part.label, part.waarde]
                     for part in m.uitsplitsing]
    return Table("uitsplitsingen", "Uitsplitsingen van metingen: uit welke delen een waarde bestaat ('waarvan ...')", [
        ("indicator_id", "id van de indicator"), ("indicator", "wat er gemeten wordt"),
        ("soort", "nulmeting, gemeten, prognose of schatting"), ("periode", "de periode van de meting"),
        ("waarde", "de hele waarde van de meting"), ("deel", "wat dit deel is"), ("deel_waarde", "de waarde van dit deel"),
    ], rows)


def comparisons(agenda: Agenda) -> Table:
    rows: list[list[Cell]] = [[ind.id, ind.titel, c.label, c.waarde, str(c.periode) if c.periode else None]
                              for _, _, ind in _all_indicators(agenda) for c in ind.vergelijking]
    return Table("vergelijkingen", "Vergelijkingswaarden van de indicatoren, zoals het landelijk gemiddelde", [
        ("indicator_id", "id van de indicator"), ("indicator", "wat er gemeten wordt"),
        ("vergelijking", "waarmee vergeleken wordt"), ("waarde", "de vergelijkingswaarde"), ("periode", "periode van die waarde"),
    ], rows)


def goals(agenda: Agenda, today: date) -> Table:
    rows: list[list[Cell]] = []
    for goal in agenda.ambities:
        verdict = goal_course(agenda, goal, today)
        rows.append([goal.id, goal.onder, goal.nummer, goal.titel, agenda.naming(agenda.level(goal)).enkelvoud,
                     goal.leeftijden.data if goal.leeftijden else None,
                     verdict.state, "; ".join(verdict.reasons) or None,
                     "ja" if verdict.overridden else "nee", "; ".join(goal.pijlers) or None])
    return Table("doelen", "De doelen van de agenda, met het oordeel of ze op koers liggen en waarom", [
        ("doel_id", "id van het doel"), ("boven", "id van het doel een niveau hoger (leeg: een doel van het hoogste niveau)"),
        ("nummer", "volgorde op de site"), ("titel", "naam van het doel"), ("niveau", "het woord voor dit niveau: " + ", ".join(dict.fromkeys(agenda.naming(agenda.level(g)).enkelvoud for g in agenda.ambities))),
        ("leeftijden", "leeftijd van de kinderen in jaren (4-12), of in maanden (-9 maanden t/m 72 maanden: vanaf 9 maanden voor de geboorte)"),
        ("koers", "op koers, let op, achter of onbekend (niets recents om de stand aan af te lezen), zoals de site het toont"),
        ("koers_reden", "waarom, gescheiden door puntkomma's"),
        ("koers_eigen_oordeel", "ja als het oordeel het eigen oordeel van de partners is, nee als het de regel van de site is"),
        ("pijlers", "pijlers of speerpunten, gescheiden door puntkomma's"),
    ], rows)


def notes(agenda: Agenda) -> Table:
    titles = _goal_titles(agenda)
    work = [(plan.schooljaar, "jaarplan", ap.ambitie, a) for plan in agenda.year_plans_sorted() for ap, a in plan.actions()]
    work += [(None, "looptijd", goal.id, a) for goal in agenda.ambities for a in goal.activiteiten]
    rows: list[list[Cell]] = [[year, kind, goal, titles.get(goal, goal), a.id, a.titel, n.datum, n.status, n.tekst]
                              for year, kind, goal, a in work for n in sorted(a.voortgang, key=lambda n: n.datum)]
    return Table("voortgang", "Alle voortgangsnotities van de acties en activiteiten, oudste eerst", [
        ("schooljaar", "het schooljaar van het jaarplan (leeg: een activiteit voor de hele looptijd)"),
        ("soort", "jaarplan of looptijd"), ("doel_id", "id van het doel"), ("doel", "naam van het doel"),
        ("actie_id", "id van de actie"), ("titel", "naam van de actie"), ("datum", "datum van de notitie"),
        ("status", "status van de actie vanaf deze datum, als die veranderde"), ("tekst", "wat er is gebeurd of besloten"),
    ], rows)


def funding(agenda: Agenda) -> Table:
    financing = agenda.info.financiering
    rows: list[list[Cell]] = [["agenda", None, None, None, f.bron, f.bedrag, f.periode, f.doel, f.circa, f.per, f.toelichting]
                              for f in (financing.bronnen if financing else [])]
    rows += [["interventie", item.id, item.titel, item.ambitie, f.bron, f.bedrag, f.periode, f.doel, f.circa, f.per, f.toelichting]
             for item in agenda.interventies for f in item.financiering]
    return Table("financiering", "Hoe de agenda en de interventies betaald worden: bron, bedrag en periode", [
        ("niveau", "agenda (een geldbron van de hele agenda) of interventie"), ("interventie_id", "id van de interventie"),
        ("interventie", "naam van de interventie"), ("doel_id", "id van het doel van de interventie"),
        ("bron", "de geldbron: OAB, NPO, gemeentelijke middelen ..."), ("bedrag", "bedrag in hele euro's (leeg: niet bekend)"),
        ("periode", "voor welke periode"), ("doel", "waarvoor het geld is"),
        ("circa", "true als het bedrag een ongeveer-bedrag is (circa)"),
        ("per", "waarvoor het bedrag geldt als het geen totaal is: jaar, locatie per jaar (leeg: het totaal)"),
        ("toelichting", "toelichting bij de geldbron"),
    ], rows)


def bodies(agenda: Agenda) -> Table:
    rows: list[list[Cell]] = []
    for body in agenda.organen:
        members = ([("voorzitter", body.voorzitter)] if body.voorzitter else []) + \
                  ([("secretaris", body.secretaris)] if body.secretaris else []) + [("lid", p) for p in body.leden]
        base = [body.id, body.naam, body.niveau, body.soort, body.status, body.frequentie]
        if not members:
            rows.append([*base, None, None, None, None])
        for role, p in members:
            partner = agenda.partner(p.partner) if p.partner else None
            rows.append([*base, role, p.partner, partner.naam if partner else None, p.rol])
    return Table("organen", "Organen (stuurgroep, werkgroepen, overleggen) en hun leden: één regel per lid", [
        ("orgaan_id", "id van het orgaan"), ("orgaan", "naam van het orgaan"),
        ("niveau", "bestuurlijk, regie, uitvoering, advies of netwerk"), ("soort", "soort orgaan in eigen woorden"),
        ("status", "voorgesteld, actief of beeindigd"), ("frequentie", "hoe vaak het bijeenkomt"),
        ("functie", "voorzitter, secretaris of lid (leeg: geen leden genoemd)"), ("partner_id", "id van de partner"),
        ("partner", "naam van de partner"), ("rol", "de rol (een functie, nooit een persoon)"),
    ], rows)


def partners(agenda: Agenda) -> Table:
    rows: list[list[Cell]] = [[p.id, p.naam, p.afkorting, p.sector, ", ".join(p.sectoren), ", ".join(p.soort), p.url] for p in agenda.partners]
    return Table("partners", "De partners van de agenda", [
        ("partner_id", "id van de partner"), ("naam", "volledige naam"), ("afkorting", "gangbare afkorting"),
        ("sector", "de (eerste) sector: po, vo, kinderopvang, gemeente ..."), ("andere_sectoren", "de andere sectoren"),
        ("soort", "soort organisatie"), ("website", "website"),
    ], rows)


def tables(agenda: Agenda, today: date | None = None) -> list[Table]:
    day = _build_day(today)
    every = [goals(agenda, day), activities(agenda), notes(agenda), budget_lines(agenda), funding(agenda), indicators(agenda),
             measurements(agenda), breakdowns(agenda), comparisons(agenda), bodies(agenda), partners(agenda)]
    return [t for t in every if t.rows]  # a file with only a header would suggest that nothing was reported


TABLE_NAMES = ("doelen", "activiteiten", "voortgang", "begroting", "financiering", "indicatoren", "metingen", "uitsplitsingen",
               "vergelijkingen", "organen", "partners")  # every table that can be made, in order (test: tables())


# --- writing -----------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)).replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())  # one line per row, whatever the data holds
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([name for name, _ in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# Characters that XML 1.0 (and so an .xlsx) cannot hold; they are left out of a cell.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel holds at most this many characters in a cell (counted as UTF-16: an emoji is two), and
# XlsxWriter cuts a longer string without a word. Such a cell is cut here, says so at its end and
# on the first sheet; the CSV and agenda.json keep the whole text.
EXCEL_CELL = 32_767
MAX_CUT_LISTED = 20  # cut cells named on the page Open data (then a count)


def _excel_length(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF) if not text.isascii() else len(text)


@dataclass(frozen=True)
class CutCell:
    table: str
    row: int  # the spreadsheet's row number (1 is the header)
    column: str
    length: int  # its length as Excel counts


def cut_cells(all_tables: list[Table]) -> list[CutCell]:
    """The cells longer than Excel holds, in the order of the sheets."""
    out = []
    for table in all_tables:
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate(row):
                if isinstance(value, str) and len(value) > EXCEL_CELL // 2 and \
                        (length := _excel_length(_NOT_IN_XML.sub("", value))) > EXCEL_CELL:
                    out.append(CutCell(table.name, r, table.columns[c][0], length))
    return out


def _cut_note(table: str) -> str:
    return f" … [ingekort: Excel houdt hoogstens {dutch_int(EXCEL_CELL)} tekens per cel; de hele tekst staat in {table}.csv en agenda.json]"


def _fit(text: str, table: str) -> str:
    """``text`` as it fits one cell of Excel: whole, or cut with a note at its end saying so."""
    if len(text) <= EXCEL_CELL // 2 or _excel_length(text) <= EXCEL_CELL:
        return text
    note = _cut_note(table)
    units = text.encode("utf-16-le")[:2 * (EXCEL_CELL - len(note))]
    if len(units) >= 2 and 0xD8 <= units[-1] <= 0xDB:  # half an emoji: leave it out
        units = units[:-2]
    return units.decode("utf-16-le").rstrip() + note


def xlsx_bytes(agenda: Agenda, all_tables: list[Table], today: date | None = None) -> bytes:
    """The tables as one workbook, written by XlsxWriter: text stays text (never a formula, a number or a
    link), dates are dates, amounts numbers in euros. (openpyxl took three times as long: a second per
    build at 1,000 actions.)"""
    import xlsxwriter

    money_columns = {"kosten", "dekking", "ten_laste_lea", "besteed", "beschikbaar", "bedrag"}
    raw = io.BytesIO()
    book = xlsxwriter.Workbook(raw, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                                     "strings_to_urls": False})
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    euro = book.add_format({"num_format": '"€" #,##0'})
    info = agenda.info
    built = _build_day(today)
    licence = info.licentie or "Geen licentie opgegeven: vraag de gemeente wat u met de gegevens mag doen."
    facts = [("Agenda", info.titel), ("Gemeente of regio", info.regio.naam), ("Looptijd", f"{info.periode.van}-{info.periode.tot}"),
             ("Licentie", licence), ("Licentie-adres", licence_url(agenda)), ("Formaatversie", FORMAT_VERSION),
             ("Gemaakt op", built), ("Gemaakt met", f"lea-site {product_version()}")] + [(f"Blad {t.name}", t.title) for t in all_tables]

    def put(sheet, row: int, col: int, value: Cell, money: bool = False, strong: bool = False) -> None:
        if isinstance(value, str):
            sheet.write_string(row, col, _fit(_NOT_IN_XML.sub("", value), sheet.name), bold if strong else None)
        elif isinstance(value, date):
            sheet.write_datetime(row, col, value, day)
        elif value is not None:
            sheet.write_number(row, col, value, euro if money else None)

    about = book.add_worksheet("Over deze gegevens")
    for r, (key, value) in enumerate(facts):
        put(about, r, 0, key, strong=True)
        put(about, r, 1, value)
    cut = cut_cells(all_tables)
    for r, cell in enumerate(cut, start=len(facts)):
        put(about, r, 0, "Ingekort", strong=True)
        put(about, r, 1, f"blad {cell.table}, rij {cell.row}, kolom {cell.column}: {dutch_int(cell.length)} tekens, "
                         f"meer dan Excel in een cel houdt; de hele tekst staat in {cell.table}.csv en agenda.json")
    for table in all_tables:
        sheet = book.add_worksheet(table.name)
        sheet.freeze_panes(1, 0)
        money = [name in money_columns for name, _ in table.columns]
        for c, (name, _) in enumerate(table.columns):
            put(sheet, 0, c, name, strong=True)
        for r, row in enumerate(table.rows, start=1):
            for c, value in enumerate(row):
                put(sheet, r, c, value, money[c])
    # The document's properties (File > Info in Excel) name the licence too, for whoever gets only the file.
    book.set_properties({"title": _NOT_IN_XML.sub("", f"Open data: {info.titel}"), "subject": "Lokale Educatieve Agenda",
                         "author": _NOT_IN_XML.sub("", info.regio.naam), "company": _NOT_IN_XML.sub("", info.regio.naam),
                         "keywords": "onderwijs, Lokale Educatieve Agenda, open data",
                         "comments": _NOT_IN_XML.sub("", f"Licentie: {licence}" + (f" ({licence_url(agenda)})" if licence_url(agenda) else "")),
                         "status": f"lea-site {product_version()}", "created": datetime(built.year, built.month, built.day)})
    book.set_custom_property("Licentie", info.licentie or "geen")
    book.close()
    return _fixed_zip(raw.getvalue(), built)


def _fixed_zip(data: bytes, day: date) -> bytes:
    """The same archive with fixed entry times: unchanged data gives unchanged bytes on the same day."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(item.filename)
            if item.filename == "docProps/core.xml":  # the build's day, never the moment of saving
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + day.isoformat().encode() + b"T00:00:00Z", content)
            dst.writestr(info, content)
    return out.getvalue()


def files(agenda: Agenda, all_tables: list[Table] | None = None, today: date | None = None) -> dict[str, bytes]:
    """Docs-relative path -> content of every open-data file."""
    day = _build_day(today)
    all_tables = all_tables if all_tables is not None else tables(agenda, day)
    out = {JSON: (json.dumps(agenda_json(agenda, day), ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
           SCHEMA: _schema_text().encode("utf-8")}
    out.update({f"{FOLDER}/{t.name}.csv": csv_bytes(t) for t in all_tables})
    out[XLSX] = xlsx_bytes(agenda, all_tables, day)
    return out


def _column_name(name: str) -> str:
    """A column name as code that may break after an underscore (``laatste_<wbr>voortgang_<wbr>tekst``): on a
    phone the long ones fit their column without breaking inside a word. Names are the product's own."""
    return "<code>" + "_<wbr>".join(html.escape(part) for part in name.split("_")) + "</code>"


def page(agenda: Agenda, all_tables: list[Table], feed_goals: list[tuple[str, str]]) -> str:
    """The page 'Open data': each file and its columns, the licence, and the feeds.

    Markdown links to the files (both engines resolve them relative to this page's source);
    data text only through :func:`md_inline` (HTML, Markdown and Jinja braces escaped).
    """
    from ..render.html import page_inline as md_inline  # a page source: Jinja braces too

    licence = agenda.info.licentie
    out = ["---", 'description: "De gegevens van de agenda om zelf te gebruiken: als JSON, CSV en Excel-bestand, met uitleg per kolom, en de feeds om de voortgang te volgen."',
           "---", "", "# Open data", "",
           "Alle gegevens van deze agenda zijn hier te downloaden, om zelf te bekijken, te tellen of te vergelijken. "
           "Ze worden bij elke bouw van de site gemaakt uit dezelfde gegevens als de pagina's, dus ze kloppen altijd met wat u op de site leest.", "",
           "## Licentie", ""]
    meaning = {"CC0 1.0": "U mag ze zonder voorwaarden gebruiken, bewerken en verspreiden, ook voor commerciële doeleinden; "
                          "naamsvermelding hoeft niet, maar wordt gewaardeerd.",
               "CC BY 4.0": "U mag ze gebruiken, bewerken en verspreiden, ook voor commerciële doeleinden, als u de bron noemt."}
    url = licence_url(agenda)
    if licence:
        named = f"[{md_inline(licence)}]({url})" if url else md_inline(licence)
        out += [f"De gegevens vallen onder de licentie **{named}**. {meaning.get(licence, '')} De licentie staat ook in `agenda.json` "
                "(velden `licentie` en `licentie_url`), in de eigenschappen en op het eerste blad van het Excel-bestand, in de feeds "
                "en in de DCAT-beschrijving.", ""]
    else:
        out += ["Voor deze gegevens is **geen licentie opgegeven**. Vraag de gemeente wat u ermee mag doen voordat u ze hergebruikt. "
                "(De gemeente kiest een licentie met `licentie:` in de agenda: `CC0 1.0` of `CC BY 4.0`.)", ""]
    # Each table in a <div class="lea-columns" markdown> (md_in_html): on a phone a file or column name then
    # breaks only between words or at an underscore (<wbr>), never mid-word ("agend a.json"); see lea.css.
    out += ["## De bestanden", "", '<div class="lea-columns" markdown>', "",
            "| Bestand | Wat erin staat |", "|---|---|",
            f"| [agenda.json]({JSON}) | De hele agenda zoals de site haar leest, met per doel het oordeel of het op koers ligt en waarom, "
            f"`formaatversie` ({FORMAT_VERSION}), `versie` (van lea-site), `gemaakt_op` en `licentie`. |",
            f"| [agenda.schema.json]({SCHEMA}) | Het JSON Schema van `agenda.json`: welke velden er zijn en wat ze betekenen. |",
            *(f"| [{t.name}.csv]({FOLDER}/{t.name}.csv) | {md_inline(t.title)}. |" for t in all_tables),
            f"| [lea-open-data.xlsx]({XLSX}) | Dezelfde tabellen als Excel-bestand, elk op een eigen blad, met een blad over de gegevens en de licentie. |",
            f"| [dcat.jsonld]({FOLDER}/dcat.jsonld) en [dcat.rdf]({FOLDER}/dcat.rdf) | De beschrijving van deze gegevens in DCAT "
            "(het profiel DCAT-AP-NL), als JSON-LD en als RDF/XML: zo vindt data.overheid.nl ze. |",
            "", "</div>", ""]
    missing = [name for name in TABLE_NAMES if name not in {t.name for t in all_tables}]
    if missing:
        out += ["Deze agenda heeft (nog) niets voor " + ", ".join(f"`{n}`" for n in missing)
                + "; daarvoor is er geen CSV-bestand en geen blad in het Excel-bestand.", ""]
    out += [
            "De CSV-bestanden zijn gemaakt zodat Excel in het Nederlands ze goed opent met dubbelklikken: UTF-8 met een "
            "byte order mark (dan leest Excel letters als ë en € goed), een puntkomma tussen de velden en een komma in decimale getallen. "
            "Elk bestand heeft één kopregel. Datums staan als 2026-11-23, bedragen in hele euro's zonder punt of euroteken. "
            "Een lege cel betekent: niet bekend of niet van toepassing, nooit nul. "
            "Tekst die met =, +, - of @ begint, krijgt in de CSV een ' ervoor, zodat een spreadsheet het niet als formule uitvoert. "
            "In Python: `pandas.read_csv(bestand, sep=\";\", decimal=\",\")`; in R: `read.csv2(bestand)`.", "",
            "In het Excel-bestand zijn bedragen getallen (opgemaakt als euro's) en datums echte datums.", ""]
    cut = cut_cells(all_tables)
    if cut:
        out += [f"**Ingekort in het Excel-bestand.** Excel houdt hoogstens {dutch_int(EXCEL_CELL)} tekens in een cel. "
                f"{'Deze cel is' if len(cut) == 1 else 'Deze cellen zijn'} daarom in het Excel-bestand ingekort, met een opmerking aan het eind; "
                "de CSV-bestanden en `agenda.json` hebben de hele tekst:", ""]
        out += [f"- blad {c.table}, rij {c.row}, kolom `{c.column}`: {dutch_int(c.length)} tekens" for c in cut[:MAX_CUT_LISTED]]
        if len(cut) > MAX_CUT_LISTED:
            out.append(f"- en nog {dutch_int(len(cut) - MAX_CUT_LISTED)} cellen")
        out.append("")
    for t in all_tables:
        out += [f"### {t.name}.csv", "", f"{md_inline(t.title)}.", "", '<div class="lea-columns" markdown>', "",
                "| Kolom | Betekenis |", "|---|---|"]
        out += [f"| {_column_name(name)} | {md_inline(what)} |" for name, what in t.columns]
        out += ["", "</div>", ""]
    out += ["## Volg de voortgang", "",
            "Met een feed krijgt u bericht als er iets verandert, zonder dat u steeds de site hoeft te bekijken. "
            "U zet het adres van de feed in een feedlezer (zoals Feedly, Inoreader, Thunderbird of de app van uw nieuwsdienst); "
            "die laat nieuwe voortgangsnotities en statuswijzigingen van de acties zien. De feeds gebruiken het Atom-formaat.", "",
            "- [Alle voortgang van de agenda](feeds/agenda.xml)"]
    out += [f"- [{md_inline(title)}](feeds/{gid}.xml)" for gid, title in feed_goals]
    out += ["", "Wat er wanneer in de agenda veranderde (ook budgetten en nieuwe of gestopte acties), staat op de pagina [Wijzigingen](wijzigingen.md).", ""]
    return "\n".join(out)
