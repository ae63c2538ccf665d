"""The parents' path: a block on the home page, the page 'Voor ouders', and one page per age group.

A parent comes with a child's age and a neighbourhood, on a phone. So every page here leads with
what a parent or child can do or use (the actions with ``voor_ouders``): what it is, for whom,
where, when, what it costs and whom to ask. Then whether it is going well (the goals' course, see
:mod:`lea_site.verdicts`), and only then the partners' other work and the goals in their own words.
"""

from __future__ import annotations

import re

from ..glossary import Explainer, agenda_glossary, agenda_names
from ..model import Action, Agenda, Ambition, AmbitionPlan, Contact, Cost, ForParents, Intervention, Location, Party
from ..verdicts import ActionState, action_state, written_status
from ..values import AgeRange
from . import format as fmt
from .charts import with_unit
from .contact import contact_html, phone_link, resolve_from, site_name, web_link  # noqa: F401  (site_name: the tests ask it)
from .html import dl, esc, md, md_inline, prose, ul
from .pages import View, _action_ages, _current_actions, _goal, _in_group
from .paths import AGE_GROUPS, age_groups, age_page, ambition_page, intervention_anchor, pages_without_content, place_page

Pair = tuple[AmbitionPlan | Ambition, Action]
LOCATIONS = "ouders/locaties.md"


def who_label(label: str) -> str:
    """'Baby's, dreumesen en peuters (0 tot 4 jaar)' -> 'Baby's, dreumesen en peuters'."""
    return label.rsplit(" (", 1)[0]


def ages_label(ages: AgeRange) -> str:
    """'0 tot 4 jaar', as the menu writes it."""
    return f"{ages.low} tot {ages.high} jaar"


def group_pairs(view: View, ages: AgeRange) -> list[Pair]:
    """This school year's actions (and running activities) for children in ``ages``."""
    return [(p, a) for p, a in _current_actions(view) if _in_group(_action_ages(view, p, a), ages)]


def programmes_for(agenda: Agenda, ages: AgeRange) -> list[Intervention]:
    """The interventions (programmes) for children in ``ages``."""
    return [i for i in agenda.interventies if i.doelgroep and _in_group(i.doelgroep.leeftijden, ages)]


def offers(pairs: list[Pair]) -> list[Pair]:
    """What parents or children can use themselves: actions with ``voor_ouders``, running ones first, stopped ones left out."""
    order = {"lopend": 0, "vertraagd": 1, "gepland": 2, "afgerond": 3}
    found = [(p, a) for p, a in pairs if a.voor_ouders is not None and written_status(a) != "gestopt"]
    return sorted(found, key=lambda pa: order.get(written_status(pa[1]) or "", 4))


def _area(view: View) -> str:
    """The municipality's name, or the region's for an agenda of several."""
    towns = view.agenda.info.regio.gemeenten
    return towns[0] if len(towns) == 1 else view.agenda.info.regio.naam


def _place(view: View, location: Location | None) -> str:
    """Where, for a parent: 'overal in Lindeveen' (the name the data gives, never a vague 'hele gemeente'), or the places."""
    if location is None:
        return "—"
    if location.hele_gemeente:
        return f"overal in {_area(view)}"
    return ", ".join(location.names())


def offer_title(action: Action) -> str:
    """The offer's name for parents: its own plain title, else the action's."""
    return action.voor_ouders.titel if action.voor_ouders and action.voor_ouders.titel else action.titel


def cost_text(cost: Cost) -> str:
    """'€ 2,50 per keer', 'gratis', or the rule; an amount and a rule together: '€ 15 per jaar (gratis met een Stadspas)'."""
    amount = None
    if cost.bedrag is not None:
        amount = "gratis" if cost.bedrag == 0 else fmt.price(cost.bedrag) + (f" per {cost.per}" if cost.per else "")
    if amount and cost.regel:  # not in brackets: a term in the rule gets its explanation in brackets (the glossary)
        return f"{amount}; {cost.regel}"
    return amount or cost.regel or ""


_POSTCODE = re.compile(r"\b([1-9][0-9]{3}) ([A-Z]{2})\b")  # a Dutch postcode, kept on one line: 4321&nbsp;AB
NBSP_POSTCODE = "\\1\u00a0\\2"


