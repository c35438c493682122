"""The content folder watched with watchfiles: each save of a part rebuilds the previews open.

watchfiles reports a burst of changes once it has been quiet for STEP_MS (an editor's save is
often a write, a rename and a change of times), and at the latest after DEBOUNCE_MS. Any change
of a Markdown file or of a folder rebuilds every open preview: a document may cite another one,
and resolve reads a cited document again only when its parts changed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

STEP_MS = 20
DEBOUNCE_MS = 200


def relevant(path: str) -> bool:
    """Whether a changed path can change a document: a Markdown file, or a folder."""
    name = Path(path).name
    if name.startswith(".") or name.endswith("~"):
        return False  # editors' temporary and backup files
    return name.endswith(".md") or "." not in name


class Watcher:
    """A thread calling `changed()` after each burst of relevant changes under `folder`."""

    def __init__(self, folder: Path, changed: Callable[[], None]) -> None:
        self.folder = folder
        self.changed = changed
        self.stopping = threading.Event()
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="xem-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        from watchfiles import watch

        self.ready.set()
        for changes in watch(
            self.folder,
            stop_event=self.stopping,
            step=STEP_MS,
            debounce=DEBOUNCE_MS,
            yield_on_timeout=False,
            raise_interrupt=False,
            rust_timeout=500,
        ):
            if any(relevant(path) for _, path in changes):
                self.changed()

    def stop(self) -> None:
        self.stopping.set()
        self._thread.join(10)
