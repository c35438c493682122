"""The `baocao` command line. Exit 0 ok, 1 content problems, 2 usage errors, 3 a bug of baocao's."""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from baocao.problems import BaocaoError, UsageError, display_path, os_reason

# argparse's messages (Python 3.11 to 3.13), each as a Vietnamese line: {0}, {1} are the groups.
# argparse writes them in English unless a translation of its own is installed; one this table
# does not know is shown as a plain refusal (argparse_message).
ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.+)", "thiếu {0}"),
    (r"unrecognized arguments: (.+)", "không hiểu “{0}”"),
    (r"invalid choice: (.+?) \(choose from (.+)\)", "không có “{0}” (chọn một trong: {1})"),
    (r"unknown parser (.+?) \(choices: (.+)\)", "không có “{0}” (chọn một trong: {1})"),
    (r"expected one argument", "cần một giá trị"),
    (r"expected at most one argument", "chỉ nhận một giá trị"),
    (r"expected at least one argument", "cần ít nhất một giá trị"),
    (r"expected (\d+) arguments?", "cần {0} giá trị"),
    (r"not allowed with argument (.+)", "không dùng cùng {0}"),
    (r"ignored explicit argument (.+)", "không nhận giá trị “{0}”"),
    (r"ambiguous option: (\S+?)(?:=.*)? could match (.+)", "tùy chọn {0} chưa rõ: {1}?"),
    (r"invalid \S+ value: (.+)", "giá trị “{0}” không hợp lệ"),
    (r"one of the arguments (.+) is required", "cần một trong: {0}"),
    (r"unexpected option string: (.+)", "không hiểu tùy chọn {0}"),
]


def argparse_message(message: str) -> str:
    """argparse's English error as Vietnamese: "argument -o/--output: expected one argument" →
    "-o/--output: cần một giá trị"; one it does not know, as a plain refusal."""
    name, _, rest = message.partition(": ") if message.startswith("argument ") else ("", "", "")
    text = rest if name else message
    for pattern, vietnamese in ARGPARSE_MESSAGES:
        found = re.fullmatch(pattern, text)
        if found:
            groups = [re.sub(r"'([^']*)'", r"\1", g or "") for g in found.groups()]
            text = vietnamese.format(*groups)
            break
    else:
        text = "cách gọi lệnh không đúng"
    if name == "argument LỆNH":
        return text.replace("không có “", "không có lệnh “", 1)
    return f"{name.removeprefix('argument ')}: {text}" if name else text


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, headed in Vietnamese."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Vietnamese: the help's headings and its -h, and usage errors in one line,
    exit 2, like every baocao usage error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {argparse_message(message)} (xem “{self.prog} --help”)")


def content_option(command: argparse.ArgumentParser) -> None:
    from pathlib import Path

    command.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="THƯ_MỤC",
        help="thư mục nội dung (mặc định: content)",
    )


def output_option(command: argparse.ArgumentParser) -> None:
    from pathlib import Path

    command.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("output"),
        metavar="THƯ_MỤC",
        help="thư mục kết quả (mặc định: output)",
    )


WORDS_HELP = "đọc số thành chữ (hoặc chữ thành số với --parse)"

# `baocao words -1.005.000 -2,35`: argparse reads an argument that starts with "-" as an option,
# unless it looks like "-5" or "-1.5" ("-1.005.000" and "-2,35" do not). Before argparse reads
# the command line, each such figure gets NOT_AN_OPTION in front, which no option starts with,
# and argparse hands it on as a value; run_words reads it without.
NEGATIVE_FIGURE = re.compile(r"-[0-9][0-9.,]*")
NOT_AN_OPTION = "\0"  # a character no argument typed in a shell can hold


def marked_figures(arguments: list[str]) -> list[str]:
    """`baocao words`' arguments, each negative figure marked as a value (NOT_AN_OPTION)."""
    return [NOT_AN_OPTION + a if NEGATIVE_FIGURE.fullmatch(a) else a for a in arguments]


