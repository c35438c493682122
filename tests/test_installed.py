"""baocao as an editor installs it: the wheel built from this checkout, installed into a new
environment outside it, run in an empty folder, with no make and nothing read from the checkout.

The wheel's dependencies are kept as wheels in the test environment's own folder
(`<sys.prefix>/wheelhouse`), downloaded the first time and whenever pyproject.toml asks for
others: every later run installs without the network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import docx
from conftest import ROOT

WHEELHOUSE = Path(sys.prefix) / "wheelhouse"
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "pipeline", "templates")


def run(command: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout
    )


def scripts(environment: Path) -> Path:
    return environment / ("Scripts" if os.name == "nt" else "bin")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `baocao` program of a new environment that has only the wheel built from here and
    its dependencies."""
    scratch = tmp_path_factory.mktemp("installed")
    source = scratch / "source"  # a copy: building writes nothing into the checkout
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    wheels = scratch / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    built = run([*pip, "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)], scratch)
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("baocao-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "baocao/templates/kinds.yaml" in names and "baocao/templates/styles.toml" in names
    assert "baocao/templates/new/bao-cao/00-mo-dau.md" in names

    environment = scratch / "env"
    made = run([sys.executable, "-m", "venv", str(environment)], scratch)
    assert made.returncode == 0, made.stderr
    python = str(scripts(environment) / "python")
    install = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    offline = run([*install, "--no-index", "--find-links", str(WHEELHOUSE), str(wheel)], scratch)
    if offline.returncode != 0:  # the first run, or pyproject.toml asks for something new
        for kept in WHEELHOUSE.glob("baocao-*.whl"):  # pip would take its dependencies instead
            kept.unlink()
        fetched = run([*pip, "download", "-q", "-d", str(WHEELHOUSE), str(wheel)], scratch)
        assert fetched.returncode == 0, fetched.stderr
        for kept in WHEELHOUSE.glob("baocao-*.whl"):  # only the dependencies are kept
            kept.unlink()
        offline = run(
            [*install, "--no-index", "--find-links", str(WHEELHOUSE), str(wheel)], scratch
        )
    assert offline.returncode == 0, offline.stderr
    return scripts(environment) / "baocao"


def built(said: str) -> list[str]:
    return re.findall(r"^Đang dựng (.+) → ", said, re.M)


def test_the_wheel_works_in_an_empty_folder_without_make(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "van ban cua xa"  # an editor's folder, with spaces
    work.mkdir()

    def baocao(*args: str) -> subprocess.CompletedProcess[str]:
        return run([str(installed), *args], work, timeout=300)

    where = baocao("words", "0")  # the installed code and templates, not the checkout's
    assert where.returncode == 0 and where.stdout.strip() == "không"
    python = installed.with_name("python")
    found = run([str(python), "-c", "import baocao.templates as t; print(t.TEMPLATES)"], work)
    assert Path(found.stdout.strip()).is_relative_to(installed.parent.parent)

    ready = baocao("khoi-tao")
    assert ready.returncode == 0, ready.stderr
    assert not re.search(r"\bmake\b", ready.stderr)
    assert "baocao build" in ready.stderr
    assert (work / ".gitignore").read_text(encoding="utf-8").splitlines() == ["/output/"]
    (example,) = [p.name for p in (work / "content").iterdir()]

    new = baocao("new", "bao-cao-quy-1", "--loai", "to-trinh")
    assert new.returncode == 0, new.stderr
    checked = baocao("check")
    assert checked.returncode == 1
    blanks = re.findall(r"^content/bao-cao-quy-1/[^:]+:\d+:\d+: BC610 ", checked.stdout, re.M)
    assert blanks  # each placeholder still to fill, at its file:line:column
    assert checked.stderr.splitlines()[-1].startswith("Có ")

    first = baocao("build")
    assert first.returncode == 0, first.stderr
    assert sorted(built(first.stderr)) == sorted([example, "bao-cao-quy-1"])
    target = work / "output" / "bao-cao-quy-1.docx"
    opened = docx.Document(str(target))
    assert "TỜ TRÌNH" in "\n".join(p.text for p in opened.paragraphs)
    kept = {p.name: p.read_bytes() for p in (work / "output").glob("*.docx")}

    again = baocao("build")
    assert again.returncode == 0, again.stderr
    assert built(again.stderr) == []
    assert (
        again.stderr.startswith("Không có văn bản nào cần dựng lại")
        and again.stderr.count("\n") == 1
    )
    assert {p.name: p.read_bytes() for p in (work / "output").glob("*.docx")} == kept

    (work / "content" / "bao-cao-quy-1").rename(work / "content" / "Tờ trình quý 1")
    renamed = baocao("build")
    assert renamed.returncode == 0, renamed.stderr
    assert built(renamed.stderr) == ["Tờ trình quý 1"]
    assert (work / "output" / "Tờ trình quý 1.docx").is_file()
    assert built(baocao("build").stderr) == []
