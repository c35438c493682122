"""Nothing patches Python (issue 21): importing every module of baocao and running `check` and
`build` leave the standard modules, the collector and the import system as Python set them, and
the `baocao` program ends through Python's own exit.

Each probe runs in a fresh interpreter: a test run has imported and changed much before."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import CONTENT, ROOT

# The modules whose attributes nothing of ours may assign, add or remove. Their values may be
# changed in place (re's cache fills, sys.modules grows): each is compared by identity.
WATCHED = ("re", "re._compiler", "dataclasses", "inspect", "argparse", "gc", "sys", "builtins")

PROBE = """
import importlib, json, pkgutil, sys

WATCHED = {watched!r}
modules = {{name: importlib.import_module(name) for name in WATCHED}}
gc = modules["gc"]


def snapshot():
    return {{
        "attributes": {{name: dict(vars(module)) for name, module in modules.items()}},
        "collector": (gc.isenabled(), gc.get_threshold()),
        "flags": (sys.flags, sys.dont_write_bytecode),
        "meta_path": list(sys.meta_path),
        "path_hooks": list(sys.path_hooks),
    }}


before = snapshot()

import baocao

imported = []
for module in pkgutil.walk_packages(baocao.__path__, "baocao."):
    if module.name != "baocao.__main__":  # the program itself: it runs and exits
        importlib.import_module(module.name)
        imported.append(module.name)

from baocao.cli import main

codes = [
    main(["check", "--content", {content!r}]),
    main(["build", "--content", {content!r}, "-o", {output!r}]),
]
after = snapshot()

changed = []
for name in WATCHED:
    old, new = before["attributes"][name], after["attributes"][name]
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            changed.append(f"{{name}}.{{key}} removed")
        elif key not in old:
            changed.append(f"{{name}}.{{key}} added")
        elif new[key] is not old[key]:
            changed.append(f"{{name}}.{{key}} assigned")
for what in ("collector", "flags"):
    if after[what] != before[what]:
        changed.append(f"{{what}}: {{before[what]}} → {{after[what]}}")
for hooks in ("meta_path", "path_hooks"):
    old, new = before[hooks], after[hooks]
    if len(old) != len(new) or any(a is not b for a, b in zip(old, new)):
        changed.append(f"sys.{{hooks}}: {{old}} → {{new}}")
print(json.dumps({{"codes": codes, "imported": imported, "changed": changed}}))
"""


def test_importing_baocao_and_running_check_and_build_patch_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    output = tmp_path / "output"
    probe = PROBE.format(watched=WATCHED, content=str(content), output=str(output))
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout.splitlines()[-1])
    assert said["codes"] == [0, 0], done.stderr
    assert {"baocao.cli", "baocao.build", "baocao.docx.finish", "baocao.money.figures"} <= set(
        said["imported"]
    )
    assert list(output.glob("*.docx"))  # the build did build
    assert said["changed"] == []


def test_the_program_ends_through_pythons_exit_and_its_atexit_handlers_run() -> None:
    probe = (
        "import atexit, sys\n"
        "atexit.register(print, 'atexit ran')\n"
        "sys.argv = ['baocao', 'words', '5']\n"
        "from baocao.cli import run\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "năm\natexit ran\n", "")


def test_a_reader_closing_the_pipe_early_gets_no_traceback() -> None:
    """`baocao words - | head -1`: what is left unwritten is dropped, quietly (exit status 1)."""
    values = "".join(f"{n}\n" for n in range(1, 100_001)).encode()
    baocao = subprocess.Popen(
        [sys.executable, "-m", "baocao", "words", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert baocao.stdin is not None and baocao.stdout is not None and baocao.stderr is not None
    baocao.stdin.write(values)
    baocao.stdin.close()
    assert baocao.stdout.readline() == "một\n".encode()
    baocao.stdout.close()  # as `head -1` does once it has its line
    said = baocao.stderr.read().decode()
    assert baocao.wait(timeout=60) == 1
    assert said == ""
