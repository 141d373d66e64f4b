#!/usr/bin/env python3
"""Times `dsr deadline --batch` on a million lines against the Python reference.

Usage (from the repository root, after `swift build -c release --product dsr`):
    python3 Benchmarks/batch_benchmark.py [--lines 1000000] [--runs 5] [--reference-lines 200000]

Prints, for the release binary: the median wall time and peak resident memory over RUNS runs
on LINES random receipt moments (ISO instants with offsets and local Berlin times, 1995–2100,
a fixed seed); and the ratio of the Python reference implementation's time to dsr's on the
same REFERENCE-LINES lines (the reference needs python-holidays). Output goes to /dev/null.
Targets (issue 2): 1,000,000 lines in under 1.5 s, peak memory under 30 MB, ≥ 10× the
reference.
"""

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "Benchmarks" / "reference" / "deadline_reference.py"


def write_input(path, count, seed=7):
    rng = random.Random(seed)
    start = datetime(1995, 1, 1, tzinfo=timezone.utc)
    span = int((datetime(2100, 12, 1, tzinfo=timezone.utc) - start).total_seconds())
    with open(path, "w") as out:
        for _ in range(count):
            instant = start + timedelta(seconds=rng.randrange(span))
            if rng.random() < 0.5:
                out.write(instant.strftime("%Y-%m-%dT%H:%M:%SZ\n"))
            else:
                out.write((instant + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S+01:00\n"))


def timed(command, input_path):
    """Wall seconds and peak RSS (KiB) of one run, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(input_path, "rb") as stdin, open(os.devnull, "wb") as devnull:
        started = time.perf_counter()
        status = subprocess.run(command, stdin=stdin, stdout=devnull).returncode
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if status not in (0, 65):
        sys.exit(f"{command[0]} failed with status {status}")
    # ru_maxrss of children is the maximum over all children so far: run dsr before Python.
    return elapsed, max(peak, before)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reference-lines", type=int, default=200_000)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "dsr"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        small = Path(folder) / "small.txt"
        write_input(big, args.lines)
        write_input(small, args.reference_lines)
        dsr = [args.binary, "deadline", "--batch", "-"]

        runs = [timed(dsr, big) for _ in range(args.runs)]
        wall = statistics.median(r[0] for r in runs)
        peak_mib = runs[-1][1] / 1024
        print(f"dsr deadline --batch, {args.lines:,} lines: median {wall:.3f} s over {args.runs} runs "
              f"({args.lines / wall / 1e6:.2f} M lines/s), peak RSS {peak_mib:.1f} MiB")

        ours = statistics.median(timed(dsr, small)[0] for _ in range(args.runs))
        theirs = timed([sys.executable, str(REFERENCE), "-"], small)[0]
        print(f"Python reference, {args.reference_lines:,} lines: {theirs:.2f} s; dsr {ours:.3f} s; "
              f"dsr is {theirs / ours:.0f}x faster")


if __name__ == "__main__":
    main()
