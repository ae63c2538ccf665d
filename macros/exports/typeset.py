"""Typesetting the PDFs with WeasyPrint: cached by a hash of each document, in worker processes.

WeasyPrint is pure Python on top of Pango and costs about a quarter of a second per page,
one core per document. So :class:`Typesetting`

* first looks each document up in the cache, by a hash of what the PDF is made from: its
  HTML, the stylesheet, this module's options and the versions of WeasyPrint and pydyf. A
  finished school year's report names no 'today' (:func:`lea_site.exports.pdf.progress_html`),
  so after the first build a change of the data typesets only the documents it changed;
* typesets the rest side by side in worker processes (as many as the machine has cores, at
  most one per document; ``LEA_PDF_PROCESSES`` sets the number, ``1`` typesets in this process),
  while the caller goes on with its own work, until :meth:`Typesetting.wait`.

The cache is the user's cache folder (``LEA_PDF_CACHE``, empty for none, or ``pdf`` in
:mod:`lea_site.usercache`'s folder); it keeps the :data:`KEEP` most recently used PDFs.
WeasyPrint fetches nothing: no file, no web address (data cannot make it read one).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from ..files import write_atomic  # the usual file mode (0644), not mkstemp's 0600
from ..usercache import keep_newest, user_cache

HERE = Path(__file__).resolve().parent
STYLESHEET = HERE / "pdf.css"
KEEP = 60  # cached PDFs kept (the least recently used go first): a site has one per school year and two more
# What render_pdf asks of WeasyPrint: part of the cache key, so a change of options typesets again.
OPTIONS = "pdf/ua-1 tags compressed no-fetching"


class PdfError(Exception):
    """The PDF could not be made; the message says why, in Dutch."""


def _no_fetching():
    """A fetcher that fetches nothing: no file of the machine, no web address (an image is left out)."""
    from weasyprint.urls import URLFetcher

    class NoFetching(URLFetcher):
        def __call__(self, url):
            raise ValueError(f"de PDF haalt niets op ({url[:60]})")

        fetch = __call__

    return NoFetching(fail_on_errors=False)


def _cached_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` cheap: it builds the tuple of every page's reference anew at
    each call, and WeasyPrint's tagging calls it once per tagged element, so a 300-page PDF spent a
    seventh of its time there (quadratic in the pages). The tuple is kept until a page is added (pages
    are only ever appended), so the PDF is byte for byte the same."""
    import pydyf

    current = getattr(pydyf.PDF, "page_references", None)
    if not isinstance(current, property) or getattr(current.fget, "_lea_cached", False):
        return  # another pydyf, or already done

    def page_references(pdf) -> tuple:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_lea_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), current.fget(pdf))
            pdf.__dict__["_lea_page_references"] = cached
        return cached[1]

    page_references._lea_cached = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)


def render_pdf(html: str) -> bytes:
    """Typeset one HTML document as a tagged PDF (PDF/UA-1) in Dutch."""
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as err:
        raise PdfError(f"WeasyPrint ontbreekt of kan Pango niet laden ({err}); installeer: pip install weasyprint, "
                       "en op Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0") from None
    _cached_page_references()
    try:
        document = HTML(string=html, base_url=None, url_fetcher=_no_fetching())
        return document.write_pdf(stylesheets=[CSS(string=STYLESHEET.read_text(encoding="utf-8"))],
                                  pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=False)
    except Exception as err:  # noqa: BLE001 - any failure of the typesetter is a failed PDF, reported in words
        raise PdfError(f"de PDF kon niet gemaakt worden: {type(err).__name__}: {err}") from None


def _typeset(html: str) -> bytes:
    """What a worker process runs (looked up by name there, so a test's replacement of render_pdf holds
    when the worker is forked)."""
    return render_pdf(html)


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


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("weasyprint", "pydyf"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:  # not installed: render_pdf says so
            out.append(f"{name} ?")
    return ", ".join(out)


def cache_key(html: str) -> str:
    digest = hashlib.sha256()
    for part in (html, STYLESHEET.read_text(encoding="utf-8"), OPTIONS, _versions()):
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


def processes(todo: int) -> int:
    """Worker processes for ``todo`` documents: ``LEA_PDF_PROCESSES``, else the cores this process may use."""
    try:
        wanted = int(os.environ.get("LEA_PDF_PROCESSES", "0"))
    except ValueError:
        wanted = 0
    if wanted <= 0:
        wanted = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(wanted, todo))


def _context() -> multiprocessing.context.BaseContext:
    """Fork when this process has one thread: a worker starts at once with the HTML and the code in memory.
    Forking a process with more threads can copy a lock that another thread holds (and Python 3.12+ warns),
    so then a fresh interpreter per worker (about a second more each)."""
    return multiprocessing.get_context("fork" if threading.active_count() == 1 and os.name == "posix" else "spawn")


class Typesetting:
    """The PDFs of one build: taken from the cache at once, the others typeset in worker processes."""

    def __init__(self, documents: dict[str, str]) -> None:
        self.paths = list(documents)
        self._cache = cache_dir()
        self._ready: dict[str, bytes] = {}
        self._todo: dict[str, tuple[str, str]] = {}  # path -> (key, html)
        keys: dict[str, str] = {}
        for path, html in documents.items():
            key = keys.setdefault(html, cache_key(html))  # the current year's report is also voortgang.pdf
            cached = _from_cache(self._cache, key)
            if cached is not None:
                self._ready[path] = cached
            else:
                self._todo[path] = (key, html)
        unique = {key: html for key, html in self._todo.values()}
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[str, Future] = {}
        if len(unique) > 1 and processes(len(unique)) > 1:
            # Largest first, so the longest document does not start last.
            order = sorted(unique, key=lambda k: len(unique[k]), reverse=True)
            self._pool = ProcessPoolExecutor(processes(len(unique)), mp_context=_context())
            self._futures = {key: self._pool.submit(_typeset, unique[key]) for key in order}

    def wait(self) -> dict[str, bytes]:
        """Every PDF by its path; :class:`PdfError` when one could not be made."""
        made: dict[str, bytes] = {}
        try:
            for path, (key, html) in self._todo.items():
                if key not in made:
                    made[key] = self._futures[key].result() if key in self._futures else render_pdf(html)
                    _to_cache(self._cache, key, made[key])
        except PdfError:
            raise
        except Exception as err:  # noqa: BLE001 - a worker that died (memory, a signal) is a failed PDF too
            raise PdfError(f"de PDF kon niet gemaakt worden: {type(err).__name__}: {err}") from None
        finally:
            self.close()
        return {path: self._ready[path] if path in self._ready else made[self._todo[path][0]] for path in self.paths}

    def write_into(self, site: Path) -> None:
        """Wait for every PDF and write it into the built site, each file whole (:class:`PdfError` when one
        could not be made)."""
        for path, content in self.wait().items():
            write_atomic(site / path, content)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