def places_html(words: Explainer, offer: ForParents) -> str:
    """Each place with its address on a line of its own (an address is never broken across places)."""
    items = [f'<span class="lea-place__name">{words.text(place.naam)}</span>'
             + (f'<br><span class="lea-place__address">{_POSTCODE.sub(NBSP_POSTCODE, esc(place.adres))}</span>' if place.adres else "")
             for place in offer.plaatsen]
    return ul(items, "lea-places")


def signup_html(words: Explainer, offer: ForParents, anchor: str, agenda: Agenda) -> str:
    """How to sign up, as numbered steps in the manner of GOV.UK's step-by-step pages; a web page alone is one link,
    its text saying whose website it is (never the bare address)."""
    signup = offer.aanmelden
    if signup is None:
        return ""
    steps = [words.text(step) for step in signup.stappen]
    if steps and signup.url:
        steps.append(f"U kunt uw kind ook {web_link(agenda, signup.url, 'aanmelden')}.")
    body = ('<ol class="lea-steps">' + "".join(f'<li><span class="lea-steps__text">{step}</span></li>' for step in steps) + "</ol>"
            if steps else f"<p>{web_link(agenda, signup.url, 'Aanmelden')}.</p>")  # type: ignore[arg-type]  # a sign-up has steps or a url
    return (f'<section class="lea-signup" aria-labelledby="{anchor}-aanmelden">'
            f'<h4 id="{anchor}-aanmelden">Zo meldt u uw kind aan</h4>{body}</section>')


def ask_facts(view: View, own: Contact | None, goal: Ambition | None, lead: Party | None) -> list[tuple[str, str]]:
    """Whom a parent can ask about an offer: its own contact or its lead's; else who runs it (when the data names a
    partner) and, said as such, the goal's or the agenda's contact: never another body's phone as if it were the offer's."""
    agenda = view.agenda
    contact, source = resolve_from(agenda, own, goal, lead)
    if source in ("eigen", "trekker"):
        return [("Vragen?", contact_html(agenda, contact))]
    facts: list[tuple[str, str]] = []
    partner = agenda.partner(lead.partner) if lead is not None and lead.partner else None
    if partner is not None:
        name = f'<a href="{esc(partner.url)}">{esc(partner.naam)}</a>' if partner.url else esc(partner.naam)
        facts.append(("Wie doet dit?", name))
    about = (f"het doel ‘{esc(goal.titel)}’" if source == "doel" and goal is not None else "de agenda")
    facts.append(("Vragen?", f"Hiervoor staat geen eigen contact in de agenda. Met vragen over {about} kunt u terecht bij "
                             f"{contact_html(agenda, contact)}."))
    return facts


# An action's status in a parent's words: is it there now? ('lopend' and the like are the partners' words.)
RUNNING_WORDS = {
    "lopend": "Ja, dit is er nu.",
    "gepland": "Nog niet: dit begint later (zie Wanneer).",
    "vertraagd": "Nog niet helemaal: het loopt later dan de bedoeling was.",
    "afgerond": "De partners zijn hiermee klaar.",
}


def running_words(state: ActionState) -> str:
    """Whether the offer is there now, from lea_site.verdicts' reading of its status; unknown when not reported or out of date."""
    if state.status is None or state.stale_since is not None:
        return "Dat weten we niet: de partners hebben er nog niets over gemeld." if state.status is None else (
            "Dat weten we niet zeker: de partners hebben er al een tijd niets over gemeld.")
    return RUNNING_WORDS.get(state.status, "")


def is_later(view: View, action: Action) -> bool:
    """Whether an offer is not there yet, as lea_site.verdicts reads its status: planned (and not out of date), or its
    school year has not begun. A page whose only offers are such says so, and never looks as if it offers them now."""
    state = action_state(action, view.as_of)
    return state.not_begun or (state.current and state.status == "gepland")


def _anchor(view: View, owner: AmbitionPlan | Ambition, action: Action) -> str:
    """The offer's anchor on its age page: unique per school year or goal."""
    where = owner.id if isinstance(owner, Ambition) else view.current or "looptijd"
    return f"aanbod-{where}-{action.id}"


