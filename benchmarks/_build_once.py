"""One build, timed; prints {"seconds": ..., "cpu_seconds": ..., "peak_mb": ...} as JSON on the last line.

    python benchmarks/_build_once.py CONFIG.yml          # `mkdocs build` in this process
    python benchmarks/_build_once.py -- COMMAND ARGS...  # a command, e.g. `lea build --engine zensical`

In-process: the time of ``build(load_config(...))`` (MkDocs already imported) and this
process's peak memory. Command: the wall time from starting the command until it exited
(interpreter start-up and imports included, as a user waits for it) and the largest
peak memory (ru_maxrss) of any process it started, so `lea build` counts both itself and
the engine it runs. CPU time (user + system, of the command and every process it waited for) is what the
build itself cost: on a shared, busy machine it moves far less than the wall time. The command's own output
goes to this process's stderr.
"""

import json
import resource
import subprocess
import sys
import time

if sys.argv[1] == "--":
    start = time.perf_counter()
    run = subprocess.run(sys.argv[2:], stdout=sys.stderr)
    seconds = time.perf_counter() - start
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
print(json.dumps({"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "peak_mb": round(peak_mb, 1)}))
