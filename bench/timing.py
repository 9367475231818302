"""Timing of pages through Django's test client: median of warm runs, query count, and the page's bare aggregates.

`time_page` GETs a URL once to warm up, then `runs` times, and returns the median, the number of queries of one more
GET and the status (a 404 is "non disponibile": a page another branch has not landed yet). `time_bare_aggregates`
captures the queries a page issues, keeps the aggregate ones (SUM, COUNT, AVG, MIN, MAX) and times running exactly
those statements again with a cursor: what the page costs at the least, with no ORM, Python or template around them.
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

AGGREGATE = re.compile(r"\b(SUM|COUNT|AVG|MIN|MAX)\s*\(", re.IGNORECASE)


@dataclass
class Timing:
    status: int
    ms: float | None = None
    queries: int | None = None

    @property
    def available(self) -> bool:
        return self.status == 200


def time_page(client, url: str, runs: int) -> Timing:
    """Median milliseconds of `runs` GETs after one warm-up, and the queries of one GET."""
    response = client.get(url)
    if response.status_code != 200:
        return Timing(status=response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return Timing(status=200, ms=statistics.median(times), queries=len(captured))


def aggregate_statements(client, url: str) -> list[str]:
    """The SQL of the aggregate queries one GET of `url` issues, as executed."""
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [q["sql"] for q in captured.captured_queries if AGGREGATE.search(q["sql"] or "")]


def time_statements(statements: list[str], runs: int) -> float:
    """Median milliseconds of running all `statements` once (one warm-up first)."""
    totals = []
    with connection.cursor() as cursor:
        for attempt in range(runs + 1):
            start = time.perf_counter()
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()
            if attempt:
                totals.append((time.perf_counter() - start) * 1000)
    return statistics.median(totals) if totals else 0.0


def time_bare_aggregates(client, url: str, runs: int) -> tuple[float, int]:
    """(median ms of the page's aggregate queries run bare, how many they are)."""
    statements = aggregate_statements(client, url)
    return time_statements(statements, runs), len(statements)