def _locations_link(view: View, text: str) -> str:
    if LOCATIONS in pages_without_content(view.agenda):
        return ""
    return view.a(LOCATIONS, text)


# --- the home page ------------------------------------------------------------------------------


def parents_block(view: View) -> str:
    """The home page's way in for parents: the age groups as big buttons, and the page per place."""
    buttons = []
    for group, ages, label in age_groups(view.agenda):
        pairs = group_pairs(view, ages)
        if not pairs and not programmes_for(view.agenda, ages):
            continue  # a button to a page without work for this age would suggest the partners do nothing
        found = offers(pairs)
        count = sum(1 for _, a in found if not is_later(view, a))  # what its page lists under 'Wat kunt u doen of gebruiken?'
        coming = len(found) - count  # under 'Wat komt er nog?': not counted as there
        extra = (f'<span class="lea-agebutton__count">{count} {"ding" if count == 1 else "dingen"} voor u en uw kind</span>' if count
                 else f'<span class="lea-agebutton__count">nog niets; {coming} {"ding komt" if coming == 1 else "dingen komen"} eraan</span>'
                 if coming else "")
        buttons.append(
            f'<a class="lea-agebutton" href="{esc(view.link(age_page(group)))}">'
            f'<span class="lea-agebutton__age">{esc(ages_label(ages))}</span>'
            f'<span class="lea-agebutton__who">{esc(who_label(label))}</span>{extra}</a>')
    if not buttons:
        return ""
    place = _locations_link(view, "Wat gebeurt er in uw wijk of op de school van uw kind?")
    return ('<section class="lea-parents" aria-labelledby="voor-ouders">'
            '<h2 id="voor-ouders">Voor ouders: wat is er voor uw kind?</h2>'
            "<p>Kies de leeftijd van uw kind. U ziet wat er is, waar en wanneer, wat het kost en wie u iets kunt vragen.</p>"
            + ul(buttons, "lea-agebuttons")
            + (f'<p class="lea-parents__more">{place}</p>' if place else "")
            + "</section>")


# --- the page Voor ouders -----------------------------------------------------------------------


def parents_overview(view: View) -> str:
    """The page 'Voor ouders': per age group what a parent can do or use (or what the partners do), with a link to its page."""
    out = []
    for group, ages, label in age_groups(view.agenda):
        pairs = group_pairs(view, ages)
        found = offers(pairs)
        out.append(f"## {md_inline(ages_label(ages))}: {md_inline(who_label(label).lower())} {{#leeftijd-{group}}}\n")
        if found:
            for heading, chosen in (("Wat u en uw kind kunnen doen of gebruiken:", [pa for pa in found if not is_later(view, pa[1])]),
                                    ("Wat er nog komt (het is er nog niet):", [pa for pa in found if is_later(view, pa[1])])):
                items = [f'{view.a(age_page(group) + "#" + _anchor(view, p, a), offer_title(a))}: {prose(a.voor_ouders.wat)}'  # type: ignore[union-attr]
                         + (f' <span class="lea-muted">({prose(_place(view, a.locatie))})</span>' if a.locatie else "") for p, a in chosen]
                if items:
                    out.append(f"<p>{heading}</p>" + ul(items, "lea-offerlist") + "\n")
        elif pairs:
            out.append(_work_by_goal(view, pairs, more=False) + "\n")
        else:
            out.append(f'<p class="lea-muted">Er zijn {esc(view.this_year if view.current else "nu")} geen acties speciaal voor deze leeftijd.</p>\n')
        states = [(goal, state) for goal, state in _courses(view, ages)]
        if states:
            out.append("<p>Gaat het goed? " + "; ".join(
                f'{view.a(ambition_page(goal.id), goal.titel)}: <span class="lea-course-word">{esc(state)}</span>' for goal, state in states) + ".</p>\n")
        out.append(f'<p class="lea-parents__more">{view.a(age_page(group), "Alles voor " + ages_label(ages))}</p>\n')
    place = _locations_link(view, "in uw wijk of op de school van uw kind")
    if place:
        out.append(f"## In uw buurt\n\n<p>Kijk wat er gebeurt {place}.</p>\n")
    return "\n".join(out)


# --- the page per place -------------------------------------------------------------------------


