"""Text as documents have it (issue 29 item 6): footnotes and source references, quotations attributed
to a role, and figures, in the data's Markdown; one set of rules for the site (:mod:`.render.html`) and
the PDF (:mod:`.exports.mdtree`), which read the same element tree.

- **Footnotes** are Python-Markdown's own ``footnotes`` extension (``tekst[^1]`` ... ``[^1]: Bron: ...``);
  a source reference is a footnote, with a link if there is one. Their ids get a prefix made from the
  text, so two fields on one page never share an id, and the same text gets the same ids in every build.
- **A quotation attributed to a role** is a block quote whose last paragraph starts with a dash
  (``> — een ouder uit Oosterwijk``): it becomes a ``figure`` with the quote and a ``figcaption``.
- **A figure** is a Markdown image, ``![what it shows](afbeeldingen/kaart.png "caption")``, only in a
  chapter's text, only from a file in the data folder (``lea check`` refuses anything else:
  :func:`picture_problem`), and always with alternative text. Elsewhere an image stays text.
"""

from __future__ import annotations

import hashlib
import re
import struct
from pathlib import Path
from typing import Callable
from xml.etree.ElementTree import Element, SubElement

import markdown
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor

FILES = "bestanden/"  # where the site serves the data's pictures: bestanden/<path in the data folder>
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_PICTURE_BYTES = 5 * 1024 * 1024  # a photo for the web is well under this
MAX_PICTURES_BYTES = 50 * 1024 * 1024  # all pictures of the agenda together
MAX_PIXELS = 40_000_000  # width x height: what Typst and a phone decode stays bounded
_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*")
_DASH = re.compile(r"^\s*(—|–|--|-)\s+")


def footnotes() -> FootnoteExtension:
    """The footnotes extension in Dutch (its link back says so to a screen reader)."""
    return FootnoteExtension(BACKLINK_TITLE="Terug naar voetnoot %d in de tekst", BACKLINK_TEXT="↩", SEPARATOR="-")


def picture_problem(src: str, alt: str) -> str | None:
    """Why a picture in the data cannot be shown, in Dutch; None when its path and text are fine."""
    if not alt.strip():
        return (f"de afbeelding '{src}' heeft geen beschrijving: schrijf tussen de haken wat er te zien is, "
                f"![kaart van de wijken met een peuteropvang]({src}), voor wie de afbeelding niet ziet")
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", src):
        return (f"'{src}' is een adres buiten de site; een afbeelding komt uit de map met de data "
                "(een afbeelding van een andere site vertelt die site wie de pagina leest)")
    if src.startswith(("/", "\\")) or "\\" in src:
        return f"'{src}' is geen pad binnen de map met de data; schrijf het vanaf die map, met /, zoals afbeeldingen/kaart.png"
    if ".." in src.split("/"):
        return f"'{src}' verwijst buiten de map met de data (..); zet de afbeelding in die map, bijvoorbeeld in afbeeldingen/"
    if not _PATH.fullmatch(src):
        return (f"'{src}' is geen gewoon pad: gebruik letters, cijfers, punt, streepje en liggend streepje, "
                "met / tussen mappen (geen spaties of %)")
    if not src.lower().endswith(PICTURE_SUFFIXES):
        return f"'{src}' is geen .png- of .jpg-bestand; zet de afbeelding om naar png of jpg"
    return None


