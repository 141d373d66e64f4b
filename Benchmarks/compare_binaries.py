#!/usr/bin/env python3
"""Times two release builds of dsr against each other, interleaved, on the same machine.

Usage (each build with `swift build -c release --product dsr`):
    python3 Benchmarks/compare_binaries.py OLD_DSR NEW_DSR [--cases 100000] [--runs 21]

Each binary builds its own `dsr demo --cases N` database (the same seed and moment, so the
same cases), then the commands of Benchmarks/store_benchmark.py run alternately, old then
new, RUNS times each; medians and the new/old ratio are printed. Interleaving keeps the
noise of a shared machine from favouring either build.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from store_benchmark import AT, write_import  # noqa: E402


def once(command, setup=None):
    if setup:
        setup()
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"{command[0]} {command[1]} failed: {result.stderr.decode()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        databases = {}
        for name, binary in (("old", args.old), ("new", args.new)):
            db = os.path.join(folder, f"{name}.sqlite")
            subprocess.run([binary, "demo", "--db", db, "--cases", str(args.cases), "--at", AT],
                           stdout=subprocess.DEVNULL, check=True)
            databases[name] = db
        csv = os.path.join(folder, "import.csv")
        write_import(csv)

        def command(name, binary, operation):
            db = databases[name]
            if operation == "overdue":
                return [binary, "overdue", "--db", db, "--at", AT], None
            if operation == "log":
                return [binary, "log", "--db", db, "--kind", "access", "--channel", "email", "--received", "now",
                        "--subject", "Bench Fiktiv"], None
            if operation == "info":
                return [binary, "info", "--db", db], None
            if operation == "verify":
                return [binary, "verify", "--db", db], None
            target = os.path.join(folder, f"import-{name}.sqlite")

            def fresh():
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(target + suffix):
                        os.remove(target + suffix)
            return [binary, "import", csv, "--db", target], fresh

        print(f"{'operation':10s} {'old':>10s} {'new':>10s}  new/old")
        for operation, runs in (("info", args.runs), ("overdue", args.runs), ("log", args.runs),
                                ("verify", max(5, args.runs // 3)), ("import", max(5, args.runs // 3))):
            samples = {"old": [], "new": []}
            for _ in range(runs):
                for name, binary in (("old", args.old), ("new", args.new)):
                    samples[name].append(once(*command(name, binary, operation)))
            old, new = statistics.median(samples["old"]), statistics.median(samples["new"])
            print(f"{operation:10s} {old * 1000:8.1f} ms {new * 1000:8.1f} ms  {new / old:5.2f}")


if __name__ == "__main__":
    main()