PLACE_KINDS = (("gemeenten", "Gemeenten"), ("wijken", "Wijken en kernen"), ("scholen", "Scholen"), ("locaties", "Andere plekken"))


def _named_places(view: View) -> tuple[dict[str, tuple[str, str]], dict[str, list[Pair]], dict[str, list[Intervention]]]:
    """Every place the agenda names, by kind as the data gives it (a name written as a neighbourhood and as a school
    counts as the first of gemeente, wijk, school, locatie), with this year's work and the programmes there.
    Returns key -> (kind, name as first written), key -> work, key -> programmes; the key is the name casefolded."""
    named: dict[str, tuple[str, str]] = {}

    def add(location: Location | None) -> None:
        if location is None:
            return
        for kind, _ in PLACE_KINDS:
            for name in getattr(location, kind):
                key = name.casefold()
                if key not in named or [k for k, _ in PLACE_KINDS].index(kind) < [k for k, _ in PLACE_KINDS].index(named[key][0]):
                    named[key] = (kind, named[key][1] if key in named else name)

    work: dict[str, list[Pair]] = {}
    for owner, action in _current_actions(view):
        add(action.locatie)
        for key in dict.fromkeys(n.casefold() for n in (action.locatie.names() if action.locatie else [])):  # once per place
            work.setdefault(key, []).append((owner, action))
    programmes: dict[str, list[Intervention]] = {}
    for item in view.agenda.interventies:
        add(item.locatie)
        for key in dict.fromkeys(n.casefold() for n in (item.locatie.names() if item.locatie else [])):
            programmes.setdefault(key, []).append(item)
    for plan in view.agenda.year_plans_sorted():  # places of other school years: listed, with no work this year
        for _, action in plan.actions():
            add(action.locatie)
    for goal in view.agenda.ambities:
        for action in goal.activiteiten:
            add(action.locatie)
    for place in view.agenda.info.plaatsen:  # the agenda's own places ('in mijn wijk'), with or without work
        kind = "gemeenten" if (place.soort or "").casefold() == "gemeente" else "wijken"
        named.setdefault(place.naam.casefold(), (kind, place.naam))
    return named, work, programmes


def places_page(view: View) -> str:
    """Per kind of place (the whole municipality, municipalities, neighbourhoods, schools, other places), every place the
    agenda names: what parents can use there (linked to its card on the age page), the programmes held there, and how
    many other actions the partners do there, per goal. A place without work this year is listed as such: the page
    claims to list the places, so none may vanish. No working titles or status words."""
    agenda = view.agenda
    named, work, programmes = _named_places(view)
    everywhere = [(o, a) for o, a in _current_actions(view) if a.locatie is not None and a.locatie.hele_gemeente]
    everywhere_programmes = [i for i in agenda.interventies if i.locatie is not None and i.locatie.hele_gemeente]
    when = f"in {view.this_year}" if view.current else "in de looptijd van de agenda"
    naming = agenda.intervention_naming()
    if not (named or everywhere or everywhere_programmes):
        return f'<p class="lea-muted">De agenda noemt geen wijken, scholen of andere plekken {esc(when)}.</p>'
    kinds = [label.lower() for kind, label in PLACE_KINDS if any(k == kind for k, _ in named.values())]
    out = [f"<p>Hier staan alle {esc(fmt.and_list(kinds) if kinds else 'plekken')} die de agenda noemt, met wat er "
           f"{esc(when)} gebeurt. Een plek waar {esc(when)} niets gebeurt, staat er ook: met 'nog geen activiteiten'.</p>\n"]
    if everywhere or everywhere_programmes:
        anchor = "hele-regio" if view.region else "hele-gemeente"
        out.append(f"## {md_inline(fmt.capital(view.whole_area_named))} {{#{anchor}}}\n")
        out.append(_place_body(view, everywhere, everywhere_programmes, when, naming.meervoud))
    for kind, label in PLACE_KINDS:
        keys = sorted((k for k, (kd, _) in named.items() if kd == kind), key=lambda k: named[k][1].lower())
        if not keys:
            continue
        out.append(f"## {md_inline(label)}\n")
        for key in keys:
            name = named[key][1]
            out.append(f"### {md_inline(name)}\n")
            own = next((p for p in agenda.info.plaatsen if p.naam.casefold() == key), None)
            if own is not None:
                out.append(f"<p>{view.a(place_page(own.id), 'Alles over ' + own.naam)}</p>\n")
            out.append(_place_body(view, work.get(key, []), programmes.get(key, []), when, naming.meervoud))
    return "\n".join(out)


