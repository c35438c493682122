"""A worker process that ends with the process that started it.

`baocao build -j N` shares documents among worker processes (baocao.build.build_all). A parent
that ends in its own way stops them; one killed outright (SIGKILL, the Task Manager's "End task")
cannot, and nothing in multiprocessing does it for it: each worker would wait for its next
document for ever. So each worker watches its parent from a thread of its own, started by the
pool's initializer (`watch_parent`):

- the parent's sentinel, which multiprocessing gives every child it starts, forked or spawned
  (`multiprocessing.parent_process()`: a pipe whose other end closes, a process handle on
  Windows), ready once the parent has ended;
- and, where the system hands an orphan to another parent (POSIX), the parent PID changing: a
  forked worker's sentinel may also be held open by a sibling forked after it.

Once the parent is gone, the worker is interrupted as Ctrl+C interrupts it, again every LOOK
seconds: a worker waiting for its next document ends at the first interrupt (multiprocessing
ends it, as it ends any worker whose work raised); a busy one unwinds its build first (its
partial file removed, pandoc stopped), and ends at the next. One that still runs GRACE seconds
later (SIGINT ignored, or no way to interrupt its main thread: Windows) is sent SIGTERM, which
ends it. What a worker ended that way still leaves, the next build removes
(baocao.build.remove_stale_partials).

Linux's PR_SET_PDEATHSIG is not used: it fires when the thread that started the worker ends,
not the process, and ProcessPoolExecutor starts a worker from whichever thread submits work (or
from its own manager thread), which may end before the worker does.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any

GRACE = 10.0  # seconds an interrupted worker has to end before it is sent SIGTERM
LOOK = 0.5  # seconds between two looks at the parent, and between two interrupts


def watch_parent() -> None:
    """A pool's initializer: watch the parent from a thread, and end this worker once it is
    gone. Nothing in a process multiprocessing did not start."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None:
        return
    watcher = threading.Thread(
        target=_watch, args=(parent, os.getppid()), name="baocao-lifeline", daemon=True
    )
    watcher.start()


def _watch(parent: Any, ppid: int) -> None:
    while parent.is_alive() and os.getppid() == ppid:
        parent.join(LOOK)  # returns at once when the parent ends, else after LOOK
    _end()


def _end() -> None:
    """Interrupt the worker until it ends; SIGTERM after GRACE seconds."""
    deadline = time.monotonic() + GRACE
    while time.monotonic() < deadline and _interrupt_main():
        time.sleep(LOOK)
    os.kill(os.getpid(), signal.SIGTERM)


def _interrupt_main() -> bool:
    """KeyboardInterrupt in the main thread, as Ctrl+C raises it: a real SIGINT to the main
    thread alone, which also ends a blocking wait (for pandoc, for the next document). False
    where that cannot be done: SIGINT ignored or handled otherwise, or no pthread_kill (Windows)."""
    if not hasattr(signal, "pthread_kill"):
        return False
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return False
    signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
    return True
