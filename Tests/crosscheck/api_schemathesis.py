#!/usr/bin/env python3
"""Property-based test of the JSON API: Schemathesis against a real `dsr serve`.

Usage: python3 api_schemathesis.py PATH_TO_DSR_BINARY

Makes a database in a temporary folder (staff accounts: the process owner as DPO and a
clerk; cases in several states, one opened from a fixture message), creates a token for
each account, starts `dsr serve` on a free loopback port and runs Schemathesis against the
OpenAPI document the server publishes (/api/v1/openapi.json): once with the DPO's token,
once with the clerk's. Every check runs; the responses must conform to the document
(status, media type, headers, schema), and no request may get a server error. Then every
case the DPO sees is fetched and checked against the CaseDetail schema (Schemathesis asks
for random case numbers; the sweep covers the shapes only real cases have).

Positive data may be answered 422: a JSON schema cannot say which dates exist, that a
moment of receipt is not in the future, or that a civil claim needs the claimant's date.
A 400 for data the document calls valid still fails.

Tested with Schemathesis 4.32.5; CI installs it with
    python3 -m pip install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
Without Schemathesis the script exits 0 with a note, unless DSR_REQUIRE_VALIDATORS=1.
Exits 1 if a run failed, 2 on a usage error.
"""

import importlib.util
import json
import os
import pwd
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import deque
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "Fixtures" / "mail" / "01-request-utf8.eml"
SCHEMATHESIS_VERSION = "4.32.5"
# Test cases per operation and phase: the DPO's run, then the clerk's.
EXAMPLES = {"dpo": 30, "clerk": 10}
# Limits, in seconds: each dsr command, the server's start, each Schemathesis run.
COMMAND_TIMEOUT = 60
START_TIMEOUT = 30
RUN_TIMEOUT = 600

# The server's log lines of a failure (a 500 and its cause).
FAILURE = re.compile(r"API call failed|request failed|answered 5\d\d")
# Schemathesis's command line, with raw bytes for the message body of POST /api/v1/messages.
RUNNER = """\
import sys
import schemathesis
from schemathesis.cli import schemathesis as command_line
schemathesis.serializer.alias("message/rfc822", "application/octet-stream")
sys.exit(command_line())
"""
CONFIG = """\
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
"""


