"""Each glossary term explained at its first use on a page, whatever wrote the text.

A page is made in two passes: the macros write the generated parts (tables, cards, goal pages)
while the page's own Markdown is still text, and Python-Markdown renders the whole page later.
Explaining a term where it is escaped would follow the order in which macros *run*, not the
order in which a reader meets the text: a hand-written sentence above a table would lose its
explanation to a cell of that table. So explaining is split in two:

* **marking**, where the text is escaped: :func:`mark` (through ``render.html.prose`` and
  ``render.html.md`` for data text, and :class:`MarkTerms` for a page's hand-written Markdown)
  replaces each term in *plain, already escaped text* by a token ``LEAUITLEG<nonce>9VVE9``;
* **resolving**, once per page, in document order: :func:`resolve` (called by the block stash's
  last postprocessor, :mod:`lea_site.blocks`) turns the first token of each term into
  ``<abbr title="meaning">VVE</abbr> (meaning)`` and every later one into ``VVE``.

Safety, as with the block stash: finished HTML is never parsed; tokens carry a random nonce per
process, so text in the data cannot forge one; a token holds only the term (letters and hyphens,
:data:`lea_site.glossary.TERM`), and the markup that replaces it is built from the escaped meaning.
Tokens are only written into text content (never into attribute values): ``esc`` stays plain,
``prose`` is for text between tags, and the tree walker below touches element text only.

Marking is active only while a page or a PDF document is rendered (:func:`page_terms`, set by the
macro shell, the Markdown extension itself, or :func:`lea_site.exports.pdf.documents`, which
resolves each document as a whole); renderers called from elsewhere (feeds, tests) get plain
escaped text.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import html
import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Mapping, Sequence
from xml.etree.ElementTree import Element

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

_NONCE = secrets.token_hex(6)
# The kind of a mark: 9 explain at the first use; 8 the text writes the meaning out itself
# ('toelaatbaarheidsverklaring (TLV)'): the <abbr> only, and the term counts as explained;
# 7 the text's own abbreviation in brackets ('De school (VO)'): the <abbr> only, and a later use is
# still explained.
_TOKEN = re.compile(rf"LEAUITLEG{_NONCE}([789])([A-Za-z][A-Za-z-]{{0,14}})\1")
# Where a term is not explained: code, links (a name, not a sentence), headings (their text makes
# the ids and the table of contents), captions, charts, an explanation itself, scripts, controls.
SKIP = frozenset({"code", "pre", "kbd", "samp", "a", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6",
                  "caption", "figure", "figcaption", "svg", "script", "style", "button", "label", "summary"})

# The markup of an explanation, and exactly what :func:`strip_marks` takes away again.
ABBR_CLASS, UITLEG_CLASS = "lea-begrip", "lea-uitleg"
_MARKS = re.compile(rf'<abbr class="{ABBR_CLASS}" title="[^"<>]*">([A-Za-z][A-Za-z-]{{0,14}})</abbr>'
                    rf'(?:<span class="{UITLEG_CLASS}"> \([^<>]*\)</span>)?')


def explanation(term: str, meaning: str, *, visible: bool = True) -> str:
    """``<abbr class title=meaning>VVE</abbr>`` and, when ``visible``, the meaning in its own element after it."""
    escaped = html.escape(meaning, quote=True)
    out = f'<abbr class="{ABBR_CLASS}" title="{escaped}">{term}</abbr>'
    return out + (f'<span class="{UITLEG_CLASS}"> ({escaped})</span>' if visible else "")


def strip_marks(text: str) -> str:
    """The text without what the glossary added: each ``<abbr class="lea-begrip">`` unwrapped and each
    ``<span class="lea-uitleg">`` removed. For any text, ``strip_marks(explained) == unexplained``."""
    return _MARKS.sub(r"\1", text) if ABBR_CLASS in text else text


# --- what counts as a whole term --------------------------------------------------------------

_APOSTROPHES = ("'", "\u2019", "\u2018", "&#x27;", "&#39;", "&apos;")
_HYPHENS = "-\u2010\u2011"


def _glued(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer token, so not the term: 'TLV+', "IKC's", 'IKC’s',
    'VVE-indicatie', 'VVE2', '(V)SO', 'SO(V)', 'R&D', an address ('JGZ@…', 'VVE.nl'), a character
    reference. Works on escaped text and on the text of a Markdown tree alike."""
    left, right = text[max(0, start - 8):start], text[end:end + 8]
    if left:
        c = left[-1]
        if c.isalnum() or c in f"_+)&#@/\\{_HYPHENS}" or left.endswith("&amp;"):
            return True
        for mark in (".", *_APOSTROPHES):  # "d'VVE", 'www.VVE': only after a letter
            if left.endswith(mark) and left[:-len(mark)][-1:].isalnum():
                return True
    if right:
        c = right[0]
        if c.isalnum() or c in f"_+(@\\{_HYPHENS}" or right.startswith("&amp;"):
            return True
        for mark in (".", "/", *_APOSTROPHES):  # "IKC's", 'VVE.nl', 'VVE/school': only before a letter
            if right.startswith(mark) and right[len(mark):len(mark) + 1].isalnum():
                return True
    return False


