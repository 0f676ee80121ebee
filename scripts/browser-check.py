#!/usr/bin/env python3
"""Browser checks of the reports, in headless Chromium (issue 5, "must show").

1. The HTML report of every example opens without console errors (browser log, SEVERE).
2. Screenshots (PNG) of the canvas view and the network view of two examples, for the README.
3. The PDF of one example starts every section on a new page, in the designed order; sections
   other than the two findings sections take exactly one page.

Usage: scripts/browser-check.py PLUMB [--screenshots DIR]
Needs selenium (PyPI), chromium and chromium-driver, and pdfinfo/pdftotext (poppler-utils).
"""
import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The sections of a report, in order, as ReportSection.heading writes them.
SECTIONS = [
    "Overview", "Alignment scores", "KPI Misalignment Canvas", "Accountability network",
    "Findings by objective", "Findings by participant", "Proposed redesign and review", "KPI charts",
]
# Sections whose length follows the number of findings; every other one fits on one page.
MAY_RUN_ON = {"Findings by objective", "Findings by participant"}
SCREENSHOT_EXAMPLES = ["saas-growth-vs-retention", "supply-chain-consortium"]
PDF_EXAMPLE = "saas-growth-vs-retention"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


# MARK: Browser

def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary:
        options.binary_location = binary
    # The system's driver, so Selenium never goes looking for one on the network.
    driver_path = shutil.which("chromedriver")
    if not driver_path:
        sys.exit("chromedriver not found: apt-get install chromium-driver")
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def check_report_opens(driver, plumb, example, scratch):
    html = scratch / f"{example.stem}.html"
    subprocess.run([plumb, "report", str(example), "-o", str(html), "--date", "2026-01-01"], check=True)
    driver.get(html.as_uri())
    errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    for entry in errors:
        fail(f"{example.name}: console error: {entry.get('message')}")
    sections = driver.find_elements(By.CSS_SELECTOR, "section.page h2")
    headings = [element.text for element in sections]
    if headings != SECTIONS:
        fail(f"{example.name}: section headings {headings}, expected {SECTIONS}")
    # Every picture is drawn at a real size: scaled to the page, never collapsed to nothing.
    for svg in driver.find_elements(By.CSS_SELECTOR, "figure.picture svg"):
        if svg.size["width"] < 300 or svg.size["height"] < 100:
            fail(f"{example.name}: a picture is drawn {svg.size}")
    print(f"ok   {example.name}: opens without console errors, {len(headings)} sections")


def screenshot(driver, plumb, example, view, scratch, out_dir):
    svg_path = scratch / f"{example}-{view}.svg"
    subprocess.run([plumb, "render", str(ROOT / "examples" / f"{example}.yaml"), "--view", view,
                    "-o", str(svg_path)], check=True)
    root = svg_path.read_text(encoding="utf-8").split(">", 1)[0]
    width = float(re.search(r' width="([\d.]+)"', root).group(1))
    height = float(re.search(r' height="([\d.]+)"', root).group(1))
    driver.set_window_size(int(width) + 40, int(height) + 140)
    driver.get(svg_path.as_uri())
    png = out_dir / f"{example}-{view}.png"
    driver.find_element(By.TAG_NAME, "svg").screenshot(str(png))
    errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    for entry in errors:
        fail(f"{svg_path.name}: console error: {entry.get('message')}")
    if png.stat().st_size < 10_000:
        fail(f"{png.name} is suspiciously small ({png.stat().st_size} bytes)")
    print(f"ok   {png} ({int(width)}×{int(height)})")


# MARK: PDF

def check_pdf(plumb, scratch):
    pdf = scratch / f"{PDF_EXAMPLE}.pdf"
    subprocess.run([plumb, "report", str(ROOT / "examples" / f"{PDF_EXAMPLE}.yaml"), "-o", str(pdf),
                    "--date", "2026-01-01"], check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))
    first_lines = []
    for page in range(1, pages + 1):
        text = run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-")
        first_lines.append([line.strip() for line in text.splitlines() if line.strip()][:6])
    # A section starts on a page whose first line is its heading; the title page carries the
    # canvas title above "Overview", so that one is looked for in the page's first lines.
    starts = {}
    for number, lines in enumerate(first_lines, start=1):
        if number == 1 and "Overview" in lines:
            starts["Overview"] = 1
        elif lines and lines[0] in SECTIONS:
            if lines[0] in starts:
                fail(f"PDF: '{lines[0]}' starts twice (pages {starts[lines[0]]} and {number})")
            starts[lines[0]] = number
    missing = [s for s in SECTIONS if s not in starts]
    if missing:
        fail(f"PDF: no page starts with {missing}")
        return
    order = [starts[s] for s in SECTIONS]
    if order != sorted(order):
        fail(f"PDF: sections start out of order: {dict(zip(SECTIONS, order))}")
    # Every section but the findings ones takes one page; the last ends the document.
    ends = order[1:] + [pages + 1]
    for section, start, end in zip(SECTIONS, order, ends):
        length = end - start
        if section not in MAY_RUN_ON and length != 1:
            fail(f"PDF: '{section}' takes {length} pages (pages {start}–{end - 1}), designed for one")
    layout = ", ".join(f"{s} p.{p}" for s, p in zip(SECTIONS, order))
    expected = len(SECTIONS) + sum(end - start - 1 for s, start, end in zip(SECTIONS, order, ends) if s in MAY_RUN_ON)
    if pages != expected:
        fail(f"PDF: {pages} pages, expected {expected}")
    print(f"ok   {pdf.name}: {pages} pages, each section on a new page ({layout})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("plumb", help="the plumb executable")
    parser.add_argument("--screenshots", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    plumb = str(pathlib.Path(args.plumb).resolve())
    out_dir = pathlib.Path(args.screenshots).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="plumb-browser-") as tmp:
        scratch = pathlib.Path(tmp)
        driver = browser()
        try:
            for example in sorted((ROOT / "examples").glob("*.yaml")):
                check_report_opens(driver, plumb, example, scratch)
            for example in SCREENSHOT_EXAMPLES:
                for view in ["canvas", "network"]:
                    screenshot(driver, plumb, example, view, scratch, out_dir)
        finally:
            driver.quit()
        check_pdf(plumb, scratch)
    if failures:
        print(f"\n{len(failures)} browser check(s) failed")
        sys.exit(1)
    print("\nbrowser checks passed")


if __name__ == "__main__":
    main()
