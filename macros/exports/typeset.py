"""Typesetting the PDFs with Typst (issue 25): in this process, cached by a hash of each document.

A document is data (a dict: see :mod:`lea_site.exports.pdf`); ``lea.typ`` is the one template that
reads it with ``json(bytes(sys.inputs.data))``: no string from the data is ever parsed as Typst
markup. Typst is fast (a 1,000-action agenda in about a second), so there are no worker processes;
the cache (by a hash of the document, the template and the Typst version) only saves a second
build of the same data its seconds.

Reproducible and offline: the fonts are the package's own Noto Sans (``fonts/``, the site's
``docs/assets/fonts`` as TrueType, which Typst reads) with the fonts inside the Typst wheel as
fallback for signs Noto's Latin subset lacks; system fonts are ignored, nothing is downloaded
(no ``@preview`` packages), and the creation date is the document's own (``date`` in the data),
so the same data gives the same bytes on every machine. PDF/UA-1 is asked for: Typst refuses a
document without title, language or alternative texts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..files import write_atomic  # the usual file mode (0644), not mkstemp's 0600
from ..usercache import keep_newest, user_cache

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "lea.typ"
FONTS = HERE / "fonts"
KEEP = 60  # cached PDFs kept (the least recently used go first)
STANDARDS = ["ua-1"]

Document = dict[str, Any]


class PdfError(Exception):
    """The PDF could not be made; the message says why, in Dutch."""


@lru_cache(maxsize=1)
def _fonts():
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                       font_paths=[str(FONTS)])


def _typst_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("typst")
    except PackageNotFoundError:
        return "?"


def _timestamp(document: Document) -> dt.datetime:
    """The document's own date (never today: the same data, the same bytes)."""
    year, month, day = document.get("date") or (2000, 1, 1)
    return dt.datetime(year, month, day, tzinfo=dt.timezone.utc)


def encode(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def render_pdf(document: Document) -> bytes:
    """Typeset one document as a tagged PDF/UA-1 in Dutch."""
    try:
        import typst
    except ImportError as err:
        raise PdfError(f"Typst ontbreekt ({err}); installeer: pip install typst") from None
    try:
        compiler = typst.Compiler(str(TEMPLATE), root=str(HERE), font_paths=_fonts(), ignore_system_fonts=True,
                                  sys_inputs={"data": encode(document)})
        return compiler.compile(format="pdf", pdf_standards=STANDARDS, timestamp=_timestamp(document))
    except Exception as err:  # noqa: BLE001 - any failure of the typesetter is a failed PDF, reported in words
        message = getattr(err, "message", None) or str(err)
        raise PdfError(f"de PDF kon niet gemaakt worden: {type(err).__name__}: {message[:500]}") from None


def cache_dir() -> Path | None:
    """``LEA_PDF_CACHE`` (empty: none), else the folder ``pdf`` in the user's cache (:mod:`lea_site.usercache`)."""
    configured = os.environ.get("LEA_PDF_CACHE")
    if configured == "":
        return None
    if not configured:
        return user_cache("pdf")
    try:
        Path(configured).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Path(configured)


def cache_key(encoded: str) -> str:
    digest = hashlib.sha256()
    for part in (encoded, TEMPLATE.read_text(encoding="utf-8"), " ".join(STANDARDS), _typst_version()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _from_cache(cache: Path | None, key: str) -> bytes | None:
    path = cache / f"{key}.pdf" if cache else None
    if path is None or not path.is_file():
        return None
    try:
        data = path.read_bytes()
        if data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]:  # a whole file, not a damaged one
            os.utime(path)  # recently used: kept longest
            return data
    except OSError:
        pass
    return None


def _to_cache(cache: Path | None, key: str, data: bytes) -> None:
    if cache is None:
        return
    try:
        write_atomic(cache / f"{key}.pdf", data)
        keep_newest(cache, "*.pdf", KEEP)
    except OSError:
        pass  # a cache that cannot be written costs time, not the build


class Typesetting:
    """The PDFs of one build, typeset when they are asked for (:meth:`wait`, :meth:`write_into`)."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self.paths = list(documents)
        self._made: dict[str, bytes] | None = None  # typeset once: the page Documenten needs the sizes first

    def wait(self) -> dict[str, bytes]:
        """Every PDF by its path; :class:`PdfError` when one could not be made."""
        if self._made is None:
            self._made = self._typeset()
        return self._made

    def _typeset(self) -> dict[str, bytes]:
        cache = cache_dir()
        made: dict[str, bytes] = {}  # by cache key: the current year's report is also voortgang.pdf
        out: dict[str, bytes] = {}
        for path, document in self.documents.items():
            key = cache_key(encode(document))
            if key not in made:
                cached = _from_cache(cache, key)
                if cached is None:
                    cached = render_pdf(document)
                    _to_cache(cache, key, cached)
                made[key] = cached
            out[path] = made[key]
        return out

    def write_into(self, site: Path) -> None:
        """Typeset every PDF and write it into the built site, each file whole (:class:`PdfError` when one
        could not be made)."""
        for path, content in self.wait().items():
            write_atomic(site / path, content)

    def close(self) -> None:
        """Nothing runs in the background any more; kept so that callers may always close."""
