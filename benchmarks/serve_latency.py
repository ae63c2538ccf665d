"""How long `lea serve` takes to show a change to one YAML file (prints figures).

    python benchmarks/serve_latency.py                    # both engines, the demo and 1,000 actions, 5 edits each
    python benchmarks/serve_latency.py --engine zensical --sizes demo --runs 10
    python benchmarks/serve_latency.py --engine mkdocs --plugin   # also plain `mkdocs serve` (plugin lea)

For each agenda (``demo``: a copy of this repository's data/; a number: a synthetic
agenda of that many actions, benchmarks/generate.py) and each engine: a site folder
with that data and a mkdocs.yml that names the site and its data, as `lea init` makes
one; starts ``lea serve --engine ...`` there and waits until it serves, then edits the
title of an action in the newest school year's file and polls the ambition page until
the new title is there: the time from saving the file to the page showing it.
``--plugin`` measures plain ``mkdocs serve`` in the same site folder too (through the
plugin lea). The load of the machine (1-minute load average) is printed with each line:
the machine is shared, and a busy moment slows every server alike. So each edit's CPU time
is measured too (Linux: user + system time of the server and all its processes, from
/proc, between the save and the page showing it): what one update costs, whatever else
runs; on an idle machine the wait is about that plus up to one poll (0.1 s).
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

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402


class Agenda:
    """Where a benchmark edits (an action title in the newest school year) and looks (that ambition's page)."""

    def __init__(self, label: str, folder: Path):
        self.label = label
        if label == "demo":
            shutil.copytree(ROOT / "data", folder)
            self.plan, self.title, self.page = "jaarplannen/2026-2027.yml", "Consultatiebureau verwijst actief door", "ambities/vroeg-en-voorschool/"
        else:
            generate(int(label), folder)
            newest = sorted((folder / "jaarplannen").glob("*.yml"))[-1]
            first = yaml.safe_load(newest.read_text(encoding="utf-8"))["jaarplan"]["ambities"][0]
            self.plan, self.title = newest.relative_to(folder).as_posix(), first["acties"][0]["titel"]
            self.page = f"ambities/{first['ambitie']}/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` and all its descendants so far (Linux /proc; 0 elsewhere)."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))  # fields[1]: the parent's pid
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += times.get(current, 0.0)
        todo += children.get(current, [])
    return total


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def lea_site(folder: Path, label: str) -> tuple[Path, Agenda]:
    agenda = Agenda(label, folder / "data")
    own = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {"site_name": own["site_name"], "site_description": own.get("site_description", ""), "plugins": ["lea"],
              "extra": {"lea": {"data": "data"}}}
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder, agenda


def server_command(who: str, address: str) -> list[str]:
    if who == "plugin":
        return [sys.executable, "-m", "mkdocs", "serve", "-a", address]
    lea = Path(sys.executable).parent / "lea"
    return [*([str(lea)] if lea.exists() else [sys.executable, "-m", "lea_site.cli"]), "serve", "--engine", who, "-a", address]


def measure(who: str, label: str, runs: int, tmp: Path) -> tuple[list[float], list[float]]:
    project, agenda = lea_site(tmp / f"{who}-{label}", label)
    TITLE, PAGE = agenda.title, agenda.page  # noqa: N806
    port = free_port()
    env = {**os.environ, "LEA_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp / f"{who}.log").open("w")
    server = subprocess.Popen(server_command(who, f"127.0.0.1:{port}"), cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        deadline = time.time() + 600
        while TITLE not in fetch(url):
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit(f"{who}: the server did not come up; see its output:\n{(tmp / f'{who}.log').read_text()[-3000:]}")
            time.sleep(0.2)
        time.sleep(2)  # the first build's aftermath (caches, watcher) settles
        plan = project / "data" / agenda.plan
        original = plan.read_text(encoding="utf-8")
        times, cpu = [], []
        for run in range(runs):
            marker = f"{TITLE} (meting {run})"
            before = cpu_seconds(server.pid)
            plan.write_text(original.replace(TITLE, marker, 1), encoding="utf-8")
            start = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - start > 60:
                    raise SystemExit(f"{who}: the change did not show within 60 s; see its output:\n{(tmp / f'{who}.log').read_text()[-3000:]}")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            cpu.append(cpu_seconds(server.pid) - before)
            time.sleep(1.5)  # let the watcher settle before the next edit
        return times, cpu
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["mkdocs", "zensical", "both"], default="both")
    parser.add_argument("--plugin", action="store_true", help="also plain `mkdocs serve` through the plugin lea")
    parser.add_argument("--sizes", nargs="*", default=["demo", "1000"], help="demo and/or numbers of actions")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    servers = ["mkdocs", "zensical"] if args.engine == "both" else [args.engine]
    if args.plugin:
        servers.append("plugin")
    print(f"# {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the start; {args.runs} edits per server")
    with tempfile.TemporaryDirectory() as tmp:
        for label in args.sizes:
            for who in servers:
                times, cpu = measure(who, label, args.runs, Path(tmp))
                name = "mkdocs serve (plugin lea)" if who == "plugin" else f"lea serve --engine {who}"
                print(f"{label:>5} {name}: wijziging zichtbaar na mediaan {statistics.median(times):.2f} s, min {min(times):.2f} s, "
                      f"max {max(times):.2f} s ({args.runs} keer: {', '.join(f'{t:.2f}' for t in times)}); "
                      f"CPU-tijd per wijziging mediaan {statistics.median(cpu):.2f} s; load {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
