"""The production server under test (gunicorn) and the load generator (wrk)."""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
WORKERS = 2


class BenchError(Exception):
    """Something that makes the figures meaningless: the run stops and says why."""


# gunicorn ---------------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn with the production settings, 2 sync workers, on 127.0.0.1; always stopped by ``stop()``."""

    def __init__(self, log_path):
        self.log_path = log_path
        self.port = free_port()
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "config/gunicorn.py",
            "config.wsgi",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "sync",
        ]
        command += ["--bind", f"127.0.0.1:{self.port}", "--error-logfile", str(self.log_path), "--capture-output", "--no-control-socket"]
        # A session of its own: Ctrl+C reaches only the benchmark, which then stops the server.
        self.process = subprocess.Popen(command, cwd=BASE_DIR, stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn stopped at start-up (exit code {self.process.returncode}); see {self.log_path}.")
            try:
                status, _body, _headers = fetch(self.port, "/en/")
            except OSError:
                time.sleep(0.2)
                continue
            if status == 200:
                return
            raise BenchError(f"gunicorn answered /en/ with HTTP {status}; see {self.log_path}.")
        raise BenchError(f"gunicorn did not answer within 60 seconds; see {self.log_path}.")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their request
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def fetch(port, path, headers=None):
    """(status, body, headers) of one GET, without following redirects."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        client.request("GET", path, headers=headers or {})
        response = client.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        client.close()


# wrk --------------------------------------------------------------------------------------

WRK_THREADS = 2
WRK_CONNECTIONS = 8
WRK_TIMEOUT = "10s"


def check_wrk():
    if shutil.which("wrk") is None:
        raise BenchError("The benchmark needs wrk, the HTTP load generator. Install it with: apt-get install wrk")


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * UNITS_MS[unit]


def run_wrk(url, seconds, headers):
    """One wrk run with the same settings for every address; fails on any error or non-2xx/3xx answer."""
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", WRK_TIMEOUT]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=False).stdout
    return parse_wrk(output, url)


def parse_wrk(output, url):
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    count = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    if not (rate and p50 and p99 and count):
        raise BenchError(f"Could not read wrk's output for {url}:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        raise BenchError(f"{non_2xx.group(1)} of {count.group(1)} requests to {url} did not succeed (wrk: Non-2xx or 3xx responses).")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if errors and any(int(number) for number in errors.groups()):
        raise BenchError(f"wrk had socket errors for {url} ({errors.group(0)}); the figures would not be comparable.")
    return WrkResult(float(rate.group(1)), _milliseconds(p50.group(1)), _milliseconds(p99.group(1)), int(count.group(1)))
