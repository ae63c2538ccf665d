"""Time and peak memory of ``load()`` on hostile data folders of about 10 MB (prints figures).

    python benchmarks/hostile_inputs.py                 # every case
    python benchmarks/hostile_inputs.py alias deep      # the cases whose name contains a word

The data of a pull request is under an attacker's control. Whatever it holds, the
check must finish in bounded time and memory (the promise: any data folder up to
10 MB in under 10 s and under 500 MB) and refuse what is beyond the limits with a
plain message. Each case is generated in a temporary folder and loaded in a child
process of its own, with a memory limit (2 GB) and a time limit (120 s), so a
regression shows up as a failed line here instead of taking the machine down.

Not a test: the figures depend on the machine. ``interventions-10k/20k/40k`` show
whether the load grows linearly in the number of items.

The build's steps on hostile input (issue 24, class 10), each in a child process with the same limits:

* ``history-25/50``: the page Wijzigingen walks 25 or 50 commits of a 0.45 MB data file; its peak
  memory must not grow with the number of versions (each was kept in memory);
* ``zensical-rows-2k/4k/8k``: the search rows added to Zensical's index (quadratic until 2026-12);
* ``notes-5000``: one action with 5,000 progress notes that change its status, the PDFs composed
  (a note's earlier status was sorted anew per note) and typeset by Typst;
* ``build-10mb-mkdocs/zensical``: the whole ``lea build`` of a valid agenda of about 10 MB, every PDF
  typeset anew: wall time, the CPU of all its processes, and the memory of all of them at one moment;
* ``pr-diff-10mb``, ``pr-axe-10mb``: the other steps of a pull request's build on such an agenda
  (``lea diff`` of a change to every action; ``lea toegankelijkheid`` over every built page).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402

MB = 1024 * 1024
TARGET = int(9.5 * MB)  # just under the limit of 10 MB per file, so the case is read
MEMORY_LIMIT = 2 * 1024 * MB
TIME_LIMIT = 120

HEADER = textwrap.dedent("""\
    agenda:
      titel: Vijandige invoer
      regio: {naam: Testdorp, gemeenten: [Testdorp]}
      periode: {van: 2021, tot: 2030}
      vaststelling: {status: concept}
    partners:
      - {id: gemeente, naam: Gemeente Testdorp, sector: gemeente}
    ambities:
      - id: lezen
        titel: Lezen
        samenvatting: Kinderen lezen meer.
    """)


def _write(folder: Path, text: str, name: str = "agenda.yml") -> None:
    (folder / name).write_text(text, encoding="utf-8")


def _repeat(unit: str, size: int = TARGET) -> str:
    return unit * max(1, size // len(unit))


def alias_bomb(folder: Path) -> None:
    """Nine levels of nine references: a few hundred bytes that expand to a billion values."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        prev, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    _write(folder, HEADER)
    _write(folder, "\n".join(lines) + "\n", "bom.yml")


def alias_fanout(folder: Path) -> None:
    """10 MB of references to a list of a thousand values."""
    _write(folder, HEADER + "x: &x [" + ", ".join(["t"] * 1000) + "]\ny: [" + _repeat("*x, ") + "*x]\n")


def deep_brackets(folder: Path) -> None:
    _write(folder, HEADER + "x: " + _repeat("[") + "\n")


def deep_brackets_60k(folder: Path) -> None:
    _write(folder, HEADER + "x: " + "[" * 60_000 + "\n")


def deep_dashes(folder: Path) -> None:
    _write(folder, _repeat("- ") + "x\n")


def deep_indentation(folder: Path) -> None:
    lines, size, depth = [HEADER, "x:\n"], 0, 1
    while size < TARGET:
        line = " " * depth + "a:\n"
        lines.append(line)
        size += len(line)
        depth += 1
    _write(folder, "".join(lines))


