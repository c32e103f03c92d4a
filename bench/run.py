"""The benchmark of issue #7: ``make bench`` (or ``.venv/bin/python bench/run.py --help``).

Builds a large site (once; reused while the code's migrations stay the same), serves it with the
production server (gunicorn, production settings, 2 sync workers) on 127.0.0.1 and loads it
with wrk. Every page's requests per second is shown as a share of a static file of the same
size served by the same server in the same run, with static and page runs alternating and the
median of each taken. Then it times translation work on the biggest guide. It does all this on
SQLite, then on PostgreSQL with Redis as the cache.

Each database runs in a process of its own (Django reads its settings once per process); this
script starts them one after another and prints the figures of both at the end.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from bench.server import WORKERS, WRK_CONNECTIONS, WRK_THREADS, WRK_TIMEOUT, BenchError, Server, check_wrk, fetch, run_wrk  # noqa: E402

BENCH_DIR = BASE_DIR / "bench"
DATA_DIR = BENCH_DIR / ".data"
RESULTS_DIR = BENCH_DIR / "results"
DATABASES = ("sqlite", "postgres")
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bench_site")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
# Readers who send a session cookie (signed-in editors) are never served from the page cache.
UNCACHED_HEADERS = {"Cookie": "sessionid=bench"}


def say(message=""):
    print(message, flush=True)


# Options ----------------------------------------------------------------------------------


def parse_options(argv):
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description="Measure the production server against a static file of the same size, on SQLite and PostgreSQL."
    )
    parser.add_argument("--quick", action="store_true", help="a small site and 3-second runs, to check the benchmark itself works")
    parser.add_argument("--database", choices=[*DATABASES, "both"], default="both", help="which database to measure (default: both)")
    parser.add_argument("--seconds", type=int, help="length of each wrk run (default: 10, or 3 with --quick)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each page and of its static file, alternating (default: 3)")
    parser.add_argument("--rebuild", action="store_true", help="build the site again even if the saved one is current")
    parser.add_argument("--report", action="store_true", help="only print the tables of the latest saved results again")
    parser.add_argument("--child", choices=DATABASES, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.seconds is None:
        options.seconds = 3 if options.quick else 10
    if options.seconds < 1 or options.runs < 1:
        parser.error("--seconds and --runs must be at least 1.")
    return options


# The parent: one child process per database -----------------------------------------------


def main(argv=None):
    options = parse_options(sys.argv[1:] if argv is None else argv)
    databases = DATABASES if options.database == "both" else (options.database,)
    if options.report:
        return report(databases, options)
    try:
        check_wrk()
        if options.child:
            return measure_database(options.child, options)
    except BenchError as error:
        say(f"\nThe benchmark stopped: {error}")
        return 1
    except KeyboardInterrupt:
        return 130
    arguments = sys.argv[1:] if argv is None else argv
    os.environ["BENCH_COMMAND"] = "make bench" + (f' BENCH_ARGS="{" ".join(arguments)}"' if arguments else "")
    for database in databases:
        child = subprocess.Popen([sys.executable, __file__, *without_database(arguments), "--child", database], cwd=BASE_DIR)
        try:
            code = child.wait()
        except KeyboardInterrupt:
            say("\nStopping: the server is being shut down.")
            child.wait()
            return 130
        if code != 0:
            return code
    return report(databases, options)


def report(databases, options):
    """The latest results of each database as plain tables, then as one Markdown table for the README."""
    results = []
    for database in databases:
        path = RESULTS_DIR / result_name(database, options)
        if not path.exists():
            say(f"There are no results for {database} yet ({path.relative_to(BASE_DIR)}); run the benchmark first.")
            return 1
        results.append(json.loads(path.read_text()))
    for result in results:
        say()
        say(text_table(result))
    say("\nFor the README (bench/README.md explains each figure):\n")
    say(markdown_table(results))
    return 0


def without_database(arguments):
    """The options for a child process, which measures one database."""
    kept, skip_next = [], False
    for argument in arguments:
        if skip_next:
            skip_next = False
        elif argument == "--database":
            skip_next = True
        elif not argument.startswith("--database="):
            kept.append(argument)
    return kept


def result_name(database, options):
    return f"latest-{database}{'-quick' if options.quick else ''}.json"


# A child: one database --------------------------------------------------------------------


@dataclass
class Target:
    """One address measured under load, with the static file of its size as its reference."""

    key: str
    label: str
    path: str
    cached: bool
    headers: dict = field(default_factory=dict)
    size: int = 0
    queries: int = 0

    @property
    def static_path(self):
        return f"/static/bench/{self.key}.html"


def configure(database, options, static_root):
    """The production settings' environment for this database; the server inherits it."""
    data_dir = DATA_DIR / f"{database}{'-quick' if options.quick else ''}"
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
    os.environ["HTTPS"] = "false"
    os.environ["MEDIA_ROOT"] = str(data_dir / "media")
    os.environ["STATIC_ROOT"] = str(static_root)
    if database == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'site.sqlite3'}"
        os.environ.pop("REDIS_URL", None)
        # Without Redis the cache is kept in files shared by the workers; start each run empty.
        os.environ["CACHE_DIR"] = str(data_dir / "cache")
        shutil.rmtree(data_dir / "cache", ignore_errors=True)
    else:
        os.environ["DATABASE_URL"] = POSTGRES_URL + ("_quick" if options.quick else "")
        os.environ["REDIS_URL"] = REDIS_URL
    return data_dir


