"""The one reader of a citation, `{{ tien("pl.csdl", "tỷ", thap_phan=2) }}`, and of an id tag,
`{#de-xuat}` or `{#tong = nv-*}`.

A citation calls one of four functions with ids in quotes, then a unit if wanted, then the number
of decimals if wanted:

    {{ tien("pl.csdl") }}                       the amount in đồng: 1.000.000.000 đồng
    {{ so("pl.iv(4)", "pl.v(4)") }}             two cells added, as their table prints them
    {{ chu("ke-hoach-2027:pl.camera") }}        another document's amount, in words
    {{ tien_chu("nv-*", "tỷ", thap_phan=2) }}   every prose amount "nv-…", in tỷ, 2 decimals

Spaces and line ends may stand between any two of its parts; quotes are straight or curly (“ ”,
‘ ’), double or single, and spaces just inside them do not count. The unit is one that
baocao.money.amount.Form.parse accepts ("tỷ", "triệu đồng", "đ", "VNĐ"); the decimals are a whole
number from 0 to 9, last, alone or as `thap_phan=n`. An id follows the id rule (syntax.ID): a
prose amount's `de-xuat`, a table row's `pl.csdl`, that row in a column `pl.csdl(4)`, every prose
id with a prefix `nv-*`, and any of these after another document's name, `ke-hoach:pl.csdl`.

A tag names the amount typed right before it, `{#id}`, and may say what it is the sum of,
`{#id = a + b}`, each term an id as a citation writes it (without quotes).

What is read is handed on typed (baocao.parse.blocks: Citation, Tag, CitedId); anything else is
a `Misread`, with its code, the offset of the offending character in the text, and the editor's
message in Vietnamese. Nothing typed is ever run.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from baocao import codes
from baocao.money.amount import Form
from baocao.parse.blocks import Citation, CitedId, Place, Tag
from baocao.parse.syntax import CITATION_EXAMPLE, ID, ID_CHARACTERS, ID_RULE, suggested_name
from baocao.problems import Code

FUNCTIONS = ("tien", "so", "chu", "tien_chu")
DECIMALS = "thap_phan"
MAX_DECIMALS = 9
# Curly quotes, as a word processor types them, read as straight ones (one character for one).
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})

# An id within its document: a prose id, a table's row (in a column), or a prefix and "*"; each
# name in it follows the id rule (syntax.ID), and so does a document's name before a ":".
LOCAL_ID = re.compile(
    rf"(?P<prefix>{ID.pattern}-?)\*"
    rf"|(?P<id>{ID.pattern}(?:\.{ID.pattern}(?:\((?P<column>[1-9][0-9]*)\))?)?)"
)
WHOLE = re.compile(r"0+|[1-9][0-9]*")  # as Jinja read a whole number: "00" is 0, "007" none
Where = Callable[[int], Place]  # the place of a character of the text read, by its offset


class Misread(Exception):
    """Why a citation or a tag cannot be read: its code, the offset of the offending character
    in the text read, and the editor's message."""

    def __init__(self, code: Code, offset: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.offset = offset
        self.message = message


@dataclass(frozen=True)
class _Token:
    """A piece of a citation: a name, a number, a quoted string (its text without the quotes,
    at its opening quote), one of the marks "(", ")", ",", "=", another character, or the end."""

    kind: str
    text: str
    start: int

    def of(self, kind: str, text: str | None = None) -> bool:
        return self.kind == kind and (text is None or self.text == text)


def _name_character(character: str) -> bool:
    """A letter, a digit, "_", or a combining mark (a name typed decomposed stays a name)."""
    return (
        character.isalnum() or character == "_" or unicodedata.category(character).startswith("M")
    )


def _tokens(text: str, start: int, end: int, typed: str) -> list[_Token]:
    """The pieces of `text[start:end]`, spaces and line ends between them skipped."""
    found: list[_Token] = []
    at = start
    while at < end:
        character = text[at]
        if character.isspace():
            at += 1
        elif character in "\"'":
            close = text.find(character, at + 1, end)
            if close < 0:
                raise Misread(codes.CITATION_SYNTAX, at, _wrong(typed, "dấu ngoặc kép chưa đóng"))
            found.append(_Token("string", text[at + 1 : close], at))
            at = close + 1
        elif character.isdigit() or character.isalpha() or character == "_":
            stop = at + 1
            while stop < end and (_name_character(text[stop]) or text[stop] == "."):
                if text[stop] == "." and not character.isdigit():
                    break  # "tien.mro": a name, then a dot
                stop += 1
            kind = "number" if character.isdigit() else "name"
            found.append(_Token(kind, text[at:stop], at))
            at = stop
        else:
            found.append(_Token("mark" if character in "(),=" else "other", character, at))
            at += 1
    found.append(_Token("end", "", end))
    return found


def _shown(typed: str) -> str:
    """A citation or a tag as a message quotes it: on one line, and not too long."""
    one_line = " ".join(typed.split())
    return one_line if len(one_line) <= 70 else f"{one_line[:68]}…"


def _wrong(typed: str, reason: str) -> str:
    return f"“{_shown(typed)}” viết sai: {reason}; viết như {CITATION_EXAMPLE}"


def read_citation(typed: str, where: Where) -> Citation:
    """A citation as typed, "{{" to "}}", read; Misread when it is written wrong. `where` gives
    the place of each of its characters."""
    return _CallReader(typed, where).read()


class _CallReader:
    """One citation's pieces, read as a call: name, "(", arguments, ")"."""

    def __init__(self, typed: str, where: Where) -> None:
        self.typed = typed
        self.where = where
        self.tokens = _tokens(typed.translate(QUOTES), 2, len(typed) - 2, typed)

    def fail(self, code: Code, token: _Token, message: str) -> Misread:
        return Misread(code, token.start, message)

    def syntax(self, token: _Token, reason: str) -> Misread:
        return Misread(codes.CITATION_SYNTAX, token.start, _wrong(self.typed, reason))

    def read(self) -> Citation:
        tokens = self.tokens
        first = tokens[0]
        if first.of("end"):
            raise Misread(codes.CITATION_SYNTAX, 0, _wrong(self.typed, "trong “{{ }}” chưa có gì"))
        if not first.of("name") or not tokens[1].of("mark", "("):
            raise self.fail(
                codes.CITATION_SYNTAX,
                first,
                f"“{_shown(self.typed)}” không phải trích dẫn: trong {{{{ }}}} chỉ viết một hàm "
                f"({', '.join(FUNCTIONS)}) với mã khoản, ví dụ {CITATION_EXAMPLE}",
            )
        arguments, keywords, closing = self.arguments()
        after = tokens[closing + 1]
        if after.of("mark", ")"):
            raise self.syntax(after, "thừa dấu “)”")
        if not after.of("end"):
            raise self.syntax(after, "sau dấu “)” không viết thêm gì")
        name = first.text
        if name not in FUNCTIONS:
            close = difflib.get_close_matches(name, FUNCTIONS, n=1, cutoff=0.5)
            hint = f" — có phải “{close[0]}”?" if close else ""
            raise self.fail(
                codes.UNKNOWN_FUNCTION,
                first,
                f"không có hàm “{name}” (có: {', '.join(FUNCTIONS)}){hint}",
            )
        return self.call(name, arguments, keywords, tokens[closing])

    def arguments(self) -> tuple[list[_Token], list[tuple[_Token, _Token]], int]:
        """The arguments between the brackets: constants, and `name=value` pairs; and where the
        closing bracket is among the tokens. A trailing comma is allowed."""
        tokens = self.tokens
        arguments: list[_Token] = []
        keywords: list[tuple[_Token, _Token]] = []
        at = 2
        while True:
            token = tokens[at]
            if token.of("mark", ")"):
                return arguments, keywords, at
            if arguments or keywords:
                if token.of("end"):
                    raise self.syntax(token, "thiếu dấu “)”")
                if token.kind in ("string", "number", "name"):
                    raise self.syntax(token, "giữa hai mã khoản cần dấu phẩy")
                if not token.of("mark", ","):
                    raise self.syntax(token, f"không dùng được “{token.text}” ở đây")
                at += 1
                token = tokens[at]
                if token.of("mark", ")"):
                    return arguments, keywords, at
            if token.of("end"):
                raise self.syntax(token, "thiếu dấu “)”")
            if token.of("mark", ","):
                raise self.syntax(token, "thừa dấu phẩy")
            if token.of("name") and tokens[at + 1].of("mark", "="):
                value = tokens[at + 2]
                if value.kind not in ("string", "number", "name"):
                    raise self.syntax(value, f"sau “{token.text}=” cần một số")
                keywords.append((token, value))
                at += 3
                continue
            if token.kind in ("string", "number"):
                arguments.append(token)
                at += 1
                continue
            if token.of("name"):
                raise self.syntax(token, "mã khoản phải đặt trong ngoặc kép")
            raise self.syntax(token, f"không dùng được “{token.text}” trong trích dẫn")

    def call(
        self,
        name: str,
        arguments: list[_Token],
        keywords: list[tuple[_Token, _Token]],
        closing: _Token,
    ) -> Citation:
        """The ids, the unit and the decimals of a call, in that order."""
        example = f'{name}("pl.tong", "tỷ", thap_phan=2)'
        once = f"{name}(…): số chữ số thập phân ghi một lần, sau cùng, ví dụ {example}"
        decimals: _Token | None = None
        for key, value in keywords:
            if not key.of("name", DECIMALS) or not value.of("number"):
                raise self.fail(
                    codes.CITATION_ARGUMENTS,
                    key if not key.of("name", DECIMALS) else value,
                    f"{name}(…) chỉ nhận các mã khoản trong ngoặc kép, một đơn vị và "
                    f"“thap_phan=…”, ví dụ {example}",
                )
            if decimals is not None:
                raise self.fail(codes.CITATION_ARGUMENTS, key, once)
            decimals = value
        last_positional = arguments[-1].start if arguments else -1
        if keywords and keywords[0][0].start < last_positional:
            later = next(a for a in arguments if a.start > keywords[0][0].start)
            raise self.fail(codes.CITATION_ARGUMENTS, later, once)
        ids: list[CitedId] = []
        unit: tuple[Form, _Token] | None = None
        for index, argument in enumerate(arguments):
            if argument.of("number"):
                if index < len(arguments) - 1 or decimals is not None:
                    raise self.fail(codes.CITATION_ARGUMENTS, argument, once)
                decimals = argument
                continue
            form = Form.parse(argument.text)
            if form is None and unit is not None:
                raise self.fail(
                    codes.CITATION_ARGUMENTS,
                    argument,
                    f"{name}(…): đơn vị “{unit[0].suffix}” đứng sau mọi mã khoản, ví dụ {example}",
                )
            if form is None:
                ids.append(self.cited(argument))
            elif unit is not None:
                raise self.fail(
                    codes.CITATION_ARGUMENTS,
                    argument,
                    f"{name}(…): chỉ ghi một đơn vị, ví dụ {example}",
                )
            elif not ids:
                raise self.fail(
                    codes.CITATION_ARGUMENTS,
                    argument,
                    f"{name}(…): ghi mã khoản trước đơn vị “{argument.text}”, ví dụ {example}",
                )
            else:
                unit = (form, argument)
        places: int | None = None
        if decimals is not None:
            if not WHOLE.fullmatch(decimals.text) or int(decimals.text) > MAX_DECIMALS:
                raise self.fail(
                    codes.CITATION_ARGUMENTS,
                    decimals,
                    f"{name}(…): số chữ số thập phân là một số nguyên từ 0 đến {MAX_DECIMALS}, "
                    f"không phải {decimals.text}",
                )
            places = int(decimals.text)
        if not ids:
            raise self.fail(
                codes.CITATION_ARGUMENTS,
                closing,
                f"{name}(…): thiếu mã khoản trong ngoặc, ví dụ {CITATION_EXAMPLE}",
            )
        return Citation(
            name,
            tuple(ids),
            unit[0] if unit else None,
            places,
            self.typed,
            self.where(0),
        )

    def cited(self, argument: _Token) -> CitedId:
        """A quoted id, read; its place is that of its first character."""
        inside = argument.text
        offset = argument.start + 1 + len(inside) - len(inside.lstrip())
        try:
            return read_id(inside, self.where(offset))
        except ValueError as exc:
            raise Misread(codes.ID_SYNTAX, offset, str(exc)) from None


def read_id(typed: str, place: Place | None = None) -> CitedId:
    """An id as a citation or a declared sum writes it: "pl.csdl", "pl.iv(4)", "nv-*",
    "ke-hoach:pl.camera" (spaces around it and around the colon do not count); ValueError with
    the editor's message when it breaks the id rule."""
    text = typed.strip()
    document, colon, local = text.partition(":")
    if colon:
        document, local = document.strip(), local.strip()
        if not ID.fullmatch(document):
            raise ValueError(
                f"“{document}” không phải tên văn bản: trước dấu “:” ghi tên thư mục của một văn "
                f"bản cùng thư mục nội dung, tên đó {ID_RULE}"
            )
    else:
        document, local = "", text
    found = LOCAL_ID.fullmatch(local)
    if found is None:
        raise ValueError(
            f"“{text}” không phải mã khoản: mã {ID_CHARACTERS} (ví dụ “chuyen-doi-so”), dòng "
            f"của bảng viết “pl.csdl”, ô ở cột (4) của dòng đó “pl.csdl(4)”, mọi mã bắt đầu "
            f"bằng “nv-” viết “nv-*”{_suggestion(local, document)}"
        )
    if found["prefix"] is not None:
        return CitedId(found["prefix"], document, star=True, place=place)
    column = int(found["column"]) if found["column"] else None
    identifier = found["id"] if column is None else found["id"].rpartition("(")[0]
    return CitedId(identifier, document, column, place=place)


def _suggestion(local: str, document: str) -> str:
    """ " — có phải “pl.nc”?" for "Pl.NC": the id without capitals, accents or spaces, when
    that one is valid."""
    column = re.search(r"\(\s*\d+\s*\)$", local)
    star = local.endswith("*")
    head = local[: column.start()] if column else local.rstrip("*")
    guess = ".".join(suggested_name(part) for part in head.split("."))
    if column:
        guess += re.sub(r"\s", "", column.group(0))
    elif star:
        guess += "-*" if head.endswith("-") else "*"
    if guess == local or not LOCAL_ID.fullmatch(guess):
        return ""
    return f" — có phải “{document + ':' if document else ''}{guess}”?"


def read_tag(typed: str, where: Where) -> tuple[Tag, Misread | None]:
    """A tag as typed, "{#" to "}", read; with the Misread when it is written wrong (the tag
    then declares nothing, or no sum)."""
    body = typed[2:-1]
    head, equals, terms = body.partition("=")
    key = head.strip()
    key_at = 2 + len(head) - len(head.lstrip())
    if not ID.fullmatch(key):
        problem = Misread(
            codes.ID_SYNTAX,
            key_at if key else 0,
            f"mã “{key}” trong “{_shown(typed)}” không hợp lệ: mã {ID_RULE}",
        )
        return Tag(None, (), typed, where(0)), problem
    if not equals:
        return Tag(key, (), typed, where(0)), None
    read: list[CitedId] = []
    at = 2 + len(head) + 1
    for term in terms.split("+"):
        offset = at + len(term) - len(term.lstrip())
        if not term.strip():  # at the "=" or "+" that nothing follows
            return Tag(key, (), typed, where(0)), Misread(
                codes.RELATION_SYNTAX,
                at - 1,
                f"“{_shown(typed)}”: sau dấu “=” viết các mã cộng lại, ví dụ “{{#{key} = a + b}}”",
            )
        try:
            read.append(read_id(term, where(offset)))
        except ValueError as exc:
            return Tag(key, (), typed, where(0)), Misread(codes.ID_SYNTAX, offset, str(exc))
        at += len(term) + 1
    return Tag(key, tuple(read), typed, where(0)), None