def _place_body(view: View, pairs: list[Pair], programmes: list[Intervention], when: str, programme_words: str) -> str:
    """What happens at one place: the offers for parents, the programmes, then the count of other actions."""
    out = []
    found = offers(pairs)
    if found:
        out.append("<p>Wat u en uw kind hier kunnen doen of gebruiken:</p>" + ul(
            view.a(_offer_target(view, p, a), offer_title(a)) + f": {prose(a.voor_ouders.wat)}"  # type: ignore[union-attr]
            + (' <span class="lea-muted">(begint later)</span>' if is_later(view, a) else "") for p, a in found))
    if programmes:
        out.append(f"<p>{esc(fmt.capital(programme_words))} hier:</p>" + ul(view.a(intervention_anchor(i.id), i.titel) for i in programmes))
    shown = {id(a) for _, a in found}
    rest = [(p, a) for p, a in pairs if id(a) not in shown]
    if rest:
        out.append(_work_by_goal(view, rest, more=bool(found), here=True))
    if not out:
        out.append(f'<p class="lea-muted">Nog geen activiteiten {esc(when)}.</p>')
    return "\n".join(out) + "\n"


def _offer_target(view: View, owner: AmbitionPlan | Ambition, action: Action) -> str:
    """The offer's card on the page of the first age group it is for."""
    ages = _action_ages(view, owner, action)
    group = next((g for g, group_ages, _ in age_groups(view.agenda) if _in_group(ages, group_ages)), None)
    return age_page(group) + "#" + _anchor(view, owner, action) if group else LOCATIONS


# --- the page per age group ---------------------------------------------------------------------


def _offer(view: View, words: Explainer, owner: AmbitionPlan | Ambition, action: Action, group: AgeRange | None = None) -> str:
    """One thing to do or use: a heading (in the table of contents and the search), what it is, the practical facts
    (for whom, where, when, cost, whether it is there now, whom to call or ask) and how to sign up."""
    offer = action.voor_ouders
    assert offer is not None
    goal = _goal(view, owner)
    ages = _action_ages(view, owner, action)
    anchor = _anchor(view, owner, action)
    facts: list[tuple[str, str]] = []
    who = offer.voor_wie or (f"{fmt.for_ages(ages).removeprefix('voor ')} {ages_label(ages)}" if ages else None)
    if (offer.voor_wie and ages and group is not None and not (group.low <= ages.low and ages.high <= group.high)
            and not re.search(rf"\b{ages.low}\b.*\b{ages.high}\b", offer.voor_wie)):
        who += f" ({ages_label(ages)})"  # on the page of an age it only partly serves: which ages (unless its words say)
    if who:
        facts.append(("Voor wie", words.text(who)))
    if offer.plaatsen:
        facts.append(("Waar", places_html(words, offer)))
    elif action.locatie is not None:
        facts.append(("Waar", words.text(_place(view, action.locatie))))
    if offer.wanneer:
        facts.append(("Wanneer", words.text(offer.wanneer)))
    elif action.planning is not None:
        whole = action.planning.first is None and view.current and not isinstance(owner, Ambition)
        facts.append(("Wanneer", words.text(f"het hele schooljaar {view.current}" if whole else fmt.planning(action.planning))))
    if offer.kosten:
        facts.append(("Kosten", words.text(cost_text(offer.kosten))))
    if (now := running_words(action_state(action, view.as_of))):
        facts.append(("Is het er nu?", esc(now)))
    if offer.telefoon:
        facts.append(("Bellen", phone_link(offer.telefoon)))
    facts.extend(ask_facts(view, action.contact, goal, action.trekker))
    if offer.url:
        facts.append(("Meer informatie", web_link(view.agenda, offer.url, "Lees meer")))
    belongs = ""
    if goal is not None:  # the policy words last: which goal this serves (never the action's own working title)
        belongs = dl([("Hoort bij", f'<a href="{esc(view.link(ambition_page(goal.id)))}">{esc(goal.titel)}</a>')], "lea-dl lea-offer__facts")
    body = (f'<div class="lea-offer"><p class="lea-offer__what">{words.text(offer.wat)}</p>{dl(facts, "lea-dl lea-offer__facts")}'
            f"{signup_html(words, offer, anchor, view.agenda)}{belongs}</div>")
    return f"### {md_inline(offer_title(action))} {{#{anchor}}}\n\n{body}\n"


