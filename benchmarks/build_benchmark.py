"""Build time, peak memory, pages and site size by agenda size: ours against plain Material.

    python benchmarks/build_benchmark.py                 # 100, 1,000 and 10,000 actions, 3 runs each
    python benchmarks/build_benchmark.py --sizes 100 1000 --runs 5

For each size a synthetic agenda is generated (benchmarks/generate.py) and built
twice with ``mkdocs build``:

* **ours**: data/ + docs/ through the hooks and mkdocs-macros, as a user builds it;
* **plain**: the very same pages pre-rendered to plain Markdown files (the macros'
  output written out once, untimed), built by plain Material for MkDocs without
  the macros plugin, hooks or data layer, with the same navigation.

Each build runs in a fresh process (benchmarks/_build_once.py) that reports its
wall time and peak memory (ru_maxrss). Prints a table, ratios and the growth
factor per doubling of the data.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from lea_site.load import load  # noqa: E402
from lea_site.render.macros import MACROS  # noqa: E402
from lea_site.render.nav import build_nav  # noqa: E402
from lea_site.render.pages import View  # noqa: E402
from lea_site.render.paths import generated_pages, relative, url_of  # noqa: E402
from lea_site.site import today  # noqa: E402
from tests.sitebuild import write_config  # noqa: E402

TODAY = "2026-11-22"


def prerender(data: Path, out: Path) -> Path:
    """Write every page as plain Markdown (macros evaluated) and a plain Material mkdocs.yml."""
    os.environ["LEA_TODAY"] = TODAY
    agenda = load(data, today()).agenda
    assert agenda is not None
    docs = out / "docs"
    shutil.copytree(ROOT / "docs", docs)
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    pages.update({k: v for k, v in generated_pages(agenda).items() if k not in pages})
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    for src, text in pages.items():
        page_url = url_of(src)
        view = View(agenda, today(), lambda target, page_url=page_url: relative(page_url, url_of(target)))
        funcs = {name: (lambda *a, _r=spec.render, **k: _r(view, *a, **k)) for name, spec in MACROS.items()}
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.from_string(text).render(**funcs), encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [{"search": {"lang": "nl"}}]
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)
    config["watch"] = []
    config["site_dir"] = str(out / "site")
    config["nav"] = build_nav(agenda, set(pages))
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_build(config: Path) -> dict:
    env = {**os.environ, "LEA_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "_build_once.py"), str(config)], capture_output=True, text=True, env=env, cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(f"build failed for {config}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def site_facts(site: Path) -> tuple[int, int]:
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"# {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"{'acties':>7} {'wie':>6} {'mediaan s':>10} {'min s':>7} {'piek MB':>8} {'pagina':>7} {'site MB':>8}")
    medians: dict[str, list[float]] = {"ours": [], "plain": []}
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            tmpdir = Path(tmp)
            data = generate(size, tmpdir / "data")
            ours = write_config(data, tmpdir / "ours")
            plain = prerender(data, tmpdir / "plain")
            for who, config in (("ours", ours), ("plain", plain)):
                results = [run_build(config) for _ in range(args.runs)]
                times = [r["seconds"] for r in results]
                pages, site_size = site_facts(config.parent / "site")
                medians[who].append(statistics.median(times))
                print(f"{size:>7} {who:>6} {statistics.median(times):>10.2f} {min(times):>7.2f} {max(r['peak_mb'] for r in results):>8.0f} {pages:>7} {site_size / 1e6:>8.1f}")
    print()
    for i, size in enumerate(args.sizes):
        print(f"{size:>7} acties: ours / plain = {medians['ours'][i] / medians['plain'][i]:.2f}")
    for who in ("ours", "plain"):
        for i in range(1, len(args.sizes)):
            factor = medians[who][i] / medians[who][i - 1]
            doublings = math.log2(args.sizes[i] / args.sizes[i - 1])
            print(f"{who}: {args.sizes[i - 1]} -> {args.sizes[i]} acties: tijd x{factor:.2f}, per verdubbeling x{factor ** (1 / doublings):.2f}")


if __name__ == "__main__":
    main()
