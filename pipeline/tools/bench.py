"""`make bench`: the full build of a document against pandoc alone, and a big table's check.

pandoc is the floor: everything baocao adds (parse, resolve, render, the finishing pass, the
reproducible re-zip) must stay within MAX_RATIO of pandoc converting the rendered document (its
JSON AST) with the same style doc. Both are timed in the same run, interleaved so that machine
noise hits both alike. `baocao check` of a generated 2.000-row budget table must stay within
MAX_CHECK_SECONDS. Medians are printed; the exit status is 1 when a limit is missed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.build import CACHE, build_document, check_document, ready_document
from pipeline.docx.pandoc import Pandoc, as_json, find_pandoc
from pipeline.docx.styles import style_doc
from pipeline.render.document import render_document
from pipeline.tools.new import new_document

MAX_RATIO = 1.5
MAX_CHECK_SECONDS = 1.0
BIG_TABLE_ROWS = 2000
HEADER = """\
Đơn vị: Triệu đồng {#bang}

| TT | NỘI DUNG | KINH PHÍ NĂM 2026 | < | < | DỰ TOÁN 2027 |
|----|----------|-------------------|---|---|--------------|
| ^ | ^ | TỔNG CỘNG | ĐÃ GIẢI NGÂN | DỰ KIẾN | ^ |
| A | B | (1)=(2)+(3) | (2) | (3) | (4) |
"""


def generated_table(rows: int) -> str:
    """A budget table of `rows` rows as an editor types it: Roman sections, numbered items and
    lettered leaves with amounts, under a grand total."""
    lines = [HEADER.rstrip("\n"), "| = | Tổng cộng {#tong} | | | | |"]
    count, section = 1, 0
    while count < rows:
        section += 1
        lines.append(f"| {_roman(section)} | Mục {section} {{#muc-{section}}} | | | | |")
        count += 1
        for item in range(1, 20):
            if count >= rows:
                break
            lines.append(f"| {item} | Khoản {section}.{item} | | | | |")
            count += 1
            for leaf in "abcd":
                if count >= rows:
                    break
                lines.append(f"| {leaf} | Việc {leaf} | | 1.000 | 2.500 | 12.345 |")
                count += 1
    return "\n".join(lines) + "\n"


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def big_document(content: Path) -> Path:
    """A new document (as `baocao new` makes it) with a generated table as its second part."""
    folder = new_document(content, "bang-lon")
    table = generated_table(BIG_TABLE_ROWS)
    (folder / "02-bang.md").write_text(table.replace("{#bang}", "{#bang-lon}"), encoding="utf-8")
    return folder


def pandoc_alone(page: bytes, styles: Path, target: Path, pandoc: Pandoc) -> None:
    """What pandoc does alone: the rendered document straight to DOCX, with the style doc."""
    subprocess.run(
        [pandoc.path, "--from=json", "--to=docx", f"--reference-doc={styles}", "-o", str(target)],
        input=page,
        check=True,
    )


def median_seconds(runs: list[Callable[[], object]], repeat: int) -> list[float]:
    """The median wall time of each callable, run `repeat` times in turn after one warm-up."""
    times: list[list[float]] = [[] for _ in runs]
    for run in runs:
        run()
    for _ in range(repeat):
        for index, run in enumerate(runs):
            started = time.perf_counter()
            run()
            times[index].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("document", type=Path, help="a document folder (content/<name>)")
    args.add_argument("--repeat", type=int, default=15)
    options = args.parse_args(argv)
    document, _ = ready_document(options.document)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        binary = find_pandoc(out / CACHE)
        page = as_json(render_document(document), binary)  # exactly what pandoc gets
        styles = style_doc(out / CACHE, binary)
        pandoc, full = median_seconds(
            [
                lambda: pandoc_alone(page, styles, out / "pandoc.docx", binary),
                lambda: build_document(options.document, out),
            ],
            options.repeat,
        )
        big = big_document(out / "content")
        (check,) = median_seconds([lambda: check_document(big)], options.repeat)
    ratio = full / pandoc
    print(f"pandoc alone : {pandoc:.3f} s (median of {options.repeat})")
    print(f"full build   : {full:.3f} s (median of {options.repeat})")
    print(f"ratio        : {ratio:.2f} (limit {MAX_RATIO})")
    print(f"check of {BIG_TABLE_ROWS} rows: {check:.3f} s (limit {MAX_CHECK_SECONDS} s)")
    return 0 if ratio <= MAX_RATIO and check <= MAX_CHECK_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
