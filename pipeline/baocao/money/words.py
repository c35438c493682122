"""Numbers in Vietnamese words, both ways, by the rules R1–R13 of docs/number-words.md.

A report states amounts twice, in figures and in words ("Bằng chữ: Mười tỷ, chín trăm sáu mươi
triệu đồng"); a mismatch between the two is the error an auditor finds first. No package reads
Vietnamese amounts correctly (num2words drops "không trăm", goes through float, reads −1 as
"mười chín"), so the writer and the reader are ours.

Style options, for `--style` and the `chu_so` front-matter key (names are ASCII, case-insensitive;
the Vietnamese spellings "lẻ", "bốn", "ngàn", "tỉ", "không phẩy", "chẵn" are accepted too):

    le          "lẻ" instead of "linh" (một trăm lẻ năm)
    bon         "bốn" instead of "tư" after "mươi" (hai mươi bốn)
    ngan        "ngàn" instead of "nghìn"
    ti          "tỉ" instead of "tỷ"
    khong-phay  no commas between the groups of the document form (R12)
    chan        a trailing "chẵn" after "đồng" in the document form (… triệu đồng chẵn); the
                convention does not say where it goes, and "đồng chẵn" is how amounts are written

The reader (`read_words`) reads every form the writer produces under every option, decimals with
a scale ("chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ"), and reports every issue of a phrase, each
with the correct reading, reading on past each one. A variant is a spelling in real use whose
number is certain: "một" after "mươi", "nhăm", the options' words where the document writes the
other ("lẻ" for "linh", "ngàn", "tỉ", "bốn"/"tư" after "mươi"), and the informal forms the
convention lists (no "không trăm": "một nghìn linh một" = 1.001; repeated scale words: "một nghìn
tỷ không trăm linh năm tỷ" = 1.005.000.000.000); a warning for check. An error is what R13 forbids
and what a reader could take for another number ("hai mươi năm", "một trăm năm" is 150 in speech,
"một tỷ năm" 1,5 tỷ). docs/number-words.md, "The reader", lists them all.

One ambiguity is the convention's own: from 10^21 up, the nested reading of R9 can spell the same
words as the informal repeated scale ("một nghìn tỷ không trăm linh năm tỷ" is also how R9 reads
1.000.000.000.005.000.000.000); the reader follows the document and takes the informal value,
so words → number → words is exact for every integer of magnitude up to 10^21.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal

from baocao.money.amount import EXACT, MAX_DIGITS, shown

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 10**9


class WordsError(ValueError):
    """Words that do not read as a number under the convention; the message says why."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"“{shown(text, 80)}” không đọc được thành số: {reason}")
        self.text = text
        self.reason = reason


# option name → (WordsStyle field, value it sets)
_OPTIONS = {
    "le": ("le", True),
    "bon": ("bon", True),
    "ngan": ("ngan", True),
    "ti": ("ti", True),
    "khong-phay": ("commas", False),
    "chan": ("chan", True),
}


def _option_key(name: str) -> str:
    """ "Không phẩy", "khong_phay", "KHONG-PHAY" → "khong-phay": accents, case, separators off."""
    text = unicodedata.normalize("NFD", name.strip().casefold()).replace("đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s_-]+", "-", text)


