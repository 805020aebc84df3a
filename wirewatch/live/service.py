"""`serve --follow`: the poller in a background thread of the server process.

The thread has its own writable connection (SQLite allows one writer at a time; the API's POST path and
this thread each wait for the other through the busy timeout) and its own extraction pipeline. It polls due
sources and sends queued webhooks, and stops at the end of the round in progress when the server shuts down.
"""

from __future__ import annotations

import logging
import threading

from ..store.db import Store
from .fetch import FetchSettings
from .poller import Poller, PollResult, follow_forever
from .watch import deliver_webhooks

log = logging.getLogger("wirewatch.live")


class BackgroundFollower:
    def __init__(self, db_path: str, *, extract: bool = True, settings: FetchSettings | None = None,
                 tick_s: float = 5.0) -> None:
        self.db_path = db_path
        self.extract = extract
        self.settings = settings
        self.tick_s = tick_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wirewatch-follow", daemon=True)

    def start(self) -> BackgroundFollower:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        store = Store(self.db_path)
        poller = Poller(store, settings=self.settings, extract=self.extract)

        def report(res: PollResult) -> None:
            if res.status == "error":
                log.warning("source %s: %s", res.source, res.error)
            else:
                log.info("source %s: %s, %d new", res.source, res.status, res.items_new)

        try:
            follow_forever(store, poller, stop=self._stop.is_set, on_result=report, tick_s=self.tick_s,
                           deliver=lambda: deliver_webhooks(store))
        except Exception:  # noqa: BLE001 - logged; the server keeps serving
            log.exception("the follower stopped")
        finally:
            poller.close()
            store.close()
