"""Safe building blocks: escaping, Markdown without raw HTML, tables, badges, links.

This is the one place where text from the data becomes markup. Every string that
comes from the data passes through :func:`esc` (plain text, and attribute values),
:func:`prose` (plain text shown as running text, whose glossary terms the page explains),
:func:`md_inline` (plain text inside a Markdown heading) or :func:`md` (a Markdown field)
before it reaches a page; labels and headers passed to :func:`table` and :func:`dl` are
plain text and escaped there.

Renderers return Markdown headings between blocks of finished HTML, which the
macro shell keeps out of the page's Markdown pass (:mod:`macros.blocks`) by the
blank lines between them. So escaped text never holds a line break: a blank line
in a progress note would otherwise end the finished block, and the rest of the
note would be read as Markdown (with ``attr_list``: ``{: onfocus=...}``).
"""

from __future__ import annotations

import html
import re
from typing import Callable, Iterable, Sequence
from xml.etree.ElementTree import Element

import markdown as _markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .. import richtext as _richtext
from .. import terms as _terms
from ..model import Agenda, Party
from ..verdicts import NOT_BEGUN, NOT_REPORTED, ActionState
from .format import day as fmt_day
from .paths import body_anchor, partner_anchor

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


# Line breaks as character references: the same text to a browser, but no line (let
# alone a blank line) for Markdown to see. Python-Markdown also reads \r as a break.
_BREAKS = str.maketrans({"\n": "&#10;", "\r": "&#13;"})


# A euro sign stays with its amount: a line (on a phone, in a table cell, on paper) never ends in "€".
_AMOUNT = re.compile(r"€ (?=-?\d)")


def esc(text: object) -> str:
    """Plain text as HTML text or attribute value: markup escaped, on one line, "€ 5.000" unbroken."""
    return _bind_amounts(html.escape(str(text), quote=True).translate(_BREAKS))


def _bind_amounts(text: str) -> str:
    return _AMOUNT.sub("€\u00a0", text) if "€" in text else text


# The interface's own abbreviations, explained where they stand (abbr with its meaning; screen readers and a
# hover or long press give it). Only for the site's own words: text from the data is never matched here.
ABBREVIATIONS = {"t/m": "tot en met", "t.l.v.": "ten laste van"}


def abbr(word: str) -> str:
    """``<abbr title="tot en met">t/m</abbr>``: one of :data:`ABBREVIATIONS` with its meaning."""
    return f'<abbr title="{esc(ABBREVIATIONS[word])}">{esc(word)}</abbr>'


def planning_html(text: str) -> str:
    """A planning as :func:`lea_site.render.format.planning` writes it, escaped, its 't/m' explained."""
    return esc(text).replace(" t/m ", f" {abbr('t/m')} ")


def prose(text: object) -> str:
    """Plain text shown as running text (between tags, never in an attribute): :func:`esc`, and, while
    a page is rendered, each glossary term marked so that the page explains it at its first use
    (``VVE (voor- en vroegschoolse educatie)``; :mod:`lea_site.terms`)."""
    return _terms.mark(esc(text))


# The characters Python-Markdown lets a backslash escape (| with the tables extension).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+\-.!|])")
_WHITESPACE = re.compile(r"\s+")


