"""`lea serve` run for real in a test: a site folder with a copy of the demo data, a free port, the output kept."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

from .conftest import DATA, DEMO_TODAY
from .sitebuild import site_folder


class Served:
    def __init__(self, folder: Path, port: int, process: subprocess.Popen):
        self.folder, self.port, self.process = folder, port, process
        self.output = ""  # what lea serve printed (stdout and stderr), once it stopped

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def get(self, path: str = "") -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=20) as response:
            return response.read().decode("utf-8")

    def wait_for(self, condition: Callable[[], bool], what: str, seconds: float = 90) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise AssertionError(f"lea serve stopped while waiting for {what}: {self.process.communicate()[0][-3000:]}")
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def lea_serve(tmp_path: Path, *args: str) -> Iterator[Served]:
    """`lea serve ARGS` in a new site folder with the demo data; stopped (SIGTERM) at the end, its output kept."""
    shutil.copytree(DATA, tmp_path / "data")
    folder = site_folder(tmp_path, tmp_path / "data")
    port = _free_port()
    env = {**os.environ, "LEA_TODAY": DEMO_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen([sys.executable, "-m", "lea_site.cli", "serve", "-a", f"127.0.0.1:{port}", *args], cwd=folder,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    served = Served(folder, port, process)
    try:
        served.wait_for(lambda: "Partners" in served.get("partners/"), "the first build")
        yield served
    finally:
        process.terminate()
        try:
            served.output = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            served.output = process.communicate()[0]
