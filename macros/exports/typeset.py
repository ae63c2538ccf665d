"""Typesetting the PDFs with Typst (issue 25): each document in a process of its own, cached by a hash.

A document is data (a dict: see :mod:`lea_site.exports.pdf`); ``lea.typ`` is the one template that
reads it with ``json(bytes(sys.inputs.data))``: no string from the data is ever parsed as Typst
markup. Each document is typeset by :mod:`.typst_worker` in a child process: Typst keeps all it
computed for as long as its process lives (about 55 MB per report of a 1,000-action agenda), so a
process per document keeps a build's memory at that of its largest document, and the documents are
typeset side by side (``LEA_PDF_PROCESSES`` at once, by default one per core, at most four), starting
as soon as they are composed: while the engine builds the pages. The cache (by a hash of the document,
the template and the Typst version) saves a second build of the same data its seconds.

Reproducible and offline: the fonts are the package's own Noto Sans (``fonts/``, the site's
``docs/assets/fonts`` as TrueType, which Typst reads) with the fonts inside the Typst wheel as
fallback for signs Noto's Latin subset lacks; system fonts are ignored, nothing is downloaded
(no ``@preview`` packages), and the creation date is the document's own (``date`` in the data),
so the same data gives the same bytes on every machine. PDF/UA-1 is asked for: Typst refuses a
document without title, language or alternative texts.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable

from ..files import write_atomic  # the usual file mode (0644), not mkstemp's 0600
from ..usercache import keep_newest, user_cache

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "lea.typ"
FONTS = HERE / "fonts"
WORKER = HERE / "typst_worker.py"
KEEP = 60  # cached PDFs kept (the least recently used go first)
STANDARDS = ["ua-1"]
TIMEOUT = 600  # seconds for one document: a 10 MB agenda takes well under a minute (benchmarks/RESULTS.md)

Document = dict[str, Any]


class PdfError(Exception):
    """The PDF could not be made; the message says why, in Dutch."""


def _typst_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("typst")
    except PackageNotFoundError:
        return "?"


def _timestamp(document: Document) -> dt.date:
    """The document's own date (never today: the same data, the same bytes)."""
    year, month, day = document.get("date") or (2000, 1, 1)
    return dt.date(year, month, day)


