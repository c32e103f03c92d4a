"""Screenshots of the translator's dashboard and the coverage matrix for the README.

Run on the demo site (after ``migrate`` and ``load_demo``):
``.venv/bin/python -m localisation.screenshots``. It starts Django's development server on
127.0.0.1, signs in as the demo Arabic translator and the demo reviewer in Debian's Chromium,
and saves docs/screenshots/translator-dashboard.png and coverage-matrix.png.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
OUTPUT = BASE_DIR / "docs" / "screenshots"

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own 127.0.0.1 server)
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The development server did not answer {url} within {seconds} seconds.")


def sign_in(page, base, username):
    from guidance_pages.demo import DEMO_PASSWORD

    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def main():
    import django

    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base}/admin/login/")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS)
            translator = browser.new_page(viewport={"width": 1280, "height": 1100})
            sign_in(translator, base, "translator-ar")  # lands on the Arabic dashboard
            translator.screenshot(path=str(OUTPUT / "translator-dashboard.png"), full_page=False)
            coordinator = browser.new_page(viewport={"width": 1600, "height": 1000})
            sign_in(coordinator, base, "reviewer")
            coordinator.goto(f"{base}/admin/translations/coverage/")
            coordinator.screenshot(path=str(OUTPUT / "coverage-matrix.png"), full_page=False)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"Saved {OUTPUT / 'translator-dashboard.png'} and {OUTPUT / 'coverage-matrix.png'}")  # noqa: T201


if __name__ == "__main__":
    main()
