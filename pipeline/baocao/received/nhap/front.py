"""`baocao nhap`: the front matter of a received DOCX, read from its frame.

ND30 lays every document out the same way, and Word users build it the same way: a two-column
table holds the agency and the number (left) beside the national title and the place-date line
(right); the type ("BÁO CÁO") and the subject follow; a decision then has its authority line,
its căn cứ and "QUYẾT ĐỊNH:"; "Kính gửi: …" may come before the body; after it, a two-column
table (or plain paragraphs) holds "Nơi nhận:" and its lines beside the signer's authority (TM.,
KT., …), title and name. This module finds each of these by its words, not by its styles, so a
document typed by hand and one baocao built are read alike, and returns the front matter and
where the body lies between them. What it cannot find is written "…", a placeholder check
refuses until it is filled; a date it cannot find is dated as `baocao new` dates a draft, this
year and month, with its day "…" ("2026-11-…": it builds, printing the blanks, and check reports
the "…"). A date given in part ("ngày     tháng 7 năm 2026") comes through as typed ("2026-07").
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from typing import Any

from baocao.parse.kinds import kinds
from baocao.received.read.blocks import Block, Paragraph, Received, Table, plain

PLACEHOLDER = "…"
NATIONAL = re.compile(r"cộng\s+h(?:òa|oà)\s+xã\s+hội|độc\s+lập\s*[-–]\s*tự\s+do", re.IGNORECASE)
NUMBER = re.compile(r"Số\s*[:.]?[\s…\.]*(?P<number>\d*)[\s…\.]*/\s*(?P<symbol>[^\s,;]+)")
PLACE_DATE = re.compile(
    r"(?P<place>[^,\n]{0,60}?)\s*,\s*ngày\s*(?P<day>\d{0,2})[\s…\./]*tháng\s*(?P<month>\d{0,2})"
    r"[\s…\./]*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
# A place-date line, its date readable or not ("An Bình, ngày … tháng … năm …"): its place.
# A place is a few words, a date's parts a few characters apart: bounded, so that a long paragraph
# is searched in a time linear in its length.
UNDATED = re.compile(
    r"(?P<place>[^,\n]{0,60}?)\s*,\s*ngày.{0,40}?tháng.{0,40}?năm", re.IGNORECASE | re.DOTALL
)
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
LETTER_SUBJECT = re.compile(r"V/v\b", re.IGNORECASE)
RULE_LINE = re.compile(r"[-_=*.·\s]+")
SIGNER_START = re.compile(r"(?:TM|KT|TL|TUQ|Q)\.\s")
SECRETARY = ("THƯ KÝ",)
BASIS = re.compile(r"(?:căn\s+cứ|theo\s+đề\s+nghị|xét)\b", re.IGNORECASE)
SESSION = re.compile(r"(?:KHÓA|KHOÁ|KỲ\s+HỌP)\b")
TO = re.compile(r"kính\s+gửi\s*:?\s*", re.IGNORECASE)
RECIPIENTS = re.compile(r"nơi\s+nhận\s*:?\s*", re.IGNORECASE)
APPENDIX = re.compile(r"phụ\s+lục\b.{0,40}", re.IGNORECASE)
PLACE_TYPES = ("XÃ ", "PHƯỜNG ", "THỊ TRẤN ", "THỊ XÃ ", "HUYỆN ", "QUẬN ", "TỈNH ",
               "THÀNH PHỐ ", "ĐẶC KHU ")  # fmt: skip


@dataclass
class Front:
    """The front matter found, in the order content writes it; where the body lies ([start,
    end) of the blocks) and where what follows the signature starts."""

    values: dict[str, Any] = field(default_factory=dict)
    start: int = 0
    end: int = 0
    rest: int = 0


def read_front(received: Received, today: datetime.date | None = None) -> Front:
    """The front matter of a received DOCX and the stretch of its body; `today` dates it when
    the DOCX gives no date (its day left "…")."""
    blocks = list(received.blocks)
    found: dict[str, Any] = {}
    at = _header(blocks, found)
    at = _type_and_subject(blocks, at, found)
    if "loai" not in found:  # no type line: the kind its title names, the title its subject
        at = _titled(blocks, at, found)
    kind = kinds().by_name(str(found.get("loai", "")))
    if kind.form == "decision":
        at = _decision(blocks, at, found)
    at = _to(blocks, at, found)
    end = next((k for k in range(at, len(blocks)) if _signature_starts(blocks[k])), len(blocks))
    rest = next((k for k in range(end, len(blocks)) if _after_signature(blocks[k])), len(blocks))
    _signature(blocks[end:rest], found)
    if "nguoi_ky" not in found and end == rest:  # no signature block: its last two lines
        end = _signed_below(blocks, at, end, found)
    if "ngay" not in found:  # a biên bản has no place-date line: its meeting's date
        for block in blocks[at:end][:6]:
            match = DATE.search(block.text) if isinstance(block, Paragraph) else None
            if match:
                found["ngay"] = _date(match.group(3), match.group(2), match.group(1))
                break
    if "ngay" not in found:
        found["ngay"] = _latest_month(blocks[at:end], today) or undated(today)
    return Front(_ordered(found, kind.form), at, end, rest)


def undated(today: datetime.date | None = None) -> str:
    """The date of a document whose frame gives none, as `baocao new` dates a draft (this year
    and month), its day "…" still to fill."""
    return f"{(today or datetime.date.today()):%Y-%m}-{PLACEHOLDER}"


def _lines(block: Block) -> list[tuple[str, str]]:
    """A block's lines with their paragraph's style: a paragraph's, or a table's cells', row
    by row, left to right."""
    if isinstance(block, Paragraph):
        return [(line, block.style) for line in block.text.split("\n")]
    out = []
    for row in block.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs or (Paragraph(row.anchor, cell.text),):
                out += [(line, paragraph.style) for line in paragraph.text.split("\n")]
    return out


def _header(blocks: list[Block], found: dict[str, Any]) -> int:
    """The header block: a table with the national title, or the paragraphs before the type;
    where the rest begins."""
    for k, block in enumerate(blocks[:8]):
        if isinstance(block, Table) and any(NATIONAL.search(t) for t, _ in _lines(block)):
            left = [c.paragraphs for r in block.rows for c in r.cells[:1] if c.paragraphs]
            agency = [p for cell in left[:1] for p in cell]
            _agency([(line, p.style) for p in agency for line in p.text.split("\n")], found)
            _numbers([t for t, _ in _lines(block)], found)
            return k + 1
    zone: list[Paragraph] = []  # typed as paragraphs: up to the last line of the frame's
    for block in blocks[:10]:
        if not isinstance(block, Paragraph):
            break
        zone.append(block)
    framed = [
        k
        for k, p in enumerate(zone)
        if NATIONAL.search(p.text) or NUMBER.search(p.text) or UNDATED.search(p.text)
    ]
    end = framed[-1] + 1 if framed else 0
    lines = [line for p in zone[:end] for line in _lines(p)]
    _agency([(t, s) for t, s in lines if t.strip() == t.strip().upper()], found)
    _numbers([t for t, _ in lines], found)
    return end


def _agency(lines: list[tuple[str, str]], found: dict[str, Any]) -> None:
    agency: list[str] = []
    parent: list[str] = []
    for text, style in lines:
        line = " ".join(text.split())
        if not line or RULE_LINE.fullmatch(line) or NATIONAL.search(line):
            continue
        if NUMBER.match(line) or UNDATED.search(line) or LETTER_SUBJECT.match(line):
            continue
        (parent if style == "Parent Agency" else agency).append(line)
    if agency:
        found["co_quan"] = agency
    if parent:
        found["co_quan_chu_quan"] = parent


def _numbers(lines: list[str], found: dict[str, Any]) -> None:
    """Số and ký hiệu, the place and date, a công văn's "V/v …", wherever they stand."""
    for text in lines:
        line = " ".join(text.replace("\u00a0", " ").split())
        number = NUMBER.search(line)
        if number and "ky_hieu" not in found:
            found["ky_hieu"] = number["symbol"]
            if number["number"]:
                found["so"] = int(number["number"])
            line = line[number.end() :]
        date = PLACE_DATE.search(line)
        if date and "ngay" not in found:
            if date["place"].strip():
                found["dia_danh"] = date["place"].strip()
            found["ngay"] = _date(date["year"], date["month"], date["day"])
        elif (place := UNDATED.search(line)) and "dia_danh" not in found:
            if place["place"].strip():  # its date left for read_front to mark "…"
                found["dia_danh"] = place["place"].strip()
        if LETTER_SUBJECT.match(line) and "trich_yeu" not in found:
            found["trich_yeu"] = line
            found["loai"] = "CÔNG VĂN"


