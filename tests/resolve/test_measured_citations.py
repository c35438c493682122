"""Count and percent cells cited with their unit: so("t.x(2)") → "1.234 hồ sơ", "85,3%"."""

from __future__ import annotations

from pathlib import Path

from budget_documents import resolved, shown, write_document

TABLE = """Đơn vị: Triệu đồng {#th cot=1}

| TT | NỘI DUNG | KINH PHÍ | HỒ SƠ (hồ sơ) | TỶ LỆ (%) |
|----|----------|----------|---------------|-----------|
| A  | B        | (1)      | (2)           | (3)       |
| =  | Toàn xã {#tong} |   |               |           |
| 1  | Thôn An {#an} | 100  | 1.234         | 85,3      |
| 2  | Thôn Bình {#binh} | 50 | 766          | 90        |
"""


def cited(tmp_path: Path, line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The line as printed, and the line, column and code of each error."""
    folder = write_document(tmp_path, TABLE, f"\n{line}\n")
    blocks, problems = resolved(folder)
    errors = [(p.position.line, p.position.column, p.code.code) for p in problems if not p.warning]
    return shown(blocks[-1]), errors


def test_a_count_cell_prints_with_its_unit(tmp_path: Path) -> None:
    text, errors = cited(tmp_path, 'Thôn An có {{ so("th.an(2)") }}.')
    assert (text, errors) == ("Thôn An có 1.234 hồ sơ.", [])


def test_counts_of_one_unit_add_up(tmp_path: Path) -> None:
    text, errors = cited(tmp_path, 'Hai thôn có {{ so("th.an(2)", "th.binh(2)") }}.')
    assert (text, errors) == ("Hai thôn có 2.000 hồ sơ.", [])


def test_a_percent_cell_prints_with_its_sign(tmp_path: Path) -> None:
    text, errors = cited(tmp_path, 'Đạt {{ so("th.an(3)") }} kế hoạch.')
    assert (text, errors) == ("Đạt 85,3% kế hoạch.", [])


def test_money_forms_refuse_a_count_and_percents_do_not_add_up(tmp_path: Path) -> None:
    _, errors = cited(tmp_path / "a", 'Có {{ tien("th.an(2)") }}.')
    assert errors == [(2, 4, "BC415")]  # not money: at the citation
    _, errors = cited(tmp_path / "b", 'Có {{ so("th.an(3)", "th.binh(3)") }}.')
    assert errors == [(2, 4, "BC416")]  # percents do not add up
    _, errors = cited(tmp_path / "c", 'Có {{ so("th.an(2)", "th.an(1)") }}.')
    assert errors == [(2, 4, "BC416")]  # nor a count and money
    _, errors = cited(tmp_path / "d", 'Có {{ so("th.an(2)", "triệu") }}.')
    assert errors == [(2, 4, "BC415")]  # a count in a unit of money


def test_money_cells_still_print_as_before(tmp_path: Path) -> None:
    text, errors = cited(tmp_path, 'Thôn An được {{ tien("th.an") }}.')
    assert (text, errors) == ("Thôn An được 100.000.000 đồng.", [])
