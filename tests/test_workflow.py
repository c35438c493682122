"""The pull-request workflow cannot run here: its shape is checked, and the commands it runs are."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from budget_documents import write_document
from conftest import CONTENT, ROOT, git

WORKFLOW = ROOT / ".github" / "workflows" / "baocao.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict[str, Any], job: str = "report") -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def runs(workflow: dict[str, Any], job: str = "report") -> list[str]:
    return [step["run"] for step in steps(workflow, job) if "run" in step]


def test_runs_on_pull_requests_with_the_whole_history(workflow: dict[str, Any]) -> None:
    trigger = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in trigger
    uses = {step["uses"].split("@")[0]: step for step in steps(workflow) if "uses" in step}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0  # diff needs the base branch
    job = workflow["jobs"]["report"]
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert uses["actions/setup-python"]["with"]["python-version"] == "${{ matrix.python }}"
    assert uses["actions/upload-artifact"]["with"]["path"] == "output/*.docx"


def test_make_targets_it_runs_exist(workflow: dict[str, Any], tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    targets = [m.group(1) for run in runs(workflow) for m in re.finditer(r"\bmake (\w+)", run)]
    assert targets == ["check", "lint", "test", "report"]
    for target in targets:
        dry = subprocess.run(
            ["make", "-n", "-C", str(ROOT), target, f"OUT={tmp_path}", f"CONTENT={CONTENT}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert dry.returncode == 0, (target, dry.stderr)


def test_the_summary_step_writes_the_diff_of_the_pull_request(
    workflow: dict[str, Any], tmp_path: Path
) -> None:
    """The step's own command line, run in a clone-like repository: origin/main and a branch."""
    script = Path(sys.executable).parent / "baocao"
    if shutil.which("git") is None or shutil.which("bash") is None or not script.exists():
        pytest.skip("git, bash and the installed baocao script are needed")
    (command,) = [run for run in runs(workflow) if "baocao diff" in run]
    step = next(s for s in steps(workflow) if s.get("run") == command)
    assert step["env"]["BASE"] == "${{ github.base_ref }}"

    write_document(tmp_path / "content", "Kinh phí **5.000.000 đồng**{#kp}.\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(tmp_path, "checkout", "-q", "-b", "sua-kinh-phi")
    part = tmp_path / "content" / "thu" / "01-phan.md"
    part.write_text("Kinh phí **6.000.000 đồng**{#kp}.\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "change")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "baocao").symlink_to(script)
    summary = tmp_path / "summary.md"
    environment = {**os.environ, "BASE": "main", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        ["bash", "-e", "-c", command],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Thay đổi số liệu và lời văn: origin/main (")
    assert "| `kp` | content/thu/01-phan.md:1 | 5.000.000 → 6.000.000 | +1.000.000 |" in text


def test_windows_and_macos_are_listed_and_run_baocao_without_make(workflow: dict[str, Any]) -> None:
    """They cannot run here: what they would run is checked, and the README says they have not."""
    job = workflow["jobs"]["other-systems"]
    assert job["strategy"]["matrix"]["os"] == ["windows-latest", "macos-latest"]
    assert job["runs-on"] == "${{ matrix.os }}"
    commands = "\n".join(runs(workflow, "other-systems"))
    assert not re.search(r"\bmake\b", commands)
    for command in ("pip wheel", "baocao khoi-tao", "baocao new", "baocao build", "pytest"):
        assert command in commands
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "chưa chạy lần nào trên hai hệ này" in readme
