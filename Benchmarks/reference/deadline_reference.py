#!/usr/bin/env python3
"""Reference implementation of `dsr deadline --batch` (default Kaiserslautern policy).

A plain, idiomatic Python version of the deadline engine, used as
(a) the speed baseline the Swift tool must beat by 10x and
(b) an oracle for differential tests.  Rules: shared/LEGAL.md (R1, R2).

Usage:
    python3 deadline_reference.py [FILE|-]     one WHEN per line -> one JSON object per line
    python3 deadline_reference.py --self-test  reproduce the worked examples of LEGAL.md

Input, one WHEN per line (a trailing "\\r" is dropped; nothing else is stripped):
    2026-01-31T10:00:00+01:00   instant with offset; "Z" for UTC; seconds optional;
    2026-01-31T09:00:00.75Z     fractional seconds (1-9 digits) are truncated
    2026-01-31 10:00[:SS]       local time in Europe/Berlin ("T" instead of " " also works)
    2026-01-31                  bare date = 00:00 local
A local time in the DST gap, or one that exists twice, is an error.  The receipt date
(Berlin local date of the instant) must lie in 1995..2100.  A bad line, including an empty
one, gives {"line": N, "error": "..."}; exit status is 65 if any line was bad, else 0
(64 usage, 74 unreadable file).  Deadlines of a late-2100 receipt fall in 2101.

Output keys, in order: received, receipt_date, deadline, extended_deadline, deadline_end,
office_receipt, internal_due (DESIGN.md "Schedule fields").  Office: Mon-Thu 08-17,
Fri 08-13, shut on RP public holidays and on 24 and 31 Dec (closures never move deadlines).
"""

import calendar
import json
import re
import sys
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays

TZ = ZoneInfo("Europe/Berlin")
PUBLIC_HOLIDAYS = holidays.Germany(subdiv="RP")  # LFtG RLP § 2; expands years lazily
FIRST_YEAR, LAST_YEAR = 1995, 2100

# Office hours of the Pressestelle: weekday (Mon=0) -> (open, close), half-open [open, close).
OFFICE_HOURS = {
    0: (time(8), time(17)),
    1: (time(8), time(17)),
    2: (time(8), time(17)),
    3: (time(8), time(17)),
    4: (time(8), time(13)),
}
CLOSURE_DAYS = {(12, 24), (12, 31)}  # (month, day), every year; not public holidays

WHEN = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?"
    r"(Z|[+-]\d{2}:\d{2})?)?",
    re.ASCII,
)


class BadInput(ValueError):
    pass


# --- parsing -----------------------------------------------------------------------