@dataclass(frozen=True)
class WordsStyle:
    """How to write numbers in words; the default is the formal Northern style of the convention."""

    le: bool = False
    bon: bool = False
    ngan: bool = False
    ti: bool = False
    commas: bool = True
    chan: bool = False

    @classmethod
    def from_options(cls, names: Iterable[str]) -> WordsStyle:
        """The style with the named options on (see the module docstring for the names)."""
        values: dict[str, bool] = {}
        for name in names:
            key = _option_key(name)
            if not key:
                continue
            if key not in _OPTIONS:
                raise ValueError(
                    f"không có cách đọc số “{name.strip()}”: dùng {', '.join(_OPTIONS)}"
                )
            attribute, value = _OPTIONS[key]
            values[attribute] = value
        return cls(**values)

    @classmethod
    def parse(cls, text: str) -> WordsStyle:
        """The style from a comma-separated list: "le,ngan,khong-phay"; "" is the default."""
        return cls.from_options(text.split(","))

    @classmethod
    def from_front_matter(cls, value: object) -> WordsStyle:
        """The style from the `chu_so` key: absent, "le, ngan", [le, ngan] or {le: true, …}."""
        if value is None:
            return cls()
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, Mapping):
            chosen = []
            for name, on in value.items():
                if not isinstance(name, str) or not isinstance(on, bool):
                    raise ValueError(
                        f"chu_so: “{name}: {on}” phải là tên cách đọc số với true hoặc false"
                    )
                if on:
                    chosen.append(name)
                else:
                    cls.from_options([name])  # an unknown name is an error even when off
            return cls.from_options(chosen)
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return cls.from_options(value)
        raise ValueError(
            f"chu_so phải là danh sách tên cách đọc số ({', '.join(_OPTIONS)}), "
            f"không phải “{value}”"
        )

    @property
    def names(self) -> tuple[str, ...]:
        """The option names that give this style back through `from_options`."""
        default = WordsStyle()
        return tuple(
            name
            for name, (attribute, _) in _OPTIONS.items()
            if getattr(self, attribute) != getattr(default, attribute)
        )

    @property
    def linh(self) -> str:
        return "lẻ" if self.le else "linh"

    @property
    def scales(self) -> dict[int, str]:
        """The scale word of each power of ten: nghìn (ngàn), triệu, tỷ (tỉ)."""
        return {3: "ngàn" if self.ngan else "nghìn", 6: "triệu", 9: "tỉ" if self.ti else "tỷ"}


assert {f.name for f in fields(WordsStyle)} == {a for a, _ in _OPTIONS.values()}


# ---------------------------------------------------------------------------------------------
# Writing


