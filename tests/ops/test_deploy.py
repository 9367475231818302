"""The deploy recipe in deploy/: gunicorn configuration, environment file, nginx and systemd examples."""

import os
import re
import runpy
from pathlib import Path
from unittest import mock

from tests.governance.test_settings import run_manage

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def gunicorn_settings(**env):
    with mock.patch.dict(os.environ, env, clear=False):
        for key in ("WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_TIMEOUT", "GUNICORN_THREADS"):
            if key not in env:
                os.environ.pop(key, None)
        return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


def test_gunicorn_workers_come_from_the_cpu_count_unless_set():
    default = gunicorn_settings()
    assert default["workers"] == 2 * os.cpu_count() + 1
    assert default["timeout"] == 60 and default["graceful_timeout"] == 30
    assert default["bind"] == "127.0.0.1:8000"
    assert default["max_requests"] > 0
    assert gunicorn_settings(WEB_CONCURRENCY="3", GUNICORN_TIMEOUT="90")["workers"] == 3
    assert gunicorn_settings(GUNICORN_TIMEOUT="90")["timeout"] == 90


def env_example():
    values = {}
    for line in (DEPLOY / "wellfare.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            assert "#" not in value, f"systemd takes comments only on their own line: {line}"
            values[key] = value
    return values


def test_every_variable_of_the_environment_example_is_read_somewhere():
    readers = "".join(
        p.read_text()
        for p in [DEPLOY.parent / "wellfare" / "settings.py", DEPLOY / "gunicorn.conf.py", DEPLOY / "backup.sh"]
    )
    unknown = [key for key in env_example() if f'"{key}"' not in readers and f"{key}:" not in readers]
    assert not unknown, unknown


def test_check_deploy_is_clean_with_the_environment_example(tmp_path):
    env = env_example()
    env.update(
        SECRET_KEY="k8$Vd2!pQz7#Lm4@Rt8^Wn1&Hy6*Bc3(Df5)Gj0_Ks9+Ua2=Ve7-Np4",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        REQUEST_LOG_DIR=str(tmp_path / "logs"),
    )
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_nginx_example_passes_what_the_app_trusts_and_never_serves_uploads():
    conf = (DEPLOY / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in conf  # BEHIND_PROXY=1
    assert "proxy_set_header X-Real-IP $remote_addr;" in conf  # governance.login_limits.client_ip
    assert "proxy_set_header X-Request-ID $request_id;" in conf  # governance.request_log
    assert re.search(r"location /media/ \{ return 404; \}", conf)
    assert re.search(r"client_max_body_size 1[1-9]m;", conf)  # above the 10 MB upload limit
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in conf


def test_systemd_units_use_the_recipe():
    service = (DEPLOY / "wellfare.service").read_text()
    assert "gunicorn -c deploy/gunicorn.conf.py wellfare.wsgi" in service
    assert "EnvironmentFile=/etc/wellfare/wellfare.env" in service
    daily = (DEPLOY / "wellfare-daily.service").read_text()
    for job in ("clearsessions", "purge_request_logs", "anonymise_patti", "deploy/backup.sh"):
        assert job in daily
    assert "OnCalendar=" in (DEPLOY / "wellfare-daily.timer").read_text()
    assert os.access(DEPLOY / "backup.sh", os.X_OK)
