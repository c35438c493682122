"""The ND30 place-and-date line, leading zeros, and the blanks of an unsigned draft."""

from __future__ import annotations

import datetime as dt

import pytest

from baocao.money.dates import (
    BLANK,
    DocumentDate,
    date_line,
    day_text,
    month_text,
    place_date_line,
)


def test_place_date_line_of_the_issue() -> None:
    date = DocumentDate(2027, 1, 8)
    assert place_date_line("Nguyễn Lương Bằng", date) == (
        "Nguyễn Lương Bằng, ngày 08 tháng 01 năm 2027"
    )


@pytest.mark.parametrize(
    ("date", "line"),
    [
        (DocumentDate(2027, 1, 8), "ngày 08 tháng 01 năm 2027"),
        (DocumentDate(2027, 2, 28), "ngày 28 tháng 02 năm 2027"),
        (DocumentDate(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),  # months 3–12: no zero
        (DocumentDate(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
        (DocumentDate(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
        (DocumentDate(2028, 2, 29), "ngày 29 tháng 02 năm 2028"),
    ],
)
def test_leading_zeros(date: DocumentDate, line: str) -> None:
    assert date_line(date) == line


def test_draft_leaves_blanks_five_spaces_wide() -> None:
    line = date_line(DocumentDate(2026, 7))
    assert line == f"ngày {BLANK} tháng 7 năm 2026"
    # as the issue writes it, once the non-breaking spaces are shown as spaces
    assert line.replace("\u00a0", " ") == "ngày     tháng 7 năm 2026"
    assert date_line(DocumentDate(2026)).replace("\u00a0", " ") == "ngày     tháng     năm 2026"


def test_blank_survives_pandoc() -> None:
    # pandoc collapses runs of ordinary spaces: the blank must be non-breaking spaces.
    assert BLANK and set(BLANK) == {"\u00a0"}


def test_day_and_month_text() -> None:
    assert [day_text(d) for d in (1, 9, 10, 31)] == ["01", "09", "10", "31"]
    assert [month_text(m) for m in (1, 2, 3, 9, 11)] == ["01", "02", "3", "9", "11"]
    assert day_text(None) == month_text(None) == BLANK


@pytest.mark.parametrize(
    ("value", "date"),
    [
        (dt.date(2027, 1, 8), DocumentDate(2027, 1, 8)),
        (dt.datetime(2027, 1, 8, 10, 30), DocumentDate(2027, 1, 8)),
        ("2027-01-08", DocumentDate(2027, 1, 8)),
        ("2027-1-8", DocumentDate(2027, 1, 8)),
        (" 2026-07 ", DocumentDate(2026, 7)),
        ("2026", DocumentDate(2026)),
        (2026, DocumentDate(2026)),
    ],
)
def test_parse(value: object, date: DocumentDate) -> None:
    assert DocumentDate.parse(value) == date


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("08/01/2027", "không đúng dạng"),
        ("2027-01-08x", "không đúng dạng"),
        ("2027-01-08\n", None),  # trailing whitespace is trimmed, so this one is fine
        ("", "không đúng dạng"),
        (None, "không đúng dạng"),
        ("２０２７", "không đúng dạng"),  # full-width digits are not a year
        ("2026-13", "tháng 13 không có thật"),
        ("2026-00", "tháng 0 không có thật"),
        ("2027-02-29", "ngày 29/2/2027 không có thật"),
        ("2026-04-31", "ngày 31/4/2026 không có thật"),
        ("0000-01-01", "năm 0 không có thật"),
        (26, "không đúng dạng"),
    ],
)
def test_parse_errors_are_vietnamese(value: object, message: str | None) -> None:
    if message is None:
        assert DocumentDate.parse(value) == DocumentDate(2027, 1, 8)
        return
    with pytest.raises(ValueError) as caught:
        DocumentDate.parse(value)
    assert message in str(caught.value)


def test_year_has_four_digits() -> None:
    with pytest.raises(ValueError, match="năm 26 không có thật"):
        DocumentDate(26, 7)


def test_day_needs_a_month() -> None:
    with pytest.raises(ValueError, match="có ngày thì phải có tháng"):
        DocumentDate(2026, None, 8)
