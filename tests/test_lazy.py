"""inspect imported when first used (baocao.lazy): not by `baocao words`, which never needs
it, and whole as soon as anything asks it for a name. Each run is a fresh interpreter: a test
run has imported inspect long before, and then nothing is deferred."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import baocao
from baocao.cli import main
main(["words", "1.234.567"])
print(type(sys.modules["inspect"]).__name__, "ast" in sys.modules)
import inspect
signature = str(inspect.signature(lambda amount, unit="đồng": None))
from inspect import isfunction
print(type(sys.modules["inspect"]).__name__, signature, isfunction(main))
"""


def test_words_runs_without_importing_inspect_which_loads_when_first_asked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    said, deferred, used = done.stdout.splitlines()
    assert said == "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"
    assert deferred == "_Deferred False"  # a stand-in; ast, which inspect imports, not loaded
    assert used == "module (amount, unit='đồng') True"


def test_a_module_already_imported_is_left_as_it_is() -> None:
    probe = "import inspect, baocao, sys; print(sys.modules['inspect'] is inspect)"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "True"


def test_mistune_imported_without_inspect_its_undocumented_dataclasses_named() -> None:
    probe = """
import sys
import baocao.parse.markdown
from mistune.list_parser import _ListMarker
print(type(sys.modules["inspect"]).__name__, _ListMarker.__doc__)
import inspect
print(inspect.signature(lambda x: None))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    deferred, used = done.stdout.splitlines()
    assert deferred == "_Deferred _ListMarker"  # a docstring, and inspect never imported for it
    assert used == "(x)"  # asked afterwards, inspect answers as ever
