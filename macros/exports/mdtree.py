"""Markdown from the data as a JSON tree of blocks and inlines, for the Typst template (issue 25).

The text goes through Python-Markdown (the site's own settings: no raw HTML, no images) and the
parser's element tree is read here: nothing is ever serialized to markup and parsed again. The
Typst template (``lea.typ``) shows every string of the tree as text, so a payload written in
Typst's or HTML's syntax stays visible text.

Blocks: ``{"p": inl}``, ``{"sub": inl}`` (a heading inside a field, shown bold), ``{"list": [[block]],
"ordered": bool, "start": int}``, ``{"quote": [block], "by": inl}`` (``by``: the role it is attributed to, if
any), ``{"fig": {"src", "alt", "caption"}}`` (a picture of a chapter), ``{"notes": [[block]]}`` (footnotes), ``{"code": str}``, ``{"hr": true}``,
``{"table": {"head": [inl], "rows": [[inl]]}}``. Inlines (``inl``) are lists of spans: a string,
or ``{"t": str}`` with the flags ``b`` (bold), ``i`` (italic), ``sup`` (a footnote's number), ``code``, ``href`` (http, https or
mailto only), or ``{"br": 1}``.

Depth is bounded: below :data:`MAX_DEPTH` nested blocks (a quote in a list in a quote ...) the
rest is one paragraph of its text, so any nesting the data has costs the template the same.
"""

from __future__ import annotations

import html
import re
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.util import AMP_SUBSTITUTE

from ..render.html import is_plain
from ..richtext import add_features

MAX_DEPTH = 6  # nested blocks the PDF shows as such; deeper text is one paragraph
_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_SAFE_LINK = re.compile(r"(https?://|mailto:)[^\s]+", re.I)

Inline = list[Any]
Block = dict[str, Any]


class _Capture(Treeprocessor):
    """Keeps the finished element tree (after inline patterns and unescaping)."""

    root: Element | None = None

    def run(self, root: Element) -> None:
        self.root = root


def _engine(pictures: bool = False) -> tuple[markdown.Markdown, _Capture]:
    engine = markdown.Markdown(extensions=["sane_lists", "tables"])
    engine.preprocessors.deregister("html_block")  # raw HTML in data is text
    engine.inlinePatterns.deregister("html")
    if not pictures:  # pictures only in a chapter, and only from the data folder (lea_site.richtext)
        for name in ("image_link", "image_reference", "short_image_ref"):
            engine.inlinePatterns.deregister(name)
    # Footnotes, quotations with their role, figures: the site's own rules. A figure keeps the path as
    # written; the PDF gives Typst the checked file under a name of its own (lea_site.exports.pdf).
    add_features(engine, (lambda path: path) if pictures else None)
    capture = _Capture(engine)
    engine.treeprocessors.register(capture, "lea_capture", -100)  # last: after 'unescape'
    return engine, capture


_ENGINE, _CAPTURE = _engine()
_PICTURE_ENGINE, _PICTURE_CAPTURE = _engine(pictures=True)


def _text(engine: markdown.Markdown, value: str | None) -> str:
    """Element text with Python-Markdown's placeholders (entities, obfuscated mail) as the reader sees them."""
    if not value:
        return ""
    if "\x02" not in value:
        return value
    value = value.replace(NBSP_PLACEHOLDER, "")  # the footnote's space before its way back, which paper has not
    stash = engine.htmlStash.rawHtmlBlocks
    value = _PLACEHOLDER.sub(lambda m: html.unescape(str(stash[int(m[1])])) if int(m[1]) < len(stash) else "", value)
    if AMP_SUBSTITUTE in value:
        value = html.unescape(value.replace(AMP_SUBSTITUTE, "&"))
    return value.replace("\x02", "").replace("\x03", "")


def _span(text: str, flags: dict[str, Any]) -> Any:
    return {"t": text, **flags} if flags else text


def _inlines(engine: markdown.Markdown, node: Element, flags: dict[str, Any], out: Inline) -> None:
    """The inline content of ``node`` (its text, children and their tails) as spans."""
    if node.text:
        out.append(_span(_text(engine, node.text), flags))
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        inner = dict(flags)
        if tag in ("strong", "b"):
            inner["b"] = 1
        elif tag in ("em", "i"):
            inner["i"] = 1
        elif tag == "code":
            inner["code"] = 1
        elif tag == "sup":  # a footnote's number
            inner["sup"] = 1
        elif tag == "img":  # a picture inside a line of text: its words
            out.append(_span(f"[afbeelding: {child.get('alt', '')}]", flags))
            if child.tail:
                out.append(_span(_text(engine, child.tail), flags))
            continue
        elif tag == "a" and "footnote-backref" in child.get("class", ""):  # the way back to the text: the site's, not paper's
            if child.tail:
                out.append(_span(_text(engine, child.tail).rstrip("\u00a0"), flags))
            continue
        elif tag == "a":
            href = child.get("href", "")
            if _SAFE_LINK.fullmatch(href):
                inner["href"] = href.split("?", 1)[0] if href.lower().startswith("mailto:") else href
        if tag == "br":
            out.append({"br": 1})
        elif tag in _BLOCK_TAGS:  # a block inside inline content (loose list items): its text
            out.append(_span(" " + "".join(_text(engine, t) for t in child.itertext()) + " ", flags))
        else:
            _inlines(engine, child, inner, out)
        if child.tail:
            out.append(_span(_text(engine, child.tail), flags))


