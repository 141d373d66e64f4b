#!/usr/bin/env python3
"""Differential test: `dsr deadline --batch` against the Python reference implementation.

Usage: python3 deadline_crosscheck.py PATH_TO_DSR_BINARY [COUNT]

Generates COUNT (default 20000) receipt moments with a fixed seed — UTC instants, instants
with offsets, local Berlin times (including ones around the DST changes) and bare dates,
spread over 1995..2100 — runs both implementations on the same lines and compares them line
by line: every field of a good line must be equal, and a line bad for one must be bad for
the other. Prints mismatches and a final line `N passed, M failed`; exits 1 on any mismatch.
"""

import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "Benchmarks" / "reference" / "deadline_reference.py"


def moments(count, seed=20261127):
    rng = random.Random(seed)
    start = datetime(1995, 1, 1, tzinfo=timezone.utc)
    span = int((datetime(2100, 12, 31, tzinfo=timezone.utc) - start).total_seconds())
    lines = []
    for _ in range(count):
        instant = start + timedelta(seconds=rng.randrange(span))
        style = rng.randrange(5)
        if style == 0:
            lines.append(instant.strftime("%Y-%m-%dT%H:%M:%SZ"))
        elif style == 1:
            minutes = rng.choice([-600, -300, 0, 60, 120, 330, 540])
            local = instant + timedelta(minutes=minutes)
            sign = "+" if minutes >= 0 else "-"
            lines.append(local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")
        elif style == 2:
            lines.append(instant.strftime("%Y-%m-%d %H:%M"))
        elif style == 3:
            lines.append(instant.strftime("%Y-%m-%d"))
        else:
            # Around the last Sunday of March and October, when the clocks change.
            month = rng.choice([3, 10])
            day = max(d for d in range(25, 32) if datetime(instant.year, month, d).weekday() == 6)
            lines.append(f"{instant.year}-{month:02d}-{day:02d} {rng.randrange(0, 5):02d}:{rng.choice([0, 30, 59]):02d}")
    return lines


def run(command, text):
    result = subprocess.run(command, input=text, capture_output=True, text=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    count = int(argv[1]) if len(argv) > 1 else 20000
    lines = moments(count)
    text = "\n".join(lines) + "\n"
    ours = run([argv[0], "deadline", "--batch", "-"], text)
    theirs = run([sys.executable, str(REFERENCE), "-"], text)
    passed = failed = 0
    if len(ours) != len(lines) or len(theirs) != len(lines):
        print(f"line counts differ: input {len(lines)}, dsr {len(ours)}, reference {len(theirs)}")
        failed += 1
    for number, (line, mine, reference) in enumerate(zip(lines, ours, theirs), start=1):
        if "error" in mine or "error" in reference:
            same = "error" in mine and "error" in reference
        else:
            same = mine == reference
        if same:
            passed += 1
        else:
            failed += 1
            if failed <= 20:
                print(f"line {number} {line!r}:\n  dsr       {mine}\n  reference {reference}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