def stop_on_sigterm(_signal_number, _frame):
    raise KeyboardInterrupt


def measure_database(database, options):
    """Build or reuse the site, measure every target against its static file, time translation work."""
    # Stop cleanly (server included) when told to stop, as on Ctrl+C.
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    data_dir = configure(database, options, static_root)
    title = "SQLite" if database == "sqlite" else "PostgreSQL + Redis"
    say(f"\n=== {title} ===")
    started = time.perf_counter()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from bench.build import FULL, QUICK, ensure_site

    check_services(database)
    shape = QUICK if options.quick else FULL
    if options.rebuild:
        (data_dir / "site.json").unlink(missing_ok=True)
    site = ensure_site(shape, data_dir, say)
    server = Server(data_dir / "gunicorn.log")
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        clear_cache()
        targets = make_targets(shape)
        count_queries(targets, static_root)
        say(f"Starting gunicorn ({WORKERS} sync workers, {settings.SETTINGS_MODULE}, DEBUG={settings.DEBUG}) on {server.base_url}")
        server.start()
        check_targets(server, targets)
        say(
            f"Measuring: wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{options.seconds}s --latency --timeout {WRK_TIMEOUT}, "
            f"static file and page alternating, {options.runs} runs each, medians."
        )
        rows = [measure(server, target, options) for target in targets]
        if database == "postgres":
            rows += measure_never_stale(server, targets, options)
    finally:
        server.stop()
        shutil.rmtree(static_root, ignore_errors=True)
    from bench.build import measured_pages
    from bench.translation_work import time_translation_work

    say("Timing translation work on the biggest guide ...")
    _guide, _chapter, timed_guide = measured_pages(shape)
    work = time_translation_work(timed_guide)
    result = {
        "database": title,
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "command": os.environ.get("BENCH_COMMAND", "make bench"),
        "commit": git_commit(),
        "site": site,
        "shape": shape.describe(),
        "server": f"gunicorn, {WORKERS} sync workers, config.settings.production, DEBUG off",
        "load": f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{options.seconds}s --latency, {options.runs} alternating runs, medians",
        "cpus": os.cpu_count(),
        "load_average_at_end": [round(value, 2) for value in os.getloadavg()],
        "targets": rows,
        "translation_work": work,
        "seconds": round(time.perf_counter() - started),
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / result_name(database, options)).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


def check_services(database):
    """PostgreSQL and Redis must really be there: with Redis missing the cache silently becomes a miss."""
    from django.db import connection
    from django.db.utils import OperationalError

    if database == "postgres":
        import redis

        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
        except redis.RedisError as error:
            raise BenchError(f"Redis is not reachable at {REDIS_URL} ({error}); start it or set BENCH_REDIS_URL.") from None
        try:
            connection.ensure_connection()
        except OperationalError as error:
            if "does not exist" not in str(error):
                raise BenchError(f"PostgreSQL is not reachable at {POSTGRES_URL} ({error}); start it or set BENCH_POSTGRES_URL.") from None
        connection.close()