def words_options(words: argparse.ArgumentParser) -> None:
    """The arguments of `baocao words`, its most frequent and smallest use."""
    words.add_argument(
        "values",
        nargs="+",
        metavar="SỐ",
        help="số viết kiểu Việt Nam (1.005.000; 2,35), có thể kèm đơn vị (13.646,269 triệu "
        "đồng; 91.481.640.145đ; 5.000.000 VNĐ), mỗi số một dòng kết quả; "
        "“-” đọc từ stdin, mỗi dòng một số",
    )
    form = words.add_mutually_exclusive_group()
    form.add_argument(
        "--document", action="store_true", help="dạng ghi trong văn bản: “Mười tỷ, … đồng”"
    )
    form.add_argument("--parse", action="store_true", help="đọc chữ thành số")
    words.add_argument(
        "--style", default="", metavar="TÙY_CHỌN", help="le,bon,ngan,ti,khong-phay,chan"
    )


def build_options(build: argparse.ArgumentParser) -> None:
    build.add_argument(
        "documents",
        nargs="*",
        metavar="VĂN_BẢN",
        help="tên thư mục văn bản, dựng lại dù đã mới (mặc định: mọi văn bản cần dựng lại)",
    )
    output_option(build)
    content_option(build)
    build.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="dựng song song bằng N tiến trình (mặc định 0: mỗi lõi một tiến trình)",
    )
    build.add_argument(
        "--pdf",
        action="store_true",
        help=(
            "ghi thêm output/VĂN_BẢN.pdf (PDF/A, để gửi qua hệ thống văn bản điện tử; "
            "cần LibreOffice)"
        ),
    )
    build.add_argument(
        "--xlsx",
        action="store_true",
        help="ghi thêm output/VĂN_BẢN.xlsx: mỗi bảng dự toán một trang tính, tổng là công thức",
    )


def check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("documents", nargs="*", metavar="VĂN_BẢN", help="tên thư mục văn bản")
    content_option(check)
    check.add_argument(
        "--bo-qua",
        action="append",
        default=[],
        metavar="MÃ",
        help="không báo các vấn đề mang mã này (ví dụ BC501; nhiều mã: BC501,BC502, hoặc ghi "
        "--bo-qua nhiều lần); danh sách mã: docs/ma-loi.md",
    )


def silenced_codes(values: list[str]) -> set[str]:
    """The codes `--bo-qua` names ("BC501,bc502" and repeated options alike); an unknown one is a
    usage error."""
    from baocao.codes import known

    named = {code.strip().upper() for value in values for code in value.split(",") if code.strip()}
    unknown = sorted(named - set(known()))
    if unknown:
        raise UsageError(
            f"baocao check: --bo-qua: không có mã {', '.join(unknown)} (các mã: docs/ma-loi.md)"
        )
    return named


def render_options(render: argparse.ArgumentParser) -> None:
    render.add_argument("document", metavar="VĂN_BẢN", help="tên thư mục văn bản")
    render.add_argument(
        "--json", action="store_true", help="in đúng dữ liệu JSON mà pandoc nhận khi dựng DOCX"
    )
    content_option(render)
    output_option(render)


def text_options(text: argparse.ArgumentParser) -> None:
    from pathlib import Path

    text.add_argument("docx", type=Path, metavar="TỆP.docx", help="tệp Word cần đọc")


def diff_options(diff: argparse.ArgumentParser) -> None:
    diff.add_argument(
        "old", nargs="?", metavar="CŨ", help="phiên bản cũ (mặc định: điểm rẽ nhánh từ main)"
    )
    diff.add_argument(
        "new", nargs="?", metavar="MỚI", help="phiên bản mới (mặc định: các tệp đang sửa)"
    )
    content_option(diff)


def new_options(new: argparse.ArgumentParser) -> None:
    new.add_argument("name", metavar="TÊN", help="tên thư mục, ví dụ bao-cao-quy-3-2027")
    new.add_argument(
        "--loai",
        default="bao-cao",
        metavar="LOẠI",
        # templates/kinds.yaml's slugs, written out so that parsing reads no YAML (a test checks)
        help="loại văn bản: quyet-dinh, nghi-quyet, to-trinh, ke-hoach, thong-bao, cong-van, "
        "giay-moi, bien-ban hoặc bao-cao (mặc định)",
    )
    content_option(new)


