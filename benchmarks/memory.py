"""Memory of a process tree at one moment: what the machine must have.

``ru_maxrss`` gives the peak of the largest single process; a build that typesets PDFs in child
processes side by side needs the sum of all of them at once. :class:`Together` samples the memory of a
process and all its descendants every 100 ms from /proc (Linux) and keeps the largest sum.

Each process counts with its proportional set size (PSS, ``/proc/PID/smaps_rollup``): a page shared by
several processes counts once in all, split between them. Summed RSS counts it in every process: for
Chromium's eight processes, which share their libraries and much of their memory, that overstated the
machine's memory more than twofold (Chromium with the home page of a site: 1,022 MB summed RSS, 453 MB PSS). Where
``smaps_rollup`` cannot be read, RSS is used.
"""

from __future__ import annotations

import threading
from pathlib import Path


def _memory_kb(pid: int) -> int:
    """The process's PSS in kB, else its RSS, else 0 (it ended)."""
    for name, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            for line in Path(name).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except OSError:
            continue
    return 0


def _parents() -> dict[int, int]:
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                out[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    return out


def tree(root: int) -> list[int]:
    """``root`` and every process descending from it."""
    parents = _parents()
    out, todo = [root], [root]
    while todo:
        pid = todo.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        out += children
        todo += children
    return out


class Together:
    """The largest summed PSS of ``root`` and its descendants, sampled until :meth:`stop` (in MB)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak_kb = max(self.peak_kb, sum(_memory_kb(pid) for pid in tree(self.root)))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return round(self.peak_kb / 1024)