def _actions(count: int, planning: str = "Q1 2022", ages: str = "4-12") -> str:
    out = [HEADER, "jaarplan:\n  schooljaar: 2021-2022\n  vaststelling: {status: concept}\n  ambities:\n    - ambitie: lezen\n      acties:\n"]
    for n in range(count):
        out.append(f"        - id: a{n}\n          titel: Actie {n}\n          planning: \"{planning}\"\n          leeftijden: \"{ages}\"\n")
    return "".join(out)


def whitespace_planning(folder: Path) -> None:
    """One planning of 10 MB of spaces (a quadratic pattern took about a minute on 200,000)."""
    _write(folder, _actions(1, planning="Q1 2022" + " " * TARGET + "x"))


def whitespace_ages(folder: Path) -> None:
    _write(folder, _actions(1, ages="4" + " " * TARGET + "x"))


def whitespace_many(folder: Path) -> None:
    """Thousands of plannings and age ranges of 1,000 spaces each."""
    _write(folder, _actions(TARGET // 2200, planning="Q1 2022" + " " * 1000 + "x", ages="4" + " " * 1000 + "x"))


def huge_numbers(folder: Path) -> None:
    """Amounts of 29 digits and measurements of 310 digits, until 10 MB."""
    amount, value = "9" * 29, "9" * 310
    out = [HEADER + "    indicatoren:\n"]
    count = TARGET // 450
    for n in range(count):
        out.append(f"      - {{id: i{n}, titel: Meting {n}, metingen: [{{periode: 2022, waarde: {value}}}]}}\n")
    out.append(f"jaarplan:\n  schooljaar: 2021-2022\n  vaststelling: {{status: concept}}\n  budget: {{beschikbaar: {amount}}}\n")
    _write(folder, "".join(out))


def long_title(folder: Path) -> None:
    _write(folder, HEADER.replace("titel: Vijandige invoer", "titel: " + _repeat("Lang ")))


def long_lines_with_hash(folder: Path) -> None:
    """Lines of 100,000 characters with ' #' at the end: the dropped-text warning's patterns."""
    line = "      - " + "woord " * 16_000 + "#x\n"
    _write(folder, HEADER + "    pijlers:\n" + "".join(line for _ in range(TARGET // len(line))))


def run_on_lines(folder: Path) -> None:
    """Plain texts that continue over many lines that look like items (warned, at most so many)."""
    block = "      - Eerste item\n        - tweede\n        Derde\n"
    _write(folder, HEADER + "    pijlers:\n" + _repeat(block))


def flat_values(folder: Path) -> None:
    _write(folder, HEADER + "x: [" + _repeat("a,") + "a]\n")


def members(count: int) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        _write(folder, HEADER + "organen:\n  - id: o\n    naam: O\n    niveau: regie\n    leden: [" + "gemeente, " * count + "gemeente]\n")
    make.__doc__ = f"One body with {count:,} members: the most expensive value per byte (each a model)"
    return make


def empty_groups(folder: Path) -> None:
    """Hundreds of thousands of empty partners: every one invalid (the error limit stops the check)."""
    _write(folder, HEADER.replace("partners:\n", "partners:\n" + _repeat("  - {}\n")))


def unknown_references(folder: Path) -> None:
    """Many partners and many actions whose leader is a partner that does not exist (did-you-mean)."""
    partners = "".join(f"  - {{id: partner-{n}, naam: Partner {n}, sector: overig}}\n" for n in range(20_000))
    parts = _actions(40_000).split("          titel: Actie")
    text = parts[0] + "".join(f"          trekker: partner-{n}x\n          titel: Actie{part}" for n, part in enumerate(parts[1:]))
    _write(folder, text.replace("partners:\n", "partners:\n" + partners, 1))


def carried_over(folder: Path) -> None:
    """Two year plans of 20,000 actions, every action of the second carried over from the first."""
    first = _actions(20_000)
    second = first[first.index("jaarplan:"):].replace("jaarplan:", "jaarplan:", 1).replace("2021-2022", "2022-2023")
    second = second.replace("          titel: Actie", "          doorgeschoven_van: 2021-2022\n          titel: Actie")
    _write(folder, first)
    _write(folder, second.replace("Q1 2022", "Q1 2023"), "2022-2023.yml")


def _interventions(count: int) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        _write(folder, HEADER)
        for part in range(0, count, 10_000):  # files of 10,000 interventions
            items = "".join(
                f"  - id: interventie-{n}\n    titel: Interventie {n}\n    ambitie: lezen\n    betrokken_partijen: [gemeente]\n"
                f"    doel: Meer kinderen lezen elke dag, thuis en op school.\n"
                for n in range(part, min(count, part + 10_000))
            )
            _write(folder, "interventies:\n" + items, f"interventies-{part // 10_000}.yml")
    make.__doc__ = f"{count:,} valid interventions of 12 values each"
    return make


def ordinary(folder: Path) -> None:
    """An ordinary agenda of 10 MB (benchmarks/generate.py, 10,000 actions)."""
    generate(10_000, folder)


def folder_too_large(folder: Path) -> None:
    """Three files of 8 MB: over the limit for the folder together."""
    for n in range(3):
        _write(folder, "# " + _repeat("x", 8 * MB) + "\n", f"deel-{n}.yml")


CASES: dict[str, Callable[[Path], None]] = {
    "alias-bomb": alias_bomb,
    "alias-fanout": alias_fanout,
    "deep-brackets-60k": deep_brackets_60k,
    "deep-brackets": deep_brackets,
    "deep-dashes": deep_dashes,
    "deep-indentation": deep_indentation,
    "whitespace-planning": whitespace_planning,
    "whitespace-ages": whitespace_ages,
    "whitespace-many": whitespace_many,
    "huge-numbers": huge_numbers,
    "long-title": long_title,
    "long-lines-with-hash": long_lines_with_hash,
    "run-on-lines": run_on_lines,
    "flat-values": flat_values,
    "empty-groups": empty_groups,
    "members-590k": members(590_000),
    "members-10mb": members(TARGET // 10),
    "unknown-references": unknown_references,
    "carried-over": carried_over,
    "interventions-10k": _interventions(10_000),
    "interventions-20k": _interventions(20_000),
    "interventions-40k": _interventions(40_000),
    "ordinary-10mb": ordinary,
    "folder-too-large": folder_too_large,
}

# --- the build's steps ---------------------------------------------------------------------------------

def _build_child(folder: str, setup: str, step: str) -> str:
    """The child's program: ``setup`` (not measured), then ``step`` (measured; it sets ``what``)."""
    return "\n".join([
        "import json, resource, sys, time",
        f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))",
        f"sys.path.insert(0, {str(ROOT)!r})",
        f"folder = {folder!r}",
        setup,
        "usage = resource.getrusage(resource.RUSAGE_SELF)",
        "cpu_before = usage.ru_utime + usage.ru_stime",
        "start = time.perf_counter()",
        step,
        "seconds = time.perf_counter() - start",
        "usage = resource.getrusage(resource.RUSAGE_SELF)",
        "children = resource.getrusage(resource.RUSAGE_CHILDREN)",
        "cpu = usage.ru_utime + usage.ru_stime - cpu_before + children.ru_utime + children.ru_stime",
        "peak = max(usage.ru_maxrss, children.ru_maxrss) / 1024",
        'print(json.dumps({"seconds": seconds, "cpu": cpu, "peak": peak, "what": str(what)}))',
    ])


def _git(folder: Path, *args: str, when: int = 0) -> None:
    stamp = f"{1_767_225_600 + when * 86_400} +0100"
    env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.invalid", "GIT_COMMITTER_NAME": "b",
           "GIT_COMMITTER_EMAIL": "b@example.invalid", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
           "PATH": "/usr/bin:/bin", "HOME": str(folder)}
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=env)


def history(commits: int) -> Callable[[Path], tuple[str, str]]:
    def make(folder: Path) -> tuple[str, str]:
        data = folder / "data"
        generate(450, data)  # about 0.45 MB of YAML
        _git(folder, "init", "-q")
        plans = sorted((data / "jaarplannen").glob("*.yml"))
        for n in range(commits):  # each commit changes one action's status
            plan = plans[n % len(plans)]
            text = plan.read_text(encoding="utf-8")
            old, new = ("status: gepland", "status: lopend") if "status: gepland" in text else ("status: lopend", "status: afgerond")
            plan.write_text(text.replace(old, new, 1), encoding="utf-8")
            _git(folder, "add", "-A")
            _git(folder, "commit", "-q", "-m", f"versie {n}", when=n)
        setup = "import os; os.environ['LEA_TODAY'] = '2026-11-22'\nfrom pathlib import Path\nfrom lea_site.exports.changes import history"
        return setup, f"h = history(Path(folder) / 'data', None)\nwhat = f'{{len(h.changes)}} versies vergeleken'"
    make.__doc__ = f"the page Wijzigingen over {commits} commits of a 0.45 MB data file"
    return make


def zensical_rows(actions: int) -> Callable[[Path], tuple[str, str]]:
    def make(folder: Path) -> tuple[str, str]:
        generate(actions, folder / "data")
        setup = textwrap.dedent("""\
            import json
            from datetime import date
            from pathlib import Path
            from lea_site.load import load
            from lea_site.search import extend_zensical_index, row_entries, url_of
            agenda = load(Path(folder) / 'data', today=date(2026, 11, 22)).agenda
            entries = row_entries(agenda, date(2026, 11, 22))
            pages = sorted({url_of(e.page) for e in entries})
            index = Path(folder) / 'search.json'  # as Zensical writes it: a few items per page
            items = [{'location': p + suffix, 'level': 1, 'title': p, 'text': '', 'path': [], 'tags': []} for p in pages for suffix in ('', '#doel', '#acties')]
            index.write_text(json.dumps({'config': {}, 'items': items}))""")
        return setup, "what = f'{extend_zensical_index(index, entries)} rijen toegevoegd'"
    make.__doc__ = f"{actions:,} search rows added to Zensical's index"
    return make


def many_notes(count: int) -> Callable[[Path], tuple[str, str]]:
    def make(folder: Path) -> tuple[str, str]:
        data = folder / "data"
        data.mkdir()
        notes = "".join(f"            - {{datum: 2021-{9 + n % 4:02d}-{1 + n % 28:02d}, tekst: Notitie {n} over de voortgang van de actie., "
                        f"status: {('lopend', 'vertraagd')[n % 2]}}}\n" for n in range(count))
        _write(data, _actions(1).replace('          titel: Actie 0\n', '          titel: Actie 0\n          voortgang:\n' + notes))
        setup = ("from datetime import date\nfrom pathlib import Path\nfrom lea_site.load import load\nfrom lea_site.exports import pdf\n"
                 "agenda = load(Path(folder) / 'data', today=date(2022, 6, 1)).agenda\nassert agenda is not None")
        return setup, "made = pdf.downloads(agenda, date(2022, 6, 1))\nwhat = f'{len(made)} PDF-bestanden samengesteld en gezet'"
    make.__doc__ = f"one action with {count:,} progress notes that change its status: the PDFs composed"
    return make


BUILD_CASES: dict[str, Callable[[Path], tuple[str, str]]] = {
    "history-25": history(25),
    "history-50": history(50),
    "zensical-rows-2k": zensical_rows(2_000),
    "zensical-rows-4k": zensical_rows(4_000),
    "zensical-rows-8k": zensical_rows(8_000),
    "notes-1000": many_notes(1_000),
    "notes-2500": many_notes(2_500),
    "notes-5000": many_notes(5_000),
}


def whole_build(engine: str, actions: int = 10_000) -> Callable[[Path], list[str]]:
    """``lea build`` of a valid agenda of about 10 MB (10,000 actions, 9.8 MB of YAML), PDFs typeset anew."""
    def make(folder: Path) -> list[str]:
        from benchmarks.build_benchmark import site_folder

        config = site_folder(generate(actions, folder / "data"), folder / "site")
        return [sys.executable, "-m", "lea_site.cli", "build", "-f", str(config), "--engine", engine]
    make.__doc__ = f"lea build --engine {engine} of {actions:,} actions (about 10 MB), every PDF typeset anew"
    return make


def pull_request_diff(actions: int = 10_000) -> Callable[[Path], list[str]]:
    """``lea diff`` of a pull request that changes every action of a 10 MB agenda (its status and its title)."""
    def make(folder: Path) -> list[str]:
        data = generate(actions, folder / "data")
        _git(folder, "init", "-q")
        _git(folder, "add", "-A")
        _git(folder, "commit", "-q", "-m", "basis")
        for plan in sorted((data / "jaarplannen").glob("*.yml")):
            text = plan.read_text(encoding="utf-8")
            plan.write_text(text.replace("status: gepland", "status: lopend").replace("titel: ", "titel: Nieuw "), encoding="utf-8")
        _git(folder, "commit", "-q", "-am", "alles anders", when=1)
        return [sys.executable, "-m", "lea_site.cli", "diff", "HEAD~1", "HEAD"]
    make.__doc__ = f"lea diff of a pull request that changes all {actions:,} actions"
    return make


def pull_request_axe(actions: int = 10_000) -> Callable[[Path], list[str]]:
    """``lea toegankelijkheid`` (axe-core in Chromium, every page) on the built site of a 10 MB agenda."""
    def make(folder: Path) -> list[str]:
        from benchmarks.build_benchmark import site_folder

        config = site_folder(generate(actions, folder / "data"), folder / "site")
        env = {**os.environ, "LEA_PDF": "nee", "LEA_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "lea_site.cli", "build", "-f", str(config)], cwd=folder / "site", env=env,
                       check=True, capture_output=True)
        return [sys.executable, "-m", "lea_site.cli", "toegankelijkheid", "--axe", str(ROOT / "tests" / "js" / "node_modules" / "axe-core"),
                "-f", str(config)]
    make.__doc__ = f"lea toegankelijkheid over the built site of {actions:,} actions"
    return make


WHOLE_BUILDS: dict[str, Callable[[Path], list[str]]] = {
    "build-10mb-mkdocs": whole_build("mkdocs"),
    "build-10mb-zensical": whole_build("zensical"),
    "pr-diff-10mb": pull_request_diff(),
    "pr-axe-10mb": pull_request_axe(),
    # the largest agenda of this shape that lea check accepts (15,000 actions, about 483,000 of the 500,000 values)
    "build-max-mkdocs": whole_build("mkdocs", 15_000),
    "build-max-zensical": whole_build("zensical", 15_000),
    "pr-axe-max": pull_request_axe(15_000),
}
WHOLE_TIME_LIMIT = 600  # seconds: the target is 120; a build that takes longer is reported, not waited for forever


def run_whole(name: str, make: Callable[[Path], list[str]]) -> str:
    """A whole build as a user runs it: wall time, CPU of every process it started, and the largest memory of
    all its processes at one moment (benchmarks/memory.py), which is what the 1.5 GB target is about."""
    import resource
    import time

    from benchmarks.memory import Together

    with tempfile.TemporaryDirectory() as tmp:
        command = make(Path(tmp))
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache"), "LEA_TODAY": "2026-11-22", "NO_MKDOCS_2_WARNING": "1"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        cwd = Path(command[-1]).parent if command[-2] == "-f" else Path(tmp)
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        together = Together(child.pid)
        try:
            _, err = child.communicate(timeout=WHOLE_TIME_LIMIT)
        except subprocess.TimeoutExpired:
            child.kill()
            together.stop()
            return f"{name:<22} {'':>6}  meer dan {WHOLE_TIME_LIMIT} s (afgebroken)"
        seconds, peak = time.perf_counter() - start, together.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        if child.returncode != 0:
            return f"{name:<22} {'':>6}  MISLUKT: {(err.strip().splitlines() or ['?'])[-1][:120]}"
        pdfs = len(list((Path(tmp) / "site" / "site" / "downloads").glob("*.pdf")))
        return f"{name:<22} {'':>6} {seconds:>7.2f} {cpu:>6.2f} {peak:>7.0f} {'':>7} {'':>6}  {pdfs} PDF's; piek = alle processen samen"


def run_build(name: str, make: Callable[[Path], tuple[str, str]]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        setup, step = make(Path(tmp))
        code = _build_child(tmp, setup, step)
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}  # an empty cache: the PDFs typeset anew
        try:
            child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIME_LIMIT, env=env)
        except subprocess.TimeoutExpired:
            return f"{name:<22} {'':>6}  meer dan {TIME_LIMIT} s (afgebroken)"
        if child.returncode != 0:
            tail = (child.stderr.strip().splitlines() or [f"exit {child.returncode}"])[-1]
            return f"{name:<22} {'':>6}  MISLUKT: {tail[:120]}"
        out = json.loads(child.stdout.strip().splitlines()[-1])
        return f"{name:<22} {'':>6} {out['seconds']:>7.2f} {out['cpu']:>6.2f} {out['peak']:>7.0f} {'':>7} {'':>6}  {out['what']}"


CHILD = textwrap.dedent("""\
    import json, resource, sys, time
    from datetime import date
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    sys.path.insert(0, {root!r})
    from lea_site.load import load
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    result = load({folder!r}, today=date(2022, 6, 1))
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu, peak = usage.ru_utime + usage.ru_stime - cpu_before, usage.ru_maxrss / 1024
    errors = result.errors
    print(json.dumps({{"seconds": seconds, "cpu": cpu, "peak": peak, "errors": len(errors), "warnings": len(result.warnings),
                      "first": str(errors[0] if errors else (result.warnings[0] if result.warnings else "")) }}))
    """)


def run(name: str, make: Callable[[Path], None]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        make(folder)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        code = CHILD.format(limit=MEMORY_LIMIT, root=str(ROOT), folder=str(folder))
        try:
            child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            return f"{name:<22} {size / MB:>6.1f}  meer dan {TIME_LIMIT} s (afgebroken)"
        if child.returncode != 0:
            tail = (child.stderr.strip().splitlines() or [f"exit {child.returncode}"])[-1]
            return f"{name:<22} {size / MB:>6.1f}  MISLUKT: {tail[:120]}"
        out = json.loads(child.stdout.strip().splitlines()[-1])
        first = out["first"].replace(tmp + "/", "")
        first = first if len(first) <= 110 else first[:110] + "…"
        return (f"{name:<22} {size / MB:>6.1f} {out['seconds']:>7.2f} {out['cpu']:>6.2f} {out['peak']:>7.0f} {out['errors']:>7} {out['warnings']:>6}  {first}")


def main(words: list[str]) -> None:
    print(f"{'geval':<22} {'MB':>6} {'tijd s':>7} {'cpu s':>6} {'piek MB':>7} {'fouten':>7} {'waarsch':>6}  eerste melding")
    for name, make in CASES.items():
        if not words or any(word in name for word in words):
            print(run(name, make), flush=True)
    for name, make in BUILD_CASES.items():
        if not words or any(word in name for word in words):
            print(run_build(name, make), flush=True)
    for name, make in WHOLE_BUILDS.items():
        if not words or any(word in name for word in words):
            print(run_whole(name, make), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
