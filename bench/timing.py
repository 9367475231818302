"""Timing of pages through Django's test client: median of warm runs, query count, and the page's bare aggregates.

`time_page` GETs a URL once to warm up (capturing its queries), then `runs` times, and returns the median, the
queries and the status (a 404 is "non disponibile": a page another branch has not landed yet). `time_statements`
runs the page's aggregate queries (SUM, COUNT, AVG, MIN, MAX) again, exactly as executed, with a cursor: what the
page costs at the least, with no ORM, Python or template around them.
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext

AGGREGATE = re.compile(r"\b(SUM|COUNT|AVG|MIN|MAX)\s*\(", re.IGNORECASE)


@dataclass
class Timing:
    status: int
    ms: float | None = None
    queries: int | None = None
    statements: list[str] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return self.status == 200

    @property
    def aggregates(self) -> list[str]:
        """The SQL of the page's aggregate queries, as executed."""
        return [sql for sql in self.statements if AGGREGATE.search(sql or "")]


def time_page(client, url: str, runs: int) -> Timing:
    """Median milliseconds of `runs` GETs after one warm-up, whose queries are counted and kept."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    # Read now: the next request empties the connection's query log (Django's reset_queries on request_started).
    statements = [q["sql"] for q in captured.captured_queries]
    if response.status_code != 200:
        return Timing(status=response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return Timing(status=200, ms=statistics.median(times), queries=len(statements), statements=statements)


def time_statements(statements: list[str], runs: int) -> tuple[float, list[tuple[float, str]]]:
    """Median milliseconds of running all `statements` once (one warm-up first), and each statement's
    milliseconds in the last run, slowest first."""
    totals, each = [], []
    with connection.cursor() as cursor:
        for attempt in range(runs + 1):
            each = []
            for sql in statements:
                start = time.perf_counter()
                cursor.execute(sql)
                if cursor.description is not None:
                    cursor.fetchall()
                each.append(((time.perf_counter() - start) * 1000, sql))
            if attempt:
                totals.append(sum(ms for ms, _ in each))
    return (statistics.median(totals) if totals else 0.0), sorted(each, key=lambda pair: -pair[0])