_BLOCK_TAGS = {"p", "ul", "ol", "li", "blockquote", "pre", "hr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "div"}


def _plain(engine: markdown.Markdown, node: Element) -> str:
    return re.sub(r"\s+", " ", "".join(_text(engine, t) for t in node.itertext())).strip()


def _blocks(engine: markdown.Markdown, parent: Element, depth: int) -> list[Block]:
    out: list[Block] = []
    if parent.text and parent.text.strip():  # a tight list item's own text
        out.append({"p": [_text(engine, parent.text.strip())]})
    for node in parent:
        tag = node.tag if isinstance(node.tag, str) else ""
        if depth >= MAX_DEPTH and tag not in ("p",):
            text = _plain(engine, node)
            if text:
                out.append({"p": [text]})
            continue
        if tag == "p":
            spans = []
            _inlines(engine, node, {}, spans)
            out.append({"p": spans})
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            spans = []
            _inlines(engine, node, {}, spans)
            out.append({"sub": spans})
        elif tag in ("ul", "ol"):
            items = []
            for li in node:
                if getattr(li, "tag", None) != "li":
                    continue
                if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in li):
                    items.append(_blocks(engine, li, depth + 1))
                else:
                    spans = []
                    _inlines(engine, li, {}, spans)
                    items.append([{"p": spans}])
            start = node.get("start")
            out.append({"list": items, "ordered": tag == "ol", "start": int(start) if start and start.isdigit() else 1})
        elif tag == "blockquote":
            out.append({"quote": _blocks(engine, node, depth + 1)})
        elif tag == "figure" and node.get("class") == "lea-quote":
            quote = next((c for c in node if c.tag == "blockquote"), None)
            caption = next((c for c in node if c.tag == "figcaption"), None)
            by: Inline = []
            if caption is not None:
                _inlines(engine, caption, {}, by)
            out.append({"quote": _blocks(engine, quote, depth + 1) if quote is not None else [], "by": by})
        elif tag == "figure" and node.get("class") == "lea-picture":
            img = next((c for c in node if c.tag == "img"), None)
            caption = next((c for c in node if c.tag == "figcaption"), None)
            if img is not None:
                out.append({"fig": {"src": img.get("src", ""), "alt": img.get("alt", ""),
                                    "caption": _plain(engine, caption) if caption is not None else ""}})
        elif tag == "div" and node.get("class") == "footnote":
            notes = next((c for c in node if c.tag == "ol"), None)
            out.append({"notes": [_blocks(engine, li, depth + 1) for li in (notes if notes is not None else []) if li.tag == "li"]})
        elif tag == "pre":
            out.append({"code": "".join(_text(engine, t) for t in node.itertext()).rstrip("\n")})
        elif tag == "hr":
            out.append({"hr": True})
        elif tag == "table":
            out.append({"table": _table(engine, node)})
        elif tag:
            text = _plain(engine, node)
            if text:
                out.append({"p": [text]})
        if node.tail and node.tail.strip():
            out.append({"p": [_text(engine, node.tail.strip())]})
    return out


def _table(engine: markdown.Markdown, node: Element) -> dict[str, Any]:
    head: list[Inline] = []
    rows: list[list[Inline]] = []
    for row in node.iter("tr"):
        cells = []
        for cell in row:
            spans: Inline = []
            _inlines(engine, cell, {}, spans)
            cells.append(spans)
        if not head and any(c.tag == "th" for c in row):
            head = cells
        else:
            rows.append(cells)
    width = max([len(head), *(len(r) for r in rows), 1])
    return {"head": head + [[]] * (width - len(head)) if head else [],
            "rows": [r + [[]] * (width - len(r)) for r in rows]}


def blocks(text: str | None, *, pictures: bool = False) -> list[Block]:
    """A Markdown field of the data as blocks (an empty list for no text); with ``pictures`` (a chapter's
    text) its figures are ``{"fig": {"src", "alt", "caption"}}`` with the path as written in the data."""
    if not text:
        return []
    if is_plain(text):
        return [{"p": [text]}]  # a plain sentence needs no Markdown pass (a fifth of composing a large agenda's PDFs)
    engine, capture = (_PICTURE_ENGINE, _PICTURE_CAPTURE) if pictures else (_ENGINE, _CAPTURE)
    engine.reset()
    capture.root = None
    engine.convert(text)
    root = capture.root
    if root is None:
        return [{"p": [text]}]
    return _blocks(engine, root, 0)


def inline(text: str | None) -> Inline:
    """A Markdown field as one inline (for a table cell): its paragraphs joined by line breaks; a list,
    quote or table inside becomes its text, so nothing of the field is dropped."""
    out: Inline = []
    for block in blocks(text):
        spans = block.get("p") or block.get("sub")
        if spans is None:
            spans = [_block_text(block)]
        out += ([{"br": 1}] if out else []) + list(spans)
    return out


def _block_text(value: Any) -> str:
    """The text of a block or inline, whatever its shape, with spaces between its parts."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(filter(None, (_block_text(v) for k, v in value.items() if k in ("t", "p", "sub", "list", "quote", "rows", "head", "code"))))
    if isinstance(value, list):
        return " ".join(filter(None, (_block_text(v) for v in value)))
    return ""


def plain_blocks(text: str | None) -> list[Block]:
    """Plain text (no Markdown) as paragraphs, one per blank-line-separated part."""
    if not text:
        return []
    return [{"p": [part.strip()]} for part in re.split(r"\n\s*\n", text) if part.strip()]
