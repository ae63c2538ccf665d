"""Build time as one page grows: N interventions on the interventions page (not a test).

    python benchmarks/items_growth.py                  # 2,500, 5,000 and 10,000 interventions
    python benchmarks/items_growth.py --sizes 1000 2000 4000 8000

The demo data with its interventions repeated N times (each with an id of its own),
built with ``mkdocs build`` in a fresh process. Prints the time per size and the
growth per doubling: about 2.0 is linear. Before the fixes of December 2026
(Material's search looked up every heading by walking the whole table of contents;
the block stash checked membership in a list) 5,000 took 35 s and 10,000 took 3x that.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sitebuild import build  # noqa: E402


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # noqa: ANN001 - PyYAML's signature
        return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    args = parser.parse_args()
    demo = yaml.safe_load((ROOT / "data" / "interventies.yml").read_text(encoding="utf-8"))["interventies"]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            shutil.copytree(ROOT / "data", folder / "data")
            items = [dict(demo[i % len(demo)], id=f"interventie-{i}", titel=f"Interventie {i}") for i in range(n)]
            (folder / "data" / "interventies.yml").write_text(yaml.dump({"interventies": items}, Dumper=_NoAliases, allow_unicode=True),
                                                             encoding="utf-8")
            start = time.perf_counter()
            run = build(folder / "data", folder / "out", "2026-11-22", strict=False)
            seconds = time.perf_counter() - start
            if run.returncode != 0:
                sys.exit(f"build of {n} failed:\n{run.stderr[-2000:]}")
            results.append((n, seconds))
            print(f"{n:>7} interventions: {seconds:6.1f} s", flush=True)
    for (n1, t1), (n2, t2) in zip(results, results[1:]):
        print(f"growth {n1} -> {n2}: x{t2 / t1:.2f} per x{n2 / n1:.1f} (linear: x{n2 / n1:.1f}, exponent {math.log(t2 / t1) / math.log(n2 / n1):.2f})")


if __name__ == "__main__":
    main()
