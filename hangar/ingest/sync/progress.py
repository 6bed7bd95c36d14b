"""The progress bar of a sync: pages fetched out of those expected (the pages a resumed run
found in its checkpoint included), the requests spent, and the time the rest will take: the
budget waits (most of it on the public service: tqdm's own estimate, from the rate so far,
would be wrong by hours) and the time each request takes to answer, on average so far. While
the sync waits for the budget, the bar counts the wait down every second."""

from __future__ import annotations

import sys
from collections.abc import Callable

from tqdm import tqdm

from hangar.ingest.sync.client import Budget, Tally


def human(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{seconds:02d}s"
    return f"{seconds}s"


class Progress:
    def __init__(
        self, enabled: bool | None, budget: Budget, tally: Tally, note: Callable[[str], None]
    ) -> None:
        self.budget, self.tally, self._note = budget, tally, note
        # ``disable=None`` shows the bar only on a terminal: cron mail and logs stay readable.
        self.bar = tqdm(
            total=0,
            unit="page",
            file=sys.stderr,
            disable=None if enabled is None else not enabled,
            bar_format="{desc}{bar} {n_fmt}/{total_fmt} pages{postfix}",
            dynamic_ncols=True,
        )
        self.expected: dict[str, int] = {}
        self.waiting_for = 0.0
        self.fetches, self.fetching = 0, 0.0  # requests answered, and the seconds they took

    def expect(self, stream: str, pages: int, done: int = 0) -> None:
        """``stream`` takes ``pages`` pages, ``done`` of which a resumed run found in its
        checkpoint."""
        self.expected[stream] = pages
        self.bar.total = max(sum(self.expected.values()), self.bar.n + done)
        if done:
            self.bar.update(done)
        self.refresh()

    def page_done(self, fetched_in: float = 0.0) -> None:
        self.bar.update(1)
        self.fetches += 1
        self.fetching += fetched_in
        self.refresh()

    def waiting(self, seconds: float) -> None:
        self.waiting_for = seconds
        self.refresh()

    def refresh(self) -> None:
        if self.bar.disable:
            return
        remaining = max(0, (self.bar.total or 0) - self.bar.n)
        each = self.fetching / self.fetches if self.fetches else 0.0
        self.bar.set_description_str(
            f"waiting {human(self.waiting_for)} for the request budget " if self.waiting_for else ""
        )
        self.bar.set_postfix_str(
            f"{self.tally.requests} requests spent, about "
            f"{human(self.budget.seconds_for(remaining, each))} to go",
            refresh=True,
        )

    def note(self, message: str) -> None:
        if self.bar.disable:
            self._note(message)
        else:
            tqdm.write(message, file=sys.stderr)

    def close(self) -> None:
        self.bar.close()
