"""What the exports (issues 14 and 25) cost: build time with and without them, and the PDFs on their own.

    python benchmarks/export_benchmark.py                       # the demo and 1,000 actions, 1 run each
    python benchmarks/export_benchmark.py --sizes 1000 --runs 3 --engine zensical

For the demo (this repository's data/) and each synthetic agenda (benchmarks/generate.py),
``lea build`` runs in a fresh process (benchmarks/_build_once.py: wall time until exit, and the
memory of all the processes it started at one moment, PSS: the build and its Typst workers) in these ways:

* **zonder**: without any export: the generate step's exports (open data, feeds, Wijzigingen)
  replaced by nothing and ``LEA_PDF=nee`` (this script runs ``lea build`` with that replacement);
* **geen pdf**: open data, feeds and Wijzigingen, no PDFs (``LEA_PDF=nee``);
* **alles koud**: everything, the PDFs typeset anew (an empty PDF cache);
* **alles warm**: everything again, the PDFs from the cache of the run before (a second build of
  the same data, as in CI with a kept cache or on the maintainer's machine).

Then the PDFs alone, each in a fresh process: the agenda's PDF (composed from the model, then
typeset by Typst: wall and CPU time, peak memory, pages) and all the site's PDFs (the same
figures; Typst runs in the build's own process, no workers). The data folders are not git repositories,
so Wijzigingen costs nothing here; benchmarks/RESULTS.md says what it costs with history.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.build_benchmark import TODAY, run_build, site_folder  # noqa: E402
from benchmarks.generate import generate  # noqa: E402
from benchmarks.memory import Together  # noqa: E402

WAYS = ("zonder", "geen pdf", "alles koud", "alles warm")


def build_without_exports(argv: list[str]) -> int:
    """``lea build`` with the generate step's exports replaced by nothing (the 'zonder' figure)."""
    from lea_site import cli, generate

    generate.export_files = lambda *args, **kwargs: {}
    return cli.main(argv)


def pdf_alone(data: Path, what: str) -> dict:
    """One measurement in this (fresh) process: 'agenda' typesets the agenda's PDF (all its parts, as a build
    does: lea_site.exports.volumes), 'alle' every PDF."""
    from lea_site.exports import pdf, typeset
    from lea_site.load import load
    from lea_site.render.html import no_edit
    from lea_site.render.pages import View

    today = date.fromisoformat(TODAY)
    agenda = load(data, today).agenda
    together = Together(os.getpid())
    start, cpu = time.perf_counter(), time.process_time()
    if what == "agenda":
        parts = pdf.volumes(pdf.agenda_document(View(agenda, today, lambda target: target, no_edit)))
        made = typeset.Typesetting({path: pdf.pb.finish(part) for path, part in parts.items()}).wait()
    else:
        made = pdf.downloads(agenda, today)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # each document is typeset in a process of its own
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu + children.ru_utime + children.ru_stime
    pages = sum(_pages(body) for path, body in made.items() if path != pdf.REPORT)  # voortgang.pdf is a copy
    return {"seconds": round(seconds, 2), "cpu": round(cpu, 2), "files": len(made), "pages": pages,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "typst_peak_mb": round(children.ru_maxrss / 1024), "together_mb": together.stop()}


