"""The lesson just after a publication: the content generation changes before each request, so
nothing is cached (page, fragment, route, navigation). Requests one at a time, in this process
with the benchmark's settings. Prints {"p50": ms, "p99": ms, "mean": ms} as JSON."""

import json
import sys
import time
import urllib.request
from pathlib import Path
from statistics import median, quantiles

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from caching.generation import invalidate  # noqa: E402

url, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
timings = []
for _ in range(count):
    invalidate()  # as publishing anything does
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
        assert response.headers.get("X-Page-Cache") == "miss", response.headers
    timings.append((time.perf_counter() - start) * 1000)
print(
    json.dumps(
        {
            "p50": median(timings),
            "p99": quantiles(timings, n=100)[98],
            "mean": sum(timings) / len(timings),
        }
    )
)
