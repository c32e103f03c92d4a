"""gunicorn for production: `gunicorn -c config/gunicorn.py config.wsgi`.

Every value can be changed from the environment, so the same file serves a 1 GB virtual server
and a bigger one. Each sync worker holds one request at a time and uses about 100 MB of memory.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Two workers per core, at least two: a slow PDF for one reader never holds up everyone else.
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, 2 * multiprocessing.cpu_count())))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # a whole-guide PDF can take a few seconds
graceful_timeout = 30
keepalive = 5
# Restart each worker now and then, so a slow leak in any library never grows without limit.
max_requests = 2000
max_requests_jitter = 200
# Load Django once and share its memory between the workers.
preload_app = True
# Heartbeat files in memory, not on a disk that may be slow or full.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn's own advice
# Behind a reverse proxy on the same machine, trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in {"1", "true", "yes"} else None
errorlog = "-"
# gunicorn 27's control socket is one path per user, shared by every gunicorn that user runs
# (tests and the benchmark start several); the site needs none, so it is off.
control_socket_disable = True
