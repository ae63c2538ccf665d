"""``lea serve``: the site on a local address, brought up to date each time the editor saves.

The engine's own server (``zensical serve`` or ``mkdocs serve``) runs as a process of its own on
``build/lea/``. This loop watches the site's sources (the data, its own pages and overrides,
mkdocs.yml), runs the generate step again when one changed, in this warm process (the model
imported, the downloads kept from the start: :func:`lea_site.generate.generate` with ``previous``),
and tells the engine to rebuild by touching ``build/lea/stempel.txt`` (the generated config's ``watch``).

While the data has errors, nothing is generated: the generated config gets the errors
(``extra.lea_fouten``) and the engine rebuilds the last good pages (:func:`lea_site.site.last_good`)
with a banner on top of every page naming each error's file, line and message
(``overrides/main.html``, which escapes every value). The next good save writes the config
without them, and the banner is gone.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml

from .problems import Problem

MAX_SHOWN = 20  # errors listed on a page; the terminal has them all
POLL = 0.1  # seconds between looks at the sources (a few stat calls; a change shows up to this much later)
# The engine's progress lines (Zensical's: it has no --quiet), shown only with --verbose; anything else it says
# (a warning, an error) is passed on.
PROGRESS = re.compile(r"(Serving \S.* on http\S*|Build started|Build finished in .*|No issues found|Reloading\.\.\.)\s*")


def _pass_on(stream, verbose: bool) -> None:
    """Copy the engine's output to our stderr, without its progress lines unless asked."""
    for line in stream:
        if verbose or not PROGRESS.fullmatch(line):
            sys.stderr.write(line)
            sys.stderr.flush()


def sources_signature(config: Path) -> tuple:
    """What lea serve watches: the data, the site's own pages and overrides, and mkdocs.yml."""
    from .generate import read_config
    from .site import data_dir

    own = read_config(config)
    theme = own.get("theme") if isinstance(own.get("theme"), dict) else {}
    folders = [data_dir(str(config), own.get("extra") or {}), config.parent / str(own.get("docs_dir", "docs"))]
    if theme.get("custom_dir"):
        folders.append(config.parent / str(theme["custom_dir"]))
    files = [config] + [p for f in folders if f.is_dir() for p in sorted(f.rglob("*")) if p.is_file()]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def banner(problems: Sequence[Problem | str]) -> dict[str, Any]:
    """What the banner on every page says (``extra.lea_fouten``): plain text, escaped by the template.
    A problem of the data names its file and line; a problem of mkdocs.yml comes as the line it was printed as."""
    errors = [p for p in problems if not isinstance(p, Problem) or p.is_error]
    shown = []
    for problem in errors[:MAX_SHOWN]:
        if not isinstance(problem, Problem):
            shown.append({"plaats": "", "melding": str(problem)})
        elif problem.is_general:
            shown.append({"plaats": "", "melding": f"{problem.path}: {problem.message}" if problem.path else problem.message})
        else:
            shown.append({"plaats": f"{problem.file}, regel {problem.line}",
                          "melding": f"{problem.path}: {problem.message}" if problem.path else problem.message})
    more = len(errors) - len(shown)
    return {"titel": f"Deze pagina is niet bijgewerkt: {_count(len(errors), 'fout', 'fouten')} in de gegevens",
            "uitleg": "U ziet de laatste goede versie. Los de fouten hieronder op en sla het bestand op; "
                      "de pagina ververst dan vanzelf en deze melding verdwijnt.",
            "fouten": shown,
            "meer": f"En nog {_count(more, 'fout', 'fouten')}; zie de terminal of draai lea check." if more else ""}


def show_errors(folder: Path, problems: Sequence[Problem | str]) -> None:
    """Put the errors into the generated config (the last good one) and let the engine rebuild."""
    from .generate import _Loader, write_generated_config

    path = folder / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    config["extra"] = {**(config.get("extra") or {}), "lea_fouten": banner(problems)}
    write_generated_config(folder, config)
    touch(folder)


def touch(folder: Path) -> None:
    """The engine watches this file (the generated config's ``watch``): it rebuilds the site."""
    (folder / "stempel.txt").write_text(str(time.time_ns()), encoding="utf-8")


def run(config: Path, address: str, command: list[str], folder: Path,
        regenerate: Callable[[list], Any], verbose: bool = False) -> int:
    """Serve until Ctrl+C or SIGTERM. ``regenerate(problems)`` runs the generate step and returns its
    outcome, or None after filling ``problems`` (the data's errors, or a problem of mkdocs.yml as text)."""
    from .generate import ConfigError

    def stop(signum, frame):  # noqa: ARG001 - a terminated lea serve stops its engine too
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    # Material's end-of-life notice is for whoever chose MkDocs; lea chose it for the user already
    engine = subprocess.Popen(command, cwd=folder, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    threading.Thread(target=_pass_on, args=(engine.stdout, verbose), daemon=True).start()
    print(f"lea serve: de site staat op http://{address}/ en wordt bijgewerkt als u iets opslaat (stoppen: Ctrl+C).",
          file=sys.stderr)
    signature = sources_signature(config)
    try:
        while engine.poll() is None:
            time.sleep(POLL)
            try:
                now = sources_signature(config)
            except (OSError, ConfigError):
                continue
            if now == signature:
                continue
            signature = now
            started = time.monotonic()
            problems: list = []
            fresh = regenerate(problems)  # new pages and menu entries appear without a restart
            if fresh is None:
                if problems:
                    show_errors(folder, problems)
                print("lea serve: u ziet de laatste goede versie, met de fouten bovenaan elke pagina, "
                      "tot de fouten hierboven zijn opgelost.", file=sys.stderr)
                continue
            touch(folder)
            seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
            print(f"lea serve: gegevens gelezen in {seconds} s; de pagina's worden bijgewerkt.", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        engine.terminate()
        engine.wait(timeout=20)
    return 0
