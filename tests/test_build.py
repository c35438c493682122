"""The sample report, built end to end and read back from the DOCX."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx.table import Table

import docx
from baocao.build import build_document
from baocao.problems import ContentErrors
from budget_documents import HEADER, write_document
from conftest import CONTENT, SAMPLE


@pytest.fixture(scope="module")
def built(sample_docx: Path) -> Path:
    return sample_docx


@pytest.fixture(scope="module")
def paragraphs(built: Path) -> list:
    """Every paragraph in reading order: the header and signature blocks are table cells."""
    return all_paragraphs(docx.Document(str(built)))


def all_paragraphs(container) -> list:  # type: ignore[no-untyped-def]
    """The paragraphs of a document or cell, those inside its tables included, in order."""
    found = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    found.extend(all_paragraphs(cell))
        else:
            found.append(item)
    return found


def texts(paragraphs: list) -> list[str]:
    return [p.text for p in paragraphs]


def test_writes_the_document_named_after_its_folder(built: Path) -> None:
    assert built.name == f"{SAMPLE}.docx"
    assert built.stat().st_size > 5000


def test_frame_comes_from_the_front_matter(paragraphs: list) -> None:
    all_text = texts(paragraphs)
    assert "ỦY BAN NHÂN DÂN" in all_text
    assert "XÃ NGUYỄN LƯƠNG BẰNG" in all_text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in all_text
    assert "Độc lập - Tự do - Hạnh phúc" in all_text
    assert "BÁO CÁO" in all_text
    assert any(
        t.startswith("Xã Nguyễn Lương Bằng, ngày ") and t.endswith("tháng 7 năm 2026")
        for t in all_text
    )
    assert any(t.startswith("Số:") and t.endswith("/BC-UBND") for t in all_text)
    assert "Đoàn Văn Cát" in all_text


def test_sections_i_and_ii_are_headings_with_their_own_numbers(paragraphs: list) -> None:
    headings = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("Heading")]
    assert (
        "Heading 1",
        "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH KH, CN, ĐMST và CĐS NĂM 2026",
    ) in headings
    assert any(
        name == "Heading 1" and text.startswith("II. TÌNH HÌNH PHÂN B") for name, text in headings
    )
    assert ("Heading 3", "a) Hoạt động khoa học, công nghệ") in headings
    assert ("Heading 3", "đ) Về xã hội số") in headings


def test_items_are_dash_paragraphs_not_word_lists(paragraphs: list) -> None:
    items = [p for p in paragraphs if p.text.startswith("- Sau khi thực hiện sắp xếp")]
    assert len(items) == 1
    item = items[0]
    assert item._p.pPr is None or item._p.pPr.numPr is None  # no Word numbering
    assert "Nghị quyết số 57-NQ/TW" in item.text  # soft line breaks joined into one paragraph


def test_prose_is_carried_word_for_word(paragraphs: list) -> None:
    all_text = "\n".join(texts(paragraphs))
    assert "tỷ lệ số hóa kết quả giải quyết TTHC đạt 99,83%." in all_text
    assert "Mô hình “Bình dân học vụ số” được triển khai hiệu quả" in all_text
    assert "(Theo Kế hoạch số 234/BC-UBND, ngày 15/10/2025" in all_text


def test_bold_and_italic_survive(paragraphs: list) -> None:
    paragraph = next(p for p in paragraphs if "Theo Kế hoạch số 234/BC-UBND" in p.text)
    italic = "".join(r.text for r in paragraph.runs if r.italic)
    assert italic.startswith("Theo Kế hoạch số 234/BC-UBND")


def test_the_body_ends_with_the_end_mark(paragraphs: list) -> None:
    body = [p.text for p in paragraphs if p.style.name in ("Body Text", "First Paragraph")]
    assert body[-1].endswith("./.")
    assert not body[-1].endswith("./../.")


def test_content_errors_leave_the_previous_output_untouched(
    content_copy: Path, tmp_path: Path
) -> None:
    folder = content_copy / SAMPLE
    output = tmp_path / "out"
    first = build_document(folder, output).target
    before = first.read_bytes()
    opening = folder / "00-mo-dau.md"
    opening.write_text(
        opening.read_text(encoding="utf-8").replace("ngay: ", "ngay_ky: "), encoding="utf-8"
    )
    with pytest.raises(ContentErrors) as caught:
        build_document(folder, output)
    messages = [p.message for p in caught.value.problems]
    assert any("thiếu ngày ban hành" in m for m in messages), messages
    assert first.read_bytes() == before
    assert sorted(p.name for p in output.iterdir() if not p.name.startswith(".")) == [first.name]


def test_build_leaves_no_partial_files(tmp_path: Path) -> None:
    build_document(CONTENT / SAMPLE, tmp_path)
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]
    assert os.access(tmp_path / f"{SAMPLE}.docx", os.R_OK)


def test_build_refuses_content_that_fails_check_and_keeps_the_previous_output(
    tmp_path: Path,
) -> None:
    folder = write_document(tmp_path, HEADER + "| A | Một | | | | 1 |\n")
    output = tmp_path / "out"
    target = build_document(folder, output).target
    before = target.read_bytes()
    (folder / "01-phan.md").write_text(HEADER + "| A | Một | | | | 1.2.3 |\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as failure:
        build_document(folder, output)
    assert "“1.2.3”" in str(failure.value)
    assert target.read_bytes() == before