def _date(year: str, month: str, day: str) -> str:
    if month and day:
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{year}-{int(month):02d}" if month else year


def is_type_line(text: str) -> bool:
    """A type line: a kind's name, or a short line in capitals ("BÁO CÁO", "ĐỀ ÁN")."""
    line = plain(text)
    if not line or "\n" in text.strip() or NATIONAL.search(line):
        return False
    if any(line.upper() == k.name for k in kinds().known):
        return True
    words = line.split()
    return (
        line == line.upper()
        and any(c.isalpha() for c in line)
        and not any(c.isdigit() for c in line)
        and len(words) <= 6
        and not line.endswith(":")
        and not SIGNER_START.match(line)
    )


def _type_and_subject(blocks: list[Block], at: int, found: dict[str, Any]) -> int:
    if found.get("loai") == "CÔNG VĂN":  # its subject was "V/v …" in the header
        return at
    for k in range(at, min(at + 3, len(blocks))):
        block = blocks[k]
        if isinstance(block, Paragraph) and is_type_line(block.text):
            found["loai"] = plain(block.text).upper()
            after = blocks[k + 1] if k + 1 < len(blocks) else None
            if isinstance(after, Paragraph) and not _signature_starts(after):
                found["trich_yeu"] = " ".join(after.text.split())
                return k + 2
            return k + 1
    return at


