#!/usr/bin/env python3
"""Times `dsr intake` of a generated Maildir (issue 12: 10,000 messages in under 10 s, memory
flat): messages of realistic sizes — plain and HTML alternatives, German names in encoded
words, Latin-1 bodies, one in ten with a PDF or JPEG attachment of 30–400 KiB — delivered by
mx1.kaiserslautern.de. Runs 1,000 and then 10,000 messages so the peak resident memory of
the two can be compared (flat: the same order, not ten times).

Usage: Benchmarks/intake_benchmark.py [--binary .build/release/dsr] [--messages 10000]
Build first: swift build -c release --product dsr.
"""
import argparse
import base64
import os
import random
import subprocess
import tempfile
import time

NAMES = ["=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=", "=?ISO-8859-1?Q?B=E4rbel_Sch=F6n?=", "Erika Fiktiv",
         "=?UTF-8?B?w5Z6Z8O8ciBZxLFsbWF6?=", "Max Mustermann", "=?UTF-8?Q?Ren=C3=A9e_Fran=C3=A7ois?="]
WORDS = ("Auskunft Löschung Daten Beitrag Foto Kommentar Facebook Stadt Verwaltung bitte gemäß Art "
         "DSGVO personenbezogenen meine Anfrage Frist Bürgerbüro Veranstaltung Instagram").split()


def paragraph(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def message(rng, number):
    stamp = 1_764_000_000 + number * 37
    day = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(stamp))
    head = [
        f"Received: from mout.example.net (mout.example.net [198.51.100.{number % 250}])",
        f"\tby mx1.kaiserslautern.de (Postfix) with ESMTPS id {number:08X}; {day}",
        f"Received: from [10.0.0.{number % 200}] by mout.example.net; {day}",
        f"From: {rng.choice(NAMES)} <person{number}@example.org>",
        "To: socialmedia@kaiserslautern.de",
        f"Subject: =?UTF-8?Q?Anfrage_Nr=2E_{number}_=E2=80=93_Auskunft?=",
        f"Date: {day}",
        f"Message-ID: <{number}.{stamp}@example.org>",
        "MIME-Version: 1.0",
    ]
    text = "\n\n".join(paragraph(rng, rng.randint(30, 250)) for _ in range(rng.randint(1, 6)))
    if number % 10 == 0:
        attachment = base64.encodebytes(os.urandom(rng.randint(30, 400) * 1024)).decode()
        body = [
            'Content-Type: multipart/mixed; boundary="mix"', "", "--mix",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", text, "--mix",
            "Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename*=utf-8''Ausweis%20M%C3%BCller.pdf", "", attachment, "--mix--", "",
        ]
        return ("\r\n".join(head + body)).encode()
    if number % 3 == 0:
        html = "<html><body><p>" + text.replace("\n\n", "</p><p>") + "</p></body></html>"
        body = [
            'Content-Type: multipart/alternative; boundary="alt"', "", "--alt",
            "Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: quoted-printable", "",
            text.encode("latin-1", "replace").decode("latin-1"), "--alt",
            "Content-Type: text/html; charset=utf-8", "", html, "--alt--", "",
        ]
        return ("\r\n".join(head + body)).encode("latin-1", "replace")
    return ("\r\n".join(head + ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", text, ""])).encode()


def make_maildir(folder, count, seed=12):
    rng = random.Random(seed)
    for sub in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    total = 0
    for number in range(count):
        data = message(rng, number)
        total += len(data)
        with open(os.path.join(folder, "new", f"{1_764_000_000 + number}.M{number}P1.mx1"), "wb") as file:
            file.write(data)
    return total


def run(binary, database, maildir):
    """Wall time and peak resident memory (MiB, the kernel's VmHWM read just before exit) of
    one `dsr intake`."""
    output = tempfile.TemporaryFile(mode="w+")
    started = time.perf_counter()
    process = subprocess.Popen([binary, "intake", "--db", database, maildir], stdout=output,
                               stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                line = next(l for l in status if l.startswith("VmHWM:"))
                peak = max(peak, int(line.split()[1]))
        except (OSError, StopIteration):
            pass
        time.sleep(0.02)
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"dsr intake failed ({process.returncode}): {stderr.strip()[:300]}")
    output.seek(0)
    return elapsed, peak / 1024, output.read().strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/dsr")
    parser.add_argument("--messages", type=int, default=10_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for count in (arguments.messages // 10, arguments.messages):
            maildir = os.path.join(folder, f"maildir-{count}")
            size = make_maildir(maildir, count)
            database = os.path.join(folder, f"dsr-{count}.sqlite")
            subprocess.run([arguments.binary, "init", "--db", database], capture_output=True, check=True)
            elapsed, peak, summary = run(arguments.binary, database, maildir)
            print(f"{count:6} messages, {size / 2**20:6.1f} MiB: {elapsed:6.2f} s"
                  f" ({count / elapsed:7.0f} messages/s), peak RSS {peak:6.1f} MiB — {summary}")


if __name__ == "__main__":
    main()
