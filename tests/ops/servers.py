"""Real app servers for the operations tests: gunicorn with deploy/gunicorn.conf.py and production settings, on a
free loopback port, over the test database; plus a small HTTP client that carries a session and a CSRF token."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
CSRF = "Wf7kQ2pLx9Rt4ZbN8vHc3JmY6sDg1AeK"  # any 32 letters: the cookie and the form carry the same secret
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_url() -> str:
    """DATABASE_URL of the test database this test runs on (gunicorn sees what the test committed)."""
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@dataclass
class Response:
    status: int
    body: str
    headers: dict


class Server:
    def __init__(self, port: int, process: subprocess.Popen, log: Path):
        self.port, self.process, self.log = port, process, log

    def request(self, method: str, path: str, *, session: str = "", data: dict | None = None) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "127.0.0.1", "Cookie": f"csrftoken={CSRF}" + (f"; sessionid={session}" if session else "")}
        body = None
        if data is not None:
            body = urlencode({"csrfmiddlewaretoken": CSRF, **data})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return Response(response.status, response.read().decode("utf-8", "replace"), dict(response.getheaders()))
        finally:
            conn.close()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)


@contextmanager
def gunicorn(*, database_url: str, tmp_path: Path, workers: int = 2, **env_overrides):
    """One gunicorn instance with production settings (DEBUG off); stopped (and its connections closed) on exit."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "PYTEST_XDIST_WORKER"}}
    env.update(
        DEBUG="0",
        DATABASE_URL=database_url,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(workers),
        MEDIA_ROOT=str(tmp_path / "media"),
        REQUEST_LOG_DIR=str(tmp_path / f"logs-{port}"),
        AXES_ENABLED="True",
        **env_overrides,
    )
    log = tmp_path / f"gunicorn-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "wellfare.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(port, process, log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if server.get("/healthz").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer /healthz in {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def gunicorns(count: int, **kwargs):
    """`count` instances started side by side (their start-up overlaps)."""
    with ExitStack() as stack:
        results: list = [None] * count
        errors = []

        def start(i):
            try:
                results[i] = stack.enter_context(gunicorn(**kwargs))
            except Exception as error:  # reported below, in the test's thread
                errors.append(error)

        threads = [threading.Thread(target=start, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        yield results


def session_of(user) -> str:
    """A session cookie for `user`, stored in the database that every instance reads."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def simultaneously(calls):
    """Run the callables at the same instant (a barrier), return their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        try:
            results[i] = call()
        except Exception as error:  # a refused connection is a result too
            results[i] = error

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
