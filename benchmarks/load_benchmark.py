"""How long loading and validating an agenda takes, by size (prints figures).

    python benchmarks/load_benchmark.py            # 100, 1000, 10000 actions
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate  # noqa: E402
from lea_site.load import load  # noqa: E402


def main(sizes: list[int], repeat: int = 5) -> None:
    print(f"{'acties':>8} {'mediaan (s)':>12} {'min (s)':>8} {'fouten':>7}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            generate(size, Path(tmp))
            times, result = [], None
            for _ in range(repeat):
                start = time.perf_counter()
                result = load(tmp, today=date(2026, 11, 22))
                times.append(time.perf_counter() - start)
            assert result is not None
            print(f"{size:>8} {statistics.median(times):>12.3f} {min(times):>8.3f} {len(result.errors):>7}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
