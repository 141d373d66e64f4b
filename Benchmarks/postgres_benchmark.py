#!/usr/bin/env python3
"""Issue 14's speed targets on PostgreSQL, against the same tracker on SQLite.

Usage (from the repository root, after the release build, e.g.
`swift build -c release --static-swift-stdlib --product dsr`):
    python3 Benchmarks/postgres_benchmark.py [--binary PATH] [--cases 100000] [--seconds 10]

Starts a private PostgreSQL cluster (Tests/postgres/cluster.sh; removed at the end), writes
`dsr demo --cases N` to SQLite and reports:
  - `dsr migrate` of it into PostgreSQL (target: under 60 s);
  - `dsr verify` on both, the median of 5 runs (target on PostgreSQL: at least 300,000 events/s);
  - the supervisor's start page and the open-case list with wrk (16 connections) on a server
    on each backend (target: PostgreSQL within 2x of SQLite);
  - POST /api/v1/cases with 8 clients over two servers on the PostgreSQL database
    (target: at least 150 cases/s).
Needs wrk and PostgreSQL (Debian). No configuration file is read (`DSR_CONFIG=`).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_benchmark import API_SCRIPT, sign_in, wrk  # noqa: E402

VERIFY_RUNS = 5

ROOT = Path(__file__).resolve().parents[1]
CLUSTER = ROOT / "Tests" / "postgres" / "cluster.sh"


def timed(command):
    """Runs a command; returns its wall time in seconds and its standard output."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:2])} failed: {result.stderr.strip()}")
    return elapsed, result.stdout


def start_cluster():
    """Starts a private cluster; returns its folder and the owner's URL of `postgres`."""
    output = subprocess.run(["bash", str(CLUSTER), "start"], capture_output=True, text=True, check=True).stdout
    exports = dict(re.findall(r"export (\w+)='?([^'\n]*)'?", output))
    return exports["DSR_TEST_POSTGRES_DIR"], exports["DSR_TEST_POSTGRES_URL"]


class Server:
    """`dsr serve` on a database, on a free port."""

    def __init__(self, binary, database_arguments):
        self.process = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0", *database_arguments], stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        while "listening on" not in line:
            if not line:
                raise SystemExit("dsr serve did not start")
            line = self.process.stderr.readline()
        self.base = "http://127.0.0.1:" + re.search(r"127\.0\.0\.1:(\d+)", line).group(1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def reads(server, password, seconds):
    """wrk's figures for the start page and the open-case list, signed in as the supervisor."""
    session, _ = sign_in(server.base, "leitung", password)
    cookie = f"Cookie: dsr_session={session}"
    return {
        "GET /": wrk(server.base + "/", 16, seconds, [cookie]),
        "GET /cases?status=open": wrk(server.base + "/cases?status=open", 16, seconds, [cookie]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "dsr"))
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    os.environ["DSR_CONFIG"] = ""
    dsr = args.binary
    cluster, owner_postgres = start_cluster()
    try:
        with tempfile.TemporaryDirectory() as folder:
            sqlite = os.path.join(folder, "demo.sqlite")
            seconds, demo = timed([dsr, "demo", "--db", sqlite, "--cases", str(args.cases)])
            print(f"dsr demo --cases {args.cases:,}: {seconds:.1f} s")
            password = next(line.split()[-1] for line in demo.splitlines() if line.split()[:1] == ["leitung"])
            subprocess.run(["psql", owner_postgres.replace("postgres://", "postgresql://"), "-q", "-c",
                            "CREATE DATABASE bench"], check=True)
            owner = owner_postgres.replace("/postgres?", "/bench?")
            server_url = owner.replace("dsr_owner@", "dsr_app@")

            seconds, _ = timed([dsr, "migrate", "--from", sqlite, "--to", server_url, "--owner", owner])
            print(f"dsr migrate SQLite -> PostgreSQL: {seconds:.1f} s (target < 60 s)")

            for name, option in (("SQLite", ["--db", sqlite]), ("PostgreSQL", ["--database", server_url])):
                runs = [timed([dsr, "verify", "--lang", "en", *option]) for _ in range(VERIFY_RUNS)]
                seconds = statistics.median(run[0] for run in runs)
                events = int(re.search(r"Chain intact: (\d+) events", runs[0][1]).group(1))
                print(f"dsr verify on {name}: {events:,} events in {seconds:.2f} s (median of {VERIFY_RUNS}) = "
                      f"{events / seconds:,.0f} events/s" + (" (target >= 300,000/s)" if name == "PostgreSQL" else ""))

            figures = {}
            for name, option in (("SQLite", ["--db", sqlite]), ("PostgreSQL", ["--database", server_url])):
                server = Server(dsr, option)
                try:
                    figures[name] = reads(server, password, args.seconds)
                finally:
                    server.stop()
            print(f"{'request':24} {'SQLite p50':>11} {'PostgreSQL p50':>15} {'ratio':>6} {'SQLite req/s':>13}"
                  f" {'PostgreSQL req/s':>17}")
            for what in figures["SQLite"]:
                lite, pg = figures["SQLite"][what], figures["PostgreSQL"][what]
                print(f"{what:24} {lite['p50']:9.2f}ms {pg['p50']:13.2f}ms {pg['p50'] / lite['p50']:6.2f}"
                      f" {lite['rps']:13.0f} {pg['rps']:17.0f}  (target: ratio <= 2)")

            token = subprocess.run([dsr, "token", "create", "--database", server_url, "--user", "leitung", "--name",
                                    "benchmark"], capture_output=True, text=True, check=True).stdout.strip()
            script = os.path.join(folder, "api.lua")
            with open(script, "w", encoding="utf-8") as file:
                file.write(API_SCRIPT % token)
            servers = [Server(dsr, ["--database", server_url]) for _ in range(2)]
            try:
                with ThreadPoolExecutor(2) as pool:
                    runs = list(pool.map(
                        lambda server: wrk(server.base + "/api/v1/cases", 4, args.seconds, script=script), servers))
            finally:
                for server in servers:
                    server.stop()
            total = sum(run["rps"] for run in runs)
            bad = sum(run["bad"] for run in runs)
            print(f"POST /api/v1/cases, 8 clients over 2 servers: {total:.0f} cases/s, p50 "
                  f"{max(run['p50'] for run in runs):.1f} ms, non-2xx {bad} (target >= 150/s)")
            _, output = timed([dsr, "verify", "--lang", "en", "--database", server_url])
            print("after the load: " + output.splitlines()[0])
    finally:
        subprocess.run(["bash", str(CLUSTER), "stop", cluster], check=False)


if __name__ == "__main__":
    main()
