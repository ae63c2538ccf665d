"""Safe building blocks: escaping, Markdown without raw HTML, tables, badges, links.

Every string that comes from the data passes through :func:`esc` or :func:`md`
before it reaches a page, so ``<script>`` or ``{{ config }}`` in a description is
shown as text. Renderers return HTML without blank lines, so that Python-Markdown
keeps each block as one raw HTML block.
"""

from __future__ import annotations

import html
import re
from typing import Callable, Iterable, Sequence

import markdown as _markdown

from ..model import Agenda, Party

Link = Callable[[str], str]  # docs-relative .md path (+ optional #anchor) -> URL relative to the current page
Edit = Callable[[object, str], str]  # (model item, its name) -> an edit link, or "" without a repository


def no_edit(item: object, label: str) -> str:
    return ""


def edit_link(url: str | None, label: str) -> str:
    """'Wijziging voorstellen': opens the forge's web editor at the item's YAML."""
    if not url:
        return ""
    return (f'<a class="lea-edit" href="{esc(url)}" rel="nofollow">Wijziging voorstellen'
            f'<span class="lea-sr"> voor {esc(label)}</span></a>')


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|])")


def md_inline(text: object) -> str:
    """Data text safe inside a Markdown heading or paragraph: HTML and Markdown escaped."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


def _safe_markdown() -> _markdown.Markdown:
    engine = _markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    # Raw HTML in data is shown as text, never passed through.
    engine.preprocessors.deregister("html_block")
    engine.inlinePatterns.deregister("html")
    return engine


_ENGINE = _safe_markdown()
_PLAIN = re.compile(r"[^*_`\[\]<>\\&!\n{}|~=^]*")  # no character that Markdown would treat specially
_BLOCK_START = re.compile(r"\s*([#>+*-]|\d+[.)])(\s|$)")


def md(text: str | None, *, demote: int = 2) -> str:
    """Render a Markdown field of the data to HTML, with raw HTML escaped.

    Headings inside data are demoted by ``demote`` levels so they never compete
    with the page's own headings.
    """
    if not text:
        return ""
    if _PLAIN.fullmatch(text) and not _BLOCK_START.match(text):
        return f"<p>{esc(text)}</p>"  # plain sentences need no Markdown pass (a third of a large build)
    _ENGINE.reset()
    out = _ENGINE.convert(text)
    if demote:
        out = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(6, int(m[2]) + demote)}>", out)
    return out.replace("\n\n", "\n")


def attrs(**values: object) -> str:
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f' {name}' if value is True else f' {name}="{esc(value)}"')
    return "".join(parts)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str,
    numeric: Sequence[int] = (),
    footer: Sequence[Sequence[str]] = (),
    cls: str = "lea-table",
    row_header: bool = True,
    stack: bool = False,
) -> str:
    """A table with caption and header cells, in a focusable scroll region for phones.

    The table itself has no class, so Material's table style applies; ``cls`` goes
    on the wrapper.

    Cells are already-escaped HTML. ``numeric`` columns are right-aligned;
    with ``row_header`` the first cell of each row is a ``<th scope="row">``.

    With ``stack``, a phone shows each row as a card instead of scrolling
    sideways: every data cell carries its column name (shown only then, hidden
    from screen readers, which announce the real header), and explicit ARIA
    roles keep the table a table when CSS changes its display.
    """
    names = {"table": "table", "group": "rowgroup", "row": "row", "col": "columnheader", "rowheader": "rowheader", "cell": "cell"}
    roles = {k: f' role="{v}"' if stack else "" for k, v in names.items()}

    def cell(i: int, value: str, tag: str = "td") -> str:
        klass = ' class="lea-num"' if i in numeric else ""
        if tag == "th":
            return f'<th{klass} scope="row"{roles["rowheader"]}>{value}</th>'
        if stack and value and i < len(headers):
            value = f'<span class="lea-cell-label" aria-hidden="true">{headers[i]}</span><div class="lea-cell-value">{value}</div>'
        return f'<td{klass}{roles["cell"]}>{value}</td>'

    def row(cells: str) -> str:
        return f'<tr{roles["row"]}>{cells}</tr>'

    num = ' class="lea-num"'
    head = "".join(f'<th scope="col"{num if i in numeric else ""}{roles["col"]}>{h}</th>' for i, h in enumerate(headers))
    body = "".join(row("".join(cell(i, v, "th" if row_header and i == 0 else "td") for i, v in enumerate(r))) for r in rows)
    foot = "".join(row("".join(cell(i, v, "th" if i == 0 else "td") for i, v in enumerate(r))) for r in footer)
    wrapper = f"lea-scroll {cls}" + (" lea-stack" if stack else "")
    return (
        f'<div class="{wrapper}" role="region" tabindex="0" aria-label="{esc(caption)}">'
        f'<table{roles["table"]}><caption>{esc(caption)}</caption>'
        f'<thead{roles["group"]}>{row(head)}</thead><tbody{roles["group"]}>{body}</tbody>'
        + (f'<tfoot{roles["group"]}>{foot}</tfoot>' if foot else "")
        + "</table></div>"
    )


STATUS_ICONS = {"gepland": "○", "lopend": "◐", "vertraagd": "◆", "afgerond": "●", "gestopt": "✕"}


def status_badge(status: str) -> str:
    """Status as a word with a shape; colour only adds to it."""
    return (
        f'<span class="lea-status lea-status--{esc(status)}">'
        f'<span class="lea-status__icon" aria-hidden="true">{STATUS_ICONS.get(status, "")}</span> {esc(status)}</span>'
    )


def party(agenda: Agenda, p: Party, link: Link | None = None) -> str:
    """A party as text: the partner's (linked) name, a role, or 'role (partner)'."""
    name = ""
    if p.partner:
        partner = agenda.partner(p.partner)
        label = partner.afkorting or partner.naam if partner else p.partner
        title = partner.naam if partner else p.partner
        if link and partner:
            name = f'<a href="{esc(link("partners.md#" + partner.id))}" title="{esc(title)}">{esc(label)}</a>'
        else:
            name = esc(label)
    if p.rol and name:
        return f"{esc(p.rol)} ({name})"
    return esc(p.rol) if p.rol else name


def parties(agenda: Agenda, items: Iterable[Party | None], link: Link | None = None) -> str:
    return ", ".join(party(agenda, p, link) for p in items if p is not None)


def ul(items: Iterable[str], cls: str | None = None) -> str:
    lis = "".join(f"<li>{i}</li>" for i in items)
    return f"<ul{attrs(class_=cls)}>{lis}</ul>" if lis else ""


def note(text: str, kind: str = "note", title: str = "Let op") -> str:
    """A Material admonition, as HTML."""
    return f'<div class="admonition {kind}"><p class="admonition-title">{esc(title)}</p><p>{text}</p></div>'
