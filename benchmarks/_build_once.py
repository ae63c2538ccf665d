"""One build, timed; prints {"seconds": ..., "cpu_seconds": ..., "peak_mb": ...} as JSON on the last line.

    python benchmarks/_build_once.py CONFIG.yml          # `mkdocs build` in this process
    python benchmarks/_build_once.py -- COMMAND ARGS...  # a command, e.g. `lea build --engine zensical`

In-process: the time of ``build(load_config(...))`` (MkDocs already imported) and this
process's peak memory. Command: the wall time from starting the command until it exited
(interpreter start-up and imports included, as a user waits for it), the largest
peak memory (ru_maxrss) of any process it started, and the largest memory of all its processes at
one moment (``together_mb``: PSS, benchmarks/memory.py), what the machine must have while `lea build`
typesets PDFs in processes of their own beside the engine. CPU time (user + system, of the command and every process it waited for) is what the
build itself cost: on a shared, busy machine it moves far less than the wall time. The command's own output
goes to this process's stderr.
"""

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.memory import Together  # noqa: E402

together_mb = None
if sys.argv[1] == "--":
    start = time.perf_counter()
    run = subprocess.Popen(sys.argv[2:], stdout=sys.stderr)
    together = Together(run.pid)
    run.wait()
    seconds = time.perf_counter() - start
    together_mb = together.stop()
    if run.returncode != 0:
        raise SystemExit(f"{sys.argv[2:]} failed with exit code {run.returncode}")
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb, cpu = used.ru_maxrss / 1024, used.ru_utime + used.ru_stime
else:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start, before = time.perf_counter(), time.process_time()
    build(load_config(sys.argv[1]))
    seconds, cpu = time.perf_counter() - start, time.process_time() - before
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "peak_mb": round(peak_mb, 1),
                  "together_mb": together_mb}))