def picture_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG's or JPEG's header (read a few kB at most), None when it is neither."""
    with path.open("rb") as f:
        head = f.read(32)
        if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
            return struct.unpack(">II", head[16:24])
        if head[:2] != b"\xff\xd8":
            return None
        f.seek(2)
        for _ in range(200):  # the frame header comes after a few segments; bounded all the same
            marker = f.read(2)
            if len(marker) < 2 or marker[0] != 0xFF:
                return None
            if marker[1] in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                data = f.read(7)
                if len(data) < 7:
                    return None
                height, width = struct.unpack(">HH", data[3:7])
                return width, height
            length = f.read(2)
            if len(length) < 2:
                return None
            f.seek(struct.unpack(">H", length)[0] - 2, 1)
    return None


def pictures_in(text: str) -> list[tuple[str, str]]:
    """(path, alternative text) of every image the Markdown text holds, as the renderers read them."""
    _FINDER.reset()
    _FINDER.convert(text)
    return list(_COLLECT.found)


class _Collect(Treeprocessor):
    found: list[tuple[str, str]] = []

    def run(self, root: Element) -> None:
        self.found = [(img.get("src", ""), img.get("alt", "")) for img in root.iter("img")]


def _finder() -> tuple[markdown.Markdown, _Collect]:
    engine = markdown.Markdown(extensions=["sane_lists", "tables", footnotes()])
    engine.preprocessors.deregister("html_block")
    engine.inlinePatterns.deregister("html")
    collect = _Collect(engine)
    engine.treeprocessors.register(collect, "lea_collect", -100)
    return engine, collect


class Features(Treeprocessor):
    """Footnote ids of their own, quotations with their role, figures: after the inline patterns."""

    def __init__(self, md: markdown.Markdown, resolve: Callable[[str], str | None] | None = None):
        super().__init__(md)
        self.resolve = resolve  # path in the data folder -> the picture's URL; None: pictures stay text
        self.prefix = "x"

    def run(self, root: Element) -> None:
        self._ids(root)
        self._quotes(root)
        self._figures(root)

    def _ids(self, root: Element) -> None:
        def renamed(value: str) -> str:
            kind, _, label = value.partition("-")
            return f"{kind}-{self.prefix}-{re.sub(r'[^a-z0-9-]', '', label.lower())[:40]}"

        for node in root.iter():
            ident = node.get("id", "")
            if ident.startswith(("fn-", "fnref-")):
                node.set("id", renamed(ident))
            href = node.get("href", "")
            if node.tag == "a" and href.startswith(("#fn-", "#fnref-")) and "footnote" in node.get("class", ""):
                node.set("href", "#" + renamed(href[1:]))

    @staticmethod
    def _quotes(root: Element) -> None:
        for parent in list(root.iter()):
            for k, node in enumerate(list(parent)):
                if node.tag != "blockquote" or len(node) < 2:
                    continue
                last = node[-1]
                if last.tag != "p" or not last.text or not _DASH.match(last.text):
                    continue
                figure = Element("figure", {"class": "lea-quote"})
                node.remove(last)
                figure.append(node)
                caption = SubElement(figure, "figcaption")
                caption.text = "— " + _DASH.sub("", last.text, count=1)
                for child in last:
                    caption.append(child)
                parent.remove(node)
                parent.insert(k, figure)
                figure.tail = node.tail
                node.tail = None

    def _figures(self, root: Element) -> None:
        for parent in list(root.iter()):
            for node in [n for n in parent if n.tag == "img"]:
                src, alt, title = node.get("src", ""), node.get("alt", ""), node.get("title")
                url = self.resolve(src) if self.resolve and picture_problem(src, alt) is None else None
                if url is None:  # not shown as a picture: its words, never a broken or foreign image
                    text = f"[afbeelding: {alt or src}]"
                    k = list(parent).index(node)
                    previous = parent[k - 1] if k else None
                    if previous is not None:
                        previous.tail = (previous.tail or "") + text + (node.tail or "")
                    else:
                        parent.text = (parent.text or "") + text + (node.tail or "")
                    parent.remove(node)
                    continue
                attributes = {"src": url, "alt": alt}
                alone = parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip() and not (node.tail or "").strip()
                if alone:  # a picture on its own line is a figure, with its title as caption
                    parent.tag = "figure"
                    parent.attrib = {"class": "lea-picture"}
                    parent.text = None
                    node.attrib = attributes
                    node.tail = None
                    if title:
                        SubElement(parent, "figcaption").text = title
                else:
                    node.attrib = attributes


def add_features(engine: markdown.Markdown, resolve: Callable[[str], str | None] | None = None) -> Features:
    """Footnotes, quotations and (with ``resolve``) figures for a Markdown engine of data text."""
    footnotes().extendMarkdown(engine)  # registers itself: reset() empties its notes
    features = Features(engine, resolve)
    engine.treeprocessors.register(features, "lea_features", 12)  # after inline (20), before terms (4)
    return features


def set_prefix(features: Features, text: str) -> None:
    """Ids of this text's footnotes: the same text, the same ids, in every build."""
    features.prefix = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


_FINDER, _COLLECT = _finder()