def khoi_tao_options(khoi_tao: argparse.ArgumentParser) -> None:
    from pathlib import Path

    khoi_tao.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="THƯ_MỤC",
        help="thư mục làm việc (mặc định: thư mục hiện tại)",
    )


def soat_options(soat: argparse.ArgumentParser) -> None:
    from pathlib import Path

    soat.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="tệp cần soát")


def nhap_options(nhap: argparse.ArgumentParser) -> None:
    from pathlib import Path

    nhap.add_argument(
        "docx",
        type=Path,
        metavar="TỆP",
        help="tệp cần chuyển: .docx, .xlsx (bảng dự toán), .odt, .pdf, .md, .txt",
    )
    nhap.add_argument(
        "name", nargs="?", metavar="TÊN", help="tên thư mục văn bản (mặc định: theo tên tệp)"
    )
    content_option(nhap)


def xem_options(xem: argparse.ArgumentParser) -> None:
    xem.add_argument(
        "document", nargs="?", metavar="VĂN_BẢN", help="tên thư mục văn bản (mặc định: danh sách)"
    )
    xem.add_argument(
        "--port",
        type=int,
        default=8030,
        metavar="N",
        help="cổng trên 127.0.0.1 (mặc định 8030; 0: một cổng còn trống)",
    )
    xem.add_argument(
        "--no-browser", action="store_true", help="không tự mở trình duyệt (chỉ in địa chỉ)"
    )
    xem.add_argument(
        "--html",
        action="store_true",
        help="không dùng LibreOffice: chỉ bản xem HTML gần đúng (nhanh hơn khi máy yếu)",
    )
    content_option(xem)


# Each command: what `baocao --help` says of it, and its arguments.
COMMAND_LINE: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "build": ("dựng DOCX cho các văn bản trong content/ cần dựng lại", build_options),
    "check": ("kiểm tra nội dung, không dựng DOCX", check_options),
    "render": (
        "in văn bản đã dựng dưới dạng Markdown của pandoc (để xem và đo)",
        render_options,
    ),
    "words": (WORDS_HELP, words_options),
    "text": ("in chữ của một tệp DOCX (dùng cho git diff)", text_options),
    "diff": ("so hai phiên bản git: số tiền, tổng, dòng bảng và lời văn thay đổi", diff_options),
    "new": ("tạo thư mục cho một văn bản mới, dựng được ngay", new_options),
    "khoi-tao": (
        "chuẩn bị một thư mục làm việc: content/ với một văn bản mẫu, .gitignore, cài đặt git",
        khoi_tao_options,
    ),
    "soat": (
        "soát tệp DOCX, Excel, ODT, PDF, Markdown, văn bản do nơi khác soạn: số tiền, tổng, bảng",
        soat_options,
    ),
    "nhap": (
        "chuyển một tệp nhận được (.docx, .xlsx, .odt, .pdf…) thành văn bản trong content/",
        nhap_options,
    ),
    "xem": (
        "xem trang in và các lỗi trong trình duyệt, cập nhật mỗi lần lưu tệp",
        xem_options,
    ),
}


def parser() -> argparse.ArgumentParser:
    """The whole command line: every command, for `baocao --help` and the errors that need it."""
    top = _Parser(prog="baocao", description="Dựng và kiểm tra báo cáo của UBND xã, phường.")
    commands = top.add_subparsers(
        dest="command",
        metavar="LỆNH",
        parser_class=_Parser,
        title="các lệnh",
        help="một trong các lệnh dưới đây; “baocao LỆNH --help” cho biết cách dùng lệnh đó",
    )
    commands.required = True
    for name, (text, options) in COMMAND_LINE.items():
        options(commands.add_parser(name, help=text))
    return top


def command_parser(name: str) -> argparse.ArgumentParser:
    """One command's parser alone, as `baocao NAME` reads its arguments: the same arguments, help
    and errors as in the whole parser, without building the nine others."""
    alone = _Parser(prog=f"baocao {name}")
    COMMAND_LINE[name][1](alone)
    alone.set_defaults(command=name)
    return alone


