"""Work measured, not timed: the lines a call runs in some of baocao's modules, and its calls
into any of them, counted by a trace function; for the tests that a check grows linearly with a
document (a machine's speed has no part in it)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import baocao

PIPELINE = str(Path(baocao.__file__).resolve().parent)
T = TypeVar("T")
Tracer = Callable[[FrameType, str, Any], Any]


def work(call: Callable[[], T], own: re.Pattern[str]) -> tuple[int, T]:
    """The lines `call` runs in the modules whose path `own` finds, plus its calls into any of
    baocao's modules; and what it returned."""
    count = 0

    def lines(frame: FrameType, event: str, arg: object) -> Tracer:
        nonlocal count
        count += event == "line"
        return lines

    def calls(frame: FrameType, event: str, arg: object) -> Tracer | None:
        nonlocal count
        name = frame.f_code.co_filename
        if not name.startswith(PIPELINE):
            return None
        count += 1
        return lines if own.search(name) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        result = call()
    finally:
        sys.settrace(previous)
    return count, result
