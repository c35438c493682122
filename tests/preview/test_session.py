"""A preview rebuilt on each save: the latest save wins, errors keep the last good rendering."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from baocao import codes
from baocao.preview.session import Preview, Rebuilder

WAIT = 120.0  # seconds a loaded machine may take; never a measure of speed


def test_a_save_made_while_a_build_runs_is_built_after_it(tmp_path: Path) -> None:
    part = tmp_path / "00-part.md"
    part.write_text("v1", encoding="utf-8")
    read: list[str] = []
    first_running = threading.Event()
    release = threading.Event()

    def work(superseded: Callable[[], bool]) -> None:
        read.append(part.read_text(encoding="utf-8"))
        if len(read) == 1:
            first_running.set()
            assert release.wait(WAIT)

    rebuilder = Rebuilder(work, "test")
    try:
        rebuilder.saved()
        assert first_running.wait(WAIT)
        for version in ("v2", "v3", "v4"):  # saves while the first build runs
            part.write_text(version, encoding="utf-8")
            rebuilder.saved()
        assert rebuilder.superseded()
        release.set()
        assert rebuilder.idle(WAIT)
    finally:
        rebuilder.stop()
    assert read == ["v1", "v4"]  # the saves during the build: one more build, of the latest
    assert rebuilder.runs == 2


def _subject(part: Path, original: str, n: int) -> None:
    """The sample's trích yếu, begun by "Lần sửa n:"."""
    changed = original.replace("\n  Thực hiện kế hoạch", f"\n  Lần sửa {n}: Thực hiện kế hoạch", 1)
    assert changed != original
    part.write_text(changed, encoding="utf-8")


def test_the_latest_of_quick_saves_is_shown(sample_copy: Path, tmp_path: Path) -> None:
    part = sample_copy / "00-mo-dau.md"
    original = part.read_text(encoding="utf-8")
    preview = Preview(sample_copy, sample_copy.parent, tmp_path / "work", None)
    try:
        for n in range(1, 6):
            _subject(part, original, n)
            preview.saved()
        assert preview.rebuilder.idle(WAIT)
        _, state = preview.board.snapshot()
    finally:
        preview.stop()
    assert state["subject"].startswith("Lần sửa 5: Thực hiện")
    assert state["errors"] == 0 and not state["stale"] and not state["building"]
    assert "Lần sửa 5: Thực hiện" in state["html"]


def test_errors_keep_the_last_good_rendering_marked_stale(
    sample_copy: Path, tmp_path: Path
) -> None:
    part = sample_copy / "04-dinh-huong.md"
    good = part.read_text(encoding="utf-8")
    preview = Preview(sample_copy, sample_copy.parent, tmp_path / "work", None)
    try:
        preview.saved()
        assert preview.rebuilder.idle(WAIT)
        _, before = preview.board.snapshot()
        part.write_text(good.replace('tien_chu("pl.csdl")', 'tien_chu("pl.csdl-sai")'), "utf-8")
        preview.saved()
        assert preview.rebuilder.idle(WAIT)
        _, broken = preview.board.snapshot()
        part.write_text(good, encoding="utf-8")
        preview.saved()
        assert preview.rebuilder.idle(WAIT)
        _, fixed = preview.board.snapshot()
    finally:
        preview.stop()
    assert before["html"] and not before["stale"]
    assert broken["stale"] and broken["errors"] == 1
    assert broken["html"] == before["html"]  # the last good rendering, kept
    (problem,) = [p for p in broken["problems"] if not p["warning"]]
    assert (problem["name"], problem["line"], problem["code"]) == (
        "04-dinh-huong.md",
        12,
        codes.UNKNOWN_ID.code,
    )
    assert dict(problem["source"])[12].startswith("- *Kinh phí dự kiến:*")
    assert not fixed["stale"] and fixed["errors"] == 0


def test_nothing_outside_the_document_reaches_the_page(sample_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "bi-mat.md"
    outside.write_text("# MẬT KHẨU bí mật 12345\n", encoding="utf-8")
    (sample_copy / "07-lien-ket.md").symlink_to(outside)
    preview = Preview(sample_copy, sample_copy.parent, tmp_path / "work", None)
    try:
        preview.saved()
        assert preview.rebuilder.idle(WAIT)
        _, state = preview.board.snapshot()
    finally:
        preview.stop()
    linked = [p for p in state["problems"] if p["name"] == "07-lien-ket.md"]
    assert linked and linked[0]["code"] == codes.LINKED_PART.code
    assert linked[0]["source"] == []
    assert "MẬT KHẨU" not in repr(state)
