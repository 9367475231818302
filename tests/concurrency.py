"""Two writers at the same moment, on PostgreSQL: the harness shared by the apps' concurrency tests.

    outcomes = simultaneously(pay, slow=(services, "paid_total"))

`write` runs in two threads released together by a barrier, each on its own database connection; the function
named by `slow` (module, attribute) is wrapped so that it pauses after reading, which is where both writers would
read the same total if the capped row were not locked. Returns "paid" for a write that succeeded and the message of
the ValidationError for one that was refused.
"""

import threading
import time
from unittest import mock

from django.core.exceptions import ValidationError
from django.db import connections


def simultaneously(write, *, slow: tuple, writers: int = 2, pause: float = 0.5) -> list[str]:
    module, name = slow
    real = getattr(module, name)

    def slowed(*args, **kwargs):
        result = real(*args, **kwargs)
        time.sleep(pause)
        return result

    barrier = threading.Barrier(writers)
    outcomes: list[str] = []

    def run():
        try:
            barrier.wait()
            write()
            outcomes.append("paid")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    with mock.patch.object(module, name, side_effect=slowed):
        threads = [threading.Thread(target=run) for _ in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return outcomes
