"""The front matter of a document: its schema as data, and validation into a typed record."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from baocao import codes
from baocao.money.dates import DocumentDate
from baocao.money.words import WordsStyle
from baocao.parse.frontyaml import load_front_matter
from baocao.parse.kinds import Kind, kinds
from baocao.parse.syntax import unit_line
from baocao.problems import Code, Position, Problem

# key → (Vietnamese label for messages, kind, required). The README documents the same table.
SCHEMA: dict[str, tuple[str, str, bool]] = {
    "co_quan_chu_quan": ("tên cơ quan chủ quản", "lines", False),
    "co_quan": ("tên cơ quan ban hành", "lines", True),
    "ten_co_quan": ("tên cơ quan viết trong câu (“Ủy ban nhân dân Xã …”)", "text", False),
    "so": ("số văn bản", "number", False),
    "ky_hieu": ("ký hiệu văn bản", "text", False),
    "dia_danh": ("địa danh", "text", True),
    "ngay": ("ngày ban hành", "date", True),
    "loai": ("tên loại văn bản", "text", True),
    "trich_yeu": ("trích yếu nội dung", "text", True),
    "tham_quyen": ("dòng thẩm quyền ban hành", "lines", False),
    "ky_hop": ("dòng khóa, kỳ họp", "text", False),
    "can_cu": ("căn cứ ban hành", "lines", False),
    "kinh_gui": ("nơi kính gửi", "lines", False),
    "nguoi_ky": ("người ký", "signer", True),
    "thu_ky": ("họ tên thư ký", "text", False),
    "lien_tich": ("cơ quan liên tịch", "joint", False),
    "noi_nhan": ("nơi nhận", "lines", True),
    "phu_luc": ("phụ lục", "mapping", False),
    "chu_so": ("cách đọc số bằng chữ", "words", False),
}
APPENDIX_SCHEMA: dict[str, tuple[str, str, bool]] = {  # AppendixOptions
    "don_vi": ("đơn vị của bảng phụ lục (khi bảng không tự nêu)", "text", False),
    "kem_theo": ("dòng “(Kèm theo …)” thay cho dòng tự tạo", "text", False),
    "huong": ("hướng trang phụ lục: doc (dọc) hoặc ngang", "text", False),
}
# `phu_luc.huong` → whether the appendices are landscape; without it, each table's width decides.
APPENDIX_ORIENTATIONS = {"doc": False, "dọc": False, "do\u0323c": False, "ngang": True}
# A date whose last parts are still to fill, "2026-11-…" (the day) or "2026-…-…" (the month and
# the day), as `baocao nhap` writes a date the DOCX does not give: read as the parts written
# ("2026-11", a draft's date, printed with blanks); the placeholder check reports its "…" (draft).
DATE_TO_FILL = re.compile(r"(?:\s*-\s*(?:…|\.\.\.))+\s*$")
JOINT_SCHEMA: dict[str, tuple[str, str, bool]] = {  # Joint
    "co_quan": ("tên cơ quan liên tịch", "lines", True),
    "nguoi_ky": ("người ký của cơ quan liên tịch", "signer", True),
}
SIGNER_SCHEMA: dict[str, tuple[str, str, bool]] = {
    "quyen_han": ("thẩm quyền ký (TM., KT., …)", "lines", False),
    "chuc_vu": ("chức vụ người ký", "text", True),
    "ho_ten": ("họ tên người ký", "text", True),
}


@dataclass(frozen=True)
class Signer:
    """Who signs: the authority lines (TM. …, KT. …), the title, and the name."""

    authority: tuple[str, ...]
    title: str
    name: str


@dataclass(frozen=True)
class Joint:
    """The second agency of a liên tịch document, and who signs for it."""

    agency: tuple[str, ...]
    signer: Signer


@dataclass(frozen=True)
class AppendixOptions:
    """The front matter's `phu_luc`: the unit line for an appendix whose table does not state its
    unit, as it prints (`don_vi: triệu đồng` → "Đơn vị: Triệu đồng"), a "(Kèm theo …)" line to
    print as written instead of the one made from the front matter (`kem_theo`), and the
    appendices' page, forced portrait or landscape (`huong`; None: chosen from each appendix's
    widest table)."""

    unit_line: str | None = None
    attachment_line: str | None = None
    landscape: bool | None = None

    @classmethod
    def of(cls, options: Mapping[str, Any], reader: FrontMatterReader) -> AppendixOptions:
        """The options `phu_luc` gives, as `fields` read them; a `huong` that is neither "doc"
        nor "ngang" is a problem at its line (or at `phu_luc:`, written on one line)."""
        direction = options.get("huong")
        landscape = None
        if direction is not None:
            landscape = APPENDIX_ORIENTATIONS.get(direction.lower())
            if landscape is None:
                key = "huong" if reader.line_of("huong") is not None else "phu_luc"
                reader.problem(
                    codes.BAD_ORIENTATION,
                    key,
                    f"hướng trang phụ lục “{direction}” không rõ: ghi “huong: doc” (trang dọc) "
                    "hoặc “huong: ngang” (trang ngang)",
                    value=True,
                )
        unit = options.get("don_vi")
        return cls(unit_line(unit) if unit else None, options.get("kem_theo"), landscape)


@dataclass(frozen=True)
class FrontMatter:
    """A document's identity and frame: agency, number, date, type, subject, signer, recipients.

    `type` (`loai`) names its kind; `symbol` is the ký hiệu as written, or the kind's default."""

    agency: tuple[str, ...]
    symbol: str
    place: str
    date: DocumentDate
    type: str
    subject: str
    signer: Signer
    recipients: tuple[str, ...]
    parent_agency: tuple[str, ...] = ()
    number: int | None = None
    to: tuple[str, ...] = ()
    words: WordsStyle = field(default_factory=WordsStyle)
    appendix: AppendixOptions = field(default_factory=AppendixOptions)
    agency_name: str | None = None  # as running text writes it, when the editor gives it
    authority: tuple[str, ...] = ()  # "ỦY BAN NHÂN DÂN XÃ …" above the căn cứ
    session: str | None = None  # "KHÓA XXI, KỲ HỌP THỨ 12" under it (practice, not ND30)
    bases: tuple[str, ...] = ()  # căn cứ, "Theo đề nghị của …"
    secretary: str | None = None  # a biên bản's thư ký
    joint: Joint | None = None  # a liên tịch document's second agency
    symbol_written: bool = True  # False when `symbol` is the kind's default

    @cached_property
    def kind(self) -> Kind:
        """The kind `loai` names (templates/kinds.yaml); asked of every block as it is checked
        and rendered, so looked up once."""
        return kinds().by_name(self.type)

    @property
    def number_symbol(self) -> str:
        """ "Số: 125/BC-UBND"; numbers below 10 take a leading zero; a draft keeps the blank."""
        number = "\u00a0" * 6 if self.number is None else f"{self.number:02d}"
        return f"Số: {number}/{self.symbol}"