def clear_cache():
    """Start from an empty cache (Redis: the benchmark's own database number only)."""
    from django.core.cache import cache

    cache.clear()


def make_targets(shape):
    from django.utils import translation

    from bench.build import measured_pages
    from guidance_pages.localized import reader_url

    guide, chapter, _timed_guide = measured_pages(shape)
    targets = [Target("home-en", "home (en)", "/en/", True), Target("home-ar", "home (ar)", "/ar/", True)]
    for language in ("en", "ar"):
        with translation.override(language):
            guide_path, chapter_path = reader_url(guide.localized), reader_url(chapter.localized)
        targets.append(Target(f"guide-{language}", f"guide ({language})", guide_path, True))
        targets.append(Target(f"chapter-{language}", f"chapter ({language})", chapter_path, True))
        targets.append(Target(f"chapter-{language}-uncached", f"chapter ({language}), uncached", chapter_path, False, UNCACHED_HEADERS))
    targets.append(Target("search-en", "search (en)", "/en/search/?q=trustee", True))
    return targets


def count_queries(targets, static_root):
    """Queries of a warm request to each target (test client, same settings and database);
    and the static file of the same size, written before the server starts (whitenoise reads
    the static folder once, at start-up)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    folder = static_root / "bench"
    folder.mkdir()
    for target in targets:
        client = Client(HTTP_HOST="127.0.0.1")
        client.get(target.path, headers=target.headers)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(target.path, headers=target.headers)
        if response.status_code != 200:
            raise BenchError(f"{target.path} answered HTTP {response.status_code} instead of 200.")
        target.queries = len(queries)
        target.size = len(response.content)
        # The page's own HTML: the same size and the same content type as the page.
        (folder / f"{target.key}.html").write_bytes(response.content)


def check_targets(server, targets):
    """Every page and static file answers 200 itself (wrk would accept a redirect)."""
    for target in targets:
        sizes = {}
        for path in (target.path, target.static_path):
            status, body, _headers = fetch(server.port, path, target.headers)
            if status != 200:
                raise BenchError(f"{server.base_url}{path} answered HTTP {status} instead of 200.")
            sizes[path] = len(body)
        if abs(sizes[target.path] - sizes[target.static_path]) > sizes[target.static_path] * 0.05:
            raise BenchError(
                f"{target.path} is {sizes[target.path]} bytes but its static file {sizes[target.static_path]}: not comparable."
            )


def measure(server, target, options):
    """Static file, page, static file, page ...; the medians of each."""
    page_runs, static_runs = [], []
    for _run in range(options.runs):
        for runs, path in ((static_runs, target.static_path), (page_runs, target.path)):
            runs.append(run_wrk(server.base_url + path, options.seconds, target.headers))
            let_server_settle(runs[-1])
    row = {
        "target": target.label,
        "path": target.path,
        "page_cache_candidate": target.cached,
        "bytes": target.size,
        "queries": target.queries,
        "requests_per_second": round(statistics.median(run.requests_per_second for run in page_runs), 1),
        "p50_ms": round(statistics.median(run.p50_ms for run in page_runs), 2),
        "p99_ms": round(statistics.median(run.p99_ms for run in page_runs), 2),
        "static_requests_per_second": round(statistics.median(run.requests_per_second for run in static_runs), 1),
        "static_p50_ms": round(statistics.median(run.p50_ms for run in static_runs), 2),
        "static_p99_ms": round(statistics.median(run.p99_ms for run in static_runs), 2),
        "runs": {"page": [asdict(run) for run in page_runs], "static": [asdict(run) for run in static_runs]},
    }
    row["percent_of_static"] = round(100 * row["requests_per_second"] / row["static_requests_per_second"], 1)
    say(
        f"  {row['target']:<26} {row['requests_per_second']:>8.1f} req/s  p50 {row['p50_ms']:>7.1f} ms  "
        f"p99 {row['p99_ms']:>7.1f} ms   static {row['static_requests_per_second']:>7.1f} req/s   {row['percent_of_static']:>5.1f}%"
    )
    return row


def measure_never_stale(server, targets, options):
    """The cached pages again with ``PAGE_CACHE_VERSION_SECONDS=0``: each view asks Redis for the
    content version (never stale, not even for a second), against the same static files."""
    server.stop()
    os.environ["PAGE_CACHE_VERSION_SECONDS"] = "0"
    try:
        server.start()
        say("Again with PAGE_CACHE_VERSION_SECONDS=0 (every view asks Redis for the content version):")
        never_stale = [
            replace(target, label=f"{target.label}, version asked every time")
            for target in targets
            if target.cached and not target.key.startswith("search")
        ]
        check_targets(server, never_stale)
        return [measure(server, target, options) for target in never_stale]
    finally:
        server.stop()
        os.environ.pop("PAGE_CACHE_VERSION_SECONDS", None)


def let_server_settle(run):
    """Wait until the server has answered the requests wrk left behind when it stopped.

    gunicorn's sync workers still serve the requests queued when wrk closes its connections;
    without this pause, a slow page's backlog would be counted against the next static run.
    """
    time.sleep(min(30.0, WRK_CONNECTIONS / max(run.requests_per_second, 0.1) + 0.5))


def git_commit():
    try:
        output = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=BASE_DIR, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return output.stdout.strip()


# Tables -----------------------------------------------------------------------------------


def times_static(row, percentile):
    """How many times the static file's latency the page's is."""
    return row[f"{percentile}_ms"] / row[f"static_{percentile}_ms"] if row[f"static_{percentile}_ms"] else float("nan")


def text_table(result):
    lines = [
        f"{result['database']}: {result['shape']}; {result['server']}; {result['load']}.",
        "",
        f"{'target':<26} {'req/s':>7} {'static':>7} {'% of static':>11} {'p50 ms':>8} {'x static':>8} "
        f"{'p99 ms':>8} {'x static':>8} {'queries':>7} {'bytes':>6}",
    ]
    for row in result["targets"]:
        lines.append(
            f"{row['target']:<26} {row['requests_per_second']:>7.1f} {row['static_requests_per_second']:>7.1f} "
            f"{row['percent_of_static']:>10.1f}% {row['p50_ms']:>8.1f} {times_static(row, 'p50'):>8.0f} "
            f"{row['p99_ms']:>8.1f} {times_static(row, 'p99'):>8.0f} {row['queries']:>7} {row['bytes']:>6}"
        )
    lines += ["", f"Site built in {result['site']['build_seconds']:.0f} s ({result['site']['pages']} pages), reused while current."]
    work = result["translation_work"]
    lines += ["", f"Translation work on {work['guide']!r} ({work['chapters']} chapters) into {work['language']}:"]
    for step in work["steps"]:
        lines.append(f"  {step['description']:<68} {step['seconds']:>6.2f} s")
    return "\n".join(lines)


def markdown_table(results):
    lines = [
        "| database | page | req/s | static req/s | % of static | p50 ms (x static) | p99 ms (x static) | queries |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        for row in result["targets"]:
            lines.append(
                f"| {result['database']} | {row['target']} | {row['requests_per_second']:.1f} | {row['static_requests_per_second']:.0f} "
                f"| {row['percent_of_static']:.1f}% | {row['p50_ms']:.0f} ({times_static(row, 'p50'):.0f}x) "
                f"| {row['p99_ms']:.0f} ({times_static(row, 'p99'):.0f}x) | {row['queries']} |"
            )
    work_lines = [(step["description"], [None] * len(results)) for step in results[0]["translation_work"]["steps"]]
    for column, result in enumerate(results):
        for row, step in zip(work_lines, result["translation_work"]["steps"], strict=False):
            row[1][column] = step["seconds"]
    language = results[0]["translation_work"]["language"]
    lines += ["", f"| translation work ({language}) | " + " | ".join(f"{result['database']} s" for result in results) + " |"]
    lines += ["| --- |" + " ---: |" * len(results)]
    lines += [f"| {description} | " + " | ".join(f"{seconds:.2f}" for seconds in values) + " |" for description, values in work_lines]
    first = results[0]
    lines += [
        "",
        f"{first['shape']}; {first['server']}; {first['load']}. Commit {first['commit']}, {first['date']}; "
        f"`{first['command']}`. Site built in "
        + ", ".join(f"{result['site']['build_seconds']:.0f} s ({result['database']})" for result in results)
        + ".",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
