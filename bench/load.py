"""Load test: Locust (headless) against gunicorn on loopback, production settings, PostgreSQL with demo data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wf_load .venv/bin/python -m bench.load [--users 20]
        [--duration 60] [--workers 3] [--reuse]

Migrates and seeds the demo data (a database of its own: demo accounts are created with DEBUG=1 for that one
command, as `seed_wellfare --demo` refuses otherwise), starts gunicorn with deploy/gunicorn.conf.py and DEBUG off,
runs bench/locustfile.py with `--users` simulated staff (a mix of roles) for `--duration` seconds, then prints
requests/s, p50/p95/p99 and errors per page kind and overall. Needs the bench extra: `pip install -e '.[bench]'`.
Targets (issue 14): 0 errors, p95 < 200 ms for list and detail pages.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "legami-demo-2018"


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603 - our own commands


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_present(env) -> bool:
    check = "from django.contrib.auth.models import User; print(User.objects.filter(username='direzione').exists())"
    result = run([sys.executable, "manage.py", "shell", "-v", "0", "-c", check], env, capture_output=True, text=True)
    return result.stdout.strip().endswith("True")


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback URL we built
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer {url} within {timeout:.0f} s")


def summarise(stats_csv: Path, duration: int) -> str:
    rows = list(csv.DictReader(stats_csv.open()))
    lines = [
        f"{'page':34} {'requests':>8} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>6}",
    ]
    kinds: dict[str, list] = {}
    for row in rows:
        name = row["Name"]
        if row["Type"] == "" and name == "Aggregated":
            continue
        kinds.setdefault(name.split(":")[0], []).append(row)
        lines.append(
            f"{name[:34]:34} {row['Request Count']:>8} {float(row['Requests/s']):6.1f} {row['50%']:>6} "
            f"{row['95%']:>6} {row['99%']:>6} {row['Failure Count']:>6}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    lines.append(
        f"{'ALL (ms)':34} {total['Request Count']:>8} {float(total['Requests/s']):6.1f} {total['50%']:>6} "
        f"{total['95%']:>6} {total['99%']:>6} {total['Failure Count']:>6}"
    )
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (WEB_CONCURRENCY)")
    parser.add_argument("--reuse", action="store_true", help="skip migrate and seeding when demo data is there")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("The load test runs on PostgreSQL: DATABASE_URL=postgres://…/wf_load (a database of its own).")
    locust = shutil.which("locust", path=str(BIN)) or shutil.which("locust")
    if locust is None:
        sys.exit("Locust is not installed: pip install -e '.[bench]'")
    tmp = Path(tempfile.mkdtemp(prefix="wellfare-load-"))
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "load-test-only-secret-key-0123456789abcdef0123456789"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_COOKIES": "False",  # plain HTTP on loopback
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "MEDIA_ROOT": str(tmp / "media"),
        "REQUEST_LOG_DIR": str(tmp / "logs"),
        "WELLFARE_DEMO_PASSWORD": os.environ.get("WELLFARE_DEMO_PASSWORD", PASSWORD),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(args.workers),
    }
    if not (args.reuse and demo_present(env)):
        run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([sys.executable, "manage.py", "seed_wellfare", "--demo"], {**env, "DEBUG": "1"})
    server = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
        [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "wellfare.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=(tmp / "gunicorn.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        load_before = os.getloadavg()
        subprocess.run(  # noqa: S603 - locust from this virtualenv; exits 1 when a request failed, reported below
            [
                locust,
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(max(1, args.users // 5)),
                "--run-time",
                f"{args.duration}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(tmp / "load"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp / "locust.log").open("w"),
            check=False,
        )
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"\nLoad test: {args.users} users, {args.duration} s, gunicorn {args.workers} workers on loopback, "
        f"{os.cpu_count()} CPUs (load average before {load_before[0]:.1f}, after {load_after[0]:.1f}); times in ms"
    )
    print(summarise(tmp / "load_stats.csv", args.duration))
    failures = tmp / "load_failures.csv"
    if failures.exists() and len(failures.read_text().splitlines()) > 1:
        print("\nErrors:\n" + failures.read_text())
    print(f"\nCSV files, Locust's and gunicorn's logs: {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