def _bracketed(text: str, start: int, end: int) -> bool:
    """'Jeugdgezondheidszorg Veenland (JGZ)': the term alone in brackets right after words."""
    if text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    before = text[:start - 1].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ".'\u2019;")


_SENTENCE_END = re.compile(r"[.!?](?=\s|$|<)")
_ARTICLE = re.compile(r"^(?:de|het|een)\s+", re.IGNORECASE)


def expansions(term: str, meaning: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """How a text writes ``term`` out: its meaning, each part of it ('voortgezet onderwijs: de middelbare
    school' gives 'voortgezet onderwijs' and 'middelbare school') and the known other forms."""
    parts = [meaning, *re.split(r"\s*(?::|;|\(|\))\s*", meaning), *extra]
    out = []
    for part in parts:
        part = _ARTICLE.sub("", " ".join(part.split())).strip(" ,.")
        if len(part) >= 4 and term.casefold() not in part.casefold().split() and part not in out:
            out.append(part)
    return tuple(out)


# --- a glossary ready for marking -------------------------------------------------------------


@dataclass(frozen=True)
class Terms:
    """A glossary ready for marking: term -> meaning, the scanner that finds the terms (and the names
    and character references in which no term is marked), and how each term is written out."""

    meanings: Mapping[str, str]
    scanner: re.Pattern[str] | None
    written: Mapping[str, re.Pattern[str]]
    after_term: re.Pattern[str] | None

    @property
    def pattern(self) -> re.Pattern[str] | None:  # what marks anything at all
        return self.scanner

    def mark(self, escaped: str) -> str:
        """Plain text (escaped, or the text of a Markdown tree) with each explainable term marked."""
        return self.mark_pieces([escaped])[0]

    def mark_pieces(self, pieces: Sequence[str], markable: Sequence[bool] | None = None) -> list[str]:
        """One paragraph given in pieces (the texts of its elements, in order): the terms marked in the
        pieces that may be marked, each decided by the whole paragraph around it."""
        out = list(pieces)
        if self.scanner is None:
            return out
        full = "".join(pieces)
        bounds, at = [], 0
        for piece in pieces:
            bounds.append((at, at + len(piece)))
            at += len(piece)
        starts = [b[0] for b in bounds]
        inserts: dict[int, list[tuple[int, int, str]]] = {}
        written: dict[str, list[int]] = {}
        explained: list[str] = []  # terms of this paragraph that may get their meaning beside them, in order
        for m in self.scanner.finditer(full):
            if m.lastgroup != "term":
                continue  # a name, a character reference, a placeholder or a mark: left whole
            i = bisect.bisect_right(starts, m.start()) - 1
            lo, hi = bounds[i]
            if m.end() > hi or (markable is not None and not markable[i]):
                continue
            kind = self._kind(full, m.start(), m.end(), m["term"], written)
            if kind in ("7", "9") and self._in_meanings(m["term"], explained):
                kind = "8"  # 'IKC KO': IKC's meaning writes 'kinderopvang' out, so KO needs no meaning of its own
            if kind in ("7", "9"):
                explained.append(m["term"])
            if kind:
                inserts.setdefault(i, []).append((m.start() - lo, m.end() - lo, f"LEAUITLEG{_NONCE}{kind}{m['term']}{kind}"))
        for i, found in inserts.items():
            piece, parts, last = pieces[i], [], 0
            for s, e, token in found:
                parts += [piece[last:s], token]
                last = e
            out[i] = "".join(parts) + piece[last:]
        return out

    def _kind(self, full: str, start: int, end: int, term: str, cache: dict[str, list[int]]) -> str | None:
        if _glued(full, start, end) or self._inside_explanation(full, start):
            return None
        written = self._written_out(full, start, end, term, cache)
        if _bracketed(full, start, end):
            return "8" if written else "7"
        return "8" if written else "9"

    def _in_meanings(self, term: str, earlier: list[str]) -> bool:
        """The term written out in the meaning of a term before it in the paragraph (that meaning may stand there)."""
        pattern = self.written.get(term)
        return pattern is not None and any(pattern.search(self.meanings.get(t, "")) for t in earlier if t != term)

    def _inside_explanation(self, full: str, start: int) -> bool:
        """'JGZ (jeugdgezondheidszorg, ook voor VVE)': a term in the brackets that explain another term."""
        opened = full.rfind("(", max(0, start - 300), start)  # an explanation is short: bounded cost
        if opened < 0 or ")" in full[opened:start] or self.after_term is None:
            return False
        return self.after_term.search(full[max(0, opened - 40):opened]) is not None

    def _written_out(self, full: str, start: int, end: int, term: str, cache: dict[str, list[int]]) -> bool:
        """The meaning written out earlier in the paragraph or in the rest of the term's sentence."""
        pattern = self.written.get(term)
        if pattern is None:
            return False
        if term not in cache:
            cache[term] = [m.start() for m in pattern.finditer(full)]
        found = cache[term]
        if not found:
            return False
        if found[0] < start:
            return True
        stop = _SENTENCE_END.search(full, end)
        limit = stop.start() if stop else len(full)
        at = bisect.bisect_left(found, end)
        return at < len(found) and found[at] < limit


def _phrase(text: str) -> str:
    """A regular expression for ``text`` as written, raw or escaped, with any whitespace between words."""
    forms = {" ".join(text.split()), " ".join(html.escape(text, quote=True).split()),
             " ".join(html.escape(text, quote=False).split())}
    return "|".join(r"\s+".join(re.escape(w) for w in form.split(" ")) for form in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=16)
def _compile(items: tuple[tuple[str, str], ...], names: tuple[str, ...]) -> Terms:
    from .glossary import EXPANSIONS

    # Capitals as written ('po' in a sentence is not 'PO'); longest first (VSO before SO). Whether a
    # match is a whole term is decided by _glued, on the whole paragraph.
    terms = sorted((t for t, _ in items), key=len, reverse=True)
    if not terms:
        return Terms(dict(items), None, {}, None)
    alternatives = "|".join(re.escape(t) for t in terms)
    word = re.compile(rf"(?<![\w&#-])(?:{alternatives})(?![\w-])")
    # Names (a partner, a body, a title) in which a term stands: matched first, and left whole.
    names = sorted({" ".join(n.split()) for n in names if n and word.search(n)}, key=len, reverse=True)
    protected = "".join(f"|{_phrase(n)}" for n in names)
    scanner = re.compile(
        rf"(?P<skip>\x02[^\x02\x03]{{0,40}}\x03|&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{0,31}});"
        rf"|LEAUITLEG{_NONCE}([789])[A-Za-z][A-Za-z-]{{0,14}}\2{protected})|(?P<term>{alternatives})")
    written = {}
    for term, meaning in items:
        forms = expansions(term, meaning, EXPANSIONS.get(term, ()))
        if forms:
            written[term] = re.compile(rf"(?<!\w)(?:{'|'.join(_phrase(f) for f in forms)})", re.IGNORECASE)
    after_term = re.compile(rf"(?<![\w&#-])(?:{alternatives})\s*\Z")
    return Terms(dict(items), scanner, written, after_term)


def terms_of(glossary: Mapping[str, str], names: Iterable[str] = ()) -> Terms:
    """``glossary`` ready for marking; no term is marked inside one of ``names`` (a partner's, a body's
    name, a title) where it appears in a text."""
    return _compile(tuple(sorted(glossary.items())), tuple(sorted(set(names))))


_ACTIVE: contextvars.ContextVar[Terms | None] = contextvars.ContextVar("lea_terms", default=None)


@contextlib.contextmanager
def page_terms(glossary: Mapping[str, str], names: Iterable[str] = ()) -> Iterator[None]:
    """While a page is rendered: data text escaped by ``prose`` and ``md`` gets its terms marked
    (never inside one of ``names``: see :func:`lea_site.glossary.agenda_names`)."""
    reset = _ACTIVE.set(terms_of(glossary, names))
    try:
        yield
    finally:
        _ACTIVE.reset(reset)


def active() -> bool:
    """Whether a page is being rendered (its terms are resolved when the page is done)."""
    return _ACTIVE.get() is not None


def mark(escaped: str) -> str:
    """Escaped plain text (no tags) with each glossary term marked, when a page is being rendered."""
    terms = _ACTIVE.get()
    return terms.mark(escaped) if terms is not None else escaped


@dataclass
class PageState:
    """What one page has explained so far (a Markdown instance renders one page)."""

    meanings: dict[str, str] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)


