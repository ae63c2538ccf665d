"""How long `mkdocs serve` takes to show a change to one YAML file of the demo data (prints figures).

    python benchmarks/serve_latency.py [--runs 5]

Starts `mkdocs serve` on a copy of the project, waits until it serves, then edits
the title of an action in data/jaarplannen/2026-2027.yml and polls the ambition page
until the new title is there: the time from saving the file to the page showing it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        for name in ("data", "docs", "macros", "overrides"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        port = free_port()
        env = {**os.environ, "LEA_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/ambities/vroeg-en-voorschool/"
        try:
            deadline = time.time() + 120
            while "Consultatiebureau" not in fetch(url):
                if time.time() > deadline:
                    raise SystemExit("mkdocs serve did not come up")
                time.sleep(0.2)
            plan = project / "data" / "jaarplannen" / "2026-2027.yml"
            original = plan.read_text(encoding="utf-8")
            times = []
            for run in range(args.runs):
                marker = f"Consultatiebureau verwijst actief door (meting {run})"
                plan.write_text(original.replace("Consultatiebureau verwijst actief door", marker, 1), encoding="utf-8")
                start = time.perf_counter()
                while marker not in fetch(url):
                    if time.perf_counter() - start > 60:
                        raise SystemExit("change did not show within 60 s")
                    time.sleep(0.05)
                times.append(time.perf_counter() - start)
                time.sleep(1.5)  # let the watcher settle before the next edit
            print(f"wijziging zichtbaar na: mediaan {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s ({args.runs} keer)")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
