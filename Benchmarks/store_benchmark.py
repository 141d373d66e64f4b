#!/usr/bin/env python3
"""Times the case log on a large synthetic database (issue 3's speed targets).

Usage (from the repository root, after `swift build -c release --product dsr`):
    python3 Benchmarks/store_benchmark.py [--cases 100000] [--runs 11]

Builds `dsr demo --cases N` (about 6 events a case) in a temporary folder, then reports
medians over RUNS runs of:
  - `dsr overdue` against the sqlite3 tool running the equivalent query on the same file;
  - `dsr log` of one request into the large database;
  - `dsr import` of 10,000 spreadsheet rows (with answer and closing) into a new database;
  - `dsr verify` over the whole chain, in events per second.
Targets: overdue < 100 ms and within 2x of sqlite3; log < 30 ms; import < 1 s;
verify >= 500,000 events/s. Wall times include process start.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DSR = str(ROOT / ".build" / "release" / "dsr")
AT = "2026-11-27 10:00"
OVERDUE_SQL = ("SELECT id, status, dueEnd, internalDue, dueDate, assignee, kinds, channel "
               "FROM (SELECT *, lifecycle AS status FROM caseProjection) WHERE active = 1 ORDER BY internalDue")


def timed(command, runs, setup=None):
    samples = []
    for _ in range(runs):
        if setup:
            setup()
        started = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        samples.append(time.perf_counter() - started)
        if result.returncode not in (0, 1):
            sys.exit(f"{command[1]} failed: {result.stderr.decode()}")
    return statistics.median(samples)


def write_import(path, rows=10_000, seed=3):
    rng = random.Random(seed)
    kinds = ["Auskunft", "Löschung", "Berichtigung", "Widerspruch", "Auskunft+Löschung"]
    channels = ["E-Mail", "Post", "Facebook", "Instagram", "Telefon"]
    with open(path, "w", encoding="utf-8") as out:
        out.write("Eingang;Anliegen;Kanal;Name;Kontakt;Beantwortet;Ergebnis;Abgeschlossen\n")
        for index in range(rows):
            day, month, year = rng.randrange(1, 28), rng.randrange(1, 10), rng.choice([2024, 2025])
            out.write(f"{day:02d}.{month:02d}.{year} {rng.randrange(8, 17):02d}:{rng.randrange(60):02d};"
                      f"{rng.choice(kinds)};{rng.choice(channels)};Person Fiktiv {index};p{index}@example.org;"
                      f"{day:02d}.{month + 1:02d}.{year};stattgegeben;{day:02d}.{month + 2:02d}.{year}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "demo.sqlite")
        started = time.perf_counter()
        subprocess.run([DSR, "demo", "--db", db, "--cases", str(args.cases), "--at", AT],
                       stdout=subprocess.DEVNULL, check=True)
        built = time.perf_counter() - started
        events = int(subprocess.run(["sqlite3", db, "SELECT COUNT(*) FROM event"], capture_output=True, text=True).stdout)
        active = subprocess.run(["sqlite3", db, "SELECT COUNT(*) FROM caseProjection WHERE active = 1"],
                                capture_output=True, text=True).stdout.strip()
        print(f"demo: {args.cases:,} cases, {events:,} events, {active} open, built in {built:.1f} s")

        overdue = timed([DSR, "overdue", "--db", db, "--at", AT], args.runs)
        sqlite = timed(["sqlite3", db, OVERDUE_SQL], args.runs)
        print(f"dsr overdue: {overdue * 1000:.1f} ms; sqlite3 equivalent query: {sqlite * 1000:.1f} ms; "
              f"ratio {overdue / sqlite:.1f}x")

        log = timed([DSR, "log", "--db", db, "--kind", "access", "--channel", "email", "--received", "now",
                     "--subject", "Bench Fiktiv"], args.runs)
        print(f"dsr log: {log * 1000:.1f} ms")

        csv = os.path.join(folder, "import.csv")
        write_import(csv)
        target = os.path.join(folder, "import.sqlite")

        def fresh():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(target + suffix):
                    os.remove(target + suffix)
        runs = max(3, args.runs // 2)
        imported = timed([DSR, "import", csv, "--db", target], runs, setup=fresh)
        print(f"dsr import, 10,000 rows: {imported:.2f} s")

        verify = timed([DSR, "verify", "--db", db], max(3, args.runs // 2))
        print(f"dsr verify: {verify:.2f} s for {events:,} events = {events / verify:,.0f} events/s")


if __name__ == "__main__":
    main()
