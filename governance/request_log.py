"""Structured request logs: one JSON line per request, with a request id, and no personal data.

What is logged is chosen so that no beneficiary's name or fiscal code can reach the logs: the URL *pattern* that
answered (`governance/meetings/<int:pk>/`), never the raw path, the query string or a form value; the numeric id of
the staff user, never a name. The request id comes from the reverse proxy (`X-Request-ID`, nginx's `$request_id`)
when it is well formed, or is made here; it is sent back in the response header and shown on the error page, so a
user's report ("codice richiesta …") finds its log line.

Files are one per day (`requests-YYYY-MM-DD.jsonl`, UTC) so that retention is a matter of deleting whole files by
the date in their name (`purge_request_logs`); the audit trail and the identity access log are database tables that
this module and that command never touch.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import re
import time
import uuid
from pathlib import Path

logger = logging.getLogger("wellfare.requests")

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
LOG_FILE = re.compile(r"^requests-(\d{4}-\d{2}-\d{2})\.jsonl$")
_DB_DETAIL = re.compile(r"DETAIL:[^\n]*")


def current_request_id() -> str:
    return _request_id.get()


class RequestLogMiddleware:
    """Outermost middleware: gives every request an id and writes its log line when the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            self.log(request, response.status_code, time.perf_counter() - started)
            return response
        finally:
            _request_id.reset(token)

    @staticmethod
    def log(request, status: int, seconds: float) -> None:
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "_cached_user", None)  # only if authentication already ran: no extra query
        level = logging.ERROR if status >= 500 else logging.INFO
        logger.log(
            level,
            "request",
            extra={
                "http": {
                    "method": request.method,
                    "route": match.route if match else None,
                    "view": match.view_name if match else None,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                }
            },
        )


class RequestIdFilter(logging.Filter):
    """Adds the current request id to every record (also Django's own error records)."""

    def filter(self, record):
        # Django logs a response's status after the middleware has returned: the request rides on the record.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", "") or current_request_id()
        return True


class NoRawPathFilter(logging.Filter):
    """Django's request logger names the raw path ("Not Found: /governance/…/"), which carries whatever a user typed in
    the address bar; keep the reason only (the request's own line has the route pattern and the request id)."""

    def filter(self, record):
        request = getattr(record, "request", None)
        args = record.args
        if request is not None and isinstance(args, tuple) and len(args) == 2 and args[1] == request.path:
            record.msg, record.args = "%s", (args[0],)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, request id, message, and the `http` fields if any."""

    def format(self, record):
        entry = {
            "ts": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "") or None,
            "message": record.getMessage(),
        }
        http = getattr(record, "http", None)
        if http:
            entry.update(http)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

    def formatException(self, exc_info):
        # PostgreSQL names the offending values of a constraint ("DETAIL: Key (tax_code)=(RSSMRA…) already exists"):
        # the constraint's name stays in the message, the values do not reach the log.
        return _DB_DETAIL.sub("DETAIL: [values omitted]", super().formatException(exc_info))


class DailyFileHandler(logging.Handler):
    """Appends to `<directory>/requests-YYYY-MM-DD.jsonl` (UTC date). Safe for several worker processes: each
    line is written with one `write` on a file opened for appending; no renaming, so no rotation race."""

    def __init__(self, directory: str, level=logging.NOTSET):
        super().__init__(level)
        self.directory = Path(directory)  # created on the first line, so a command that serves no request never fails
        self._day = None
        self._stream = None

    def _stream_for(self, day: str):
        if day != self._day:
            if self._stream is not None:
                self._stream.close()
            self.directory.mkdir(parents=True, exist_ok=True)
            self._stream = open(self.directory / f"requests-{day}.jsonl", "a", encoding="utf-8")  # noqa: SIM115
            self._day = day
        return self._stream

    def emit(self, record):
        try:
            line = self.format(record) + "\n"
            day = dt.datetime.fromtimestamp(record.created, tz=dt.UTC).date().isoformat()
            self.acquire()
            try:
                stream = self._stream_for(day)
                stream.write(line)
                stream.flush()
            finally:
                self.release()
        except Exception:  # logging must never break a request; the logging module reports it on stderr
            self.handleError(record)

    def close(self):
        self.acquire()
        try:
            if self._stream is not None:
                self._stream.close()
                self._stream = None
        finally:
            self.release()
        super().close()


def log_files(directory: str | Path) -> list[tuple[dt.date, Path]]:
    """The request-log files of a directory with their day, oldest first; any other file is ignored."""
    found = []
    for path in Path(directory).iterdir():
        m = LOG_FILE.match(path.name)
        if m and path.is_file():
            found.append((dt.date.fromisoformat(m.group(1)), path))
    return sorted(found)