class Server:
    """A `dsr serve` on a free loopback port; stopped with SIGTERM (then SIGKILL)."""

    def __init__(self, binary, env):
        self.log = deque(maxlen=200)
        self.failures = []
        self.process = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0", "--verbose"], env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
        self.url = None
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        try:
            if not self.ready.wait(START_TIMEOUT) or self.url is None:
                raise RuntimeError("dsr serve did not say it is listening:\n" + "".join(self.log))
        except BaseException:
            self.stop()
            raise

    def _read(self):
        for line in self.process.stderr:
            self.log.append(line)
            if FAILURE.search(line):
                self.failures.append(line)
            match = re.search(r"listening on (http://\S+)", line)
            if match and self.url is None:
                self.url = match.group(1).rstrip("/")
                self.ready.set()
        self.ready.set()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def dsr(binary, env, *arguments):
    """Runs a dsr command; its standard output, or an error with its standard error."""
    result = subprocess.run(
        [binary, *arguments], env=env, capture_output=True, text=True, timeout=COMMAND_TIMEOUT,
        stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RuntimeError(f"dsr {' '.join(arguments[:2])} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def prepare(binary, env):
    """The database of the run: accounts, cases, a message; the tokens by role."""
    owner = pwd.getpwuid(os.geteuid()).pw_name
    dsr(binary, env, "init", "--db", env["DSR_DB"])
    dsr(binary, env, "user", "add", owner, "--role", "dpo")
    dsr(binary, env, "user", "add", "sachbearbeitung", "--role", "clerk")
    cases = [
        ["--kind", "access", "--channel", "email", "--received", "2026-11-20 10:00"],
        ["--kind", "erasure,rectification", "--channel", "post", "--received", "2026-11-02 09:30",
         "--contact", "erika.fiktiv@example.org", "--note", "Brief mit Ausweiskopie"],
        ["--kind", "injunction", "--channel", "email", "--received", "2026-11-25 14:00", "--due", "2026-12-15"],
    ]
    for arguments in cases:
        dsr(binary, env, "log", *arguments, "--subject", "Erika Fiktiv")
    # 2026-00002: extended, answered (one refusal with its basis), closed.
    dsr(binary, env, "extend", "2026-00002", "--reason", "Umfangreiche Akten")
    dsr(binary, env, "answer", "2026-00002", "--kind", "erasure", "--outcome", "refused", "--basis", "Art. 17 Abs. 3")
    dsr(binary, env, "answer", "2026-00002", "--kind", "rectification", "--outcome", "granted")
    dsr(binary, env, "close", "2026-00002")
    dsr(binary, env, "assign", "2026-00001", "--to", "sachbearbeitung")
    # 2026-00004: opened from the fixture message, with its evidence of receipt.
    dsr(binary, env, "intake", str(FIXTURE))
    dsr(binary, env, "log", "--from-item", "1", "--kind", "access")
    return {
        "dpo": dsr(binary, env, "token", "create", "--user", owner, "--name", "schemathesis dpo").strip(),
        "clerk": dsr(binary, env, "token", "create", "--user", "sachbearbeitung", "--name", "schemathesis").strip(),
    }


def schemathesis(url, token, examples, folder):
    """Runs Schemathesis once; its exit status (124 if it ran out of time)."""
    command = [
        sys.executable, "-c", RUNNER,
        "--config-file", str(folder / "schemathesis.toml"), "--no-color",
        "run", f"{url}/api/v1/openapi.json",
        "--header", f"Authorization: Bearer {token}",
        "--checks", "all",
        "--max-examples", str(examples),
        "--seed", "20261201",
        "--workers", "1",
        "--request-timeout", "10",
        "--generation-database", "none",
        # A debug build on a busy CI machine may answer slowly; that is not what is tested here.
        "--suppress-health-check", "too_slow",
    ]
    process = subprocess.Popen(command, cwd=folder, start_new_session=True)
    try:
        return process.wait(RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        print(f"api schemathesis: the run took longer than {RUN_TIMEOUT} s", file=sys.stderr)
        return 124
    finally:
        # Its own session: on a time-out or an interruption of this script, end it and its children.
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def get(url, token):
    """The JSON of a GET with the token."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def sweep(url, token):
    """Checks every case the token's account sees against the CaseDetail schema; the problems."""
    import jsonschema_rs

    document = get(f"{url}/api/v1/openapi.json", token)
    validator = jsonschema_rs.validator_for(
        {"$ref": "#/components/schemas/CaseDetail", "components": document["components"]}, validate_formats=True)
    page = get(f"{url}/api/v1/cases?limit=500", token)
    problems = []
    for entry in page["cases"]:
        detail = get(f"{url}/api/v1/cases/{entry['id']}", token)
        problems += [f"{entry['id']}: {error.message}" for error in validator.iter_errors(detail)]
    print(f"api schemathesis: {len(page['cases'])} case details checked against CaseDetail, "
          f"{len(problems)} problem(s)")
    return problems


def run(binary):
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dsr-schemathesis-") as name:
        folder = Path(name)
        env = {key: value for key, value in os.environ.items() if not key.startswith("DSR_")}
        env.update(DSR_DB=str(folder / "dsr.sqlite"), XDG_DATA_HOME=str(folder / "data"),
                   XDG_CONFIG_HOME=str(folder / "config"))
        tokens = prepare(binary, env)
        (folder / "schemathesis.toml").write_text(CONFIG)
        server = Server(binary, env)
        statuses = {}
        try:
            for role, examples in EXAMPLES.items():
                print(f"api schemathesis: {role} token, {examples} examples per operation", flush=True)
                statuses[role] = schemathesis(server.url, tokens[role], examples, folder)
            problems = sweep(server.url, tokens["dpo"])
        finally:
            stopped = server.stop()
        crashed = server.failures
    seconds = time.monotonic() - started
    summary = ", ".join(f"{role} {'passed' if status == 0 else f'failed ({status})'}"
                        for role, status in statuses.items())
    print(f"api schemathesis: {summary}; server stopped with {stopped}; "
          f"{len(crashed)} failure line(s) in its log; {seconds:.0f} s")
    for line in crashed[:10] + problems[:10]:
        print("  " + line.rstrip())
    passed = all(status == 0 for status in statuses.values())
    return 0 if passed and not crashed and not problems and stopped == 0 else 1


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    if importlib.util.find_spec("schemathesis") is None:
        if os.environ.get("DSR_REQUIRE_VALIDATORS") == "1":
            print("api schemathesis: Schemathesis is not installed, and DSR_REQUIRE_VALIDATORS=1", file=sys.stderr)
            return 1
        print(f"api schemathesis: skipped (pip install 'schemathesis=={SCHEMATHESIS_VERSION}' to run it)")
        return 0
    # SIGTERM and SIGHUP end the script through `finally`, which stops the server.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda number, frame: sys.exit(128 + number))
    try:
        return run(argv[0])
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as error:
        print(f"api schemathesis: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
