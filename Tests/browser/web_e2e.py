#!/usr/bin/env python3
"""End-to-end test of `dsr serve` in a real browser (headless Chromium through Selenium),
with axe-core on every page, as clerk, supervisor and DPO.

Needs Debian's chromium and chromium-driver, and from PyPI selenium and axe-playwright-python
(`pip install --no-deps axe-playwright-python`: only its axe-core is used).

Usage: web_e2e.py DSR_BINARY [--screenshots DIR]

Starts `dsr demo` and `dsr serve` on a database of its own, then: a clerk's day (log in, log
a request received Sat 31.01.2026, see the deadline Mon 02.03.2026, acknowledge, ask for
identity and confirm it, answer, close), a supervisor assigning from the start page, the DPO
downloading the HTML report with personal data. Exits 1 on the first failed check or on any
axe violation, naming it.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

import importlib.util
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

failures = []
# axe-core 4.12 as the PyPI package axe-playwright-python ships it (installed without
# Playwright: only its axe.min.js is used; axe-selenium-python bundles axe-core 3.1, which
# has no WCAG 2.1 rules).
AXE_SCRIPT = open(
    os.path.join(os.path.dirname(importlib.util.find_spec("axe_playwright_python").origin), "axe.min.js"),
    encoding="utf-8",
).read()
# WCAG 2.1 A and AA (what BITV 2.0 requires) and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL {what}", file=sys.stderr)


def submit(driver, button):
    """Clicks a form's button and waits until the browser has loaded the answer: the old
    page's window marker is gone and the new document is complete."""
    driver.execute_script("window.dsrOldPage = true;")
    button.click()

    def loaded(d):
        try:
            return d.execute_script("return window.dsrOldPage === undefined && document.readyState === 'complete'")
        except WebDriverException:
            return False  # between two documents

    WebDriverWait(driver, 30).until(loaded)