def encode(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def processes() -> int:
    """How many documents are typeset at once: ``LEA_PDF_PROCESSES``, else one per core (at most four)."""
    configured = os.environ.get("LEA_PDF_PROCESSES", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return min(int(configured), 32)
    return max(1, min(os.cpu_count() or 1, 4))


@functools.lru_cache(maxsize=1)
def _typst_dir() -> str:
    """The folder that holds the typst package (found without importing it), for a worker without the site
    module; empty when Typst is not installed (the worker then says so)."""
    spec = importlib.util.find_spec("typst")
    return str(Path(spec.origin).parent.parent) if spec is not None and spec.origin else ""


def _worker_env() -> dict[str, str] | None:
    """Typst lays pages out on a thread pool of one thread per core, whose idle threads spin before they
    sleep: with a document typeset on every core, that spinning took CPU time from the other documents
    (all PDFs of 1,000 actions: children's CPU 5.2 s, median of 5, against 4.8 s with one thread each).
    So one thread per document when documents run side by side; a setting of the user's own is kept."""
    if processes() > 1 and "RAYON_NUM_THREADS" not in os.environ:
        return {**os.environ, "RAYON_NUM_THREADS": "1"}
    return None  # the worker inherits this process's environment


def render_pdf(document: Document) -> bytes:
    """Typeset one document as a tagged PDF/UA-1 in Dutch, in a child process (:mod:`.typst_worker`)."""
    pictures = json.dumps(document.get("pictures") or {}, ensure_ascii=False)
    command = [sys.executable, "-S", str(WORKER), _typst_dir(), str(TEMPLATE), str(FONTS), _timestamp(document).isoformat(),
               ",".join(STANDARDS), pictures]
    try:
        run = subprocess.run(command, input=encode(document).encode("utf-8"), capture_output=True, timeout=TIMEOUT, env=_worker_env())
    except subprocess.TimeoutExpired:
        raise PdfError(f"de PDF kon niet gemaakt worden: Typst was na {TIMEOUT // 60} minuten niet klaar") from None
    except OSError as err:
        raise PdfError(f"de PDF kon niet gemaakt worden: Typst kon niet starten ({err})") from None
    if run.returncode != 0 or not run.stdout.startswith(b"%PDF-"):
        why = run.stderr.decode("utf-8", "replace").strip()[-600:] or f"Typst stopte met code {run.returncode}"
        raise PdfError(why if why.startswith("Typst ontbreekt") else f"de PDF kon niet gemaakt worden: {why}")
    return run.stdout


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


MEMORY_MB = 750  # Typst's processes together: a document takes about 40 MB and 260 bytes per byte of its JSON
# (benchmarks/RESULTS.md); documents wait for room, one always runs (a very large agenda is in parts of
# at most lea_site.exports.volumes.VOLUME_BYTES, so no single document needs more).


def memory_mb(encoded: str) -> int:
    """What Typst's process is expected to need for a document, in MB."""
    return 40 + len(encoded) * 260 // 1_000_000


class _Room:
    """Memory for Typst's processes: a document starts when its estimate fits beside those running."""

    def __init__(self, total: int) -> None:
        self.total = self.free = total
        self.closed = False
        self._changed = threading.Condition()

    def run(self, need: int, job: Callable[[], bytes]) -> bytes:
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.free >= need or self.free == self.total)
            if self.closed:
                raise PdfError("de bouw stopte")
            self.free -= need
        try:
            return job()
        finally:
            with self._changed:
                self.free += need
                self._changed.notify_all()

    def close(self) -> None:
        """No document starts any more (those waiting stop with :class:`PdfError`)."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()


class Typesetting:
    """The PDFs of one build: what the cache lacks is typeset from the start, side by side in child
    processes (:func:`render_pdf`), while the caller goes on; :meth:`wait` and :meth:`write_into` give them.

    ``documents`` may be a generator: each document is handed to Typst as soon as it is composed, so
    the largest (the agenda, composed first) is typeset while the reports are still being composed."""

    announced: ClassVar[Typesetting | None] = None  # the PDFs pages built now may name (announce)

    def __init__(self, documents: dict[str, Document] | Iterable[tuple[str, Document]]) -> None:
        self.documents: dict[str, Document] = {}
        self._cache = cache_dir()
        self._keys: dict[str, str] = {}
        self._made: dict[str, bytes] = {}  # by cache key: the current year's report is also voortgang.pdf
        self._jobs: dict[str, Future[bytes]] = {}
        self._pool = ThreadPoolExecutor(max_workers=processes(), thread_name_prefix="lea-pdf")
        self._room = room = _Room(MEMORY_MB)
        try:
            for path, document in documents.items() if isinstance(documents, dict) else documents:
                self.documents[path] = document
                encoded = encode(document)
                self._keys[path] = key = cache_key(encoded)
                if key in self._made or key in self._jobs:
                    continue
                cached = _from_cache(self._cache, key)
                if cached is not None:
                    self._made[key] = cached
                else:
                    self._jobs[key] = self._pool.submit(room.run, memory_mb(encoded), functools.partial(render_pdf, document))
        except BaseException:
            self.close()  # composing failed: nothing more is typeset
            raise
        self.paths = list(self.documents)

    def size(self, path: str) -> int | None:
        """The size in bytes of one PDF, once it is typeset (the others go on meanwhile); None when it could
        not be made (:meth:`wait` says why, and the build stops there)."""
        key = self._keys.get(path)
        if key is None:
            return None
        if key in self._made:
            return len(self._made[key])
        job = self._jobs.get(key)
        try:
            return len(job.result()) if job is not None else None
        except Exception:  # noqa: BLE001 - reported by wait(), where the build stops in words
            return None

    def announce(self) -> None:
        """Pages built in this process while these PDFs are typeset may name their sizes (:func:`size_of`):
        the engine builds the pages meanwhile, and only a page that shows a PDF's size waits, for that PDF."""
        Typesetting.announced = self

    def _withdraw(self) -> None:
        if Typesetting.announced is self:
            Typesetting.announced = None

    def wait(self) -> dict[str, bytes]:
        """Every PDF by its path; :class:`PdfError` when one could not be made."""
        for key, job in list(self._jobs.items()):
            made = job.result()  # PdfError from the child process comes through here
            _to_cache(self._cache, key, made)
            self._made[key] = made
            del self._jobs[key]
        return {path: self._made[key] for path, key in self._keys.items()}

    def write_into(self, site: Path) -> None:
        """Typeset every PDF and write it into the built site, each file whole (:class:`PdfError` when one
        could not be made)."""
        try:
            for path, content in self.wait().items():
                write_atomic(site / path, content)
        finally:
            self._withdraw()

    def close(self) -> None:
        """A build that stops: documents not yet begun are not typeset (those under way finish, seconds)."""
        self._withdraw()
        self._room.close()
        self._pool.shutdown(wait=False, cancel_futures=True)


def size_of(path: str) -> int | None:
    """The size of a PDF the build in this process is typesetting (:meth:`Typesetting.announce`), waiting for
    it; None when no build here typesets it."""
    typesetting = Typesetting.announced
    return typesetting.size(path) if typesetting is not None else None