def parse_when(text):
    """Return the instant (aware, UTC, whole seconds) that a WHEN line denotes."""
    if not text:
        raise BadInput("empty line")
    m = WHEN.fullmatch(text)
    if not m:
        raise BadInput("not a date/time; expected YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][Z|+HH:MM]]")
    year, month, day, hour, minute, second, offset = m.groups()
    if not FIRST_YEAR - 1 <= int(year) <= LAST_YEAR + 1:
        raise BadInput(f"year out of range {FIRST_YEAR}..{LAST_YEAR}")
    try:
        naive = datetime(int(year), int(month), int(day),
                         int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError as e:
        raise BadInput(f"invalid date/time: {e}") from None

    if offset is not None:
        tz = timezone.utc if offset == "Z" else parse_offset(offset)
        instant = naive.replace(tzinfo=tz).astimezone(timezone.utc)
    else:
        instant = berlin_local_to_utc(naive)

    if not FIRST_YEAR <= receipt_date(instant).year <= LAST_YEAR:
        raise BadInput(f"receipt date out of range {FIRST_YEAR}..{LAST_YEAR}")
    return instant


def parse_offset(text):
    sign = -1 if text[0] == "-" else 1
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 23 or minutes > 59:
        raise BadInput("invalid UTC offset")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def berlin_local_to_utc(naive):
    """Local Europe/Berlin wall time -> UTC; errors for DST gaps and repeated times."""
    first = naive.replace(tzinfo=TZ, fold=0)
    second = naive.replace(tzinfo=TZ, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(timezone.utc).astimezone(TZ).replace(tzinfo=None)
        if round_trip != naive:
            raise BadInput("local time does not exist in Europe/Berlin (DST gap)")
        raise BadInput("local time is ambiguous in Europe/Berlin; give an explicit offset")
    return first.astimezone(timezone.utc)


# --- calendar ----------------------------------------------------------------------

def receipt_date(instant):
    return instant.astimezone(TZ).date()


def add_months(day, months):
    """Reg. 1182/71 Art. 3(2)(c): same day number, clamped to the month's last day."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def is_working_day(day):
    return day.weekday() < 5 and day not in PUBLIC_HOLIDAYS


def roll_forward(day):
    """Reg. 1182/71 Art. 3(4): a Saturday, Sunday or public holiday moves to the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def office_session(day):
    """(open, close) as aware local datetimes, or None if the office is shut that day."""
    hours = OFFICE_HOURS.get(day.weekday())
    if hours is None or day in PUBLIC_HOLIDAYS or (day.month, day.day) in CLOSURE_DAYS:
        return None
    return (datetime.combine(day, hours[0], TZ), datetime.combine(day, hours[1], TZ))


def office_receipt(instant):
    """First instant at or after `instant` at which the office is open."""
    day = receipt_date(instant)
    while True:
        session = office_session(day)
        if session is not None:
            opens, closes = session
            if instant < opens:
                return opens
            if instant < closes:
                return instant.astimezone(TZ)
        day += timedelta(days=1)


def internal_due(deadline):
    """Close of the last office session on or before the deadline date."""
    day = deadline
    while office_session(day) is None:
        day -= timedelta(days=1)
    return office_session(day)[1]


# --- schedule ----------------------------------------------------------------------

def schedule(instant):
    received_on = receipt_date(instant)
    deadline = roll_forward(add_months(received_on, 1))
    extended = roll_forward(add_months(received_on, 3))
    return {
        "received": instant.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "receipt_date": received_on.isoformat(),
        "deadline": deadline.isoformat(),
        "extended_deadline": extended.isoformat(),
        "deadline_end": datetime.combine(deadline, time(23, 59, 59), TZ).isoformat(),
        "office_receipt": office_receipt(instant).isoformat(),
        "internal_due": internal_due(deadline).isoformat(),
    }


def process_line(number, line):
    try:
        return schedule(parse_when(line))
    except BadInput as e:
        return {"line": number, "error": str(e)}


def run_batch(lines, out):
    """Write one JSON object per input line; return True if every line was good."""
    all_good = True
    for number, raw in enumerate(lines, start=1):
        line = raw.removesuffix("\n").removesuffix("\r")
        result = process_line(number, line)
        all_good = all_good and "error" not in result
        out.write(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")
    return all_good


# --- self-test ---------------------------------------------------------------------

def self_test():
    """Worked examples of LEGAL.md (plain month and extension), plus office-hour edge cases."""
    cases = [
        # (tag, WHEN, expected subset of the output)
        ("D1", "2026-01-31", {"deadline": "2026-03-02"}),
        ("D2", "2028-01-31", {"deadline": "2028-02-29"}),
        ("D3", "2027-01-31", {"deadline": "2027-03-01"}),
        ("D4", "2026-03-03", {"deadline": "2026-04-07"}),
        ("D5", "2026-03-06", {"deadline": "2026-04-07"}),
        ("D6", "2026-04-25", {"deadline": "2026-05-26"}),
        ("D7", "2026-05-04", {"deadline": "2026-06-05"}),
        ("D8", "2028-09-03", {"deadline": "2028-10-04"}),
        ("D9", "2027-10-01", {"deadline": "2027-11-02"}),
        ("D10", "2026-11-25", {"deadline": "2026-12-28"}),
        ("D11", "2026-11-24", {"deadline": "2026-12-24",
                               "internal_due": "2026-12-23T17:00:00+01:00"}),
        ("D12", "2028-11-30", {"deadline": "2029-01-02"}),
        ("D13", "2028-03-31", {"deadline": "2028-05-02"}),
        ("D14", "2026-01-31", {"extended_deadline": "2026-04-30"}),
        ("D15", "2027-02-27", {"extended_deadline": "2027-05-28"}),
        ("D16", "2026-03-28T23:30:00Z", {"receipt_date": "2026-03-29", "deadline": "2026-04-29",
                                         "deadline_end": "2026-04-29T23:59:59+02:00"}),
        ("D17 first", "2026-10-25T02:30:00+02:00",
         {"deadline": "2026-11-25", "deadline_end": "2026-11-25T23:59:59+01:00"}),
        ("D17 second", "2026-10-25T02:30:00+01:00",
         {"deadline": "2026-11-25", "deadline_end": "2026-11-25T23:59:59+01:00"}),
        ("D18", "2027-02-28", {"deadline": "2027-03-30"}),
        # Official examples, placed in years where the due day is a working day in RP.
        ("ICO-1 (3 Oct is German Unity Day: +1)", "2029-09-03", {"deadline": "2029-10-04"}),
        ("ICO-2", "2027-01-01", {"deadline": "2027-02-01"}),
        ("ICO-3", "2024-11-25", {"deadline": "2024-12-27"}),
        ("ICO-4", "2029-01-31", {"deadline": "2029-02-28"}),
        ("ICO-4 leap", "2028-01-31", {"deadline": "2028-02-29"}),
        ("ICO-4 weekend", "2026-01-31", {"deadline": "2026-03-02"}),
        ("ICO-5", "2027-03-31", {"deadline": "2027-04-30"}),
        ("EDPB-32", "2027-03-05", {"deadline": "2027-04-05"}),
        ("EDPB-33", "2027-08-31", {"deadline": "2027-09-30"}),
        # Input forms and office hours.
        ("Z and offset agree", "2026-01-31T09:00:00Z", {"received": "2026-01-31T09:00:00Z"}),
        ("offset", "2026-01-31T10:00:00+01:00", {"received": "2026-01-31T09:00:00Z"}),
        ("local", "2026-01-31 10:00", {"received": "2026-01-31T09:00:00Z"}),
        ("Saturday -> Monday 08:00", "2026-01-31T10:00:00+01:00",
         {"office_receipt": "2026-02-02T08:00:00+01:00"}),
        ("in session, fraction truncated", "2026-02-03T09:15:42.999Z",
         {"received": "2026-02-03T09:15:42Z", "office_receipt": "2026-02-03T10:15:42+01:00"}),
        ("Friday 13:00 is closed", "2026-02-06 13:00",
         {"office_receipt": "2026-02-09T08:00:00+01:00"}),
        ("before opening", "2026-07-01T05:00:00Z", {"office_receipt": "2026-07-01T08:00:00+02:00"}),
        ("closure 24 Dec", "2026-12-23 17:00", {"office_receipt": "2026-12-28T08:00:00+01:00"}),
        ("closure 31 Dec", "2026-12-30 17:00", {"office_receipt": "2027-01-04T08:00:00+01:00"}),
        ("internal due on a Friday deadline", "2026-02-06",
         {"deadline": "2026-03-06", "internal_due": "2026-03-06T13:00:00+01:00"}),
        ("internal due on the rolled deadline day", "2026-03-03",
         {"deadline": "2026-04-07", "internal_due": "2026-04-07T17:00:00+02:00"}),
    ]
    bad_lines = [
        ("DST gap", "2026-03-29 02:30"),
        ("D17 local time is ambiguous", "2026-10-25 02:30"),
        ("empty line", ""),
        ("year 1994", "1994-06-01"),
        ("year 2101", "2101-01-01"),
        ("receipt date 2101", "2100-12-31T23:30:00Z"),
        ("31 Feb", "2026-02-31"),
        ("leap second", "2026-06-30T23:59:60Z"),
        ("no such offset", "2026-01-31T10:00:00+25:00"),
        ("garbage", "tomorrow"),
        ("trailing space", "2026-01-31 "),
        ("non-ASCII digits", "٢٠٢٦-01-31"),
    ]
    passed = failed = 0
    for tag, when, expected in cases:
        got = process_line(1, when)
        wrong = {k: got.get(k) for k, v in expected.items() if got.get(k) != v}
        if wrong:
            failed += 1
            print(f"FAIL {tag}: {when!r}: expected {expected}, got {wrong} ({got})")
        else:
            passed += 1
    for tag, when in bad_lines:
        got = process_line(7, when)
        if set(got) == {"line", "error"} and got["line"] == 7:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {tag}: {when!r} should be an error, got {got}")

    class Sink(list):
        write = list.append
    sink = Sink()
    ok = run_batch(["2026-01-31\n", "\n", "2026-03-29 02:30\r\n", "2026-02-01"], sink)
    keys = [list(json.loads(s)) for s in sink]
    expected_keys = ["received", "receipt_date", "deadline", "extended_deadline",
                     "deadline_end", "office_receipt", "internal_due"]
    if (not ok and len(sink) == 4 and keys[0] == expected_keys == keys[3]
            and [json.loads(s).get("line") for s in sink[1:3]] == [2, 3]
            and sink[0].startswith('{"received":"2026-01-30T23:00:00Z","receipt_date"')):
        passed += 1
    else:
        failed += 1
        print(f"FAIL batch: ok={ok} output={sink}")

    print(f"{passed} passed, {failed} failed")
    return failed == 0


def main(argv):
    if argv == ["--self-test"]:
        return 0 if self_test() else 1
    if len(argv) > 1 or (argv and argv[0].startswith("--")):
        print("usage: deadline_reference.py [FILE|-] | --self-test", file=sys.stderr)
        return 64
    path = argv[0] if argv else "-"
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    try:
        if path == "-":
            source = open(sys.stdin.fileno(), encoding="utf-8", errors="replace",
                          newline="\n", closefd=False)
        else:
            source = open(path, encoding="utf-8", errors="replace", newline="\n")
        with source:
            all_good = run_batch(source, sys.stdout)
    except OSError as e:
        print(f"deadline_reference: cannot read {path}: {e.strerror}", file=sys.stderr)
        return 74
    return 0 if all_good else 65


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