def start_server(binary, folder):
    database = os.path.join(folder, "dsr.sqlite")
    demo = subprocess.run([binary, "demo", "--db", database, "--cases", "80"], capture_output=True, text=True, check=True)
    passwords = {}
    for line in demo.stdout.splitlines():
        words = line.split()
        if words and words[0] in ("pressestelle1", "leitung", "datenschutz"):
            passwords[words[0]] = words[-1]
    server = subprocess.Popen(
        [binary, "serve", "--db", database, "--listen", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True
    )
    port = None
    deadline = time.time() + 60
    while port is None and time.time() < deadline:
        line = server.stderr.readline()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if match:
            port = int(match.group(1))
    if port is None:
        server.kill()
        raise SystemExit("dsr serve did not start")
    return server, port, passwords


def browser(download_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs", {"download.default_directory": download_dir, "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
    return driver


class Visit:
    """One user's browser: pages opened, axe run on each distinct page."""

    def __init__(self, driver, base, role, screenshots):
        self.driver, self.base, self.role, self.screenshots = driver, base, role, screenshots
        self.checked = set()

    def open(self, path):
        self.driver.get(self.base + path)
        self.axe()

    def axe(self, label=None):
        key = label or re.sub(r"\d{4}-\d{5}", "ID", self.driver.current_url.replace(self.base, ""))
        if key in self.checked:
            return
        self.checked.add(key)
        self.driver.execute_script(AXE_SCRIPT)
        results = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(r => done({violations: r.violations, passes: r.passes.length}))"
            ".catch(e => done({error: String(e)}));",
            AXE_TAGS,
        )
        if "error" in results:
            check(False, f"axe {self.role} {key}: {results['error']}")
            return
        for violation in results["violations"]:
            nodes = "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:3])
            check(False, f"axe {self.role} {key}: {violation['id']} ({violation['help']}) at {nodes}")
        print(f"axe {self.role} {key}: {len(results['violations'])} violations, {results['passes']} rules passed")

    def shot(self, name):
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, name))

    def sign_in(self, login, password):
        self.open("/login")
        self.driver.find_element(By.ID, "login").send_keys(login)
        self.driver.find_element(By.ID, "password").send_keys(password)
        submit(self.driver, self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button"))
        check(self.driver.current_url == self.base + "/", f"{login} lands on the start page after sign-in, not {self.driver.current_url}")
        self.axe()

    def step(self, name, fields=None):
        form = self.driver.find_element(By.CSS_SELECTOR, f"form[action$='/steps/{name}']")
        for field, value in (fields or {}).items():
            element = form.find_element(By.NAME, field)
            if element.tag_name == "select":
                Select(element).select_by_value(value)
            else:
                element.clear()
                element.send_keys(value)
        submit(self.driver, form.find_element(By.CSS_SELECTOR, "button"))
        check("/cases/" in self.driver.current_url and "error-summary" not in self.driver.page_source, f"step {name} recorded")

    def sign_out(self):
        submit(self.driver, self.driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
        check(self.driver.current_url.endswith("/login"), f"{self.role} signed out")


def clerk_day(visit, password):
    visit.sign_in("pressestelle1", password)
    visit.shot("start-page.png")
    visit.open("/cases/new")
    driver = visit.driver
    driver.find_element(By.ID, "kind-access").click()
    Select(driver.find_element(By.ID, "channel")).select_by_value("email")
    driver.find_element(By.ID, "received").send_keys("31.01.2026 10:00")
    driver.find_element(By.ID, "subject").send_keys("Erika Mustermann")
    driver.find_element(By.ID, "contact").send_keys("erika@example.org")
    visit.shot("new-request-form.png")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/cases'] button"))
    check(re.search(r"/cases/\d{4}-\d{5}$", driver.current_url) is not None, "a new case page after saving")
    deadline = driver.find_element(By.CSS_SELECTOR, "#deadline time")
    check(deadline.get_attribute("datetime") == "2026-03-02", "deadline of a request received Sat 31.01.2026")
    check(deadline.text == "Mo 02.03.2026", "deadline shown as Mo 02.03.2026")
    check(driver.find_element(By.CSS_SELECTOR, "#internal-due time").get_attribute("datetime").startswith("20"), "internal due")
    visit.axe("/cases/ID")
    visit.step("ack", {"at": "02.02.2026 09:00"})
    visit.step("identity-request", {"at": "02.02.2026 09:05"})
    visit.step("identity-confirm", {"at": "05.02.2026 11:00"})
    visit.step("answer", {"kind": "access", "outcome": "granted"})
    case_path = driver.current_url.replace(visit.base, "")
    visit.open(f"{case_path}/letter?template=rueckfrage&language=de")
    driver.find_element(By.ID, "fill-fragen").send_keys("Welche Daten genau?")
    driver.find_element(By.ID, "fill-grund").send_keys("Ihr Schreiben ist mehrdeutig.")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[value='preview']"))
    check("Welche Daten genau?" in driver.find_element(By.ID, "letter-text").get_attribute("value"), "letter preview")
    visit.axe("/cases/ID/letter (preview)")
    visit.open(case_path)
    visit.step("close")
    check("abgeschlossen" in driver.find_element(By.CSS_SELECTOR, ".status").text, "the case is closed")
    # A form shown with errors: a moment of receipt in the future.
    visit.open("/cases/new")
    driver.find_element(By.ID, "kind-erasure").click()
    driver.find_element(By.ID, "received").send_keys("01.01.2099")
    driver.find_element(By.ID, "subject").send_keys("Max Muster")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/cases'] button"))
    check(
        "error-summary" in driver.page_source,
        f"the refused form shows its error summary (at {driver.current_url}: {driver.find_element(By.TAG_NAME, 'h1').text})",
    )
    visit.axe("/cases (form with errors)")
    for path in ("/cases", "/deadline?kind=access&received=31.01.2026", "/verify", "/account"):
        visit.open(path)
    clerk_inbox(visit)
    visit.sign_out()


MAIL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Fixtures", "mail")


def upload(visit, name):
    """Uploads a saved mail through the inbox page's file field; returns the item page's path."""
    driver = visit.driver
    visit.open("/inbox")
    driver.find_element(By.ID, "message").send_keys(os.path.abspath(os.path.join(MAIL, name)))
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/inbox/upload'] button"))
    check(re.search(r"/inbox/\d+$", driver.current_url) is not None, f"{name} uploaded to an item page, not {driver.current_url}")
    return driver.current_url.replace(visit.base, "")


def clerk_inbox(visit):
    """A forwarded request becomes a case at the earlier receipt of the office it first reached;
    a mail that is no request is dismissed."""
    driver = visit.driver
    upload(visit, "09-nested-forward.eml")
    visit.axe("/inbox/ID")
    visit.shot("inbox-item.png")
    forwarded = [
        radio for radio in driver.find_elements(By.CSS_SELECTOR, "input[name='receipt']")
        if "weitergeleitete" in driver.find_element(By.CSS_SELECTOR, f"label[for='{radio.get_attribute('id')}']").text
    ]
    check(len(forwarded) > 0, "the forwarded message's own receipt is offered")
    if forwarded:
        forwarded[-1].click()
    driver.find_element(By.ID, "receiptReason").send_keys("ging zuerst beim Bürgerbüro ein")
    driver.find_element(By.ID, "kind-access").click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/case'] button"))
    check(re.search(r"/cases/\d{4}-\d{5}$", driver.current_url) is not None, f"a case from the item, not {driver.current_url}")
    check("ging zuerst beim Bürgerbüro ein" in driver.page_source, "the case page shows the reason for the moment of receipt")
    visit.axe("/cases/ID (from the inbox)")
    upload(visit, "07-html-only.eml")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/dismiss'] button"))
    check(driver.current_url.endswith("/inbox"), "dismissing returns to the inbox")
    visit.axe("/inbox (with a settled item)")
    visit.shot("inbox.png")


def supervisor_assigns(visit, password):
    visit.sign_in("leitung", password)
    driver = visit.driver
    forms = driver.find_elements(By.CSS_SELECTOR, "form[action$='/steps/assign']")
    check(len(forms) > 0, "the start page offers to assign cases")
    if forms:
        form = forms[0]
        case_id = re.search(r"/cases/(\d{4}-\d{5})/", form.get_attribute("action")).group(1)
        Select(form.find_element(By.NAME, "to")).select_by_value("pressestelle1")
        submit(driver, form.find_element(By.CSS_SELECTOR, "button"))
        check(driver.current_url.endswith(f"/cases/{case_id}"), "assigning leads to the case page")
        check("pressestelle1" in driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='facts-title']").text, "assigned")
        visit.axe("/cases/ID (supervisor)")
        visit.shot("case-page.png")
    for path in ("/cases?status=open", "/reports", "/deadline"):
        visit.open(path)
    visit.sign_out()


def dpo_downloads(visit, password, download_dir):
    visit.sign_in("datenschutz", password)
    driver = visit.driver
    visit.open("/reports")
    Select(driver.find_element(By.ID, "format")).select_by_value("html")
    driver.find_element(By.ID, "personal_data").click()
    driver.find_element(By.CSS_SELECTOR, "form[action='/reports'] button").click()
    report = None
    deadline = time.time() + 30
    while report is None and time.time() < deadline:
        done = [name for name in os.listdir(download_dir) if name.endswith(".html")]
        report = os.path.join(download_dir, done[0]) if done else None
        time.sleep(0.2)
    check(report is not None, "the HTML report was downloaded")
    if report:
        with open(report, encoding="utf-8") as file:
            text = file.read()
        check("<html" in text and "Erika Mustermann" in text, "the report holds the cases with personal data")
    for path in ("/verify", "/purge", "/cases", "/subject", "/account"):
        visit.open(path)
    visit.sign_out()


def main():
    binary = sys.argv[1]
    screenshots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
    with tempfile.TemporaryDirectory() as folder:
        server, port, passwords = start_server(binary, folder)
        downloads = os.path.join(folder, "downloads")
        os.makedirs(downloads)
        driver = browser(downloads)
        try:
            base = f"http://127.0.0.1:{port}"
            clerk_day(Visit(driver, base, "clerk", screenshots), passwords["pressestelle1"])
            supervisor_assigns(Visit(driver, base, "supervisor", screenshots), passwords["leitung"])
            dpo_downloads(Visit(driver, base, "dpo", None), passwords["datenschutz"], downloads)
        finally:
            driver.quit()
            server.terminate()
            server.wait(timeout=15)
    if failures:
        print(f"{len(failures)} failures", file=sys.stderr)
        sys.exit(1)
    print("browser test passed")


if __name__ == "__main__":
    main()