def _pages(body: bytes) -> int:
    """Pages of a PDF, by poppler's pdfinfo (0 without it)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(body)
        file.flush()
        try:
            info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True).stdout
        except OSError:
            return 0
    return next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), 0)


def measure_builds(data: Path, tmp: Path, engine: str, runs: int) -> dict[str, list[dict]]:
    config = site_folder(data, tmp / "site")
    cache = tmp / "pdf-cache"
    lea = [sys.executable, "-m", "lea_site.cli", "build", "-f", str(config), "--engine", engine]
    without = [sys.executable, __file__, "--build-without-exports", "build", "-f", str(config), "--engine", engine]
    out: dict[str, list[dict]] = {way: [] for way in WAYS}
    for _ in range(runs):  # interleaved: a busy moment of the machine hits every way alike
        for way, cmd, pdf in (("zonder", without, "nee"), ("geen pdf", lea, "nee"), ("alles koud", lea, "ja"), ("alles warm", lea, "ja")):
            if way == "alles koud":
                for old in cache.glob("*.pdf"):
                    old.unlink()
            os.environ.update(LEA_PDF=pdf, LEA_PDF_CACHE=str(cache))
            out[way].append(run_build(cmd, config.parent))
    return out


def pdfs_alone(data: Path) -> dict[str, dict]:
    out = {}
    for what in ("agenda", "alle"):
        env = {**os.environ, "LEA_PDF_CACHE": "", "PYTHONPATH": str(ROOT)}
        run = subprocess.run([sys.executable, __file__, "--pdf-alone", str(data), what], capture_output=True, text=True, env=env)
        if run.returncode != 0:
            raise SystemExit(f"PDF run failed:\n{run.stderr[-3000:]}")
        out[what] = json.loads(run.stdout.strip().splitlines()[-1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--no-demo", action="store_true")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pdfs-only", action="store_true", help="only the PDFs alone (no builds): e.g. --sizes 1000 10000")
    args = parser.parse_args()
    print(f"# {platform.node()}: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, Python {platform.python_version()}; "
          f"lea build --engine {args.engine}; {args.runs} run(s); median wall s (all processes at once, MB)", flush=True)
    labels = ([] if args.no_demo else ["demo"]) + [str(s) for s in args.sizes]
    print(f"{'acties':>7} " + " ".join(f"{w:>16}" for w in WAYS) + f" {'+ koud':>8} {'+ warm':>8}", flush=True)
    alone: dict[str, dict] = {}
    for label in labels:
        with tempfile.TemporaryDirectory() as tmp:
            tmpdir = Path(tmp)
            data = ROOT / "data" if label == "demo" else generate(int(label), tmpdir / "data")
            alone[label] = pdfs_alone(data)
            if args.pdfs_only:
                continue
            results = measure_builds(data, tmpdir, args.engine, args.runs)
            med = {w: statistics.median(r["seconds"] for r in results[w]) for w in WAYS}
            peak = {w: max(r["together_mb"] for r in results[w]) for w in WAYS}
            cells = " ".join(f"{med[w]:>9.2f} ({peak[w]:>4.0f})" for w in WAYS)
            print(f"{label:>7} {cells} {100 * (med['alles koud'] / med['zonder'] - 1):>7.0f}% "
                  f"{100 * (med['alles warm'] / med['zonder'] - 1):>7.0f}%", flush=True)
    print()
    print("PDFs alone (fresh process, empty cache):")
    for label, figures in alone.items():
        a, every = figures["agenda"], figures["alle"]
        print(f"{label:>7}: the agenda ({a['files']} file{'s' if a['files'] > 1 else ''}) {a['seconds']:.1f} s wall, {a['cpu']:.1f} s CPU, "
              f"{a['pages']} pages, peak {a['peak_mb']} MB (largest Typst process {a['typst_peak_mb']} MB, "
              f"all processes at once {a['together_mb']} MB); "
              f"all {every['files']} PDFs {every['seconds']:.1f} s wall, {every['cpu']:.1f} s CPU, {every['pages']} pages, "
              f"peak {every['peak_mb']} MB (largest Typst process {every['typst_peak_mb']} MB, "
              f"all processes at once {every['together_mb']} MB)", flush=True)
    print(f"# load at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--build-without-exports":
        raise SystemExit(build_without_exports(sys.argv[2:]))
    if len(sys.argv) > 1 and sys.argv[1] == "--pdf-alone":
        print(json.dumps(pdf_alone(Path(sys.argv[2]), sys.argv[3])))
    else:
        main()
