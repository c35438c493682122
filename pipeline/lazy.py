"""inspect imported when first used, not at every start: dataclasses imports it for one rare
case, a class without a docstring (its signature becomes the docstring). inspect and what it
imports (ast, dis, tokenize) are a third of `baocao words` and a tenth of `baocao check`.

Until then `sys.modules["inspect"]` holds a stand-in: the first attribute asked of it imports
the real module, which takes its place, and answers. Where inspect is already imported (a test
run, a debugger), nothing is put in its place.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types

DEFERRED = ("inspect",)


class _Deferred(types.ModuleType):
    """A module not yet imported: its first attribute asked imports it."""

    def __getattr__(self, attribute: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attribute)


def defer() -> None:
    """Put a stand-in for each module of DEFERRED not imported yet (on CPython)."""
    if sys.implementation.name != "cpython":
        return
    for name in DEFERRED:
        if name in sys.modules:
            continue
        stand_in = _Deferred(name)
        stand_in.__spec__ = importlib.machinery.PathFinder.find_spec(name)
        if stand_in.__spec__ is not None:  # found where import would find it
            sys.modules[name] = stand_in
