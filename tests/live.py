"""A real gunicorn on 127.0.0.1 for tests that need a whole server: load, workers, service workers."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]


def environment(database_url, media_root, **extra):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=database_url, MEDIA_ROOT=str(media_root), **extra)
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn with the production configuration and two sync workers, stopped when the test ends.

    It is ready when /en/ answers ``ready_status``: 200, or 503 for a server whose database is down.
    """

    def __init__(self, env, log_path, ready_status=200):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "config/gunicorn.py",
                "config.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() reaches its workers too
        )
        self.log_path = log_path
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/en/", timeout=15) as response:  # noqa: S310 - our own server
                    if response.status == ready_status:
                        return
            except urllib.error.HTTPError as error:
                if error.code == ready_status:
                    return
                time.sleep(0.3)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.stop()
        pytest.fail("gunicorn did not start: " + Path(log_path).read_text()[-2000:])

    def stop(self):
        """Stop gunicorn and its workers; a worker stuck on a database that never answers is killed."""
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass
        self.log.close()

    def output(self):
        return Path(self.log_path).read_text(errors="replace")


def demo_site_on_sqlite(folder):
    """Environment of a fresh SQLite database in ``folder`` holding the demo site."""
    env = environment(f"sqlite:///{folder / 'db.sqlite3'}", folder / "media")
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    return env