def _programme(view: View, words: Explainer, item: Intervention) -> str:
    """An intervention (GKA) for this age, with its practical facts: for whom, where, when, more information, whom to ask."""
    agenda = view.agenda
    facts: list[tuple[str, str]] = []
    if item.doelgroep:
        facts.append(("Voor wie", words.text(item.doelgroep.omschrijving)))
    if item.locatie:
        facts.append(("Waar", words.text(_place(view, item.locatie))))
    if item.planning:
        facts.append(("Wanneer", words.text(item.planning)))
    goal = agenda.ambition(item.ambitie) if item.ambitie else None
    facts.extend(ask_facts(view, item.contact, goal, None))
    if item.informatie:
        facts.append(("Meer informatie", web_link(agenda, item.informatie, "Lees meer")))
    facts.append((f"Alles over deze {agenda.intervention_naming().enkelvoud}" if agenda.intervention_naming().enkelvoud != "programma"
                  else "Alles over dit programma", view.a(intervention_anchor(item.id), item.titel)))
    body = f'<div class="lea-offer lea-offer--programma">{md(item.doel)}{dl(facts, "lea-dl lea-offer__facts")}</div>'
    return f"### {md_inline(item.titel)} {{#programma-{item.id}}}\n\n{body}\n"


def _courses(view: View, ages: AgeRange) -> list[tuple[Ambition, str]]:
    """The goals for this age with their course in words ('op koers', 'let op', 'achter', 'stand onbekend')."""
    goals = [a for a in view.agenda.ambities if _in_group(a.leeftijden or view.agenda.info.leeftijden, ages)]
    return [(goal, view.course(goal).label.lower()) for goal in goals]


def _going(view: View, words: Explainer, ages: AgeRange) -> str:
    """Whether it is going well: the goals for this age with their course (lea_site.verdicts) and its first reason."""
    goals = [a for a in view.agenda.ambities if _in_group(a.leeftijden or view.agenda.info.leeftijden, ages)]
    items = []
    for goal in goals:
        state = view.course(goal)
        link = f'<a href="{esc(view.link(ambition_page(goal.id)))}">{esc(goal.titel)}</a>'
        css = state.state.replace(" ", "-")  # the reasons count actions by status: the goal's page gives them
        items.append(f'{link}: <span class="lea-course-word lea-course-word--{css}">{esc(state.label)}</span>')
    if not items:
        return ""
    return ("## Gaat het goed?\n\n<p>Zo staan de doelen voor deze leeftijd ervoor. Waarom, leest u op de pagina van elk doel.</p>"
            + ul(items, "lea-going") + "\n")


def _work_by_goal(view: View, pairs: list[Pair], more: bool, here: bool = False) -> str:
    """How much other work there is for this age, per goal, with a link to the goal's page: a parent's page
    names no working titles or status words (those are the partners' own; the goal pages show them)."""
    counts: dict[str, int] = {}
    goals: dict[str, Ambition] = {}
    for owner, _ in pairs:
        goal = _goal(view, owner)
        if goal is not None:
            counts[goal.id] = counts.get(goal.id, 0) + 1
            goals[goal.id] = goal
    when = f"in schooljaar {view.current}" if view.current else "in deze agenda"
    total = len(pairs)
    items = [f'{view.a(ambition_page(gid), goals[gid].titel)}: {_count(n, more)}' for gid, n in counts.items()]
    work = f"hier aan {_count(total, more)}" if here else f"aan {_count(total, more)} voor deze leeftijd"  # a place is no age
    return (f"<p>De partners werken {esc(when)} {work}. Wat ze precies doen, "
            "en hoe het ervoor staat, leest u op de pagina van elk doel:</p>" + ul(items, "lea-workbygoal"))


def _count(n: int, more: bool) -> str:
    """'1 actie', '3 andere acties'."""
    return f"{n} {'andere ' if more else ''}{'actie' if n == 1 else 'acties'}"


