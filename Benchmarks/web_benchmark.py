#!/usr/bin/env python3
"""Loads `dsr serve` with wrk: the start page and the open-case list as a signed-in
supervisor, /healthz for the server's own ceiling, POST /cases (new cases through the form,
fsync'd) and POST /api/v1/cases (the same through the API, with a bearer token) from 8
clients each; resident memory after each of three rounds.

Usage: Benchmarks/web_benchmark.py [--binary .build/release/dsr] [--cases 100000] [--seconds 10]

Needs wrk (Debian). Build first: swift build -c release --product dsr.
"""
import argparse
import os
import re
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

POST_SCRIPT = """
wrk.method = "POST"
wrk.body = "_csrf=%s&kind=access&channel=email&subject=Last%%20Test&received="
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Sec-Fetch-Site"] = "same-origin"
wrk.headers["Cookie"] = "dsr_session=%s"
"""

API_SCRIPT = """
wrk.method = "POST"
wrk.body = '{"kinds":["access"],"channel":"email","received":"now","subject":"Last Test"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %s"
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base, login, password):
    opener = urllib.request.build_opener(NoRedirect)
    form = opener.open(base + "/login")
    signin_cookie = re.search(r"dsr_signin=([^;]+)", form.headers["Set-Cookie"]).group(1)
    token = re.search(r'name="_csrf" value="([^"]+)"', form.read().decode()).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "login": login, "password": password}).encode()
    request = urllib.request.Request(base + "/login", data=body, headers={"Cookie": f"dsr_signin={signin_cookie}"})
    try:
        opener.open(request)
    except urllib.error.HTTPError as answer:
        session = re.search(r"dsr_session=([^;]+)", answer.headers.get_all("Set-Cookie")[0]).group(1)
        page = urllib.request.urlopen(urllib.request.Request(base + "/cases/new", headers={"Cookie": f"dsr_session={session}"}))
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page.read().decode()).group(1)
        return session, csrf
    raise SystemExit("sign-in failed")


def wrk(url, connections, seconds, headers=(), script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    def latency(label):
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {"p50": latency("50"), "p99": latency("99"), "rps": rate,
            "bad": int(non2xx.group(1)) if non2xx else 0, "socket": errors.group(1) if errors else ""}


def report(number, runs, pid):
    """Prints a round's figures; the resident size is read after the round."""
    memory = rss_mb(pid)
    for what, figures in runs:
        print(f"{number:5} {what:23} {figures['p50']:8.2f} {figures['p99']:8.2f} {figures['rps']:8.0f}"
              f" {figures['bad']:11} {memory:7.0f} {figures['socket']}")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1)) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/dsr")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = os.path.join(folder, "dsr.sqlite")
        started = time.time()
        demo = subprocess.run([arguments.binary, "demo", "--db", database, "--cases", str(arguments.cases)],
                              capture_output=True, text=True, check=True).stdout
        print(f"demo with {arguments.cases} cases: {time.time() - started:.0f} s")
        password = next(line.split()[-1] for line in demo.splitlines() if line.split()[:1] == ["leitung"])
        server = subprocess.Popen([arguments.binary, "serve", "--db", database, "--listen", "127.0.0.1:0"],
                                  stderr=subprocess.PIPE, text=True)
        port = int(re.search(r"127\.0\.0\.1:(\d+)", server.stderr.readline()).group(1))
        base = f"http://127.0.0.1:{port}"
        try:
            session, csrf = sign_in(base, "leitung", password)
            cookie = f"Cookie: dsr_session={session}"
            script = os.path.join(folder, "post.lua")
            with open(script, "w") as file:
                file.write(POST_SCRIPT % (csrf, session))
            token = subprocess.run([arguments.binary, "token", "create", "--db", database, "--user", "leitung",
                                    "--name", "benchmark"], capture_output=True, text=True, check=True).stdout.strip()
            api_script = os.path.join(folder, "api.lua")
            with open(api_script, "w") as file:
                file.write(API_SCRIPT % token)
            print(f"{'round':5} {'what':23} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'non-2xx/3xx':>11}  RSS MB")
            # Reads first (on the demo as it is), then writes: each write round adds some
            # 10,000 open cases, which would change what the reads measure.
            rounds = [
                [
                    ("GET /healthz", wrk(base + "/healthz", 16, arguments.seconds)),
                    ("GET /", wrk(base + "/", 16, arguments.seconds, [cookie])),
                    ("GET /cases?status=open", wrk(base + "/cases?status=open", 16, arguments.seconds, [cookie])),
                ]
                for _ in range(3)
            ]
            for number, runs in enumerate(rounds, 1):
                report(number, runs, server.pid)
            for number in (1, 2, 3):
                report(number, [
                    ("POST /cases (8 clients)", wrk(base + "/cases", 8, arguments.seconds, script=script)),
                    ("POST /api/v1/cases (8)", wrk(base + "/api/v1/cases", 8, arguments.seconds, script=api_script)),
                ], server.pid)
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
