"""A bounded load test on 127.0.0.1: readers and feedback writers against gunicorn, on SQLite and PostgreSQL.

    .venv/bin/python bench/load_test.py                          # both databases, 60 seconds each
    .venv/bin/python bench/load_test.py --seconds 10 --database sqlite

For each database it loads the demo site into a scratch database (a temporary SQLite file; the
PostgreSQL database named by --postgres-url, created afresh and dropped at the end), starts gunicorn with the
production settings and two sync workers (as README "Deploying" does) on 127.0.0.1, and runs 50
readers (home, guide list, guide and chapter pages in several languages, Arabic included) and 10
feedback writers (each reads a chapter once for the CSRF cookie and token, then keeps posting
"Was this page useful?" answers to the chapters in turn) for the given time. It then prints the requests, the answers by status, the 5xx count, and
the writes the server confirmed against the rows in the database. Exits 1 if any request failed
with a 5xx or no answer, or any confirmed write is missing.

All writers come from 127.0.0.1, so the server trusts X-Forwarded-For (each writer sends its own,
as readers behind a reverse proxy do) and FEEDBACK_RATE_LIMIT is raised far above what ten
writers can send: the rate limit still counts every answer, but refuses none.
"""

import argparse
import collections
import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
READER_LANGUAGES = ["en", "ar", "uk", "fa", "ti"]
COMMENT_PREFIX = "load test"
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# What the server is asked for, found in the database by the site's own code.
PAGES_SCRIPT = """
import json
from guidance_pages.models import GuideChapterPage, GuidePage, HomePage, GuideIndexPage
languages = %r
urls = []
for model in (HomePage, GuideIndexPage, GuidePage, GuideChapterPage):
    for page in model.objects.live().filter(locale__language_code__in=languages):
        urls.append(page.url)
chapters = [[page.url, page.pk] for page in GuideChapterPage.objects.live().filter(locale__language_code__in=languages)]
print(json.dumps({"pages": sorted(urls), "chapters": sorted(chapters)}))
"""
STORED_SCRIPT = """
import json
from feedback.models import PageFeedback
print(json.dumps(list(PageFeedback.objects.filter(comment__startswith=%r).values_list("comment", flat=True))))
"""


def say(line):
    print(line, flush=True)


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def last_json_line(output):
    return json.loads(output.strip().splitlines()[-1])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(database_url, folder):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="false",  # plain HTTP on 127.0.0.1; behind a proxy the site is HTTPS
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(folder / "media"),
        FEEDBACK_RATE_LIMIT="1000000/600",
        FEEDBACK_TRUST_X_FORWARDED_FOR="true",
    )
    return env


def scratch_postgres(url, create):
    """Drop the scratch database named in ``url``, and create it again when ``create``."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("operations"):
        sys.exit(f"--postgres-url must name a scratch database whose name starts with 'operations' (it is dropped); got {name!r}.")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')


class Tally:
    """Every answer, counted by the threads that got them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.Counter()
        self.errors = collections.Counter()
        self.latencies = []
        self.confirmed = []
        self.reads = 0
        self.posts = 0

    def record(self, status, seconds, kind):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)
            if kind == "read":
                self.reads += 1
            else:
                self.posts += 1

    def error(self, error):
        with self.lock:
            self.errors[type(error).__name__] += 1


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Location", ""), response.getheader("Set-Cookie", ""), response.read()
    finally:
        connection.close()


def reader(port, pages, offset, deadline, tally):
    number = offset
    while time.monotonic() < deadline:
        path = pages[number % len(pages)]
        number += 1
        started = time.monotonic()
        try:
            status, _location, _cookie, _body = request(port, "GET", path)
        except (OSError, http.client.HTTPException) as error:
            tally.error(error)
            time.sleep(0.1)
            continue
        tally.record(status, time.monotonic() - started, "read")


def writer(port, chapters, number, deadline, tally):
    """A reader who opens a chapter once (for the CSRF cookie and token), then keeps answering."""
    forwarded_for = f"127.0.1.{number + 1}"  # one reader behind a proxy per writer
    session = None
    answer = 0
    while time.monotonic() < deadline:
        try:
            if session is None:
                started = time.monotonic()
                status, _location, cookie, body = request(port, "GET", chapters[number % len(chapters)][0])
                tally.record(status, time.monotonic() - started, "read")
                token, csrf_cookie = CSRF_TOKEN.search(body.decode()), re.search(r"csrftoken=([^;]+)", cookie)
                if status != 200 or not token or not csrf_cookie:
                    continue
                session = (token.group(1), f"csrftoken={csrf_cookie.group(1)}")
            path, page = chapters[(number + answer) % len(chapters)]
            answer += 1
            comment = f"{COMMENT_PREFIX} writer {number} answer {answer}"
            form = urllib.parse.urlencode({"csrfmiddlewaretoken": session[0], "page": page, "useful": "yes", "comment": comment})
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": session[1], "X-Forwarded-For": forwarded_for}
            started = time.monotonic()
            status, location, _cookie, _body = request(port, "POST", f"/{path.split('/')[1]}/feedback/", form, headers)
            tally.record(status, time.monotonic() - started, "post")
            if status == 303 and "/feedback/thanks/" in location:
                with tally.lock:
                    tally.confirmed.append(comment)
        except (OSError, http.client.HTTPException) as error:
            tally.error(error)
            time.sleep(0.1)


