"""Indicators and key figures as a reader meets them: what is counted, the values in words,
a chart on a time axis, and a table with every value.

Used for the indicators of a goal (on its page) and for the agenda's key figures
(kerncijfers: figures of the whole agenda, not of one goal), which have a section of
their own on the progress page and a short list on the home page that links there.
"""

from __future__ import annotations

from ..model import Agenda, Indicator
from .charts import comparison_text, indicator_chart, indicator_summary, indicator_table, value_text, with_unit
from ..verdicts import target_sentence
from .html import Edit, Link, dl, esc, prose, md_inline, no_edit, ul

KEY_FIGURES_PAGE = "voortgang.md"


def indicator_anchor(ind: Indicator) -> str:
    return f"indicator-{ind.id}"


NO_PERIOD = "periode niet vermeld"  # what the data does not say is said as such, never left out


def _period(m) -> str:
    return f" ({m.periode if m.periode is not None else NO_PERIOD})"


def indicator_facts(ind: Indicator) -> list[tuple[str, str]]:
    """The facts of an indicator in words, as (label, escaped HTML)."""
    facts: list[tuple[str, str]] = []
    if ind.definitie:
        facts.append(("Wat wordt geteld", prose(ind.definitie)))
    if ind.huidige_situatie:
        facts.append(("Huidige situatie", prose(ind.huidige_situatie)))
    if ind.nulmeting:
        kind = {"schatting": ", schatting", "prognose": ", prognose"}.get(ind.nulmeting.soort, "")
        facts.append(("Nulmeting", prose(f"{value_text(ind, ind.nulmeting)}{_period(ind.nulmeting)}{kind}")))
    latest = ind.latest()
    if latest and latest is not ind.nulmeting:
        facts.append(("Laatste meting", prose(f"{value_text(ind, latest)}{_period(latest)}")))
    estimates = [m for m in [*ind.series(), *ind.undated()] if m.soort == "schatting" and m is not ind.nulmeting]
    if estimates:
        facts.append(("Schatting", ul(esc(value_text(ind, m) + _period(m)) for m in estimates)))
    forecasts = [m for m in [*ind.series(), *ind.undated()] if m.soort == "prognose" and m is not ind.nulmeting]
    if forecasts:
        facts.append(("Prognose (verwachting)", ul(esc(value_text(ind, m) + _period(m)) for m in forecasts)))
    undated = [m for m in ind.undated() if m.soort == "gemeten" and m is not ind.nulmeting]
    if undated and latest is None:
        facts.append(("Gemeten", ul(esc(value_text(ind, m) + _period(m)) for m in undated)))
    if ind.vergelijking:
        facts.append(("Ter vergelijking", ul(esc(comparison_text(ind, c)) for c in ind.vergelijking)))
    goal = target_sentence(ind, with_unit)
    if goal:
        facts.append(("Doel", prose(goal)))
    if ind.beter:
        facts.append(("Richting", esc(f"hoe {ind.beter}, hoe beter")))
    if ind.bron:
        facts.append(("Bron", prose(ind.bron)))
    return facts


def indicator_block(ind: Indicator, edit: Edit = no_edit, level: int = 3) -> str:
    """Heading, facts, chart (with its summary as caption) and table of one indicator, as Markdown with HTML blocks."""
    parts = [f"{'#' * level} {md_inline(ind.titel)} {{#{indicator_anchor(ind)}}}\n"]
    parts.append(dl(indicator_facts(ind)) + edit(ind, ind.titel) + "\n")
    chart = indicator_chart(ind)
    if chart:
        parts.append(f'<figure class="lea-figure">{chart}<figcaption>{esc(indicator_summary(ind))}</figcaption></figure>\n')
    if ind.series() or ind.undated() or ind.vergelijking:
        parts.append(indicator_table(ind) + "\n")
    return "\n".join(parts)


def key_figures(agenda: Agenda, edit: Edit = no_edit, kop: str | None = "Kerncijfers") -> str:
    """The agenda's key figures, each with facts, chart and table; nothing when it has none."""
    if not agenda.info.kerncijfers:
        return ""
    level = 3 if kop else 2
    parts = [f"## {md_inline(kop)}\n"] if kop else []
    parts.append("<p>Cijfers over de hele agenda. Ze laten zien hoe de situatie is, en hoe die verandert.</p>\n")
    parts += [indicator_block(ind, edit, level) for ind in agenda.info.kerncijfers]
    return "\n".join(parts)


def key_figures_summary(agenda: Agenda, link: Link, kop: str | None = "Kerncijfers") -> str:
    """A short list of the key figures (latest value in words) linking to their section; nothing without them.
    The period comes first ('in 2023: ...', 'periode niet vermeld: ...'): a figure from years ago shown today, or
    one without a period, must not read as the present state."""
    if not agenda.info.kerncijfers:
        return ""
    items = []
    for ind in agenda.info.kerncijfers:
        latest = ind.latest() or next(iter([*reversed(ind.series()), *ind.undated()]), None)
        value = ""
        if latest is not None:
            kind = {"schatting": ", schatting", "prognose": ", prognose"}.get(latest.soort, "")
            when = f"in {latest.periode}" if latest.periode is not None else NO_PERIOD
            value = f", {when}: {value_text(ind, latest)}{kind}"
        href = link(f"{KEY_FIGURES_PAGE}#{indicator_anchor(ind)}")
        items.append(f'<a href="{esc(href)}">{esc(ind.titel)}</a>{prose(value)}')
    out = ul(items, "lea-keyfigures")
    return f"## {md_inline(kop)}\n\n{out}" if kop else out