def md_inline(text: object) -> str:
    """Data text safe inside a Markdown heading or paragraph: one line, HTML and Markdown escaped.

    HTML is escaped without quotes (``&#x27;`` would carry a # for the Markdown escape to break).
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(_WHITESPACE.sub(" ", str(text)).strip(), quote=False))


def page_inline(text: object) -> str:
    """Data text written into a page's Markdown source, which mkdocs-macros renders as a Jinja template
    first: :func:`md_inline`, and every brace as a character reference, so no ``{{``, ``{%`` or ``{#``
    from the data can reach Jinja."""
    out = md_inline(text).replace("\\{", "&#123;").replace("\\}", "&#125;")
    return out.replace("{", "&#123;").replace("}", "&#125;")


class BindAmounts(Treeprocessor):
    """'€ 5.000' with a no-break space in Markdown text, as :func:`esc` writes it: a line never ends in a
    bare euro sign. Only element text changes (never an attribute, never code), before serializing."""

    def run(self, root: Element) -> None:
        for node in root.iter():
            code = isinstance(node.tag, str) and node.tag.lower() in ("code", "pre")
            if not code and node.text and not isinstance(node.text, AtomicString):
                node.text = _bind_amounts(node.text)
            if node.tail and not isinstance(node.tail, AtomicString):
                node.tail = _bind_amounts(node.tail)


def _safe_markdown(pictures: bool = False) -> tuple[_markdown.Markdown, _richtext.Features]:
    """Markdown for data fields: paragraphs, emphasis, lists, links, tables, code, footnotes and attributed
    quotations (:mod:`lea_site.richtext`); with ``pictures`` (a chapter's text) figures from the data folder."""
    engine = _markdown.Markdown(extensions=["sane_lists", "tables"], extension_configs={"tables": {"use_align_attribute": True}},
                                output_format="html")
    # Raw HTML in data is shown as text, never passed through.
    engine.preprocessors.deregister("html_block")
    engine.inlinePatterns.deregister("html")
    if not pictures:
        # No images outside a chapter: a picture from another site would tell that site who reads the page.
        engine.inlinePatterns.deregister("image_link")
        engine.inlinePatterns.deregister("image_reference")
        engine.inlinePatterns.deregister("short_image_ref")
    features = _richtext.add_features(engine)
    # Glossary terms in the text (not in code, links or headings) marked for the page to explain.
    engine.treeprocessors.register(_terms.MarkTerms(engine), "lea_mark_terms", 4)
    engine.treeprocessors.register(BindAmounts(engine), "lea_bind_amounts", 3)
    return engine, features


_ENGINE, _FEATURES = _safe_markdown()
_PICTURE_ENGINE, _PICTURE_FEATURES = _safe_markdown(pictures=True)
def is_plain(text: str) -> bool:
    """One line with no character Markdown treats specially: its Markdown is the text itself, as one paragraph."""
    return bool(_PLAIN.fullmatch(text)) and not _BLOCK_START.match(text)


_PLAIN = re.compile(r"[^*_`\[\]<>\\&!\n\r{}|~=^:]*")  # no character that Markdown would treat specially
_BLOCK_START = re.compile(r"\s*([#>+*-]|\d+[.)])(\s|$)")

# What data Markdown may become, after Python-Markdown: checked by a well-kept sanitizer
# (ammonia, through nh3), so that no feature of Markdown we overlooked can carry script.
_TAGS = {"p", "br", "strong", "em", "b", "i", "code", "pre", "ul", "ol", "li", "a", "blockquote", "hr",
         "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
         "sup", "div", "figure", "figcaption", "img"}  # footnotes, quotations and figures (lea_site.richtext)
_ATTRIBUTES = {"a": {"href", "title", "class"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}, "sup": {"id"}, "li": {"id"},
               "div": {"class"}, "figure": {"class"}, "img": {"src", "alt"}}
_SCHEMES = {"http", "https", "mailto"}  # relative links stay allowed
# The only classes and ids data Markdown may carry: those lea_site.richtext gives its footnotes and figures.
_CLASSES = {"footnote", "footnote-ref", "footnote-backref", "lea-quote", "lea-picture"}
_NOTE_ID = re.compile(r"(fn|fnref)-[0-9a-f]{6}-[a-z0-9-]{0,40}")


def _no_hidden_recipients(element: str, attribute: str, value: str) -> str | None:
    """``mailto:a@b.nl?bcc=c@d.nl`` would send a copy to someone the reader cannot see; a class or id is
    only one that lea_site.richtext gives, and a picture only one of the site's own files."""
    if element == "a" and attribute == "href" and value.lower().startswith("mailto:"):
        return value.split("?", 1)[0]
    if attribute == "class":
        return value if value in _CLASSES else None
    if attribute == "id":
        return value if _NOTE_ID.fullmatch(value) else None
    if element == "img" and attribute == "src" and (":" in value or value.startswith("/")):
        return None
    return value


def sanitize(fragment: str) -> str:
    """HTML from data Markdown, reduced to the allowlist of tags, attributes and URL schemes."""
    return nh3.clean(fragment, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                     attribute_filter=_no_hidden_recipients, link_rel="noopener noreferrer nofollow", strip_comments=True)


def md(text: str | None, *, demote: int = 2, link: Link | None = None) -> str:
    """Render a Markdown field of the data to safe HTML on one line.

    Headings inside data start at level ``1 + demote`` (h3 by default), whatever level the text
    wrote its first one at: they never compete with the page's own headings, and a '###' in the
    data is not pushed down to a tiny h5. With ``link`` (a chapter's text) its pictures from the
    data folder are figures (:mod:`lea_site.richtext`); without, a picture stays its words.
    """
    if not text:
        return ""
    if is_plain(text):
        return f"<p>{prose(text)}</p>"  # plain sentences need no Markdown pass (a third of a large build)
    engine, features = (_PICTURE_ENGINE, _PICTURE_FEATURES) if link is not None else (_ENGINE, _FEATURES)
    features.resolve = (lambda path: link(_richtext.FILES + path)) if link is not None else None
    _richtext.set_prefix(features, text)
    engine.reset()
    out = engine.convert(text)
    levels = [int(n) for n in re.findall(r"<h([1-6])>", out)]
    if levels and demote:
        shift = 1 + demote - min(levels)  # the text's highest heading becomes h(1 + demote)
        out = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{max(1, min(6, int(m[2]) + shift))}>", out)
    return sanitize(out).translate(_BREAKS)


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
    footer: Sequence[Sequence[str | None]] = (),
    cls: str = "lea-table",
    row_header: bool = True,
    stack: bool = False,
) -> str:
    """A table with caption and header cells, in a focusable scroll region for phones.

    The table itself has no class, so Material's table style applies; ``cls`` goes
    on the wrapper.

    Headers and caption are plain text; cells are already-escaped HTML. ``numeric`` columns are right-aligned;
    with ``row_header`` the first cell of each row is a ``<th scope="row">``.

    With ``stack``, a phone shows each row as a card instead of scrolling
    sideways: every data cell carries its column name (shown only then, hidden
    from screen readers, which announce the real header), and explicit ARIA
    roles keep the table a table when CSS changes its display.
    """
    headers = [esc(h) for h in headers]
    names = {"table": "table", "group": "rowgroup", "row": "row", "col": "columnheader", "rowheader": "rowheader", "cell": "cell"}
    roles = {k: f' role="{v}"' if stack else "" for k, v in names.items()}

    def cell(i: int, value: str, tag: str = "td", span: int = 1) -> str:
        klass = ' class="lea-num"' if i in numeric else ""
        klass += f' colspan="{span}"' if span > 1 else ""
        if tag == "th":
            return f'<th{klass} scope="row"{roles["rowheader"]}>{value}</th>'
        if stack and value and i < len(headers):
            value = f'<span class="lea-cell-label" aria-hidden="true">{headers[i]}</span><div class="lea-cell-value">{value}</div>'
        return f'<td{klass}{roles["cell"]}>{value}</td>'

    def row(cells: str) -> str:
        return f'<tr{roles["row"]}>{cells}</tr>'

    num = ' class="lea-num"'
    # Cells and rows are joined with a space: the search index of both engines reads the page's text
    # nodes, and without one 'Periode' and 'Waarde' of two cells become one word (no effect on layout).
    head = " ".join(f'<th scope="col"{num if i in numeric else ""}{roles["col"]}>{h}</th>' for i, h in enumerate(headers))
    body = " ".join(row(" ".join(cell(i, v, "th" if row_header and i == 0 else "td") for i, v in enumerate(r))) for r in rows)

    def foot_row(r: Sequence[str | None]) -> str:
        # None joins a footer cell to the one before it ("Totaal" across Nr and Actie).
        cells = []
        for i, v in enumerate(r):
            if v is None and cells:
                cells[-1][1] += 1
            else:
                cells.append([i, 1, v or ""])
        return row(" ".join(cell(i, v, "th" if i == 0 else "td", span) for i, span, v in cells))

    foot = " ".join(foot_row(r) for r in footer)
    wrapper = f"lea-scroll {cls}" + (" lea-stack" if stack else "")
    return (
        f'<div class="{wrapper}" role="region" tabindex="0" aria-label="{esc(caption)}">'
        f'<table{roles["table"]}><caption>{esc(caption)}</caption>'
        f'<thead{roles["group"]}>{row(head)}</thead><tbody{roles["group"]}>{body}</tbody>'
        + (f'<tfoot{roles["group"]}>{foot}</tfoot>' if foot else "")
        + "</table></div>"
    )


STATUS_ICONS = {"gepland": "○", "lopend": "◐", "vertraagd": "◆", "afgerond": "●", "gestopt": "✕", NOT_REPORTED: "?", NOT_BEGUN: "…"}


def status_badge(status: str | None) -> str:
    """Status as a word with a shape; colour only adds to it. None: 'niet gemeld' (never a guessed 'gepland')."""
    word = status or NOT_REPORTED
    css = word.replace(" ", "-")
    return (
        f'<span class="lea-status lea-status--{esc(css)}">'
        f'<span class="lea-status__icon" aria-hidden="true">{STATUS_ICONS.get(word, "")}</span> {esc(word)}</span>'
    )


def state_badge(state: ActionState) -> str:
    """An action's status badge, with 'niet bijgewerkt sinds ...' when its planning ran out without a note."""
    note = state.note(fmt_day)
    return status_badge(state.status or (state.word if state.not_begun else None)) + (f' <span class="lea-stale">{esc(note)}</span>' if note else "")


def party(agenda: Agenda, p: Party, link: Link | None = None) -> str:
    """A party as text: the partner's (linked) name, a body's (linked) name, a role, or 'role (partner)'."""
    name = ""
    if p.partner:
        partner = agenda.partner(p.partner)
        label = partner.afkorting or partner.naam if partner else p.partner
        title = partner.naam if partner else p.partner
        if link and partner:
            name = f'<a href="{esc(link(partner_anchor(partner.id)))}" title="{esc(title)}">{esc(label)}</a>'
        else:
            name = esc(label)  # a name (or the partner's own abbreviation): never explained
    if p.orgaan:
        body = agenda.body(p.orgaan)
        label = body.naam if body else p.orgaan
        body_name = f'<a href="{esc(link(body_anchor(body.id)))}">{esc(label)}</a>' if link and body else esc(label)
        name = f"{name}, {body_name}" if name else body_name
    if p.rol and name:
        return f"{prose(p.rol)} ({name})"
    return prose(p.rol) if p.rol else name


def parties(agenda: Agenda, items: Iterable[Party | None], link: Link | None = None) -> str:
    return ", ".join(party(agenda, p, link) for p in items if p is not None)


def ul(items: Iterable[str], cls: str | None = None) -> str:
    lis = "".join(f"<li>{i}</li>" for i in items)
    return f"<ul{attrs(class_=cls)}>{lis}</ul>" if lis else ""


def note(text: str, kind: str = "note", title: str = "Let op") -> str:
    """A Material admonition, as HTML."""
    return f'<div class="admonition {kind}"><p class="admonition-title">{esc(title)}</p><p>{text}</p></div>'


def dl(rows: Iterable[tuple[str, str]], cls: str = "lea-dl") -> str:
    """A definition list: labels are plain text (escaped here), values already-escaped HTML."""
    items = " ".join(f"<dt>{esc(label)}</dt> <dd>{value}</dd>" for label, value in rows)  # spaces: words in search
    return f'<dl class="{esc(cls)}">{items}</dl>' if items else ""
