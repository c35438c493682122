"""Content trees at git revisions, read without touching the working tree, for `baocao diff`.

A revision's `content/` is extracted with `git archive` into a temporary folder; the working
tree is read where it is. Every git failure an editor can cause — not a repository, an unknown
revision, no `main` branch — is a UsageError in one Vietnamese line.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from baocao.problems import UsageError

BASE_BRANCHES = ("main", "origin/main")  # the default OLD is where the branch left one of these


@dataclass(frozen=True)
class Revision:
    """One end of a comparison: a commit (`sha`), or the working tree when `sha` is None."""

    label: str  # how the report names it: "main", "HEAD~1", "bản đang sửa"
    sha: str | None = None
    note: str = ""  # why this end was chosen, when it is not what was asked for

    @property
    def short(self) -> str:
        return self.sha[:7] if self.sha else ""

    def __str__(self) -> str:
        if self.sha is None or self.label == self.short:
            return self.label
        return f"{self.label} ({self.short})"


WORKING_TREE = Revision("bản đang sửa (chưa commit)")


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run git; a missing git is a usage error, a failing command is returned for the caller."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise UsageError("baocao diff cần git: chưa cài git trên máy này") from None


def repository(where: Path) -> Path:
    """The top folder of the git repository holding `where`."""
    result = git("rev-parse", "--show-toplevel", cwd=where)
    if result.returncode != 0:
        raise UsageError(
            f"“{where.resolve()}” không nằm trong một kho git: baocao diff so sánh các commit"
        )
    return Path(result.stdout.decode().strip())


def resolve(name: str, top: Path) -> Revision:
    """A revision named by the editor (branch, tag, HEAD~1, commit id) as a commit."""
    if not name or name.startswith("-"):
        raise UsageError(f"“{name}” không phải tên phiên bản git")
    result = git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}", cwd=top)
    if result.returncode != 0:
        raise UsageError(
            f"không có phiên bản “{name}” trong kho git (ghi tên nhánh, thẻ, HEAD~1 hoặc mã commit)"
        )
    return Revision(name, result.stdout.decode().strip())


def default_base(top: Path) -> Revision:
    """Where the current branch left `main`: the version a pull request is compared against.

    Without a `main` branch (nor `origin/main`), the last commit: what is not committed yet."""
    for branch in BASE_BRANCHES:
        if git("rev-parse", "--verify", "--quiet", branch, cwd=top).returncode != 0:
            continue
        result = git("merge-base", branch, "HEAD", cwd=top)
        if result.returncode == 0:
            sha = result.stdout.decode().strip()
            return Revision(f"điểm rẽ nhánh từ {branch}", sha)
    head = git("rev-parse", "--verify", "--quiet", "HEAD^{commit}", cwd=top)
    if head.returncode != 0:
        raise UsageError("kho git chưa có commit nào: chưa có gì để so sánh")
    note = "Kho git không có nhánh main: so với commit gần nhất (HEAD)."
    return Revision("HEAD", head.stdout.decode().strip(), note)


def content_at(revision: Revision, content: Path, top: Path, into: Path) -> Path:
    """The content folder as it is at `revision`: `content` itself for the working tree,
    otherwise a copy under `into` extracted from git (an empty folder when it did not exist)."""
    if revision.sha is None:
        return content
    try:
        inside = content.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"thư mục nội dung “{content}” không nằm trong kho git {top}") from None
    target = into / revision.sha
    target.mkdir(parents=True, exist_ok=True)
    listed = git("ls-tree", "-d", "--name-only", revision.sha, "--", inside, cwd=top)
    if listed.returncode == 0 and listed.stdout.strip():
        archive = git("archive", "--format=tar", revision.sha, "--", inside, cwd=top)
        if archive.returncode != 0:
            raise UsageError(  # git's own words are English: not shown
                f"git không đọc được {inside} ở {revision}: kho git hỏng hoặc thiếu dữ liệu"
            )
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter=_inert_links)
    folder = target / inside
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _inert_links(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """tarfile's "data" filter, with every link made to point at itself: a symbolic link in a
    revision (to /etc/passwd, to ../../.git/config) is kept as a link, for parse to refuse at its
    name as in the working tree, but it leads nowhere, so nothing is read through it."""
    if member.issym() or member.islnk():
        member = member.replace(linkname=PurePosixPath(member.name).name, deep=False)
        member.type = tarfile.SYMTYPE  # a hard link too (git writes none)
    return tarfile.data_filter(member, destination)
