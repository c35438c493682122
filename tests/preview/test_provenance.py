"""Where each amount of the sample comes from: its table, row and column, how it is had, and
every place that cites it, as resolve knows them."""

from __future__ import annotations

from pathlib import Path

from baocao.build import resolve_folder
from baocao.preview.provenance import provenance
from conftest import CONTENT, SAMPLE


def _cited_lines(where: tuple[str, ...]) -> list[tuple[str, int]]:
    return [(Path(w.rsplit(":", 2)[0]).name, int(w.rsplit(":", 2)[1])) for w in where]


def test_total_row_is_the_sum_of_its_rows_and_cited_where_the_prose_cites_it() -> None:
    found = provenance(resolve_folder(CONTENT / SAMPLE))
    total = found.origins["pl.tong(4)"]
    assert total.value == "11.170"
    assert total.how.startswith("tổng các dòng:")
    assert Path(total.where.rsplit(":", 2)[0]).name == "90-phu-luc.md"
    # 05-kinh-phi.md cites it twice: in figures (line 4) and in words (line 5)
    assert _cited_lines(total.cited_at) == [("05-kinh-phi.md", 4), ("05-kinh-phi.md", 5)]


def test_a_citation_of_several_ids_counts_for_each() -> None:
    found = provenance(resolve_folder(CONTENT / SAMPLE))
    several = [c for c in found.citations if len(c.keys) > 1]
    assert several, "the sample adds several rows in one citation"
    for key in several[0].keys:
        assert str(several[0].position) in found.origins[key].cited_at


def test_each_citation_keeps_the_text_it_printed(sample_copy: Path) -> None:
    part = sample_copy / "05-kinh-phi.md"
    found = provenance(resolve_folder(sample_copy))
    by_line = {c.position.line: c for c in found.citations if c.position.path == part}
    assert by_line[4].text == "11.170.000.000 đồng"
    assert by_line[5].text.startswith("Mười một tỷ")


def test_formula_and_typed_cells_say_so(sample_copy: Path) -> None:
    found = provenance(resolve_folder(sample_copy))
    hows = {origin.how for origin in found.origins.values()}
    assert "công thức (1)=(2)+(3)" in hows
    assert "gõ trực tiếp trong bảng" in hows


def test_an_amount_declared_in_prose(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "to-trinh"
    folder.mkdir(parents=True)
    (folder / "00-to-trinh.md").write_text(
        (CONTENT / SAMPLE / "00-mo-dau.md").read_text(encoding="utf-8")
        + '\nĐề xuất **2.000.000 đồng**{#de-xuat}; tức là {{ tien("de-xuat") }}.\n',
        encoding="utf-8",
    )
    found = provenance(resolve_folder(folder))
    declared = found.origins["de-xuat"]
    assert declared.value == "2.000.000 đồng"
    assert declared.what == "khoản ghi trong lời văn"
    assert len(declared.cited_at) == 1
