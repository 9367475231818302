"""gunicorn configuration for Wel(l)Fare Legami: `gunicorn -c deploy/gunicorn.conf.py wellfare.wsgi`.

Every value can be overridden from the environment (the systemd unit reads /etc/wellfare/wellfare.env).
"""

import multiprocessing
import os

# Where nginx sends requests: a loopback port (or `unix:/run/wellfare/gunicorn.sock`).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Synchronous workers, (2 × CPU) + 1 by default: pages are short database-bound requests. WEB_CONCURRENCY wins
# (set it lower on a machine shared with PostgreSQL, e.g. 3 on two cores).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
threads = int(os.environ.get("GUNICORN_THREADS", "1"))  # > 1 switches to the gthread worker

# A request that runs longer than this is killed and answered 502 by nginx (the PDF of a large report stays well
# below it); workers get graceful_timeout seconds to finish their request on restart or reload.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then, so a slow leak (WeasyPrint, fonts) never grows for weeks.
max_requests = 1000
max_requests_jitter = 100

# Headers from nginx on this machine only (X-Forwarded-Proto for HTTPS detection; see BEHIND_PROXY).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# The application writes its own structured request log (governance/request_log.py): no access log here.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Heartbeat files in memory, not on a possibly slow disk (gunicorn's own advice; files it creates with mode 0600,
# holding no data, so the shared directory is not a risk here).
SHM = "/dev/shm"  # noqa: S108 - heartbeat files only, no data
worker_tmp_dir = SHM if os.path.isdir(SHM) else None

# Requests larger than the 10 MB upload limit are refused by nginx (client_max_body_size) before they get here.
limit_request_line = 8190
