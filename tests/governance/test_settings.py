"""Production settings: safe defaults, clear failures, `check --deploy` clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env_overrides):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE (tests/e2e/conftest.py) belongs to the test process, not to a
    # production one: `check --deploy` rightly reports it as an error (async.E001).
    test_only = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    for key in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES", "STATICFILES_BACKEND"):
        env.pop(key, None)
    env["DEBUG"] = "0"  # production, whatever a local .env says
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "SECRET_KEY": "p9$Xk2!vQz7#Lm4@Rt8^Wn1&Hy6*Bc3(Df5)Gj0_Ks9+Ua2=Ve7-Np4",
    "ALLOWED_HOSTS": "wellfare.example.it",
}


def test_check_deploy_prints_no_warning_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"), [("SECRET_KEY", "SECRET_KEY is not set"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS is not set")]
)
def test_missing_secret_key_or_allowed_hosts_stops_start_up(missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_italian_locale_and_formats(settings):
    assert settings.LANGUAGE_CODE == "it"
    assert settings.TIME_ZONE == "Europe/Rome"
    assert settings.USE_THOUSAND_SEPARATOR
    from decimal import Decimal

    from governance.templatetags.wellfare import euro

    assert euro(Decimal("1234.5")) == "1.234,50 €"
    assert euro(Decimal("3014748")) == "3.014.748,00 €"


def _settings_debug(tmp_path, env_file: str | None, **environment) -> str:
    """DEBUG as a fresh interpreter computes it from a copy of settings.py, with `.env` files beside it."""
    package = tmp_path / "wellfare"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "settings.py").write_text((ROOT / "wellfare" / "settings.py").read_text())
    if env_file is not None:
        (tmp_path / ".env").write_text(env_file)  # where the old `make install` wrote it (BASE_DIR)
        (package / ".env").write_text(env_file)  # and beside settings.py (django-environ's default place)
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update({"PYTHONPATH": str(tmp_path), **PRODUCTION, **environment})
    result = subprocess.run(
        [sys.executable, "-c", "import wellfare.settings as s; print(s.DEBUG)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_dot_env_file_can_never_turn_debug_on(tmp_path):
    assert _settings_debug(tmp_path, "DEBUG=1\nSECRET_KEY=x\n") == "False"


def test_debug_comes_only_from_the_environment_variable_set_explicitly(tmp_path):
    assert _settings_debug(tmp_path, None) == "False"
    assert _settings_debug(tmp_path, None, DEBUG="1") == "True"


def test_make_install_writes_no_dot_env():
    makefile = (ROOT / "Makefile").read_text()
    assert ".env:" not in makefile and "> .env" not in makefile
    assert "DEBUG=1 $(BIN)/python manage.py runserver" in makefile  # development switches it on explicitly