# A kind a title names without its type line: "Kế hoạch tổ chức …" is a kế hoạch; a title on
# what was done or how things stand ("Kết quả …", "Tình hình …") is a báo cáo's.
REPORT_TITLE = re.compile(r"(?:kết\s+quả|tình\s+hình|sơ\s+kết|tổng\s+kết)\b", re.IGNORECASE)
TITLE_WORDS = 40
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _titled(blocks: list[Block], at: int, found: dict[str, Any]) -> int:
    """A title without a type line, its first paragraph: the kind it names ("Kế hoạch tổ chức
    …", or a báo cáo for "Kết quả …") and the title as the subject; where the body starts."""
    block = blocks[at] if at < len(blocks) else None
    if not isinstance(block, Paragraph) or _signature_starts(block):
        return at
    title = " ".join(plain(block.text).split())
    if not title or len(title.split()) > TITLE_WORDS or title.endswith((".", ";", ":")):
        return at
    folded = title.casefold()
    named = [k.name for k in kinds().known if folded.startswith(k.name.casefold())]
    if named:
        found["loai"] = max(named, key=len)
    elif REPORT_TITLE.match(folded):
        found["loai"] = "BÁO CÁO"
    else:
        return at
    found["trich_yeu"] = title
    return at + 1


def _signed_below(blocks: list[Block], at: int, end: int, found: dict[str, Any]) -> int:
    """A signer typed as the body's last two paragraphs, a title ("Người báo cáo", "TRƯỞNG
    THÔN") over a name: the signer, and where the body ends; `end` when there is none."""
    if end - at < 3:
        return end
    title, name = blocks[end - 2], blocks[end - 1]
    if not (isinstance(title, Paragraph) and isinstance(name, Paragraph)):
        return end
    role, who = plain(title.text), plain(name.text)
    words = who.split()
    if not (2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words)):
        return end
    if not role or len(role.split()) > 8 or any(c.isdigit() for c in role):
        return end
    if role.endswith((".", ";", ",")):
        return end
    found["nguoi_ky"] = {"chuc_vu": role.rstrip(":").strip(), "ho_ten": who}
    return end - 2


def _latest_month(blocks: list[Block], today: datetime.date | None) -> str | None:
    """The month of the latest date a body mentions ("ngày 15 tháng 11 năm 2026", "15/11/2026")
    that is not past today (a document is written after what it reports), its day "…": a guess
    the editor confirms."""
    limit = today or datetime.date.today()
    latest: datetime.date | None = None
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        for match in (*DATE.finditer(block.text), *NUMERIC_DATE.finditer(block.text)):
            day, month, year = (int(g) for g in match.groups())
            try:
                date = datetime.date(year, month, day)
            except ValueError:
                continue
            if date <= limit and (latest is None or date > latest):
                latest = date
    return f"{latest:%Y-%m}-{PLACEHOLDER}" if latest else None