def seconds_text(seconds: float) -> str:
    """ "0,4": seconds with one decimal, written the Vietnamese way."""
    from babel.numbers import format_decimal

    return format_decimal(seconds, "0.0", locale="vi_VN")


def run_build(args: argparse.Namespace) -> int:
    """The documents named, or with none named every one of content/ that is not current."""
    from baocao.build import build_all, prepare_output, stale_documents
    from baocao.parse.document import find_documents

    if args.jobs < 0:
        raise UsageError("baocao build: -j/--jobs: số tiến trình là 0 (mỗi lõi một) hoặc hơn")
    folders = find_documents(args.content, args.documents)
    output = prepare_output(args.output)
    formats = {name for name in ("pdf", "xlsx") if getattr(args, name)}
    missing = ""
    if "pdf" in formats:
        from baocao.libreoffice import find_soffice

        try:
            find_soffice()
        except UsageError as exc:  # the DOCX is still built; the PDF is said missing at the end
            formats.discard("pdf")
            missing = str(exc)
    if not args.documents:
        every = len(folders)
        folders = stale_documents(folders, output, frozenset(formats))
        if not folders:
            print(
                f"Không có văn bản nào cần dựng lại: {every} văn bản trong "
                f"{display_path(args.content)} đều đã dựng mới nhất.",
                file=sys.stderr,
            )
            if missing:
                print(f"baocao build --pdf: {missing}", file=sys.stderr)
            return 2 if missing else 0
    failed = unexported = 0
    for outcome in build_all(folders, output, args.jobs, formats=frozenset(formats)):
        folder, built = outcome.folder, outcome.built
        if built is None:
            failed += 1
            for problem in outcome.problems:
                print(problem, file=sys.stderr)
            if outcome.failure:  # pandoc or the disk failed this one
                print(f"Không dựng {folder.name}: {outcome.failure}", file=sys.stderr)
            else:
                count = outcome.errors
                print(
                    f"Không dựng {folder.name}: nội dung có {count} lỗi (xem trên).",
                    file=sys.stderr,
                )
            continue
        for problem in built.warnings:
            print(problem, file=sys.stderr)
        where = ", ".join(display_path(path) for path in (built.target, *built.exported))
        print(
            f"Đang dựng {built.name} → {where} ({seconds_text(built.seconds)} s)", file=sys.stderr
        )
        for reason in built.unexported:
            unexported += 1
            print(f"Không xuất được {built.name} ra {reason}", file=sys.stderr)
    if failed and len(folders) > 1:  # last, where the eye falls once a batch has scrolled by
        print(
            f"Có {failed} trong {len(folders)} văn bản còn lỗi nên chưa có tệp Word mới "
            "(xem trên).",
            file=sys.stderr,
        )
    if missing:
        print(f"baocao build --pdf: {missing}", file=sys.stderr)
        return 2
    return 1 if failed or unexported else 0


def run_check(args: argparse.Namespace) -> int:
    from baocao.build import check_document
    from baocao.parse.document import find_documents

    silenced = silenced_codes(args.bo_qua)
    errors = warnings = drafts = 0
    for folder in find_documents(args.content, args.documents):
        for problem in check_document(folder):
            if problem.code.code in silenced:
                continue
            print(problem)
            warnings += problem.warning
            errors += not problem.warning
            drafts += problem.draft and not problem.warning
    if errors:
        blanks = f" ({drafts} chỗ “…” chưa điền)" if drafts else ""
        print(f"Có {errors} lỗi{blanks} và {warnings} cảnh báo.", file=sys.stderr)
        return 1
    print(f"Không có lỗi ({warnings} cảnh báo).", file=sys.stderr)
    return 0