def _other_work(view: View, pairs: list[Pair], heading: str, more: bool) -> str:
    """The rest of this year's work for the age group, counted per goal (see :func:`_work_by_goal`)."""
    if not pairs:
        return ""
    return f"## {md_inline(heading)}\n\n" + _work_by_goal(view, pairs, more) + "\n"


def age_page_md(view: View, group: str) -> str:
    """The page for one age group: what you can do or use, whether it goes well, the other work, the goals, whom to ask."""
    entry = next((e for e in AGE_GROUPS if e[0] == group), None)
    if entry is None:
        raise KeyError(f"onbekende leeftijdsgroep '{group}'")
    _, ages, label = entry
    agenda = view.agenda
    words = Explainer(agenda_glossary(agenda), agenda_names(agenda))  # each abbreviation explained at its first use on this page
    area = _area(view)
    pairs = group_pairs(view, ages)
    found = offers(pairs)
    out = [f"# {md_inline(label)}\n"]
    programmes = programmes_for(agenda, ages)
    now = [(p, a) for p, a in found if not is_later(view, a)]
    later = [(p, a) for p, a in found if is_later(view, a)]
    lead = f"Wat is er in {area} {fmt.for_ages(ages)} {ages_label(ages)}? "
    if now:
        lead += "Eerst ziet u wat u en uw kind zelf kunnen doen of gebruiken, daarna of het goed gaat."
    elif later:  # said plainly: a page whose offers all begin later must not look as if it offers them now
        lead += ("Op dit moment is er nog niets dat u en uw kind zelf kunnen doen of gebruiken. "
                 "Hieronder staat wat eraan komt, en wat de partners doen.")
    elif pairs or programmes:
        lead += "Hier staat wat de partners doen voor deze leeftijd: waar en wanneer, en of het goed gaat."
    else:
        lead += (f"Er zijn {view.this_year if view.current else 'nu'} geen acties speciaal voor deze leeftijd. "
                 "Hieronder staat waar de partners aan werken, en wie u iets kunt vragen.")
    out.append(f'<p class="lea-lead">{words.text(lead)}</p>\n')
    if now:
        out.append("## Wat kunt u doen of gebruiken?\n")
        out.extend(_offer(view, words, p, a, ages) for p, a in now)
    if later:
        out.append("## Wat komt er nog?\n\n<p>Dit is er nog niet. Bij elk staat wanneer het begint.</p>\n")
        out.extend(_offer(view, words, p, a, ages) for p, a in later)
    shown = {id(a) for _, a in found}
    rest = [(p, a) for p, a in pairs if id(a) not in shown]
    when = f"schooljaar {view.current}" if view.current else "deze agenda"
    if not found:  # without offers the work itself leads: where and when, before any goal
        out.append(_other_work(view, rest, f"Wat gebeurt er in {when}?", more=False))
    if programmes:
        out.append(f"## {md_inline(fmt.capital(agenda.intervention_naming().meervoud))} voor deze leeftijd\n")
        out.extend(_programme(view, words, item) for item in programmes)
    goals = [a for a in agenda.ambities if _in_group(a.leeftijden or agenda.info.leeftijden, ages)]
    aims = ("## Waar werken de partners aan?\n\n" + ul(
        f'<strong><a href="{esc(view.link(ambition_page(a.id)))}">{esc(a.titel)}</a></strong>: {words.text(a.samenvatting)}'
        for a in goals) + "\n") if goals else ""
    if not pairs and not programmes:  # no work for this age: what the partners aim at comes before how it goes
        out.extend([aims, _going(view, words, ages)])
    else:
        out.append(_going(view, words, ages))
        if found:
            out.append(_other_work(view, rest, "Wat doen de partners nog meer?", more=True))
        out.append(aims)
    place = _locations_link(view, "Kijk wat er in uw wijk of op de school van uw kind gebeurt")
    ask = f"<p>Vragen over deze agenda? Neem contact op met {contact_html(agenda, agenda.info.contact)}.</p>"
    out.append("## Vragen?\n\n" + ask + (f"<p>{place}.</p>" if place else "") + "\n")
    return "\n".join(o for o in out if o)