def _decision(blocks: list[Block], at: int, found: dict[str, Any]) -> int:
    """A decision's authority line, session, căn cứ, up to its opening ("QUYẾT ĐỊNH:")."""
    authority: list[str] = []
    bases: list[str] = []
    for k in range(at, min(at + 40, len(blocks))):
        block = blocks[k]
        if not isinstance(block, Paragraph):
            return at
        text = " ".join(block.text.split())
        if text == text.upper() and text.endswith(":") and len(text.split()) <= 4:
            if authority:
                found["tham_quyen"] = authority
            if bases:
                found["can_cu"] = bases
            return k + 1
        if BASIS.match(text):
            bases.append(text.rstrip(";.,").strip())
        elif SESSION.match(text) and text == text.upper():
            found["ky_hop"] = text
        elif text == text.upper() and not bases:
            authority += [" ".join(line.split()) for line in block.text.split("\n") if line]
        else:
            return at
    return at


def _to(blocks: list[Block], at: int, found: dict[str, Any]) -> int:
    """ "Kính gửi: …" on one line, or "Kính gửi:" and its "- …;" lines."""
    block = blocks[at] if at < len(blocks) else None
    if not isinstance(block, Paragraph):
        return at
    match = TO.match(plain(block.text))
    if not match:
        return at
    first = plain(block.text)[match.end() :]
    lines = [first] if first else []
    lines += [plain(t) for t in block.text.split("\n")[1:] if t.strip()]
    at += 1
    while not first and at < len(blocks):
        after = blocks[at]
        if not isinstance(after, Paragraph) or not plain(after.text).startswith(("-", "+")):
            break
        lines.append(plain(after.text))
        at += 1
    items = [_item(line) for line in lines if _item(line)]
    if len(items) == 1 and first:
        found["kinh_gui"] = first
    elif items:
        found["kinh_gui"] = items
    return at


def _item(line: str) -> str:
    """A listed line without its dash and its closing ";" or "."."""
    return line.strip().lstrip("-+•–").strip().rstrip(";.,").strip()


def _signature_starts(block: Block) -> bool:
    for text, _ in _lines(block):
        line = plain(text)
        if RECIPIENTS.match(line) and line.casefold().startswith("nơi nhận"):
            return True
        if isinstance(block, Table) and (SIGNER_START.match(line) or line in SECRETARY):
            return True
        if isinstance(block, Paragraph) and SIGNER_START.match(line):
            return True
    return False


def _after_signature(block: Block) -> bool:
    """An appendix's heading, or the header of a document issued with the decision."""
    if isinstance(block, Paragraph):
        return bool(APPENDIX.fullmatch(plain(block.text)))
    return any(NATIONAL.search(t) for t, _ in _lines(block))


def _signature(blocks: list[Block], found: dict[str, Any]) -> None:
    """Nơi nhận and the signers, from the cells of signature tables or plain paragraphs."""
    groups: list[list[str]] = []
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                groups += [c.text.split("\n") for c in row.cells if c.text.strip() and not c.merged]
            continue
        lines = block.text.split("\n")
        text = plain(block.text)
        signs = SIGNER_START.match(text) or (_is_title(text) and not text.startswith(BULLETS))
        starts = RECIPIENTS.match(text) or (signs and groups and _is_recipients(groups[-1]))
        if not groups or starts:
            groups.append(lines)
        else:
            groups[-1] += lines
    signers: list[dict[str, Any]] = []
    for group in groups:
        lines = [plain(line) for line in group if plain(line)]
        if _is_recipients(lines):
            head = RECIPIENTS.match(lines[0])
            rest = [lines[0][head.end() :]] if head else []
            found["noi_nhan"] = [_item(x) for x in [*rest, *lines[1:]] if _item(x)]
            continue
        signer = _signer(lines)
        if signer is not None:
            signers.append(signer)
    secretary = next((s for s in signers if s["chuc_vu"] in SECRETARY), None)
    others = [s for s in signers if s is not secretary]
    if secretary is not None:
        found["thu_ky"] = secretary["ho_ten"]
    if others:
        found["nguoi_ky"] = others[-1]
    if len(others) > 1:
        found["lien_tich"] = {"nguoi_ky": others[0]}


BULLETS = ("-", "+", "•", "–")