def _group(n: int, full: bool, style: WordsStyle) -> list[str]:
    """One group of three digits (R1–R6); `full` reads "không trăm" and "linh" as R6 wants."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = [DIGITS[hundreds], "trăm"] if full or hundreds else []
    if tens == 0:
        if units:
            words += [style.linh, DIGITS[units]] if words else [DIGITS[units]]
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens >= 2 else "một")
    elif units == 4:
        words.append("tư" if tens >= 2 and not style.bon else "bốn")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _parts(n: int, style: WordsStyle, leading: bool = True) -> list[list[str]]:
    """The top-level parts of a positive integer: "<số> tỷ", "<nhóm> triệu", "<nhóm> nghìn", …

    R12 puts its commas between these parts; the number of tỷ is read whole inside its part (R9).
    """
    parts: list[list[str]] = []
    if n >= BILLION:
        count, n = divmod(n, BILLION)
        parts.append([*_words(count, style), style.scales[9]])
        leading = False
    for exponent in (6, 3, 0):
        group = n // 10**exponent % 1000
        if group:
            words = _group(group, full=not leading, style=style)
            parts.append([*words, style.scales[exponent]] if exponent else words)
            leading = False
    return parts


def _words(n: int, style: WordsStyle) -> list[str]:
    """A non-negative integer as words, without commas."""
    return [w for part in _parts(n, style) for w in part] if n else ["không"]


def _split(n: int | Decimal) -> tuple[bool, int, str]:
    """Sign, integer part and fraction digits (trailing zeros dropped) of an exact number."""
    if isinstance(n, bool) or not isinstance(n, int | Decimal):
        raise TypeError(f"chỉ đọc được số nguyên hoặc Decimal, không phải {type(n).__name__}")
    if isinstance(n, int):
        return n < 0, abs(n), ""
    if not n.is_finite():
        raise ValueError(f"“{n}” không phải số hữu hạn")
    sign, digits, exponent = n.as_tuple()
    assert isinstance(exponent, int)  # finite: not the "n", "N" or "F" of NaN and infinity
    text = "".join(map(str, digits))
    if exponent >= 0:
        text += "0" * exponent
        whole, fraction = text, ""
    else:
        whole, fraction = text[:exponent] or "0", text[exponent:].rjust(-exponent, "0")
    fraction = fraction.rstrip("0")
    whole_value = int(whole)
    return bool(sign) and (whole_value > 0 or bool(fraction)), whole_value, fraction


def _fraction(digits: str, style: WordsStyle) -> list[str]:
    """The digits after "phẩy", per R11 (SGK Toán 5)."""
    if len(digits) == 2 and digits[0] == "0":
        return ["không", DIGITS[int(digits[1])]]
    if len(digits) in (2, 3):
        return _group(int(digits), full=len(digits) == 3, style=style)
    return [DIGITS[int(d)] for d in digits]


def read_number(n: int | Decimal, style: WordsStyle = WordsStyle()) -> str:
    """The plain lower-case reading of a number (R1–R11), without commas or currency.

    read_number(1005000) == "một triệu không trăm linh năm nghìn";
    read_number(Decimal("-2.35")) == "âm hai phẩy ba mươi lăm".
    """
    negative, whole, fraction = _split(n)
    words = (["âm"] if negative else []) + _words(whole, style)
    if fraction:
        words += ["phẩy", *_fraction(fraction, style)]
    return " ".join(words)


def amount_in_words(dong: int | Decimal, style: WordsStyle = WordsStyle()) -> str:
    """An amount in đồng as a document writes it in words (R12).

    amount_in_words(10_960_000_000) == "Mười tỷ, chín trăm sáu mươi triệu đồng". With the
    "chan" option a whole amount ends in "đồng chẵn"; an amount with a fraction of a đồng
    never does.
    """
    negative, whole, fraction = _split(dong)
    parts = [" ".join(part) for part in _parts(whole, style)] if whole else ["không"]
    text = (", " if style.commas else " ").join(parts)
    if fraction:
        text += " phẩy " + " ".join(_fraction(fraction, style))
    if negative:
        text = "âm " + text
    text = text[0].upper() + text[1:] + " đồng"
    return text + " chẵn" if style.chan and not fraction else text


# ---------------------------------------------------------------------------------------------
# Reading

_DIGIT_VALUES = {word: value for value, word in enumerate(DIGITS)}
_SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
_LINH = {"linh", "lẻ"}
# What R13 forbids in place of a number word: the words it stands for ("" for the document's
# linh), and why; the reader reads on with those words and reports an error.
_FORBIDDEN = {
    "hăm": (("hai", "mươi"), "“hăm” không dùng trong văn bản (R13)"),
    "băm": (("ba", "mươi"), "“băm” không dùng trong văn bản (R13)"),
    "bẩy": (("bảy",), "“bẩy” là lỗi chính tả (R13)"),
    "lẽ": (("",), "“lẽ” là lỗi chính tả (R13)"),
}
_KNOWN = {
    *_DIGIT_VALUES,
    *_SCALES,
    *_LINH,
    *_FORBIDDEN,
    "mốt",
    "tư",
    "lăm",
    "nhăm",
    "mười",
    "mươi",
    "trăm",
    "phẩy",
    "âm",
}
_LABEL = re.compile(r"^(?:số tiền\s+)?(?:(?:viết\s+)?bằng chữ)\s*:?\s*")
_ENDING = re.compile(r"\s*(?:\./\.|\.)$")


def _tokens(text: str) -> list[str]:
    """The words of an amount: label, parentheses, final dot, commas, "đồng" and "chẵn" removed."""
    s = unicodedata.normalize("NFC", text).casefold().strip()
    previous = None
    while s != previous:
        previous = s
        s = _LABEL.sub("", s)
        s = _ENDING.sub("", s).strip()
        if s.startswith("(") and s.endswith(")"):
            s = s[1:-1].strip()
    words = s.replace(",", " ").split()
    for ending in ("chẵn", "đồng", "chẵn"):
        if words and words[-1] == ending:
            words.pop()
    return words


@dataclass(frozen=True)
class WordsIssue:
    """One problem of hand-typed words: the words as typed, why, and how to write them.

    A `variant` is a spelling in real use whose number is certain ("chín mươi một", "lẻ" in a
    document that writes "linh"): a warning. Anything else is an error: a spelling the convention
    refuses, or one a reader could take for another number ("hai mươi năm", "một trăm năm").
    `correct` is the standard reading of the same words ("" when they are to be left out);
    `alternative` the other reading of an ambiguous spelling."""

    typed: str
    reason: str
    correct: str
    variant: bool = False
    alternative: str = ""

    def __str__(self) -> str:
        if not self.correct:
            return f"“{self.typed}”: {self.reason}; bỏ “{self.typed}”"
        other = f" hoặc “{self.alternative}”" if self.alternative else ""
        return f"“{self.typed}”: {self.reason}; viết “{self.correct}”{other}"


@dataclass(frozen=True)
class Reading:
    """What hand-typed words state: the value, every issue found, and the scale a decimal was
    read in ("chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ": 9; otherwise 0)."""

    value: Decimal
    issues: tuple[WordsIssue, ...] = ()
    exponent: int = 0

    @property
    def errors(self) -> tuple[WordsIssue, ...]:
        return tuple(i for i in self.issues if not i.variant)

    @property
    def variants(self) -> tuple[WordsIssue, ...]:
        return tuple(i for i in self.issues if i.variant)


# A note on the group being read: reason, whether a variant, and the correct reading when it is
# not the group's standard one (with the other reading of an ambiguous spelling).
_Note = tuple[str, bool, tuple[str, str] | None]


class _Reader:
    """Words → value. It reads on past every problem it can, noting each (`issues`), and gives up
    only where the words do not say a number (`fatal`), having collected every reason."""

    def __init__(self, text: str, style: WordsStyle) -> None:
        self.text = text
        self.style = style
        self.issues: list[WordsIssue] = []
        self.fatal: list[str] = []
        self.notes: list[_Note] = []

    def fail(self, reason: str) -> WordsError:
        return WordsError(self.text, reason)

    def note(
        self, reason: str, variant: bool = False, correct: tuple[str, str] | None = None
    ) -> None:
        self.notes.append((reason, variant, correct))

    def issue(self, issue: WordsIssue) -> None:
        if issue not in self.issues:
            self.issues.append(issue)

    def spelling(self, word: str, standard: str) -> None:
        """A variant word where the document's style writes another ("lẻ" for "linh")."""
        if word != standard:
            reason = "văn bản này chọn cách đọc khác (chu_so)"
            self.issue(WordsIssue(word, reason, standard, variant=True))

    def digit(self, word: str, lowest: int = 0) -> int:
        """The value of a plain digit word, at least `lowest`."""
        value = _DIGIT_VALUES.get(word)
        if value is None or value < lowest:
            raise self.fail(f"cần một chữ số ở chỗ “{word}”")
        return value

    def units_after_ten(self, word: str, after: str) -> int:
        """The units after "mười" (R2, R3, R4) or after "X mươi" (R2, R3, R4, nhăm)."""
        if word == "lăm":
            return 5
        if word == "nhăm":
            self.note("“nhăm” là cách nói, văn bản viết “lăm” (R13)", variant=True)
            return 5
        if after == "mười":
            if word == "tư":
                self.note("“mười tư” không dùng trong văn bản (R13)")
                return 4
            if word == "mốt":
                self.note("sau “mười” viết “một”, không viết “mốt” (R2)")
                return 1
        else:
            if word == "tư":
                if self.style.bon:
                    self.note("văn bản này viết “bốn” sau “mươi” (chu_so)", variant=True)
                return 4
            if word == "bốn":
                if not self.style.bon:
                    self.note("sau “mươi” văn bản viết “tư” (R4)", variant=True)
                return 4
            if word == "mốt":
                return 1
            if word == "một":
                self.note("sau “mươi” viết “mốt” (R2)", variant=True)
                return 1
        if word == "năm":
            self.note(f"sau “{after}” viết “lăm”, không viết “năm” (R3)")
            return 5
        return self.digit(word, lowest=1)

    def group(
        self, words: list[str], leading: bool, final: bool = True, fraction: bool = False
    ) -> int:
        """One group of up to three digits. A non-leading group needs its hundreds (R6) or, in
        the informal form, begins with "linh", "mười", "X mươi", or is one digit right before a
        scale word ("một tỷ hai triệu"); a lone final digit ("một tỷ năm") is 1,5 tỷ in speech."""
        value, rest, hundreds = 0, words, False
        if len(words) >= 2 and words[1] == "trăm":
            value, rest, hundreds = self.digit(words[0]) * 100, words[2:], True
            if value == 0 and leading and not fraction:
                self.note("số không bắt đầu bằng “không trăm” (R6)")
        if not rest:
            if not hundreds:
                raise self.fail("thiếu chữ số")
            if value == 0 and not fraction:
                self.note("nhóm toàn số không thì bỏ hẳn, không đọc “không trăm” (R7)")
            return value
        informal = not leading and not hundreds and not fraction
        first, after = rest[0], rest[1:]
        if first in _LINH:
            self.spelling(first, self.style.linh)
            if leading and not hundreds:
                self.note(f"“{first}” chỉ đứng sau “trăm” hoặc sau “nghìn”, “triệu”, “tỷ” (R5)")
            if len(after) != 1:
                raise self.fail(f"sau “{first}” là đúng một chữ số (R5)")
            last = after[0]
            if last == "tư":
                self.note(f"sau “{first}” viết “bốn”, không viết “tư” (R4)")
                digit = 4
            elif last in ("mốt", "lăm", "nhăm"):
                self.note(f"sau “{first}” viết “một”, “năm”, không viết “{last}” (R2, R3)")
                digit = 1 if last == "mốt" else 5
            else:
                digit = self.digit(last, lowest=1)
            if informal:
                self.informal()
            return value + digit
        if first == "mười":
            if len(after) > 1:
                raise self.fail(f"thừa “{' '.join(after[1:])}” sau “mười {after[0]}”")
            tail = self.units_after_ten(after[0], "mười") if after else 0
            if informal:
                self.informal()
            return value + 10 + tail
        if first in _DIGIT_VALUES and after and after[0] in ("mươi", "mốt"):
            tens = self.digit(first, lowest=1)
            if after[0] == "mốt":  # "hai mốt": "mươi" left out
                if len(after) > 1 or tens < 2:
                    raise self.fail(f"không hiểu “{' '.join(words)}”")
                self.note(f"“{first} mốt” không dùng trong văn bản (R13)")
                return value + 10 * tens + 1
            if tens == 1:
                self.note("hàng chục 1 đọc “mười”, không đọc “một mươi” (R1)")
            if len(after) > 2:
                raise self.fail(f"thừa “{' '.join(after[2:])}” sau “{first} mươi {after[1]}”")
            tail = self.units_after_ten(after[1], "mươi") if len(after) > 1 else 0
            if informal:
                self.informal()
            return value + 10 * tens + tail
        if first in ("mốt", "tư", "lăm", "nhăm"):
            if not hundreds or after:
                raise self.fail(f"“{first}” chỉ đứng sau “mươi” hoặc “mười” (R2–R4)")
            tens = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}[first]  # "một trăm tư" is 140
            self.note(f"“trăm {first}” là cách nói tắt, văn bản đọc đủ hàng chục (R2–R4)")
            return value + 10 * tens
        if first in _DIGIT_VALUES and not after:
            units = self.digit(first, lowest=1)
            if hundreds:  # "một trăm năm": 105 as written, 150 in speech
                speech = value + 10 * units
                self.note(
                    f"“trăm {first}” đọc được hai cách, {value + units} hoặc {speech} (R5)",
                    correct=(self.words(value + units, leading), self.words(speech, leading)),
                )
                return value + units
            if not leading and final:  # "một tỷ năm": 1,5 tỷ in speech
                self.note(
                    "sau “nghìn”, “triệu”, “tỷ”, chữ số cuối cùng đọc đủ nhóm; “… tỷ năm” còn "
                    "hiểu là 1,5 tỷ (R6)"
                )
                return units
            if informal:
                self.informal()
            return units
        raise self.fail(f"không hiểu “{' '.join(words)}”")

    def informal(self) -> None:
        self.note("nhóm sau “nghìn”, “triệu”, “tỷ” đọc đủ cả “không trăm” (R6)", variant=True)

    def words(self, value: int, leading: bool) -> str:
        """A group's standard reading."""
        return " ".join(_group(value, full=not leading, style=self.style))

    def checked(
        self, words: list[str], leading: bool, final: bool, exponent: int = 0, scale: str = ""
    ) -> int:
        """A group read by `group`, its notes turned into issues that quote the group with its
        scale word; a group that cannot be read counts 0 and its reason is kept."""
        self.notes = []
        try:
            value = self.group(words, leading, final)
        except WordsError as exc:
            self.fatal.append(exc.reason)
            return 0
        typed = " ".join([*words, scale] if scale else words)
        after = f" {self.style.scales[exponent]}" if exponent else ""
        standard = self.words(value, leading) + after if value else ""
        for reason, variant, correct in self.notes:
            if correct is None:
                self.issue(WordsIssue(typed, reason, standard, variant))
            else:
                first, other = correct
                self.issue(WordsIssue(typed, reason, first + after, variant, other + after))
        return value

    def scale(self, word: str) -> int:
        """A scale word's exponent; "ngàn", "tỉ" are variants unless the document writes them."""
        exponent = _SCALES[word]
        self.spelling(word, self.style.scales[exponent])
        return exponent

    def below_billion(self, words: list[str], leading: bool, final: bool) -> int:
        """A number below one tỷ: groups of triệu, nghìn and units, in that order; `final` when
        nothing follows it (not even "tỷ")."""
        value, group, last = 0, [], 9
        for word in [*words, ""]:
            exponent = self.scale(word) if word in _SCALES else None
            if exponent is None and word:
                group.append(word)
                continue
            if exponent is not None:
                if exponent >= last:
                    self.fatal.append(f"“{word}” đứng sai chỗ")
                    group = []
                    continue
                if not group:
                    self.fatal.append(f"thiếu số trước “{word}”")
                    continue
                last = exponent
            if group:
                ends = final and exponent is None
                count = self.checked(group, leading, ends, exponent or 0, word)
                value += count * 10 ** (exponent or 0)
                group, leading = [], False
        return value

    def integer(self, words: list[str]) -> int:
        """A whole number: parts ending in "tỷ", nested (R9) or repeated (informal), then more."""
        if words == ["không"]:
            return 0
        value, segment, repeated = 0, [], False
        for word in words:
            if _SCALES.get(word) != 9:
                segment.append(word)
                continue
            self.scale(word)
            if not segment:
                if not value:
                    self.fatal.append(f"thiếu số trước “{word}”")
                value *= BILLION  # "một tỷ tỷ", "một nghìn tỷ tỷ"
                continue
            count = self.below_billion(segment, leading=not value, final=False)
            below = next(p for p in (1000, 10**6, BILLION) if count < p)
            if value and value % (BILLION * below) == 0:
                value += count * BILLION  # repeated scale: "một nghìn tỷ không trăm linh năm tỷ"
                repeated = True
            else:
                value = (value + count) * BILLION  # nested count of tỷ (R9)
            segment = []
        if segment:
            value += self.below_billion(segment, leading=not value, final=True)
        if not value and not self.fatal:
            self.fatal.append("thiếu số")
        if repeated and not self.fatal:
            self.issue(
                WordsIssue(
                    " ".join(words),
                    "“tỷ” lặp lại là cách viết không đầy đủ: số tỷ đọc thành một số (R9)",
                    " ".join(_words(value, self.style)),
                    variant=True,
                )
            )
        return value

    def fraction(self, words: list[str]) -> str:
        """The digits after "phẩy": digit by digit, or a number of two or three digits (R11)."""
        if not words:
            self.fatal.append("thiếu chữ số sau “phẩy”")
            return "0"
        if all(w in _DIGIT_VALUES for w in words):
            return "".join(str(_DIGIT_VALUES[w]) for w in words)
        self.notes = []
        try:
            if "trăm" in words:
                digits = f"{self.group(words, leading=False, fraction=True):03d}"
            else:
                digits = f"{self.group(words, leading=True, fraction=True):02d}"
        except WordsError as exc:
            self.fatal.append(exc.reason)
            return "0"
        standard = " ".join(_fraction(digits, self.style))
        for reason, variant, _ in self.notes:
            self.issue(WordsIssue(" ".join(words), reason, standard, variant))
        return digits

    def read(self, words: list[str]) -> Reading:
        if not words:
            raise self.fail("không có chữ số nào")
        unknown = [w for w in dict.fromkeys(words) if w not in _KNOWN]
        if unknown:
            raise self.fail("; ".join(f"“{w}” không phải từ chỉ số" for w in unknown))
        words = self.replace_forbidden(words)
        negative = words[0] == "âm"
        if negative:
            words = words[1:]
        if "âm" in words:
            raise self.fail("“âm” chỉ đứng đầu")
        whole, comma, fraction = _partition(words, "phẩy")
        if comma and "phẩy" in fraction:
            raise self.fail("có hai chữ “phẩy”")
        if not whole:
            raise self.fail("thiếu phần nguyên" + (" trước “phẩy”" if comma else ""))
        exponent = 0
        while comma and fraction and fraction[-1] in _SCALES:  # "… phẩy bốn mươi lăm tỷ"
            exponent += self.scale(fraction.pop())
        if any(w in _SCALES for w in fraction):
            raise self.fail("sau “phẩy” chỉ có các chữ số, rồi “nghìn”, “triệu”, “tỷ” ở cuối")
        value = Decimal(self.integer(whole))
        if comma:
            value = EXACT.add(value, Decimal("0." + self.fraction(fraction)))
        value = EXACT.scaleb(value, exponent).normalize(EXACT)
        if value == value.to_integral_value(context=EXACT):
            value = value.quantize(Decimal(1), context=EXACT)  # 9.7745E+11 → 977450000000
        if not self.fatal and value >= 10**MAX_DIGITS:
            self.fatal.append(f"số có hơn {MAX_DIGITS} chữ số, không phải một số tiền")
        if self.fatal:
            errors = [str(i) for i in self.issues if not i.variant]
            raise self.fail("; ".join([*errors, *self.fatal]))
        value = EXACT.minus(value) if negative and value else value
        return Reading(value, tuple(self.issues), exponent)

    def replace_forbidden(self, words: list[str]) -> list[str]:
        """R13's words replaced by what they stand for, each an error."""
        out: list[str] = []
        for word in words:
            if word not in _FORBIDDEN:
                out.append(word)
                continue
            stands, reason = _FORBIDDEN[word]
            stands = tuple(w or self.style.linh for w in stands)
            self.issue(WordsIssue(word, reason, " ".join(stands)))
            out.extend(stands)
        return out


