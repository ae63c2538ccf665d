"""One `mkdocs build` in this process; prints {"seconds": ..., "peak_mb": ...} as JSON."""

import json
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

start = time.perf_counter()
build(load_config(sys.argv[1]))
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": round(seconds, 3), "peak_mb": round(peak_mb, 1)}))
