"""The `baocao` command line. Exit 0 ok, 1 content problems, 2 usage errors, 3 a bug of baocao's."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.errors import BaocaoError, ContentErrors, UsageError, display_path


class _Parser(argparse.ArgumentParser):
    """argparse reporting usage errors in one line, exit 2, like every baocao usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (xem “{self.prog} --help”)")


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="baocao", description="Dựng và kiểm tra báo cáo của UBND xã, phường.")
    commands = top.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    commands.required = True

    build = commands.add_parser("build", help="dựng DOCX cho các văn bản trong content/")
    build.add_argument("documents", nargs="*", metavar="VĂN_BẢN", help="tên thư mục văn bản")
    build.add_argument("-o", "--output", type=Path, default=Path("output"), help="thư mục kết quả")
    build.add_argument("--content", type=Path, default=Path("content"), help="thư mục nội dung")

    check = commands.add_parser("check", help="kiểm tra nội dung, không dựng DOCX")
    check.add_argument("documents", nargs="*", metavar="VĂN_BẢN", help="tên thư mục văn bản")
    check.add_argument("--content", type=Path, default=Path("content"), help="thư mục nội dung")
    return top


def seconds_text(seconds: float) -> str:
    """ "0,4": seconds with one decimal, written the Vietnamese way."""
    from babel.numbers import format_decimal

    return format_decimal(seconds, format="0.0", locale="vi_VN")


def run_build(args: argparse.Namespace) -> int:
    from pipeline.build import build_document, prepare_output
    from pipeline.parse import find_documents

    folders = find_documents(args.content, args.documents)
    output = prepare_output(args.output)
    failed = 0
    for folder in folders:
        try:
            built = build_document(folder, output)
        except ContentErrors as exc:
            failed += 1
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            count = len(exc.errors)
            print(f"Không dựng {folder.name}: nội dung có {count} lỗi (xem trên).", file=sys.stderr)
            continue
        for problem in built.warnings:
            print(problem, file=sys.stderr)
        where = display_path(built.target)
        print(
            f"Đang dựng {built.name} → {where} ({seconds_text(built.seconds)} s)", file=sys.stderr
        )
    return 1 if failed else 0


def run_check(args: argparse.Namespace) -> int:
    from pipeline.build import check_document
    from pipeline.parse import find_documents

    errors = warnings = 0
    for folder in find_documents(args.content, args.documents):
        for problem in check_document(folder):
            print(problem)
            warnings += problem.warning
            errors += not problem.warning
    if errors:
        print(f"Có {errors} lỗi và {warnings} cảnh báo.", file=sys.stderr)
        return 1
    print(f"Không có lỗi ({warnings} cảnh báo).", file=sys.stderr)
    return 0


INTERNAL_ERROR = 3

COMMANDS = {"build": run_build, "check": run_check}


def main(argv: list[str] | None = None) -> int:
    """Run one command; a BaocaoError becomes its message on stderr and its exit code."""
    try:
        args = parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except BaocaoError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: one line for the editor, the trace on request
        if os.environ.get("BAOCAO_DEBUG"):
            raise
        print(
            f"baocao gặp lỗi nội bộ ({type(exc).__name__}: {exc}). Chạy lại với BAOCAO_DEBUG=1 "
            "để xem chi tiết và báo cho nhóm phát triển.",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