def resolve(text: str, state: PageState, *, explain: bool = True) -> str:
    """Tokens in page order: the first of each term explained, later ones (and all, without
    ``explain``: a heading rendered for the table of contents) just the term.

    A mark is checked once more in the finished text, where pieces written apart meet: a term that
    turns out to be glued to what follows ('TLV' + '+') or to stand alone in brackets after a name
    ('Naam (' + 'JGZ' + ')') is left as it is."""

    def one(m: re.Match[str]) -> str:
        kind, term = m[1], m[2]
        meaning = state.meanings.get(term)
        if not explain or meaning is None or term in state.seen:
            return term
        if kind == "9" and (_glued(m.string, m.start(), m.end()) or _bracketed(m.string, m.start(), m.end())):
            return term
        if kind == "7":
            return explanation(term, meaning, visible=False)
        state.seen.add(term)
        return explanation(term, meaning, visible=kind == "9")

    return _TOKEN.sub(one, text) if "LEAUITLEG" in text else text


# Elements that start a paragraph of their own: a term's context ends at their edges.
_BLOCKS = frozenset({"p", "li", "td", "th", "dt", "dd", "div", "blockquote", "ul", "ol", "dl", "table", "thead",
                     "tbody", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "details", "summary",
                     "section", "article", "figure", "figcaption", "caption", "body", "html"})