class FrontMatterReader:
    """Checks raw YAML data against SCHEMA, collecting every problem at the line and column of its
    key or value."""

    def __init__(self, path: Path, text: str, first_line: int) -> None:
        self.path = path
        self.text = text
        self.first_line = first_line
        self.problems: list[Problem] = []
        self.lines = text.splitlines()

    def line_of(self, key: str) -> int | None:
        """The index among the front matter's lines of the first that opens with `key:`."""
        return next(
            (k for k, line in enumerate(self.lines) if line.lstrip().startswith(f"{key}:")), None
        )

    def position(
        self, key: str | None = None, containing: str | None = None, value: bool = False
    ) -> Position:
        """Where `key` is: its line, at the key or, with `value`, at the value written after it on
        that line. With `containing`, the first line from there on that holds that text (in
        capitals or not), at that text. Without a key, or when it is not found, the front matter's
        first line."""
        at = self.line_of(key) if key is not None else None
        start, column = at or 0, 1
        if key is not None and at is not None:
            line = self.lines[at]
            column = len(line) - len(line.lstrip()) + 1  # the key's
            written = line[column + len(key) :].lstrip(" \t")  # what follows "key:"
            if value and written and not written.startswith("#"):
                column = len(line) - len(written) + 1
        if containing is not None:
            for offset in range(start, len(self.lines)):
                found = self.lines[offset].lower().find(containing.lower())
                if found >= 0:
                    return Position(self.path, self.first_line + offset, found + 1)
        return Position(self.path, self.first_line + start, column)

    def problem(
        self,
        code: Code,
        key: str | None,
        message: str,
        containing: str | None = None,
        value: bool = False,
    ) -> None:
        """A problem at `key` (or its value), or at the first text from there on that holds
        `containing`; at the front matter's first line without a key."""
        position = self.position(key, containing, value)
        self.problems.append(Problem(code, position, message))

    def read(self) -> FrontMatter | None:
        data, problems = load_front_matter(self.text, self.first_line)
        for problem in problems:
            position = Position(self.path, problem.line, problem.column)
            self.problems.append(Problem(problem.code, position, problem.message))
        if data is None and problems:
            return None
        data = data or {}
        if not isinstance(data, dict):
            self.problem(codes.NOT_KEYS, None, "phần đầu phải là các dòng “khóa: giá trị”")
            return None
        kind = kinds().by_name(str(data.get("loai") or ""))
        values = self.fields(data, SCHEMA, "", kind)
        signer = self.signer(values.get("nguoi_ky"), "nguoi_ky.")
        joint = None
        if isinstance(values.get("lien_tich"), dict):
            j = self.fields(values["lien_tich"], JOINT_SCHEMA, "lien_tich.")
            joint_signer = self.signer(j.get("nguoi_ky"), "lien_tich.nguoi_ky.")
            if "co_quan" in j and joint_signer is not None:
                joint = Joint(j["co_quan"], joint_signer)
        agencies = [values.get("co_quan", ())] + ([joint.agency] if joint else [])
        symbol = values.get("ky_hieu") or kinds().symbol(kind, agencies)
        if symbol is None and "loai" in values:
            self.problem(
                codes.MISSING_KEY,
                None,
                f"thiếu ký hiệu văn bản (“ky_hieu:”): loại “{kind.name}” không có ký hiệu mặc định",
            )
        appendix = AppendixOptions()
        if isinstance(values.get("phu_luc"), dict):
            options = self.fields(values["phu_luc"], APPENDIX_SCHEMA, "phu_luc.")
            appendix = AppendixOptions.of(options, self)
        if self.problems or signer is None or symbol is None:
            return None
        return FrontMatter(
            agency=values["co_quan"],
            symbol=symbol,
            place=values.get("dia_danh", ""),
            date=values["ngay"],
            type=values["loai"],
            subject=values["trich_yeu"],
            signer=signer,
            recipients=values.get("noi_nhan", ()),
            parent_agency=values.get("co_quan_chu_quan", ()),
            number=values.get("so"),
            to=values.get("kinh_gui", ()),
            words=values.get("chu_so", WordsStyle()),
            appendix=appendix,
            agency_name=values.get("ten_co_quan"),
            authority=values.get("tham_quyen", ()),
            session=values.get("ky_hop"),
            bases=values.get("can_cu", ()),
            secretary=values.get("thu_ky"),
            joint=joint,
            symbol_written="ky_hieu" in values,
        )

    def signer(self, data: object, prefix: str) -> Signer | None:
        """The signer a `nguoi_ky` mapping describes, if it is complete."""
        if not isinstance(data, dict):
            return None
        s = self.fields(data, SIGNER_SCHEMA, prefix)
        if "chuc_vu" in s and "ho_ten" in s:
            return Signer(s.get("quyen_han", ()), s["chuc_vu"], s["ho_ten"])
        return None

    def fields(
        self,
        data: Mapping[object, object],
        schema: dict[str, tuple[str, str, bool]],
        prefix: str,
        document: Kind | None = None,
    ) -> dict[str, Any]:
        """The values of `schema`'s keys in `data`, converted; a problem for each unknown key,
        missing required key (what the `document`'s kind requires or does without counted) or
        wrong value."""
        values: dict[str, Any] = {}
        for key in data:
            if key not in schema:
                self.problem(codes.UNKNOWN_KEY, str(key), _unknown(f"{key}", prefix, schema))
        for key, (label, kind, required) in schema.items():
            value = data.get(key)
            if value is None or value == "" or value == []:
                if document is not None and key in document.requires:
                    message = f"{document.title} cần {label} (“{prefix}{key}:”)"
                    self.problem(codes.MISSING_KEY, None, message)
                elif required and not (document is not None and key in document.optional):
                    self.problem(codes.MISSING_KEY, None, f"thiếu {label} (“{prefix}{key}:”)")
                continue
            converted = self.convert(key, label, kind, value)
            if converted is not None:
                values[key] = converted
        return values

    def convert(self, key: str, label: str, kind: str, value: Any) -> Any:
        if kind == "text" and isinstance(value, str | int | float):
            return str(value).strip()
        if kind == "lines":
            if isinstance(value, str):
                return tuple(line.strip() for line in value.splitlines() if line.strip())
            if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
                return tuple(str(v).strip() for v in value)
            if isinstance(value, list):  # "- Lưu: VT": YAML read a key and its value
                for item in value:
                    if isinstance(item, dict) and len(item) == 1:
                        ((name, rest),) = item.items()
                        written = f"{name}: {rest}" if rest is not None else f"{name}:"
                        self.problem(
                            codes.YAML_QUOTES,
                            key,
                            f"{label} (“{key}:”): dòng “{written}” có dấu hai chấm: đặt cả dòng "
                            f'trong ngoặc kép, ví dụ - "{written}"',
                            containing=f"{name}:",
                        )
                        return None
        if (
            kind == "number"
            and isinstance(value, int)
            and not isinstance(value, bool)
            and value > 0
        ):
            return value
        if kind == "date" and isinstance(value, str):
            value = DATE_TO_FILL.sub("", value) or value  # "2026-11-…": the day still to fill
        readers = {"date": DocumentDate.parse, "words": WordsStyle.from_front_matter}
        if kind in readers:
            try:
                return readers[kind](value)
            except ValueError as exc:
                code = codes.BAD_DATE if kind == "date" else codes.BAD_WORDS_STYLE
                self.problem(code, key, f"{label}: {exc}", value=True)
                return None
        if kind in ("signer", "mapping", "joint") and isinstance(value, dict):
            return value
        expected = {
            "text": "một dòng chữ",
            "lines": "một danh sách, mỗi dòng bắt đầu bằng “- ”",
            "number": "một số nguyên dương (bỏ trống khi chưa có số)",
            "signer": "các khóa quyen_han, chuc_vu, ho_ten",
            "mapping": "các khóa " + ", ".join(APPENDIX_SCHEMA),
            "joint": "các khóa " + ", ".join(JOINT_SCHEMA),
        }[kind]
        self.problem(codes.WRONG_VALUE, key, f"{label} (“{key}:”) phải là {expected}", value=True)
        return None


def _unknown(key: str, prefix: str, schema: Mapping[str, object]) -> str:
    """An unknown key's message: the key it is closest to, as a typo ("trich_yue" for
    "trich_yeu"), or else every key there is."""
    import difflib  # only when a key is unknown

    close = difflib.get_close_matches(key, list(schema), n=1, cutoff=0.75)
    if close:
        return f"khóa “{prefix}{key}” không có trong phần đầu: có phải “{prefix}{close[0]}”?"
    return f"khóa “{prefix}{key}” không có trong phần đầu (các khóa: {', '.join(schema)})"
