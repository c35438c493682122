"""inspect imported when first used, not at every start: dataclasses imports it for one rare
case, a class without a docstring (its signature becomes the docstring). inspect and what it
imports (ast, dis, tokenize) are a third of `baocao words` and a tenth of `baocao check`.

Until then `sys.modules["inspect"]` holds a stand-in: the first attribute asked of it imports
the real module, which takes its place, and answers. Where inspect is already imported (a test
run, a debugger), nothing is put in its place.

Our own dataclasses all have a docstring; a library's may not (mistune's private `_ListMarker`
and `_ListItemLines`), and asking their signature would import inspect for a docstring nobody
reads. A library is therefore imported `unsigned()`: meanwhile the stand-in answers that there
is no signature (ValueError, which dataclasses takes as such), and such a class's docstring is
its name.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import sys
import types

TYPE_CHECKING = False  # typing is not imported by every command (baocao.compiled)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import NoReturn

DEFERRED = ("inspect",)
_unsigned = False  # a library being imported: no signature asked of the stand-in


class _Deferred(types.ModuleType):
    """A module not yet imported: its first attribute asked imports it."""

    def __getattr__(self, attribute: str) -> object:
        if _unsigned and attribute == "signature":
            return _no_signature
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


@contextlib.contextmanager
def unsigned() -> Iterator[None]:
    """While importing a library: its dataclasses without a docstring get their name as one,
    not their signature, and inspect stays deferred."""
    global _unsigned
    _unsigned = True
    try:
        yield
    finally:
        _unsigned = False


def _no_signature(*args: object, **kwargs: object) -> NoReturn:
    raise ValueError("no signature while a library is imported (baocao.lazy)")
