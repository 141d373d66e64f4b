#!/usr/bin/env python3
"""Times the exports on large synthetic databases (issue 4's speed and memory targets).

Usage (from the repository root, after `swift build -c release --product dsr`):
    python3 Benchmarks/export_benchmark.py [--runs 3]

Builds `dsr demo` databases of 10,000 and 100,000 cases, then reports for each the median
wall time and the peak resident memory of `dsr export --format xml|html|csv` over all
cases, and the time of the sqlite3 tool dumping the same rows (cases joined with their
events) as JSON. Targets: XML and HTML under 10 s on 100,000 cases, peak memory under 64 MB
and the same (±20 %) for 10,000 and 100,000 cases, within 3x of the sqlite3 JSON dump.
"""

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DSR = str(ROOT / ".build" / "release" / "dsr")
AT = "2026-11-27 10:00"
DUMP = ("SELECT c.*, e.* FROM caseProjection c JOIN event e ON e.caseId = c.id "
        "ORDER BY c.receivedAt, e.id")


def measure(command, runs, output):
    """Median wall seconds and the largest peak RSS (MiB) over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        started = time.perf_counter()
        with open(output, "wb") as out:
            process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - started)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{command[:3]} failed")
    return statistics.median(times), max(peaks)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for cases in (10_000, 100_000):
            db = os.path.join(folder, f"demo{cases}.sqlite")
            subprocess.run([DSR, "demo", "--db", db, "--cases", str(cases), "--at", AT],
                           stdout=subprocess.DEVNULL, check=True)
            sink = os.path.join(folder, "out")
            dump, dump_peak = measure(["sqlite3", "-json", db, DUMP], args.runs, sink)
            print(f"{cases:,} cases: sqlite3 JSON dump {dump:.2f} s, {dump_peak:.0f} MiB")
            for fmt in ("xml", "html", "csv"):
                wall, peak = measure([DSR, "export", "--db", db, "--format", fmt, "--from", "1995-01-01",
                                      "--to", "2026-11-27", "--at", AT], args.runs, sink)
                print(f"  {fmt}: {wall:.2f} s ({wall / dump:.1f}x sqlite3), peak {peak:.1f} MiB, "
                      f"{os.path.getsize(sink) / 1e6:.0f} MB written")


if __name__ == "__main__":
    main()
