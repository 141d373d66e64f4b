#!/usr/bin/env python3
"""Times the start of the release binary (issue 13's targets) with hyperfine.

Usage (from the repository root, after the package's release build, e.g.
`swift build -c release --static-swift-stdlib --product dsr`):
    python3 Benchmarks/startup_benchmark.py [--binary PATH] [--cases 100000] [--runs 30]

Reports hyperfine's medians (no shell, 3 warm-up runs) of:
  - `dsr --version`;
  - `dsr deadline --received now` (target: under 10 ms);
  - `dsr overdue` on `dsr demo --cases N`, against the sqlite3 tool listing the same open
    cases ordered by internal due as JSON (target: within 2x).
No configuration file is read (`DSR_CONFIG=`), so the figures do not depend on the machine's;
failures are ignored because `dsr overdue` exits 1 when a case is overdue.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AT = "2026-11-27 10:00"
OPEN_CASES_SQL = ("SELECT id, lifecycle AS status, dueEnd, internalDue, dueDate, assignee, kinds, channel "
                  "FROM caseProjection WHERE active = 1 ORDER BY internalDue")


def medians(commands, runs, folder):
    """Hyperfine's median wall time, in ms, of each command (in order)."""
    out = os.path.join(folder, "hyperfine.json")
    subprocess.run(["hyperfine", "-N", "--ignore-failure", "--warmup", "3", "--runs", str(runs), "--export-json", out,
                    "--style", "none", *commands], check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as source:
        return [result["median"] * 1000 for result in json.load(source)["results"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "dsr"))
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    os.environ["DSR_CONFIG"] = ""
    dsr = args.binary
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "demo.sqlite")
        subprocess.run([dsr, "demo", "--db", db, "--cases", str(args.cases), "--at", AT],
                       stdout=subprocess.DEVNULL, check=True)
        version, deadline, overdue, sqlite = medians([
            f"{dsr} --version",
            f"{dsr} deadline --received now",
            f"{dsr} overdue --db {db} --at '{AT}'",
            f"sqlite3 -json {db} '{OPEN_CASES_SQL}'",
        ], args.runs, folder)
    print(f"dsr --version: {version:.1f} ms")
    print(f"dsr deadline --received now: {deadline:.1f} ms (target < 10 ms)")
    print(f"dsr overdue on {args.cases:,} cases: {overdue:.1f} ms; sqlite3 -json, same open cases: "
          f"{sqlite:.1f} ms; ratio {overdue / sqlite:.1f}x (target <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