def run(label, database_url, seconds, readers, writers):
    with tempfile.TemporaryDirectory(prefix="guidance-load-") as scratch:
        folder = Path(scratch)
        if database_url is None:
            database_url = f"sqlite:///{folder / 'db.sqlite3'}"
        env = server_environment(database_url, folder)
        say(f"\n== {label}: preparing the demo site in {database_url}")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        found = last_json_line(manage(env, "shell", "-v0", "-c", PAGES_SCRIPT % READER_LANGUAGES))
        port = free_port()
        log_path = folder / "gunicorn.log"
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--timeout", "60"]
        with open(log_path, "wb") as log:
            server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                wait_until_ready(port, server)
                tally = Tally()
                started = time.monotonic()
                deadline = started + seconds
                threads = [
                    threading.Thread(target=reader, args=(port, found["pages"], index * 7, deadline, tally)) for index in range(readers)
                ]
                threads += [
                    threading.Thread(target=writer, args=(port, found["chapters"], index, deadline, tally)) for index in range(writers)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(timeout=seconds + 120)
                elapsed = time.monotonic() - started
            finally:
                server.terminate()
                server.wait(timeout=30)
        stored = last_json_line(manage(env, "shell", "-v0", "-c", STORED_SCRIPT % COMMENT_PREFIX))
        return report(label, tally, stored, elapsed, readers, writers, log_path.read_text(errors="replace"))


def wait_until_ready(port, server):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn stopped while starting.")
        try:
            if request(port, "GET", "/en/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit("gunicorn did not answer within 60 seconds.")


def report(label, tally, stored, elapsed, readers, writers, log):
    requests = sum(tally.statuses.values())
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
    confirmed = collections.Counter(tally.confirmed)
    lost = sorted((confirmed - collections.Counter(stored)).elements())
    unconfirmed = sorted((collections.Counter(stored) - confirmed).elements())
    latencies = sorted(tally.latencies) or [0.0]

    def percentile(share):
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    say(f"== {label}: {readers} readers and {writers} feedback writers for {elapsed:.0f} s, gunicorn with 2 sync workers")
    say(f"  requests: {requests} ({requests / elapsed:.1f} per second): {tally.reads} page reads, {tally.posts} feedback posts")
    say(f"  answers by status: {', '.join(f'{status}: {count}' for status, count in sorted(tally.statuses.items()))}")
    say(f"  5xx answers: {server_errors}; requests with no answer: {sum(tally.errors.values())} {dict(tally.errors) or ''}")
    say(f"  time to answer (ms): median {percentile(0.5):.0f}, 95th percentile {percentile(0.95):.0f}, slowest {latencies[-1] * 1000:.0f}")
    say(f"  writes confirmed by the server: {len(tally.confirmed)}; rows in the database: {len(stored)}; lost writes: {len(lost)}")
    if unconfirmed:
        say(f"  stored but not confirmed (the answer did not arrive): {len(unconfirmed)}")
    for marker in ("database is locked", "Internal Server Error", "Service Unavailable", "WORKER TIMEOUT"):
        if marker in log:
            say(f"  the server log mentions {marker!r} {log.count(marker)} time(s)")
    return server_errors == 0 and not tally.errors and not lost and len(tally.confirmed) > 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="How long the readers and writers run on each database (default 60).")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--postgres-url",
        default="postgres://postgres@127.0.0.1:5432/operations_load",
        help="A scratch PostgreSQL database on this machine; it is dropped and created again.",
    )
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=10)
    options = parser.parse_args()
    if not 1 <= options.seconds <= 600:
        parser.error("--seconds must be between 1 and 600.")
    if urllib.parse.urlsplit(options.postgres_url).hostname not in {"127.0.0.1", "localhost", "::1"}:
        parser.error("--postgres-url must point at this machine (127.0.0.1).")
    say(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    # As README "Deploying": interface translations compiled, static files collected for whitenoise.
    with tempfile.TemporaryDirectory(prefix="guidance-load-") as scratch:
        env = server_environment(f"sqlite:///{Path(scratch) / 'unused.sqlite3'}", Path(scratch))
        manage(env, "compile_translations")
        manage(env, "collectstatic", "--noinput")
    passed = True
    if options.database in {"sqlite", "both"}:
        passed &= run("SQLite", None, options.seconds, options.readers, options.writers)
    if options.database in {"postgres", "both"}:
        scratch_postgres(options.postgres_url, create=True)
        try:
            passed &= run("PostgreSQL", options.postgres_url, options.seconds, options.readers, options.writers)
        finally:
            scratch_postgres(options.postgres_url, create=False)
    say("\nPASSED: no 5xx, no unanswered request, no lost write." if passed else "\nFAILED: see above.")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