def run_render(args: argparse.Namespace) -> int:
    """The document as pandoc receives it (--json), or as pandoc Markdown, on stdout."""
    from baocao.build import CACHE, ready_document
    from baocao.docx.pandoc import as_json, find_pandoc, to_markdown
    from baocao.parse.document import find_documents
    from baocao.render.document import render_document

    (folder,) = find_documents(args.content, [args.document])
    document, warnings = ready_document(folder)
    for problem in warnings:
        print(problem, file=sys.stderr)
    page = render_document(document)
    pandoc = find_pandoc(args.output / CACHE)
    if args.json:
        sys.stdout.buffer.write(as_json(page, pandoc))
    else:
        sys.stdout.write(to_markdown(page, pandoc))
    return 0


def run_words(args: argparse.Namespace) -> int:
    """One line per value: its reading in words, or with --parse the number that words state.

    A value may carry its unit: "13.646,269 triệu đồng", "91.481.640.145đ" are read in đồng.
    --parse reads decimals with a scale ("chín trăm bảy mươi bảy phẩy bốn mươi lăm tỷ"); an error
    in the words is a usage error naming every one, a variant spelling a warning on stderr."""
    from decimal import Decimal

    from baocao.money.amount import (
        Amount,
        AmountTooLarge,
        NumberFormatError,
        parse_amount,
        parse_number,
    )
    from baocao.money.words import (
        WordsError,
        WordsStyle,
        amount_in_words,
        read_number,
        read_words,
    )

    def number(value: str) -> Decimal:
        """A number, or an amount with its unit in đồng (--document: at most 10^18 đồng)."""
        try:
            figure = parse_number(value)
        except NumberFormatError as exc:
            try:
                return parse_amount(value)[0].dong
            except NumberFormatError as unit:  # say what is wrong with what was meant
                words = any(c.isalpha() for c in value) or isinstance(unit, AmountTooLarge)
                raise unit if words else exc from None
        return Amount.of(figure).dong if args.document else figure

    values: list[str] = []
    for value in args.values:
        if value == "-":
            values += [line.strip() for line in sys.stdin if line.strip()]
        else:
            values.append(value.removeprefix(NOT_AN_OPTION))
    if not values:
        raise UsageError("baocao words: không có số nào để đọc")
    warnings: list[str] = []
    try:
        style = WordsStyle.parse(args.style.removeprefix(NOT_AN_OPTION))
        if args.parse:
            from baocao.money.figures import ungrouped  # babel: only where a number is written

            lines = []
            for value in values:
                reading = read_words(value, style)
                if reading.errors:
                    raise WordsError(value, "; ".join(str(i) for i in reading.errors))
                warnings += [f"cảnh báo: “{value}”: {i}" for i in reading.variants]
                lines.append(ungrouped(reading.value))
        else:
            write = amount_in_words if args.document else read_number
            lines = [write(number(value), style) for value in values]
    except ValueError as exc:
        raise UsageError(f"baocao words: {exc}") from None
    for warning in warnings:
        print(warning, file=sys.stderr)
    print("\n".join(lines))
    return 0


INTERNAL_ERROR = 3


def run_text(args: argparse.Namespace) -> int:
    from baocao.review.textconv import docx_text

    sys.stdout.write(docx_text(args.docx))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    """The changes between two versions as Markdown for a pull-request comment, on stdout."""
    from baocao.review.diff import compare_revisions
    from baocao.review.report import comparison_markdown

    sys.stdout.write(comparison_markdown(compare_revisions(args.content, args.old, args.new)))
    return 0


def run_new(args: argparse.Namespace) -> int:
    from baocao.tools.new import new_document

    folder = new_document(args.content, args.name, kind=args.loai)
    print(
        f"Đã tạo {display_path(folder)}: sửa các chỗ “…” rồi chạy baocao check {folder.name} "
        "và baocao build.",
        file=sys.stderr,
    )
    return 0


def run_khoi_tao(args: argparse.Namespace) -> int:
    from baocao.tools.workspace import make_workspace

    for line in make_workspace(args.folder):
        print(line, file=sys.stderr)
    return 0


