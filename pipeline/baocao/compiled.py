"""Compiled code kept between runs: modules' .pyc, and what Python compiles anew at every start.

A baocao command is a short process, and much of its start went to compiling what it compiled
the time before:

- a module's bytecode, which Python keeps in __pycache__/ unless the environment turns it off
  (PYTHONDONTWRITEBYTECODE): baocao keeps it regardless (baocao.__init__);
- the methods CPython writes as source text for every dataclass (__init__, __eq__, __hash__…)
  and compiles with `exec` at each import: some sixty classes, a quarter of a `baocao check`;
- regular expressions (ours, PyYAML's, mistune's, argparse's), compiled from their pattern at
  each start: another fifth of a check.

Both are kept here, in one file beside the .pyc files, under the text they are compiled from:
dataclasses' `exec` is handed the code compiled for the same text (compile() of that text, as
exec would compile it), and re's compiler the program it built for the same pattern and flags
(as it hands it to _sre, which checks it again). Nothing is rebuilt differently, only not
rebuilt. The file is read only by the same Python build (sys.version), written whole (never
half) at exit and only when something was added, without what the code no longer compiles once
that outgrows what a run uses (STALE); a file that cannot be read or written only costs the
compiling. `save()` writes it before a quick exit (cli.run).
"""

from __future__ import annotations
import __future__

import _thread
import atexit
import builtins
import dataclasses
import marshal
import os
import re
import sys
import types

TYPE_CHECKING = False  # typing's own import costs every command more than it brings here
if TYPE_CHECKING:
    from typing import Any

CACHE = os.path.join(
    os.path.dirname(__file__),
    "__pycache__",
    f"compiled.{sys.implementation.cache_tag}.opt{sys.flags.optimize}.marshal",
)
STALE = 2  # a file holding more than this many times what a run used keeps only what it used


def _future_flags() -> int:
    """The __future__ features dataclasses' own code is compiled with: its exec inherits them."""
    flags = 0
    for name in __future__.all_feature_names:
        feature = getattr(__future__, name)
        flag: int = feature.compiler_flag
        if getattr(dataclasses, name, None) is feature:
            flags |= flag
    return flags


_FLAGS = _future_flags()


class _Kept:
    """The cache: dataclass code by source text, regex programs by (pattern, flags). Read from
    CACHE when first needed, each entry decoded only when asked for (a command uses few of
    them); written back when something was added."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or CACHE
        self.tables: dict[str, dict[Any, bytes]] | None = None
        self.decoded: dict[str, dict[Any, Any]] = {"code": {}, "re": {}}
        self.used: dict[str, set[Any]] = {"code": set(), "re": set()}
        self.added = False

    def table(self, name: str) -> dict[Any, bytes]:
        if self.tables is None:
            self.tables = {"code": {}, "re": {}}
            try:
                with open(self.path, "rb") as cache:
                    version, tables = marshal.loads(cache.read())
                if version == sys.version and isinstance(tables, dict):
                    self.tables.update(tables)
            except (OSError, ValueError, EOFError, TypeError):
                pass
        return self.tables[name]

    def get(self, name: str, key: Any) -> Any:
        self.used[name].add(key)
        decoded = self.decoded[name]
        if key not in decoded:
            blob = self.table(name).get(key)
            try:
                decoded[key] = None if blob is None else marshal.loads(blob)
            except (ValueError, EOFError, TypeError):
                decoded[key] = None
        return decoded[key]

    def put(self, name: str, key: Any, value: Any) -> None:
        self.table(name)[key] = marshal.dumps(value)
        self.decoded[name][key] = value
        if not self.added:
            self.added = True
            atexit.register(self.save)  # unless save() is called first (cli.run does)

    def save(self) -> None:
        if not self.added or self.tables is None:
            return
        self.added = False
        tables = self.tables
        if sum(len(t) for t in tables.values()) > STALE * sum(len(u) for u in self.used.values()):
            tables = {  # entries of code edited since: gone
                n: {k: v for k, v in t.items() if k in self.used[n]} for n, t in tables.items()
            }
        folder, name = os.path.split(self.path)
        partial = os.path.join(folder, f".{name}.{os.getpid()}.partial")
        try:
            os.makedirs(folder, exist_ok=True)
            with open(partial, "wb") as written:
                written.write(marshal.dumps((sys.version, tables)))
            os.replace(partial, self.path)
        except (OSError, ValueError):
            try:
                os.unlink(partial)
            except OSError:
                pass


_kept = _Kept()


# ---- dataclasses ----


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """exec, for dataclasses: a text is run from the code kept for it."""
    if isinstance(source, str):
        code = _kept.get("code", source)
        if code is None:
            code = compile(source, "<string>", "exec", _FLAGS, dont_inherit=True)
            _kept.put("code", source, code)
        source = code
    builtins.exec(source, globals, locals)


# ---- regular expressions ----

_compiler = sys.modules["re._compiler"]  # imported by re
_compile = _compiler.compile
_sre = vars(_compiler)["_sre"]  # the C module re's compiler hands each program to
_compiling: dict[int, Any] = {}  # each thread's (pattern, flags) being compiled


def _compile_kept(pattern: Any, flags: int = 0) -> Any:
    """re's compiler, for a pattern: the program kept for it, else compiled and kept."""
    if not isinstance(pattern, str | bytes) or flags & re.DEBUG:
        return _compile(pattern, flags)
    key = (pattern, flags)
    program = _kept.get("re", key)
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except (TypeError, ValueError, RuntimeError):  # not this re's program: compile it
            pass
    thread = _thread.get_ident()
    _compiling[thread] = key
    try:
        return _compile(pattern, flags)
    finally:
        del _compiling[thread]


def _sre_compile(pattern: Any, *program: Any) -> Any:
    """_sre.compile, seeing the program re's compiler built for the pattern compiled."""
    key = _compiling.get(_thread.get_ident())
    if key is not None and key[0] is pattern:
        flags, code, groups, groupindex, indexgroup = program
        code = [int(c) for c in code]  # re's named constants, as the plain numbers they are
        _kept.put("re", key, (int(flags), code, groups, dict(groupindex), indexgroup))
    return _sre.compile(pattern, *program)


def keep_compiled() -> None:
    """Use and fill the cache (see above), on CPython."""
    if sys.implementation.name != "cpython":
        return
    vars(dataclasses)["exec"] = _exec  # found before the builtin by dataclasses' own code
    shim = types.ModuleType("_sre")  # re's compiler's own _sre: the real one, but for compile
    vars(shim).update(vars(_sre), compile=_sre_compile)
    vars(_compiler).update(compile=_compile_kept, _sre=shim)


def save() -> None:
    """Write what was compiled since the cache was read, if anything (also done at exit)."""
    _kept.save()