class MarkTerms(Treeprocessor):
    """Marks the terms in a Markdown tree's text: the page's own Markdown, and data Markdown (``md``).

    Runs after the inline patterns, attribute lists and the table of contents, and changes only
    the text of elements (never an attribute, never a heading, link or code): ElementTree escapes
    that text when it serializes, and a token is letters and digits, which need no escaping. Each
    paragraph (the text of a block element with its inline elements) is decided as a whole, so
    '<strong>TLV</strong>+' is one token and a meaning written in a link counts as written out.
    """

    def __init__(self, md, terms: Terms | None = None) -> None:
        super().__init__(md)
        self.terms = terms  # None: the glossary of the page being rendered (page_terms), if any

    def run(self, root: Element) -> None:
        terms = self.terms or _ACTIVE.get()
        if terms is None or terms.scanner is None:
            return
        paragraphs: list[list[tuple[Element, str, bool]]] = [[]]
        _collect(root, False, paragraphs)
        for slots in paragraphs:
            if not any(markable for _, _, markable in slots):
                continue
            texts = [getattr(node, name) for node, name, _ in slots]
            marked = terms.mark_pieces(texts, [markable for _, _, markable in slots])
            for (node, name, markable), old, new in zip(slots, texts, marked):
                if markable and new != old:
                    setattr(node, name, new)


def _collect(element: Element, skipped: bool, paragraphs: list[list[tuple[Element, str, bool]]]) -> None:
    """The text slots of ``element``'s subtree in reading order, split into paragraphs."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS
    if tag in SKIP and not skipped:
        _unmark_all(element)  # data text marked by a renderer, in a heading of the page's Markdown
    skip = skipped or tag in SKIP
    if block and paragraphs[-1]:
        paragraphs.append([])
    if element.text:
        paragraphs[-1].append((element, "text", not skip and not isinstance(element.text, AtomicString)))
    for child in element:
        _collect(child, skip, paragraphs)
        if child.tail:
            paragraphs[-1].append((child, "tail", not skip and not isinstance(child.tail, AtomicString)))
    if block and paragraphs[-1]:
        paragraphs.append([])


def unmark(text: str) -> str:
    """The terms without their marks: where a term is never explained."""
    return _TOKEN.sub(lambda m: m[2], text) if "LEAUITLEG" in text else text


def _unmark_all(element: Element) -> None:
    for node in element.iter():
        for name in ("text", "tail"):
            value = getattr(node, name) if node is not element or name == "text" else None
            if value and "LEAUITLEG" in value:
                setattr(node, name, (AtomicString if isinstance(value, AtomicString) else str)(unmark(value)))