def run_soat(args: argparse.Namespace) -> int:
    """Each problem of the files on stdout, the count on stderr; exit 1 on an error, 2 when a
    file could not be read (the others are checked all the same)."""
    from baocao.received.soat.review import review_files

    review = review_files(args.files)
    for line in review.lines:
        print(line)
    for refusal in review.refused:
        print(f"baocao soat: {refusal}", file=sys.stderr)
    if review.errors:
        print(f"Có {review.errors} lỗi và {review.warnings} cảnh báo.", file=sys.stderr)
    elif not review.refused:
        print(f"Không có lỗi ({review.warnings} cảnh báo).", file=sys.stderr)
    if review.refused:
        return UsageError.exit_code
    return 1 if review.errors else 0


def run_nhap(args: argparse.Namespace) -> int:
    from baocao.received.nhap.folder import import_docx

    folder = import_docx(args.docx, args.content, args.name)
    print(
        f"Đã tạo {display_path(folder)}: chạy baocao check {folder.name} để xem các chỗ cần sửa, "
        f"rồi baocao build {folder.name}.",
        file=sys.stderr,
    )
    return 0


def run_xem(args: argparse.Namespace) -> int:
    """Serve the preview on 127.0.0.1 until Ctrl-C."""
    from baocao.parse.document import find_documents
    from baocao.preview.app import serve

    if not 0 <= args.port <= 65535:
        raise UsageError("baocao xem: --port: cổng là một số từ 0 đến 65535")
    names = [args.document] if args.document else []
    folders = find_documents(args.content, names)
    single = folders[0].name if args.document else None
    return serve(args.content, single, args.port, not args.no_browser, not args.html)


COMMANDS = {
    "build": run_build,
    "check": run_check,
    "render": run_render,
    "words": run_words,
    "text": run_text,
    "diff": run_diff,
    "new": run_new,
    "khoi-tao": run_khoi_tao,
    "soat": run_soat,
    "nhap": run_nhap,
    "xem": run_xem,
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; a BaocaoError becomes its message on stderr and its exit code."""
    try:
        argv = sys.argv[1:] if argv is None else argv
        if argv[:1] == ["words"]:
            argv = ["words", *marked_figures(argv[1:])]
        args = None
        if argv and argv[0] in COMMAND_LINE:  # one command: no need to build every parser
            args, unknown = command_parser(argv[0]).parse_known_args(argv[1:])
            args = None if unknown else args  # refused as the whole parser refuses them
        if args is None:
            args = parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except BaocaoError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # stdout closed by its reader: run() ends quietly
    except OSError as exc:  # the system refused a path: missing, a folder, no right, disk full
        where = f" “{exc.filename}”" if exc.filename else ""
        print(f"baocao: không đọc, ghi được{where}: {os_reason(exc)}", file=sys.stderr)
        return UsageError.exit_code
    except MemoryError:
        print("baocao: không đủ bộ nhớ: văn bản quá lớn", file=sys.stderr)
        return UsageError.exit_code
    except Exception as exc:  # a bug of ours: one line for the editor, the trace on request
        if os.environ.get("BAOCAO_DEBUG"):
            raise
        print(
            f"baocao gặp lỗi nội bộ ({type(exc).__name__}: {exc}). Chạy lại với BAOCAO_DEBUG=1 "
            "để xem chi tiết và báo cho nhóm phát triển.",
            file=sys.stderr,
        )
        return INTERNAL_ERROR


def utf8_console() -> None:
    """Read and write the console in UTF-8 whatever its code page: a Windows console piped to a
    file or another program otherwise writes in the ANSI code page (cp1252), which has no
    Vietnamese letters. Each stream is reconfigured, as Python's documentation of sys.stdout
    advises; one that cannot be (replaced by a caller) is left as it is."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in UTF8:
            stream.reconfigure(encoding="utf-8")


UTF8 = {"utf-8", "utf8"}


def run() -> NoReturn:
    """The `baocao` program (and `python -m baocao`): main(), and its code as the exit status.

    A reader that stops early (`baocao text FILE.docx | head`) closes the pipe baocao writes to:
    what is left unwritten is dropped without a traceback, as Python's documentation of the
    signal module advises ("Note on SIGPIPE"), and the status is 1."""
    utf8_console()
    try:
        code = main()
        sys.stdout.flush()  # here, where a closed pipe is caught, rather than at exit
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)  # Python flushes stdout again at exit
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code)
