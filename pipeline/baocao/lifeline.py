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

Once the parent is gone, an idle worker ends at once. A busy one, running `attached`, is
interrupted as Ctrl+C would interrupt it, so that its build unwinds (its partial file removed,
pandoc stopped), and ends as soon as it has; whatever it does, it ends GRACE seconds later. What a
worker ended that way still leaves (a partial file of a process gone) the next build removes
(baocao.build.remove_stale_partials). A worker ends through os._exit, as multiprocessing ends
every worker it forks once its work is done: the command's own process, not a worker, is the
one that ends through Python's exit and runs its atexit handlers.

Linux's PR_SET_PDEATHSIG is not used: it fires when the thread that started the worker ends,
not the process, and ProcessPoolExecutor starts a worker from whichever thread submits work (or
from its own manager thread), which may end before the worker does.
"""

from __future__ import annotations

import _thread
import os
import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

GRACE = 10.0  # seconds an interrupted worker has to unwind before it ends regardless
LOOK = 0.5  # seconds between two looks at the parent's PID
ENDED = 1  # a worker's exit status when its parent is gone

T = TypeVar("T")

_lock = threading.Lock()
_busy = False  # the worker is running `attached`
_orphaned = False  # its parent is gone


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


def attached(call: Callable[..., T], *args: Any) -> T:
    """`call(*args)` in a worker; the worker ends, once the call has unwound, when its parent
    went meanwhile (no one is left to take the result), and at once when it already has."""
    global _busy
    with _lock:
        if _orphaned:
            os._exit(ENDED)
        _busy = True
    try:
        return call(*args)
    finally:
        with _lock:
            _busy = False
            if _orphaned:
                os._exit(ENDED)  # its finally blocks have run: nothing half-written remains


def _watch(parent: Any, ppid: int) -> None:
    while parent.is_alive() and os.getppid() == ppid:
        parent.join(LOOK)  # returns at once when the parent ends, else after LOOK
    _end()


def _end() -> None:
    global _orphaned
    with _lock:
        _orphaned = True
        busy = _busy
    if busy:
        _interrupt_main()
        threading.Event().wait(GRACE)  # `attached` ends the worker sooner, once unwound
    os._exit(ENDED)


def _interrupt_main() -> None:
    """KeyboardInterrupt in the main thread, as Ctrl+C raises it. On POSIX a real SIGINT, to the
    main thread alone: it also ends a blocking wait (for pandoc, for LibreOffice), which
    `_thread.interrupt_main` does not. Nothing when SIGINT is ignored: the grace ends it."""
    if hasattr(signal, "pthread_kill") and signal.getsignal(signal.SIGINT) is (
        signal.default_int_handler
    ):
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
    else:
        _thread.interrupt_main()
