#!/usr/bin/env python3
"""Cross-check dsr's public holidays against python-holidays, an outside validator.

Usage: python3 holidays_crosscheck.py PATH_TO_DSR_BINARY

For every German Land and every year 1995..2100 it runs
    DSR calendar --year Y --land XX --json
(a JSON array of {"date": "YYYY-MM-DD", "name": ..., "kind": "holiday"|"closure"}),
keeps the "holiday" entries and compares their set of dates with
holidays.Germany(subdiv=XX, years=Y) in its default (PUBLIC) category.  Dates are compared,
not names.  Prints one line per mismatching Land-year, then "N passed, M failed"
(N = Land-years that match); exit status 1 on any mismatch, 2 on a usage error.

Checked against python-holidays 0.109.  What it has (besides the nine nationwide days:
Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi Himmelfahrt, Pfingstmontag, 3. Oktober,
25. and 26. Dezember, and 31 Oct 2017 everywhere):
    BW, BY: Epiphany, Corpus Christi, All Saints    HE: Corpus Christi
    NW, RP: Corpus Christi, All Saints              SL: Corpus Christi, Assumption, All Saints
    ST: Epiphany, Reformation Day                   SN: Reformation Day, Repentance Day
    BB: Easter Sunday, Whit Sunday, Reformation Day
    MV: Reformation Day; Women's Day from 2023      TH: Reformation Day; Children's Day from 2019
    HB, HH, NI, SH: Reformation Day from 2018
    BE: Women's Day from 2019; one-offs 8 May 2020, 8 May 2025, 17 June 2028
Not in the default category (CATHOLIC, municipality-level): Assumption in BY, Corpus Christi
in SN and TH; nor Augsburg's Friedensfest (a city, not a Land).
"""

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import holidays

LANDS = "BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH".split()
YEARS = range(1995, 2101)
TESTED_VERSION = "0.109"

# Known, intended differences: (Land, "YYYY-MM-DD") -> reason.  Such a date is left out of
# the comparison on both sides.  Currently none: python-holidays agrees with the
# Feiertagsgesetze on every point reviewed for 1995..2100 -
#   * Brandenburg's Easter Sunday and Whit Sunday: holidays in both (FTG BB § 2(1)).
#   * Hessen's Easter/Whit Sunday: in neither (HFeiertagsG § 1(1) names "die Sonntage" in
#     general, not these two days).
#   * One-off days: 31 Oct 2017 (all Länder) and Berlin's 8 May 2020, 8 May 2025 and
#     17 June 2028 (GVBl. Berlin 2024 S. 460) are in python-holidays and must be in dsr.
#   * BY Assumption, SN/TH Corpus Christi hold only in some municipalities; python-holidays
#     files them under CATHOLIC, which the default category excludes; dsr's Land-wide set
#     must leave them out as well.
# Add an entry, with its source, only for a difference that dsr makes on purpose.
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {}


def expected_dates(land, year):
    dates = {d.isoformat() for d in holidays.Germany(subdiv=land, years=year)}
    return {d for d in dates if (land, d) not in KNOWN_DIFFERENCES}


def dsr_dates(binary, land, year):
    """Holiday dates that dsr prints; raises RuntimeError with a one-line reason."""
    command = [binary, "calendar", "--year", str(year), "--land", land, "--json"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise RuntimeError(f"cannot run dsr: {e}") from None
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"dsr exited {done.returncode}: {reason[0]}")
    try:
        entries = json.loads(done.stdout)
        kinds = {entry["kind"] for entry in entries}
        dates = {entry["date"] for entry in entries if entry["kind"] == "holiday"}
    except (ValueError, TypeError, KeyError) as e:
        raise RuntimeError(f"unexpected output from dsr: {e!r}") from None
    if not kinds <= {"holiday", "closure"}:
        raise RuntimeError(f"unknown kind(s) {sorted(kinds - {'holiday', 'closure'})}")
    return {d for d in dates if (land, d) not in KNOWN_DIFFERENCES}


def check(binary, land, year, want):
    """None if dsr's dates for the Land-year equal `want`, else a one-line mismatch report."""
    try:
        got = dsr_dates(binary, land, year)
    except RuntimeError as e:
        return f"{land} {year}: {e}"
    if got == want:
        return None
    parts = []
    if want - got:
        parts.append("missing " + " ".join(sorted(want - got)))
    if got - want:
        parts.append("extra " + " ".join(sorted(got - want)))
    return f"{land} {year}: " + "; ".join(parts)


def main(argv):
    if len(argv) != 1:
        print("usage: holidays_crosscheck.py PATH_TO_DSR_BINARY", file=sys.stderr)
        return 2
    if holidays.__version__ != TESTED_VERSION:
        print(f"note: python-holidays {holidays.__version__}, checked against {TESTED_VERSION}",
              file=sys.stderr)
    jobs = [(land, year, expected_dates(land, year)) for land in LANDS for year in YEARS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: check(argv[0], *job), jobs))
    mismatches = [r for r in results if r is not None]
    for line in mismatches:
        print(line)
    print(f"{len(jobs) - len(mismatches)} passed, {len(mismatches)} failed")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
