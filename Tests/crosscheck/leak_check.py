#!/usr/bin/env python3
"""Searches the standard error of every dsr process of a test run for personal data.

The end-to-end tests append each process's standard error to one file
($DSR_TEST_STDERR_LOG). After the whole run, this script reads the subject names the tests
give to dsr (`"--subject", "Erika Fiktiv"` in Tests/DSRCommandsTests) and fails if any of
them appears in that file. Run after `swift test`, so the result does not depend on the
order the tests ran in.

Usage: leak_check.py STDERR_LOG
"""
import pathlib
import re
import sys

NAME = re.compile(r'"--subject",\s*"([A-ZÄÖÜ][\w-]+ [A-ZÄÖÜ][\w-]+)"')


def main() -> int:
    log = pathlib.Path(sys.argv[1])
    if not log.is_file() or log.stat().st_size == 0:
        print(f"leak check: {log} is missing or empty; the tests wrote nothing there", file=sys.stderr)
        return 1
    text = log.read_text(encoding="utf-8", errors="replace")
    tests = pathlib.Path(__file__).resolve().parent.parent / "DSRCommandsTests"
    names = set()
    for source in tests.glob("*.swift"):
        names.update(NAME.findall(source.read_text(encoding="utf-8")))
    if len(names) < 5:
        print(f"leak check: found only {len(names)} subject names in the test sources", file=sys.stderr)
        return 1
    leaked = sorted(name for name in names if name in text)
    if leaked:
        print(f"leak check: {len(leaked)} subject name(s) appeared on standard error", file=sys.stderr)
        return 1
    print(f"leak check: {len(names)} subject names, {len(text.splitlines())} lines of standard error: none leaked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