def is_number_word(word: str) -> bool:
    """Whether `word` (any case) is a word of amounts in words: a digit, "mươi", "tỷ", "phẩy",
    "đồng", "chẵn", or one R13 forbids but the reader knows."""
    folded = unicodedata.normalize("NFC", word).casefold()
    return folded in _KNOWN or folded in ("đồng", "chẵn")


def _partition(words: list[str], separator: str) -> tuple[list[str], bool, list[str]]:
    if separator not in words:
        return words, False, []
    i = words.index(separator)
    return words[:i], True, words[i + 1 :]


def read_words(text: str, style: WordsStyle = WordsStyle()) -> Reading:
    """The number that hand-typed words state, with every issue found on the way.

    Errors and variants are both in `issues` (see WordsIssue); the value is what the words say
    once each issue is read as meant ("hai mươi năm" counts 25). Raises WordsError, with every
    reason found, only when the words do not say a number: a word that is no number word,
    scale words out of order. `style` is the document's: "lẻ" where it writes "linh" is a
    variant. Decimals may carry a scale: "chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ" is
    977.450.000.000.
    """
    return _Reader(text, style).read(_tokens(text))


def scaled_in_words(value: Decimal, exponent: int, style: WordsStyle = WordsStyle()) -> str:
    """An amount read as a number of nghìn, triệu or tỷ đồng, the way a decimal with a scale is
    typed: scaled_in_words(Decimal("977.45"), 9) == "Chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ
    đồng". Exponent 0 is amount_in_words."""
    if not exponent:
        return amount_in_words(value, style)
    scale = " ".join(_words(10**exponent, style)[1:])
    text = f"{read_number(value, style)} {scale} đồng"
    return text[0].upper() + text[1:]
