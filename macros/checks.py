"""Cross-checks that need more than one item: ids, references, sums, time.

Each check yields ``(path, message, severity)`` with ``path`` into the raw tree, so
the loader can name file and line. Severity ``fout`` fails ``lea check``;
``waarschuwing`` only fails it with ``--strict``.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import Any, Collection, Iterator

from . import checks_adoption as adoption
from . import checks_family as family
from . import checks_glossary as words
from . import checks_phones as phones
from . import checks_goals as goals
from .model import Agenda, Budget, Indicator, Party, YearPlan
from .problems import Path, Suggestions, locate
from .recency import FileAges
from .values import school_year_bounds

Found = tuple[Path, str, str]
ERROR, WARNING = "fout", "waarschuwing"
STALE_AFTER = timedelta(days=183)  # "no progress note for six months"


def _day(d: date) -> str:
    from .render.format import day

    return day(d)


def euro(amount: int) -> str:
    # Checks speak plain text; the site formats with Babel (render.format).
    from .render.format import money

    return money(amount)


def _raw_ids(tree: Any, section: str, key: str = "id") -> set[str]:
    return {str(item.get(key)) for item in tree.get(section) or [] if isinstance(item, dict) and item.get(key) is not None}


def _raw_indicator_ids(tree: Any) -> set[str]:
    info = tree.get("agenda") if isinstance(tree.get("agenda"), dict) else {}
    holders = [amb.get("indicatoren") for amb in tree.get("ambities") or [] if isinstance(amb, dict)] + [info.get("kerncijfers")]
    return {str(ind.get("id")) for inds in holders if isinstance(inds, list)
            for ind in inds if isinstance(ind, dict) and ind.get("id") is not None}


class _Refs:
    """Known ids (from the raw tree, so invalid items still count as existing).

    When not ``complete`` (a file could not be read), nothing is reported unknown.
    """

    def __init__(self, tree: Any, complete: bool = True):
        self.complete = complete
        self.tree = tree  # the data as written (a goal's onder as a list or ook_onder: point at what the editor wrote)
        self.ages: FileAges | None = None  # which data files changed last (for duplicates)
        self.suggest = Suggestions()  # did-you-mean within a bounded amount of work
        self.years = _raw_ids(tree, "jaarplannen", "schooljaar")
        self.ids = {
            "partner": _raw_ids(tree, "partners"),
            "ambitie": _raw_ids(tree, "ambities"),
            "orgaan": _raw_ids(tree, "organen"),
            "indicator": _raw_indicator_ids(tree),
        }

    def check(self, kind: str, value: str | None, path: Path) -> Iterator[Found]:
        if value is None or value in self.ids[kind] or not self.complete:
            return
        known = self.ids[kind]
        unknown = "onbekend" if kind == "orgaan" else "onbekende"  # het orgaan, de partner
        hint = self.suggest(value, known) or (f"; bekende ids: {', '.join(sorted(known))}" if 0 < len(known) <= 12 else "")
        section = {"partner": "partners", "ambitie": "ambities", "orgaan": "organen", "indicator": "indicatoren of kerncijfers"}[kind]
        yield path, f"{unknown} {kind} '{value}': staat niet in {section}{hint}", ERROR

    def party(self, party: Party | None, path: Path) -> Iterator[Found]:
        if party is not None and party.partner is not None:
            sub = path + ("partner",) if party.rol is not None or party.orgaan is not None else path
            yield from self.check("partner", party.partner, sub)
        if party is not None and party.orgaan is not None:
            yield from self.check("orgaan", party.orgaan, path + ("orgaan",))


_COPY_NAME = re.compile(r"kopie|copy|\(\d+\)| \d+\.ya?ml$", re.I)  # 'kopie van', '- Copy', '(1)', macOS's ' 2.yml'


def _duplicates(ids: list[tuple[str, Path]], what: str, tree: Any, where: str = "", ages: FileAges | None = None) -> Iterator[Found]:
    """Each id that occurs again, reported where the change is and naming the other place.

    Of two files the later is the one added or changed last (``ages``: git, else the modification
    time): an editor who copies a file as a template and forgets its id gets the message on the
    copy, whatever its name sorts as. A name that looks like a copy ('partners - kopie.yml',
    'partners (1).yml') weighs more than the modification time (a copy may keep the original's) but
    less than git; then the order of reading (file, line).
    """
    by_value: dict[str, list[int]] = {}
    for index, (value, _) in enumerate(ids):
        by_value.setdefault(value, []).append(index)
    twice = [indexes for indexes in by_value.values() if len(indexes) > 1]
    if not twice:
        return
    files = {i: locate(tree, ids[i][1], tree.pos).file for indexes in twice for i in indexes}
    several = len(set(files.values())) > 1
    age = ages.ages(sorted(set(files.values()))) if ages is not None and several else {}
    for indexes in twice:
        def later(i: int) -> tuple:
            level, committed, modified = age.get(files[i], (0, 0.0, 0.0))
            return level, committed, bool(_COPY_NAME.search(files[i].rsplit("/", 1)[-1])), modified, i

        order = sorted(indexes, key=later)
        first = locate(tree, ids[order[0]][1], tree.pos)
        for i in sorted(order[1:]):
            yield ids[i][1], f"{what} '{ids[i][0]}' komt twee keer voor{where} (eerst in {first.file}:{first.line})", ERROR


def _output_clashes(agenda: Agenda, tree: Any, indexes: dict[str, list[int]]) -> Iterator[Found]:
    """An id that would give an output the path of another output (lea_site.outputs), naming both."""
    from .outputs import collisions, data_claims, fixed_claims

    for claim, earlier in collisions(fixed_claims() + data_claims(agenda, indexes)):
        if claim.where is None:
            continue  # two fixed names: the product's own concern (tests/test_outputs.py)
        if claim.what == earlier.what:
            continue  # the same id twice: the duplicate-id check names it, once
        other = earlier.what
        if earlier.where is not None:
            pos = locate(tree, earlier.where, tree.pos)
            other += f" ({pos.file}:{pos.line})"
        yield claim.where, (f"{claim.what} zou {claim.path} worden, maar dat pad heeft {other} al; "
                            "kies een andere id, anders vervangt het ene bestand het andere"), ERROR


def run(agenda: Agenda, tree: Any, indexes: dict[str, list[int]], today: date,
        partial: Collection[str] = (), complete: bool = True, ages: FileAges | None = None) -> Iterator[Found]:
    """Every cross-check; ``partial`` names school years whose plan is invalid and
    holds only its valid parts, so its sums are not checked; ``ages`` tells which files changed last."""
    refs = _Refs(tree, complete)
    refs.ages = ages

    def at(section: str, i: int) -> Path:
        return (section, indexes[section][i])

    yield from _duplicates([(p.id, at("partners", i) + ("id",)) for i, p in enumerate(agenda.partners)], "partner-id", tree, ages=ages)
    yield from _duplicates([(a.id, at("ambities", i) + ("id",)) for i, a in enumerate(agenda.ambities)], "ambitie-id", tree, ages=ages)
    yield from _duplicates([(b.id, at("organen", i) + ("id",)) for i, b in enumerate(agenda.organen)], "orgaan-id", tree, ages=ages)
    yield from _duplicates([(x.id, at("interventies", i) + ("id",)) for i, x in enumerate(agenda.interventies)], "interventie-id", tree, ages=ages)
    yield from _duplicates([(y.schooljaar, at("jaarplannen", i) + ("schooljaar",)) for i, y in enumerate(agenda.jaarplannen)], "jaarplan voor schooljaar", tree, ages=ages)
    key_figures = list(enumerate(agenda.info.kerncijfers)) if agenda.info is not None else []
    yield from _duplicates(
        [(ind.id, at("ambities", i) + ("indicatoren", k, "id")) for i, a in enumerate(agenda.ambities) for k, ind in enumerate(a.indicatoren)]
        + [(ind.id, ("agenda", "kerncijfers", k, "id")) for k, ind in key_figures],
        "indicator-id", tree, ages=ages,
    )

    yield from _output_clashes(agenda, tree, indexes)

    period = agenda.info.periode if agenda.info is not None else None
    for i, amb in enumerate(agenda.ambities):
        for k, owner in enumerate(amb.eigenaars):
            yield from refs.party(owner, at("ambities", i) + ("eigenaars", k))
            for key in ("van", "tot"):
                term = getattr(owner, key)
                if period and term and (term.end.year < period.van or term.start.year > period.tot):
                    yield at("ambities", i) + ("eigenaars", k, key), (
                        f"termijn {term} valt buiten de looptijd van de agenda ({period.van}-{period.tot})"), WARNING
        yield from goals.ambition(agenda, amb, at("ambities", i), refs, today)
    indicators = [(ind, at("ambities", i) + ("indicatoren", k)) for i, amb in enumerate(agenda.ambities) for k, ind in enumerate(amb.indicatoren)]
    for ind, path in indicators + [(ind, ("agenda", "kerncijfers", k)) for k, ind in key_figures]:
        periods = Counter((m.periode.text, m.soort) for m in ind.metingen if m.periode is not None)
        for m_index, m in enumerate(ind.metingen):
            if m.periode is None:
                continue
            if periods[(m.periode.text, m.soort)] > 1:
                yield path + ("metingen", m_index, "periode"), f"periode {m.periode} staat twee keer in de metingen ({m.soort})", ERROR
                periods[(m.periode.text, m.soort)] = 0
            if m.soort == "gemeten" and m.periode.start > today:
                yield path + ("metingen", m_index, "soort"), f"meting voor {m.periode} ligt in de toekomst; is het een prognose?", WARNING
        yield from _indicator_values(ind, path, period)
    if agenda.info is not None:
        yield from goals.agenda(agenda, tree)

    for i, body in enumerate(agenda.organen):
        path = at("organen", i)
        for k, member in enumerate(body.leden):
            yield from refs.party(member, path + ("leden", k))
        yield from refs.party(body.voorzitter, path + ("voorzitter",))
        yield from refs.party(body.secretaris, path + ("secretaris",))
        if body.contact:
            yield from refs.check("partner", body.contact.partner, path + ("contact", "partner"))
        yield from refs.check("ambitie", body.ambitie, path + ("ambitie",))
        for key in ("rapporteert_aan", "adviseert", "bereidt_voor", "deel_van", "gaat_samen_met"):
            for k, target in enumerate(getattr(body, key)):
                if target == body.id:
                    yield path + (key, k), f"orgaan '{body.id}' kan niet naar zichzelf verwijzen", ERROR
                else:
                    yield from refs.check("orgaan", target, path + (key, k))

    for i, item in enumerate(agenda.interventies):
        path = at("interventies", i)
        yield from refs.check("ambitie", item.ambitie, path + ("ambitie",))
        for k, party in enumerate(item.betrokken_partijen):
            yield from refs.party(party, path + ("betrokken_partijen", k))
        if item.contact:
            yield from refs.check("partner", item.contact.partner, path + ("contact", "partner"))

    numbered: dict[int, list[tuple[str, Path]]] = {}  # a number is unique per level: actielijn 1 under ambitie 1
    for i, a in enumerate(agenda.ambities):
        if a.nummer is not None:
            numbered.setdefault(agenda.level(a), []).append((str(a.nummer), at("ambities", i) + ("nummer",)))
    for level, numbers in sorted(numbered.items()):
        word = agenda.naming(level).enkelvoud if agenda.info is not None else f"nummer (niveau {level + 1})"
        yield from _duplicates(numbers, word if word.startswith("nummer") else f"{word}-nummer", tree, ages=ages)
    yield from _duplicates([(r.id, at("rollen", i) + ("id",)) for i, r in enumerate(agenda.rollen)], "rol-id", tree, ages=ages)
    yield from goals.organisation(agenda, refs, at)
    yield from adoption.bodies(agenda, tree, at)
    yield from adoption.authors(agenda)
    yield from words.unused(agenda)
    yield from phones.phones(tree)

    if agenda.info is not None:
        chosen = agenda.info.huidig_schooljaar
        if chosen and chosen not in refs.years and refs.complete:
            yield ("agenda", "huidig_schooljaar"), f"er is geen jaarplan voor schooljaar {chosen}; de site zou dan geen acties tonen", ERROR
        if agenda.info.contact:
            yield from refs.check("partner", agenda.info.contact.partner, ("agenda", "contact", "partner"))

    if agenda.info is not None:  # places, related agendas, dimensions (issue 29)
        yield from family.run(agenda, refs, at)

    plans = {y.schooljaar: y for y in agenda.jaarplannen}
    action_ids: dict[str, set[str]] = {}  # per school year, built once: carried-over actions look their id up
    for i, plan in enumerate(agenda.jaarplannen):
        yield from _year_plan(agenda, plan, at("jaarplannen", i), refs, plans, today, tree, plan.schooljaar in partial, action_ids)
        yield from adoption.ended_before_adoption(agenda, i, at("jaarplannen", i), _day)


FAR_OFF_YEARS = 10  # a measurement this many years before or after the agenda's term is probably a typo


def _unit(unit: str | None) -> str | None:
    """'procent' for a percentage, 'aantal' for a count of people or things, else None (a score, money, a change)."""
    text = (unit or "").strip().lower()
    if text in ("%", "procent", "percentage") or text.startswith(("% ", "procent ")):
        return "procent"
    if text and not re.search(r"[0-9€$°]|verschil|groei|daling|stijging|toename|afname|saldo|punt|score|index|euro|cijfer|gemiddeld", text):
        return "aantal"
    return None


def _indicator_values(ind: Indicator, path: Path, term: Any) -> Iterator[Found]:
    """Values that cannot be right: a percentage over 100, a negative count, a year far from the agenda's,
    a target before its baseline, a baseline and a measurement for the same period."""
    kind = _unit(ind.eenheid)
    points: list[tuple[Path, Any, str]] = []  # (path, measurement or target, 'nulmeting'/'meting'/'doel')
    if ind.nulmeting is not None:
        points.append((path + ("nulmeting",), ind.nulmeting, "nulmeting"))
    points.extend((path + ("metingen", k), m, "meting") for k, m in enumerate(ind.metingen))
    if ind.doel is not None:
        points.append((path + ("doel",), ind.doel, "doel"))
    for where, point, what in points:
        value = point.waarde
        if value is not None and kind == "procent" and not 0 <= value <= 100:
            yield where + ("waarde",), (f"{what} {number(value)}% kan niet: een percentage ligt tussen 0 en 100"
                                        " (is de eenheid geen %, pas dan 'eenheid' aan)"), ERROR
        elif value is not None and kind == "aantal" and value < 0:
            yield where + ("waarde",), (f"{what} {number(value)} {ind.eenheid} kan niet: een aantal is nooit negatief"
                                        " (is het een verschil, zeg dat dan in 'eenheid', bijvoorbeeld 'verschil in leerlingen')"), ERROR
        moment = getattr(point, "periode", None) if what != "doel" else point.uiterlijk
        if term is not None and moment is not None and (
                moment.end.year < term.van - FAR_OFF_YEARS or moment.start.year > term.tot + FAR_OFF_YEARS):
            yield where + ("periode" if what != "doel" else "uiterlijk",), (
                f"{what} voor {moment} ligt ver buiten de looptijd van de agenda ({term.van}-{term.tot}); klopt het jaar?"), WARNING
    base = ind.nulmeting
    if base is not None and base.periode is not None:
        for k, m in enumerate(ind.metingen):
            if m.periode is not None and m.periode.text == base.periode.text and m.soort == "gemeten":
                yield path + ("metingen", k, "periode"), (
                    f"periode {m.periode} is ook de nulmeting: dat zijn twee punten voor dezelfde periode; "
                    "haal de meting weg of geef de nulmeting zijn eigen periode"), ERROR
        if ind.doel is not None and ind.doel.uiterlijk is not None and ind.doel.uiterlijk.end < base.periode.start:
            yield path + ("doel", "uiterlijk"), (
                f"het doel moet uiterlijk in {ind.doel.uiterlijk} bereikt zijn, maar dat is voor de nulmeting ({base.periode}); "
                "klopt het jaar?"), ERROR


def number(value: float) -> str:
    return (f"{value:.0f}" if value == int(value) else f"{value}").replace(".", ",")


def _ids_of(plan: YearPlan, cache: dict[str, set[str]]) -> set[str]:
    if plan.schooljaar not in cache:
        cache[plan.schooljaar] = {a.id for _, a in plan.actions()}
    return cache[plan.schooljaar]


def _plan_total(plan_budget: Budget | None, action_budgets: list[Budget]) -> tuple[int, int]:
    amounts = [b for b in action_budgets if b.soort == "bedrag"]
    if amounts:
        return sum(b.cost for b in amounts), sum(b.covered for b in amounts)
    if plan_budget is not None:
        return plan_budget.cost, plan_budget.covered
    return 0, 0


def year_totals(plan: YearPlan) -> tuple[int, int, int]:
    """(costs, covered, charged to the LEA budget) of a year plan, from its parts."""
    cost = covered = 0
    for amb_plan in plan.ambities:
        c, d = _plan_total(amb_plan.begroting, [a.begroting for a in amb_plan.acties if a.begroting])
        cost, covered = cost + c, covered + d
    return cost, covered, cost - covered


def ambition_plan_totals(amb_plan: Any) -> tuple[int, int, int]:
    c, d = _plan_total(amb_plan.begroting, [a.begroting for a in amb_plan.acties if a.begroting])
    return c, d, c - d


def _year_plan(agenda: Agenda, plan: YearPlan, path: Path, refs: _Refs, plans: dict[str, YearPlan], today: date, tree: Any,
               partial: bool = False, action_ids: dict[str, set[str]] | None = None) -> Iterator[Found]:
    start, end = school_year_bounds(plan.schooljaar)
    info = agenda.info
    if info is not None and not info.periode.covers(plan.schooljaar):
        yield path + ("schooljaar",), (
            f"schooljaar {plan.schooljaar} valt buiten de looptijd van de agenda ({info.periode.van}-{info.periode.tot})"
        ), ERROR
    adopted = plan.vaststelling.datum
    if adopted and adopted.start > end:
        yield path + ("vaststelling", "datum"), f"vastgesteld na het einde van schooljaar {plan.schooljaar}", WARNING
    elif adopted and adopted.end < start - timedelta(days=365):
        yield path + ("vaststelling", "datum"), (
            f"vastgesteld op {adopted}, meer dan een jaar voor schooljaar {plan.schooljaar} begint; "
            "klopt het jaar?"), WARNING

    seen_ambitions: dict[str, int] = {}
    yield from _duplicates(  # (a placeholder for an invalid action may have no id)
        [(a.id, path + ("ambities", k, "acties", n, "id")) for k, ap in enumerate(plan.ambities) for n, a in enumerate(ap.acties) if a.id],
        "actie-id", tree, f" in schooljaar {plan.schooljaar}", refs.ages,
    )
    current = start <= today <= end
    for k, amb_plan in enumerate(plan.ambities):
        ppath = path + ("ambities", k)
        yield from refs.check("ambitie", amb_plan.ambitie, ppath + ("ambitie",))
        if amb_plan.ambitie in seen_ambitions:
            yield ppath + ("ambitie",), f"ambitie '{amb_plan.ambitie}' staat twee keer in dit jaarplan; voeg de acties samen", ERROR
        seen_ambitions[amb_plan.ambitie] = k
        action_budgets = [a.begroting for a in amb_plan.acties if a.begroting and a.begroting.soort == "bedrag"]
        if not partial and amb_plan.begroting is not None and amb_plan.begroting.soort == "bedrag" and action_budgets:
            cost = sum(b.cost for b in action_budgets)
            covered = sum(b.covered for b in action_budgets)
            if amb_plan.begroting.cost != cost:
                yield ppath + ("begroting", "kosten"), (
                    f"opgegeven kosten {euro(amb_plan.begroting.cost)} kloppen niet met de som van de acties: {euro(cost)}"
                ), ERROR
            if amb_plan.begroting.covered != covered:
                yield ppath + ("begroting", "dekking"), (
                    f"opgegeven dekking {euro(amb_plan.begroting.covered)} klopt niet met de som van de acties: {euro(covered)}"
                ), ERROR
        yield from _budget_after_actions(tree, ppath, amb_plan)
        for n, action in enumerate(amb_plan.acties):
            yield from _action(action, ppath + ("acties", n), plan, refs, plans, today, current, action_ids if action_ids is not None else {})

    budget = plan.budget
    if budget is not None and not partial:
        cost, covered, charged = year_totals(plan)
        for key, stated, actual in (("kosten", budget.kosten, cost), ("dekking", budget.dekking, covered), ("lea", budget.lea, charged)):
            if stated is not None and stated != actual:
                yield path + ("budget", key), (
                    f"opgegeven totaal {key} {euro(stated)} klopt niet met de som van de ambities: {euro(actual)}"
                ), ERROR
        yield from _year_spent(path, plan)
        if charged > budget.beschikbaar:
            yield path + ("budget", "beschikbaar"), (
                f"het LEA-budget wordt overschreden: {euro(charged)} ten laste van het LEA-budget, "
                f"{euro(budget.beschikbaar)} beschikbaar ({euro(charged - budget.beschikbaar)} te veel)"
            ), WARNING


def _year_spent(path: Path, plan: Any) -> Iterator[Found]:
    """A year's reported total spent against what its actions reported: it cannot be less than their sum,
    and once every action with costs reported it should be their sum (else the site would show two truths)."""
    budget = plan.budget
    if budget is None or budget.besteed is None:
        return
    actions = [a for _, a in plan.actions() if a.begroting is not None and a.begroting.known]
    reported = [a.begroting.besteed for a in actions if a.begroting.besteed is not None]
    if not reported:
        return
    total = sum(reported)
    if total > budget.besteed:
        yield path + ("budget", "besteed"), (
            f"het bestede totaal van het jaar ({euro(budget.besteed)}) is minder dan wat de acties samen als besteed melden "
            f"({euro(total)}, {len(reported)} van de {len(actions)} acties); pas het totaal of de acties aan"), WARNING
    elif len(reported) == len(actions) and total != budget.besteed:
        yield path + ("budget", "besteed"), (
            f"het bestede totaal van het jaar ({euro(budget.besteed)}) is niet de som van wat alle acties als besteed melden "
            f"({euro(total)}); de site toont het totaal van het jaar, leg het verschil uit in de toelichting of pas het aan"), WARNING


def _budget_after_actions(tree: Any, path: Path, amb_plan: Any) -> Iterator[Found]:
    """An ambition plan's 'begroting' written right after an action that has none: probably that action's
    budget, indented too little (YAML then makes it the ambition's, without a word)."""
    if amb_plan.begroting is None or not amb_plan.acties or amb_plan.acties[-1].begroting is not None:
        return
    raw = tree
    for step in path:
        raw = raw[step] if isinstance(raw, (dict, list)) else None
    if not isinstance(raw, dict) or not isinstance(raw.get("acties"), list) or not raw["acties"]:
        return
    keys = list(raw)
    if keys.index("begroting") < keys.index("acties"):
        return  # written before the actions: meant for the ambition
    budget_line = locate(tree, path + ("begroting",), tree.pos).line
    actions = raw["acties"]
    last_line = locate(tree, path + ("acties", len(actions) - 1), tree.pos).line
    if budget_line > last_line:
        last = amb_plan.acties[-1]
        yield path + ("begroting",), (
            f"deze begroting staat direct na actie '{last.id}', die zelf geen begroting heeft, en geldt nu voor de hele ambitie; "
            f"hoort hij bij die actie, spring hem dan in tot onder de andere velden van de actie"), WARNING


def _action(action: Any, path: Path, plan: YearPlan, refs: _Refs, plans: dict[str, YearPlan], today: date, current: bool,
            action_ids: dict[str, set[str]]) -> Iterator[Found]:
    yield from refs.party(action.trekker, path + ("trekker",))
    for k, party in enumerate(action.partners):
        yield from refs.party(party, path + ("partners", k))
    for k, ind in enumerate(action.indicatoren):
        yield from refs.check("indicator", ind, path + ("indicatoren", k))
    if action.contact:
        yield from refs.check("partner", action.contact.partner, path + ("contact", "partner"))
    if action.doorgeschoven_van:
        earlier = plans.get(action.doorgeschoven_van)
        if action.doorgeschoven_van >= plan.schooljaar:
            yield path + ("doorgeschoven_van",), f"een actie kan alleen uit een eerder schooljaar doorschuiven, niet uit {action.doorgeschoven_van}", ERROR
        elif earlier is None and action.doorgeschoven_van not in refs.years and refs.complete:
            yield path + ("doorgeschoven_van",), f"er is geen jaarplan voor schooljaar {action.doorgeschoven_van}", ERROR
        elif earlier is not None and action.id not in _ids_of(earlier, action_ids):
            yield path + ("doorgeschoven_van",), f"schooljaar {action.doorgeschoven_van} heeft geen actie met id '{action.id}'", ERROR
    start, end = school_year_bounds(plan.schooljaar)
    if action.planning is not None and not action.planning.whole_year:
        first, last = action.planning.bounds(plan.schooljaar)
        if last < start or first > end:
            yield path + ("planning",), f"planning {action.planning} valt buiten schooljaar {plan.schooljaar}", WARNING
    # A carried-over action may keep the notes of the year it comes from.
    earliest = school_year_bounds(action.doorgeschoven_van)[0] if action.doorgeschoven_van else start
    misdated = False
    for k, note in enumerate(action.voortgang):
        if note.datum > today:
            yield path + ("voortgang", k, "datum"), f"voortgangsnotitie is gedateerd in de toekomst ({note.datum.isoformat()})", WARNING
            misdated = True
        elif note.datum < earliest:
            yield path + ("voortgang", k, "datum"), (
                f"voortgangsnotitie van {note.datum.isoformat()} ligt voor het begin van schooljaar "
                f"{action.doorgeschoven_van or plan.schooljaar} ({earliest.isoformat()}); klopt het jaar?"), WARNING
            misdated = True
    from .verdicts import written_status  # here: verdicts builds on this module's sums

    last = action.last_note()
    if last is not None and last.status is not None and action.status is not None and last.status != action.status:
        yield path + ("status",), f"status is '{action.status}', maar de laatste voortgangsnotitie ({last.datum.isoformat()}) zegt '{last.status}'", WARNING
    if current and written_status(action) in ("lopend", "vertraagd") and not misdated:  # a misdated note is named above
        since = last.datum if last else start
        if today - since > STALE_AFTER:
            what = f"de laatste is van {last.datum.isoformat()}" if last else "er is er nog geen"
            yield path + ("voortgang",) if last else path + ("status",), (
                f"actie is {action.status} maar heeft al meer dan zes maanden geen voortgangsnotitie ({what})"
            ), WARNING
    if start > today and written_status(action) in ("afgerond", "gestopt", "lopend"):
        yield path + ("status",), f"status '{action.status}' voor een schooljaar dat nog niet begonnen is", WARNING
