"""Structured request logs: JSON lines with a request id, no personal data, retention by purge command."""

import datetime as dt
import io
import json
import logging

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.request_log import DailyFileHandler, JsonFormatter, NoRawPathFilter, RequestIdFilter
from patti.models import Household, IdentityAccess
from tests.patti.factories import HouseholdFactory, tax_code

FISCAL_CODE = tax_code("BRMGLC75C41D150")  # a woman born 1 March 1975 in Cremona
FIRST_NAME, LAST_NAME = "Gianluca", "Bramaschini"


@pytest.fixture
def log_output():
    """Everything the request logger and Django's loggers write, formatted as in production."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    handler.addFilter(NoRawPathFilter())
    loggers = [logging.getLogger(name) for name in ("wellfare.requests", "django.request", "")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.INFO)
    yield stream
    for lg, level in zip(loggers, levels, strict=True):
        lg.removeHandler(handler)
        lg.setLevel(level)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_request_logs_one_json_line_with_request_id_route_status_and_duration(client_for, direzione, log_output):
    client = client_for(direzione)
    response = client.get(reverse("patti:patto_list"))
    assert response.status_code == 200
    (entry,) = [e for e in lines(log_output) if e["logger"] == "wellfare.requests"]
    assert entry["request_id"] == response["X-Request-ID"]
    assert len(entry["request_id"]) == 32
    assert entry["method"] == "GET"
    assert entry["route"] == "patti/"
    assert entry["view"] == "patti:patto_list"
    assert entry["status"] == 200
    assert entry["user_id"] == direzione.pk
    assert entry["duration_ms"] >= 0


def test_the_proxys_request_id_is_kept_and_a_malformed_one_replaced(db, log_output):
    kept = Client().get("/healthz", HTTP_X_REQUEST_ID="7f3c2a9e-proxy-id")
    assert kept["X-Request-ID"] == "7f3c2a9e-proxy-id"
    replaced = Client().get("/healthz", HTTP_X_REQUEST_ID='"><script>')
    assert replaced["X-Request-ID"] != '"><script>'
    assert [e["request_id"] for e in lines(log_output)] == ["7f3c2a9e-proxy-id", replaced["X-Request-ID"]]


def test_no_fiscal_code_or_beneficiary_name_reaches_the_logs(client_for, udp_cremonese, log_output):
    client = client_for(udp_cremonese)
    household = HouseholdFactory(first_name=FIRST_NAME, last_name=LAST_NAME, tax_code=FISCAL_CODE)
    # in query strings: a search, a filter, a made-up parameter
    client.get(reverse("patti:household_list"), {"q": FISCAL_CODE, "cognome": LAST_NAME})
    client.get(reverse("patti:patto_list"), {"q": f"{FIRST_NAME} {LAST_NAME}"})
    # in a raw path that answers 404
    client.get(f"/patti/households/{FISCAL_CODE}/")
    # in a form post (identity fields), valid or not
    client.post(
        reverse("patti:household_edit", args=[household.pk]),
        {"first_name": FIRST_NAME, "last_name": LAST_NAME, "tax_code": FISCAL_CODE, "version": "999"},
    )
    client.post(
        reverse("patti:household_create"), {"first_name": FIRST_NAME, "last_name": LAST_NAME, "tax_code": "RSS"}
    )
    # on an identity read (logged in the identity access log, not in the request log)
    assert FISCAL_CODE in client.get(household.get_absolute_url()).content.decode()
    logged = log_output.getvalue()
    assert len([e for e in lines(log_output) if e["logger"] == "wellfare.requests"]) == 6
    for secret in (FISCAL_CODE, FIRST_NAME, LAST_NAME, FISCAL_CODE.lower()):
        assert secret not in logged
    assert "households/<int:pk>/" in logged  # the route pattern is what is logged


def test_daily_file_handler_writes_one_file_per_utc_day(tmp_path):
    handler = DailyFileHandler(directory=str(tmp_path / "logs"))
    handler.setFormatter(JsonFormatter())
    record = logging.LogRecord("wellfare.requests", logging.INFO, __file__, 1, "request", (), None)
    record.created = dt.datetime(2026, 11, 24, 23, 59, tzinfo=dt.UTC).timestamp()
    handler.emit(record)
    record.created = dt.datetime(2026, 11, 25, 0, 1, tzinfo=dt.UTC).timestamp()
    handler.emit(record)
    handler.emit(record)
    handler.close()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["requests-2026-11-24.jsonl", "requests-2026-11-25.jsonl"]
    assert len((tmp_path / "logs" / "requests-2026-11-25.jsonl").read_text().splitlines()) == 2


def make_log_files(directory, ages):
    today = timezone.now().astimezone(dt.UTC).date()
    for age in ages:
        (directory / f"requests-{today - dt.timedelta(days=age):%Y-%m-%d}.jsonl").write_text("{}\n")
    return today


def test_purge_deletes_only_request_logs_older_than_the_retention(settings, tmp_path, udp_cremonese):
    settings.REQUEST_LOG_DIR = str(tmp_path)
    settings.REQUEST_LOG_RETENTION_DAYS = 200
    make_log_files(tmp_path, [0, 183, 199, 200, 201, 400, 800])
    (tmp_path / "notes.txt").write_text("not a request log")
    # the audit trail and the identity access log, which the purge must never touch
    household = HouseholdFactory()
    IdentityAccess.objects.create(household=household, user=udp_cremonese, purpose="scheda")
    old = timezone.now() - dt.timedelta(days=800)
    IdentityAccess.objects.update(accessed_at=old)
    Household.history.update(history_date=old)
    history, accesses = Household.history.count(), IdentityAccess.objects.count()

    out = io.StringIO()
    call_command("purge_request_logs", stdout=out)

    ages_left = sorted(
        (timezone.now().astimezone(dt.UTC).date() - dt.date.fromisoformat(p.stem[9:])).days
        for p in tmp_path.glob("requests-*.jsonl")
    )
    assert ages_left == [0, 183, 199, 200]
    assert (tmp_path / "notes.txt").exists()
    assert "3 file di log delle richieste" in out.getvalue()
    assert Household.history.count() == history > 0
    assert IdentityAccess.objects.count() == accesses == 1


def test_purge_refuses_a_retention_shorter_than_six_months(settings, tmp_path):
    settings.REQUEST_LOG_DIR = str(tmp_path)
    make_log_files(tmp_path, [100])
    with pytest.raises(CommandError, match="almeno 183 giorni"):
        call_command("purge_request_logs", days=90)
    assert len(list(tmp_path.iterdir())) == 1


def test_purge_dry_run_deletes_nothing(settings, tmp_path):
    settings.REQUEST_LOG_DIR = str(tmp_path)
    make_log_files(tmp_path, [400])
    out = io.StringIO()
    call_command("purge_request_logs", dry_run=True, stdout=out)
    assert "da cancellare" in out.getvalue()
    assert len(list(tmp_path.iterdir())) == 1


def test_database_error_details_with_values_never_reach_the_logs():
    try:
        raise RuntimeError(
            'duplicate key value violates unique constraint "household_tax_code"\n'
            f"DETAIL:  Key (tax_code)=({FISCAL_CODE}) already exists."
        )
    except RuntimeError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), None)
        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    assert FISCAL_CODE not in line
    assert "household_tax_code" in json.loads(line)["exception"]