def _is_title(text: str) -> bool:
    """A signer's title typed as a paragraph of its own: "CHỦ TỊCH", "TRƯỞNG BAN"."""
    return text == text.upper() and any(c.isalpha() for c in text) and "\n" not in text


def _is_recipients(lines: list[str]) -> bool:
    return bool(lines) and plain(lines[0]).casefold().startswith("nơi nhận")


def _signer(lines: list[str]) -> dict[str, Any] | None:
    """TM., KT. … lines, the title in capitals, the name; None when the lines are none of it."""
    authority: list[str] = []
    rest: list[str] = []
    for line in lines:
        if SIGNER_START.match(line) and not rest:
            authority.append(line)
        elif not (line.startswith("(") and line.endswith(")")):
            rest.append(line)
    titles = [x for x in rest if x == x.upper() and any(c.isalpha() for c in x)]
    names = [x for x in rest if x not in titles]
    if not titles and not authority:
        return None
    signer: dict[str, Any] = {}
    if authority:
        signer["quyen_han"] = authority
    signer["chuc_vu"] = titles[0] if titles else PLACEHOLDER
    signer["ho_ten"] = names[-1] if names else PLACEHOLDER
    return signer


def _ordered(found: dict[str, Any], form: str) -> dict[str, Any]:
    """The front matter in content's order, "…" where something required was not found."""
    joint = found.get("lien_tich")
    if joint is not None:  # the agency lines of both, split where the second agency's begin
        agency = list(found.get("co_quan", []))
        heads = [k for k, line in enumerate(agency) if not line.upper().startswith(PLACE_TYPES)]
        cut = heads[1] if len(heads) > 1 else len(agency)
        found["co_quan"] = agency[:cut] or [PLACEHOLDER]
        joint = {"co_quan": agency[cut:] or [PLACEHOLDER], **joint}
    out: dict[str, Any] = {}
    if "co_quan_chu_quan" in found:
        out["co_quan_chu_quan"] = found["co_quan_chu_quan"]
    out["co_quan"] = found.get("co_quan") or [PLACEHOLDER]
    if joint is not None:
        out["lien_tich"] = joint
    out["so"] = found.get("so")
    out["ky_hieu"] = found.get("ky_hieu", PLACEHOLDER)
    if form != "minutes":
        out["dia_danh"] = found.get("dia_danh", PLACEHOLDER)
    out["ngay"] = found["ngay"]  # read_front dates what the DOCX does not
    out["loai"] = found.get("loai", PLACEHOLDER)
    out["trich_yeu"] = found.get("trich_yeu", PLACEHOLDER)
    for key in ("tham_quyen", "ky_hop", "can_cu", "kinh_gui", "thu_ky"):
        if key in found:
            out[key] = found[key]
    if form == "minutes" and "thu_ky" not in out:
        out["thu_ky"] = PLACEHOLDER
    out["nguoi_ky"] = found.get("nguoi_ky") or {"chuc_vu": PLACEHOLDER, "ho_ten": PLACEHOLDER}
    out["noi_nhan"] = found.get("noi_nhan") or [PLACEHOLDER]
    return out


# ---------------------------------------------------------------------------------------------
# YAML

PLAIN_SCALAR = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*")
RESOLVED = re.compile(
    r"[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[\da-f]+|0o?[0-7]+|\.inf|\.nan)"
    r"|\d{4}-\d\d?-\d\d?.*|y|n|yes|no|on|off|true|false|null|~",
    re.IGNORECASE,
)


def scalar(value: object) -> str:
    """A value as YAML writes it: plain when that reads back as the same text, else quoted."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"\d{4}(?:-\d{2}){1,2}", text):
        return text  # a date, as content writes it
    if (
        PLAIN_SCALAR.fullmatch(text)
        and ": " not in text
        and not text.endswith((":", " "))
        and not RESOLVED.fullmatch(text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def front_yaml(values: dict[str, Any], indent: str = "") -> str:
    """A mapping of strings, numbers, lists and mappings as block YAML."""
    lines: list[str] = []
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.append(front_yaml(value, indent + "  "))
        elif isinstance(value, list):
            lines.append(f"{indent}{key}:")
            lines += [f"{indent}  - {scalar(item)}" for item in value]
        else:
            text = scalar(value)
            lines.append(f"{indent}{key}: {text}" if text else f"{indent}{key}:")
    return "\n".join(lines)
