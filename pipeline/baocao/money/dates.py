"""The ND30 place-and-date line ("Nguyễn Lương Bằng, ngày 08 tháng 01 năm 2027"), drafts' blanks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# What an unsigned draft leaves for the day or month to be written in by hand: with the spaces
# around it, five spaces' width ("ngày     tháng 7 năm 2026", as the issue writes it). Non-breaking,
# because pandoc collapses ordinary spaces into one.
BLANK = "\u00a0" * 3

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{1,2}))?(?:-([0-9]{1,2}))?")


@dataclass(frozen=True)
class DocumentDate:
    """A document's date; a draft may leave the day, or the day and the month, blank."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 9999:
            raise ValueError(f"năm {self.year} không có thật (năm viết đủ 4 chữ số)")
        if self.day is not None and self.month is None:
            raise ValueError("có ngày thì phải có tháng")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"tháng {self.month} không có thật")
        if self.day is not None and self.month is not None:  # a day without a month raised above
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    f"ngày {self.day}/{self.month}/{self.year} không có thật"
                ) from None

    @classmethod
    def parse(cls, value: object) -> DocumentDate:
        """Read a front-matter date: a YAML date, "2027-01-08", "2026-07" (day blank) or 2026."""
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        match = _PARTIAL.fullmatch(str(value).strip())
        if not match:
            raise ValueError(f"ngày “{value}” không đúng dạng NĂM-THÁNG-NGÀY, NĂM-THÁNG hoặc NĂM")
        year, month, day = match.groups()  # the year always matches
        return cls(int(year), int(month) if month else None, int(day) if day else None)


def day_text(day: int | None) -> str:
    """The day with its leading zero below 10 (ND30), or the blank of a draft."""
    return BLANK if day is None else f"{day:02d}"


def month_text(month: int | None) -> str:
    """The month, with a leading zero for January and February only (ND30), or a draft's blank."""
    if month is None:
        return BLANK
    return f"{month:02d}" if month <= 2 else str(month)


def date_line(date: DocumentDate) -> str:
    """ "ngày 08 tháng 01 năm 2027", or "ngày     tháng 7 năm 2026" on a draft (BLANK)."""
    return f"ngày {day_text(date.day)} tháng {month_text(date.month)} năm {date.year}"


def place_date_line(place: str, date: DocumentDate) -> str:
    """The ô 4 line: place name, a comma, then the date line."""
    return f"{place}, {date_line(date)}"
