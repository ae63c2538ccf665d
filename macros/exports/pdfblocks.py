"""The building blocks of a PDF document as data: text, tables, actions, figures, charts and the diagram.

Every function returns plain JSON-able data for ``lea.typ`` (the block vocabulary is in
:mod:`.mdtree`, plus the kinds below). Nothing here writes markup: a value from the data is a
string in the tree, and the template shows strings as text.

More blocks: ``{"h": level, "text": str, "id": str}``, ``{"facts": [[label, [block]]]}``,
``{"table": {"head", "rows", "foot", "numeric", "caption", "widths"}}`` (cells are inlines),
``{"action": {"nr", "title", "facts": inl, "blocks"}}``, ``{"verdict": {"state", "label", "reasons"}}``,
``{"bars": {...}}`` and ``{"org": {...}}`` (see :func:`bars` and :func:`org_chart`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterable, Mapping

from ..model import Action, Agenda, Ambition, Body, Budget, Contact, Indicator, Measurement, Party
from ..verdicts import NOT_REPORTED, Spending, action_state, dimension_states, goal_course, spending_sentence, target_sentence, written_status
from ..render import format as fmt
from ..render.charts import kind_label, nice_max, value_text, value_text_short, with_unit
from ..render.governance import LEVELS, RELATIONS, party_text
from . import timechart
from .mdtree import Block, blocks as md_blocks

Inline = list[Any]


def p(*spans: Any, style: str | None = None) -> Block:
    out: Block = {"p": [s for s in spans if s != ""]}
    if style:
        out["style"] = style
    return out


def b(text: str) -> dict[str, Any]:
    return {"t": text, "b": 1}


def muted(text: str) -> dict[str, Any]:
    return {"t": text, "m": 1}


def status(word: str | None) -> dict[str, Any]:
    """A status as a bordered word; None (no status written) is 'niet gemeld', never a guessed 'gepland'."""
    word = word or NOT_REPORTED
    return {"t": word, "st": word}


def link(text: str, href: str) -> dict[str, Any]:
    return {"t": text, "href": href}


def heading(level: int, text: str, anchor: str | None = None) -> Block:
    return {"h": max(1, min(6, level)), "text": text, **({"id": anchor} if anchor else {})}


def items(values: Iterable[Inline]) -> Block:
    return {"list": [[{"p": v}] for v in values], "ordered": False, "start": 1}


def table(head: list[str], rows: list[list[Inline]], *, caption: str, numeric: Iterable[int] = (), foot: list[list[Inline]] | None = None,
          widths: list[float] | None = None) -> Block:
    return {"table": {"head": [[h] for h in head], "rows": rows, "foot": foot or [], "numeric": list(numeric),
                      "caption": caption, "widths": widths or [1] * len(head)}}


def facts(rows: Iterable[tuple[str, list[Block] | Inline | str]]) -> Block:
    out = []
    for label, value in rows:
        if isinstance(value, str):
            value = [p(value)]
        elif value and not (isinstance(value[0], dict) and _is_block(value[0])):
            value = [p(*value)]  # inlines
        out.append([label, value])
    return {"facts": out}


def _is_block(item: dict) -> bool:
    return bool(item.keys() & {"p", "sub", "list", "quote", "code", "hr", "table", "facts", "bars", "org", "action", "verdict", "h"})


# --- words of the model ---------------------------------------------------------------------


def party_name(agenda: Agenda, party: Party | None) -> str:
    return party_text(agenda, party) if party is not None else ""


def names(agenda: Agenda, parties: Iterable[Party | None]) -> str:
    return ", ".join(party_name(agenda, x) for x in parties if x is not None)


def contact_text(agenda: Agenda, contact: Contact | None) -> Inline:
    if contact is None:
        towns = agenda.info.regio.gemeenten
        return ["de gemeente " + towns[0] if len(towns) == 1 else "de gemeenten " + ", ".join(towns)]
    partner = agenda.partner(contact.partner) if contact.partner else None
    out: Inline = [contact.rol + (f", {partner.naam}" if partner else "")]
    if contact.email:
        out += [" · ", link(contact.email, f"mailto:{contact.email}")]
    if contact.url:
        out += [" · ", link(contact.url, contact.url)]
    return out


def budget_lines(budget: Budget | None, planned_only: bool = False) -> Inline:
    """An action's budget in words, line by line (as the site's budget cell); ``planned_only``: without the spending."""
    if budget is None:
        return ["—"]
    if budget.soort == "geen":
        return ["geen kosten"]
    if budget.soort == "eigen_uren":
        return ["eigen uren partners"]
    if not budget.known:  # named sources, no amount: never € 0
        return ["uit " + ", ".join(budget.bronnen), {"br": 1}, muted("bedrag niet bekend")]
    out: Inline = [fmt.money(budget.cost)]
    if budget.bronnen:
        out += [{"br": 1}, muted("uit " + ", ".join(budget.bronnen))]
    if budget.covered:
        out += [{"br": 1}, muted(f"waarvan {fmt.money(budget.covered)} gedekt" + (f" door {budget.dekking_door}" if budget.dekking_door else ""))]
    if budget.besteed is not None and not planned_only:
        out += [{"br": 1}, b(f"besteed {fmt.money(budget.besteed)}" + (f" (gemeld {fmt.day(budget.besteed_op)})" if budget.besteed_op else ""))]
    return out


def _place(agenda: Agenda, action: Action) -> str:
    return fmt.where(agenda, action.locatie) if action.locatie is not None else ""


def dimension_lines(action: Action, as_of: date) -> list[list[Any]]:
    """An action's state per dimension (kwaliteit, geld, tijd), each with the day of its note and its
    explanation, as lea_site.verdicts reads the notes: one line each."""
    return [[b(f"{fmt.capital(d.dimension)}: "), status(d.state), muted(f" ({fmt.day(d.day)})"), *([": " + d.note] if d.note else [])]
            for d in dimension_states(action, as_of)]


def action_block(agenda: Agenda, nr: int, action: Action, *, money: bool, progress: bool, as_of: date | None = None,
                 school_year: str | None = None, plan_only: bool = False) -> Block:
    """One action: number and title, the facts on one line, then what the data says of it. With ``as_of`` and the
    school year of its plan, the status as lea_site.verdicts reads it ('nog niet begonnen', 'doorgeschoven naar ...').
    ``plan_only``: what was agreed (who, when, budget, what, evaluations planned), no status, spending, note or
    result: the agenda PDF keeps those for its chapter 'Stand op ...' and the progress reports."""
    line: Inline = [b("Wie: "), names(agenda, action.participants()) or "—", "   ", b("Planning: "), fmt.planning(action.planning, "niet vermeld")]
    if money:
        lines = budget_lines(action.begroting, planned_only=plan_only)
        line += ["   ", b("Begroting: "), *[s if not isinstance(s, dict) or "br" not in s else "; " for s in lines]]
    if plan_only:
        pass
    elif as_of is not None and school_year is not None:
        state = action_state(action, as_of, agenda=agenda, school_year=school_year)
        line += ["   ", b("Status: "), status(state.word), *([muted(" " + state.note(fmt.day))] if state.note(fmt.day) else [])]
    else:
        line += ["   ", b("Status: "), status(written_status(action))]
    more: list[Block] = []
    if action.doorgeschoven_van:
        more.append(p(muted(f"doorgeschoven uit schooljaar {action.doorgeschoven_van}")))
    more += md_blocks(action.beschrijving)
    if _place(agenda, action):
        more.append(p({"t": "Waar: ", "i": 1}, _place(agenda, action)))
    if action.begroting is not None and action.begroting.toelichting:
        more.append(p({"t": "Geld: ", "i": 1}, action.begroting.toelichting))
    if plan_only:
        more += [p({"t": f"{fmt.capital(e.soort or 'evaluatie')} gepland: ", "i": 1}, fmt.planning(e.moment)) for e in action.evaluatie]
        return {"action": {"nr": nr, "title": action.titel, "facts": line, "blocks": more}}
    last = action.last_note() if progress else None
    if last:
        more.append(p({"t": f"Voortgang {fmt.day(last.datum)}: ", "i": 1}, last.tekst))
    if progress and as_of is not None:  # the state per dimension, as lea_site.verdicts reads the notes
        more += [p(*spans) for spans in dimension_lines(action, as_of)]
    if action.resultaat:
        more += [p({"t": "Resultaat:", "i": 1}), *md_blocks(action.resultaat)]
    for e in action.evaluatie:
        more.append(p({"t": f"{fmt.capital(e.soort or 'evaluatie')} ({fmt.planning(e.moment)}): ", "i": 1}, e.uitkomst or "gepland"))
    return {"action": {"nr": nr, "title": action.titel, "facts": line, "blocks": more}}


# --- verdicts: as lea_site.verdicts decides them, never judged here ------------------------------


def verdict_block(agenda: Agenda, goal: Ambition, school_year: str | None, today: date, dated: bool = False) -> Block:
    """The goal's course with its reasons: 'Op koers', 'Let op', 'Achter' or 'Stand onbekend'. ``dated``: the
    head says the day it is judged on ('Oordeel op 18 november 2026: Op koers')."""
    found = goal_course(agenda, goal, school_year, today, with_unit)
    label = found.label + (" (oordeel van de partners)" if found.overridden else "")
    label += f" (aan het eind van de looptijd, {fmt.day(found.as_of)})" if found.as_of else ""
    head = f"Oordeel op {fmt.day(found.as_of or today)}: {label}" if dated else f"Oordeel: {label}"
    return {"verdict": {"state": found.state, "label": label, "head": head, "reasons": list(found.reasons)}}


def money_sentence(s: Spending) -> str | None:
    """Spent against planned in words, as lea_site.verdicts says it."""
    return spending_sentence(s, fmt.money, fmt.day)


# --- indicators ------------------------------------------------------------------------------


def target_text(ind: Indicator) -> str:
    """The target WITH its date, in numbers or in words (lea_site.verdicts.target_sentence)."""
    return target_sentence(ind, with_unit) or "—"


def indicator_blocks(ind: Indicator, level: int, until: date | None = None, *, facts_only: bool = False,
                     values_only: bool = False, anchor: str = "indicator") -> list[Block]:
    """An indicator: its facts, its values on a time axis and in a table. With ``until`` (a report of a
    period that ended) only the values of periods that began by then; a sentence counts the others.
    ``facts_only``: what the agenda agreed (baseline and target, each with its date), no measured series;
    ``values_only``: the series alone (the agenda PDF's chapter 'Stand op ...')."""
    out: list[Block] = [heading(level, ind.titel, f"{anchor}-{ind.id}")]
    if values_only:
        return out + _indicator_values(ind, until)
    rows: list[tuple[str, Any]] = []
    if ind.definitie:
        rows.append(("Wat wordt geteld", ind.definitie))
    if ind.huidige_situatie and until is None:
        rows.append(("Huidige situatie", ind.huidige_situatie))
    if ind.nulmeting:
        rows.append(("Nulmeting", value_text(ind, ind.nulmeting) + (f" ({fmt.period(ind.nulmeting.periode)})" if ind.nulmeting.periode else "")
                     + ("" if ind.nulmeting.soort == "gemeten" else f", {ind.nulmeting.soort}")))
    if ind.doel is not None:
        rows.append(("Doel", target_text(ind)))
    if ind.beter:
        rows.append(("Richting", f"hoe {ind.beter}, hoe beter"))
    if ind.bron:
        rows.append(("Bron", ind.bron))
    for c in ind.vergelijking:
        rows.append(("Ter vergelijking", f"{c.label}: {with_unit(ind, c.waarde)}" + (f" ({c.periode})" if c.periode else "")))
    out.append(facts(rows))
    return out if facts_only else out + _indicator_values(ind, until)


def _indicator_values(ind: Indicator, until: date | None) -> list[Block]:
    """An indicator's dated values as a chart and a table, each value with its period and kind."""
    out: list[Block] = []
    series = ind.series()
    later = [m for m in series if until is not None and m.periode.start > until]  # type: ignore[union-attr]
    series = series[:len(series) - len(later)]  # in time order: the later ones are at the end
    chart = indicator_chart(ind, series)
    if chart:
        out.append(chart)
    measurements = [*series, *ind.undated()]
    if measurements:
        table_rows = [[[m.periode.text if m.periode else "periode niet vermeld"], [value_text(ind, m)], [kind_label(ind, m)], [m.toelichting or ""]]
                      for m in measurements]
        out.append(table(["Periode", "Waarde", "Soort", "Toelichting"], table_rows, caption=f"Cijfers: {ind.titel}", widths=[1, 1.4, 1, 2]))
    if later:
        when = later[0].periode.text if len(later) == 1 else f"{later[0].periode.text} tot en met {later[-1].periode.text}"  # type: ignore[union-attr]
        count = "1 latere waarde" if len(later) == 1 else f"{fmt.number(len(later))} latere waarden"
        out.append(p(muted(f"Na deze periode: {count} ({when}), in de agenda (PDF), op de site en in de open data.")))
    return out


def indicator_chart(ind: Indicator, series: list[Measurement] | None = None) -> Block | None:
    """The dated values as columns on a time axis proportional to time, on one scale from zero, forecasts
    and estimates marked, the target as a line (:mod:`.timechart` lays it out)."""
    series = ind.series() if series is None else series
    target = ind.doel.waarde if ind.doel is not None and ind.doel.waarde is not None else None
    values = [float(m.waarde) for m in series] + ([float(target)] if target is not None else [])
    if len(series) < 2 and not (series and target is not None):
        return None  # one value needs no chart: the table says it
    if any(v < 0 for v in values):
        return None  # negative values: the table says them
    scale = nice_max(max(values))
    target_label = None
    if target is not None:
        target_label = (float(target), "doel " + with_unit(ind, target) + (f" (uiterlijk {ind.doel.uiterlijk.words})" if ind.doel.uiterlijk else ""))  # type: ignore[union-attr]
    drawn = timechart.layout(ind, series, scale, fmt.number(scale), lambda m: value_text_short(ind, m), target_label)
    words = "; ".join(f"{m.periode.text} ({kind_label(ind, m)}): {value_text(ind, m)}" for m in series)  # type: ignore[union-attr]
    if target_label:
        words += f"; {target_text(ind)}"
    legend = _legend({c["kind"] for c in drawn["columns"]})
    if target_label:
        legend.append({"kind": "doel", "text": target_label[1]})
    return {"timeline": {"caption": f"{ind.titel}: de waarden in de tijd, op één schaal vanaf nul",
                         "alt": f"Staafdiagram op een tijdas. {ind.titel}. {words}.", **drawn, "legend": legend}}


_KIND_WORDS = {"gemeten": "gemeten", "nulmeting": "nulmeting", "prognose": "prognose (verwachting, gestreept omlijnd)",
               "schatting": "schatting (gestreept omlijnd)", "doel": "doel (streefwaarde)", "lea": "ten laste van het LEA-budget",
               "gedekt": "gedekt uit andere bronnen", "beschikbaar": "beschikbaar LEA-budget"}


def _legend(kinds: set[str]) -> list[dict[str, str]]:
    order = ["nulmeting", "gemeten", "schatting", "prognose", "doel", "lea", "gedekt", "beschikbaar"]
    return [{"kind": k, "text": _KIND_WORDS[k]} for k in order if k in kinds]


# --- budgets ---------------------------------------------------------------------------------


def budget_bars(rows: list[tuple[str, int, int]], available: int | None, caption: str) -> Block:
    """Per goal its costs (the LEA part and the covered part, one bar), then the year's LEA part against
    what is available: every bar on one scale, so lengths compare."""
    charged_total = sum(cost - covered for _, cost, covered in rows)
    bars = [{"label": label, "value": cost, "part": cost - covered, "kind": "lea",
             "text": fmt.money(cost) + (f", waarvan {fmt.money(covered)} gedekt uit andere bronnen" if covered else "")}
            for label, cost, covered in rows]
    if available is not None:
        bars.append({"label": "Totaal ten laste van het LEA-budget", "value": charged_total, "part": charged_total, "kind": "lea",
                     "text": f"{fmt.money(charged_total)} van {fmt.money(available)} beschikbaar"})
        bars.append({"label": "Beschikbaar LEA-budget", "value": available, "part": 0, "kind": "beschikbaar", "text": fmt.money(available)})
    scale = max([r["value"] for r in bars] + [1])
    kinds = {"lea"} | ({"gedekt"} if any(c for _, _, c in rows) else set()) | ({"beschikbaar"} if available is not None else set())
    words = "; ".join(f"{r['label']}: {r['text']}" for r in bars)
    return {"bars": {"caption": caption, "alt": f"Staafdiagram. {caption}. {words}.", "scale": scale, "rows": bars,
                     "legend": _legend(kinds)}}


# --- governance ------------------------------------------------------------------------------


def org_chart(agenda: Agenda) -> Block | None:
    """The bodies by level, each a light box with its name, kind and relations in words."""
    if not agenda.organen:
        return None
    by_id = {body.id: body for body in agenda.organen}
    levels = []
    for key, label in LEVELS:
        bodies = [body for body in agenda.organen if body.niveau == key]
        if not bodies:
            continue
        levels.append({"label": label, "bodies": [_org_box(agenda, body, by_id) for body in bodies]})
    words = " ".join(f"{lv['label']}: " + ", ".join(x["name"] for x in lv["bodies"]) + "." for lv in levels)
    return {"org": {"caption": "De organisatie van de agenda", "alt": f"Organisatieschema in lagen. {words}", "levels": levels}}


def _org_box(agenda: Agenda, body: Body, by_id: Mapping[str, Body]) -> dict[str, Any]:
    lines = []
    if body.soort:
        lines.append(body.soort)
    if body.status == "voorgesteld":
        lines.append("voorgesteld, nog niet ingesteld")
    if body.frequentie:
        lines.append(body.frequentie)
    if body.bestond_als:
        lines.append(f"bestond al als {body.bestond_als}")
    for field, words, _ in RELATIONS:
        targets = [by_id[t].naam if t in by_id else t for t in getattr(body, field)]
        if targets:
            lines.append(f"{words} {', '.join(targets)}")
    return {"name": body.naam, "lines": lines}


# --- the glossary: each term explained at its first use in the document --------------------------


def explain(document: dict[str, Any], meanings: Mapping[str, str]) -> None:
    """Each glossary term explained at its first use in running text ('VVE (voor- en vroegschoolse
    educatie)'), as the site's pages do; not in headings, titles, links, code or charts."""
    if not meanings:
        return
    terms = sorted(meanings, key=len, reverse=True)
    pattern = re.compile(rf"(?<![\w&#-])({'|'.join(re.escape(t) for t in terms)})(?![\w+'’-])")
    seen: set[str] = set()

    def text(value: str) -> str:
        def one(m: re.Match[str]) -> str:
            term = m[1]
            if term in seen:
                return term
            seen.add(term)
            before, after = value[m.start() - 1:m.start()], value[m.end():m.end() + 1]
            return term if (before, after) == ("(", ")") else f"{term} ({meanings[term]})"

        return pattern.sub(one, value)

    def spans(inl: list) -> None:
        for i, span in enumerate(inl):
            if isinstance(span, str):
                inl[i] = text(span)
            elif isinstance(span, dict) and "t" in span and not span.keys() & {"href", "code", "st"}:
                span["t"] = text(span["t"])

    def walk(blocks: list) -> None:
        for block in blocks:
            if not isinstance(block, dict):
                continue
            if "p" in block:
                spans(block["p"])
            elif "list" in block:
                for item in block["list"]:
                    walk(item)
            elif "quote" in block:
                walk(block["quote"])
                spans(block.get("by", []))
            elif "notes" in block:
                for note in block["notes"]:
                    walk(note)
            elif "facts" in block:
                for _, value in block["facts"]:
                    walk(value)
            elif "table" in block:
                for row in block["table"]["rows"]:
                    for cell in row:
                        spans(cell)
            elif "action" in block:
                spans(block["action"]["facts"])
                walk(block["action"]["blocks"])
            elif "verdict" in block:
                block["verdict"]["reasons"] = [text(r) for r in block["verdict"]["reasons"]]

    walk(document.get("lead", []))
    walk(document["body"])


# --- last touches to every text ----------------------------------------------------------------

_AMOUNT = re.compile(r"€ (?=[\d-])")
_LONG = re.compile(r"\S{31,}")
_KEYS = frozenset({"href", "kind", "id", "st", "state", "src", "pictures"})  # values that are no text for the reader


def _breakable(word: re.Match[str]) -> str:
    """A word longer than a line can hold gets a zero-width space every 30 characters, where it may
    break: Typst never breaks a word without one, and would run it off the page."""
    text = word[0]
    return "\u200b".join(text[i:i + 30] for i in range(0, len(text), 30))


_NEWLINE = re.compile(r"[ \t]*\r?\n\s*")


def finish(value: Any, lines: bool = False) -> Any:
    """Every text of a document: '€ 5.000' kept on one line, very long words breakable, and a line end of
    the data a space (as in Markdown: Typst would break the line there), except in code (``lines``)."""
    if isinstance(value, str):
        if not lines and "\n" in value:
            value = _NEWLINE.sub(" ", value)
        value = _AMOUNT.sub("€\u00a0", value) if "€ " in value else value
        return _LONG.sub(_breakable, value) if len(value) > 30 else value
    # A short plain text is kept as it is without a call: most texts are, and a document has 100,000 of them.
    if isinstance(value, list):
        return [v if type(v) is str and len(v) <= 30 and "\n" not in v and "€ " not in v else finish(v, lines) for v in value]
    if isinstance(value, dict):
        code = "code" in value  # a code block ({"code": text}) or a code span ({"t": text, "code": 1})
        return {k: (v if k in _KEYS or (type(v) is str and len(v) <= 30 and "\n" not in v and "€ " not in v)
                    else finish(v, code and k in ("code", "t"))) for k, v in value.items()}
    return value
