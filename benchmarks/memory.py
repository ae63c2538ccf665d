"""Memory of a process tree at one moment: what the machine must have.

``ru_maxrss`` gives the peak of the largest single process; a build that typesets PDFs in child
processes side by side needs the sum of all of them at once. :class:`Together` samples the summed
RSS of a process and all its descendants every 100 ms from /proc (Linux) and keeps the largest.
"""

from __future__ import annotations

import threading
from pathlib import Path


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
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
    """The largest summed RSS of ``root`` and its descendants, sampled until :meth:`stop` (in MB)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in tree(self.root)))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return round(self.peak_kb / 1024)
