"""`make bench`: the full build of a document against pandoc alone converting the same document.

pandoc is the floor: everything baocao adds (parse, resolve, render, the finishing pass, the
reproducible re-zip) must stay within MAX_RATIO of pandoc converting the rendered document (its
JSON AST) with the same style doc. Both are timed in the same run,
interleaved so that machine noise hits both alike; medians are printed, and the exit status is 1
when the ratio is over the limit.
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

from pipeline.build import CACHE, build_document, ready_document
from pipeline.docx.pandoc import Pandoc, as_json, find_pandoc
from pipeline.docx.styles import style_doc
from pipeline.render.document import render_document

MAX_RATIO = 1.5


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
    ratio = full / pandoc
    print(f"pandoc alone : {pandoc:.3f} s (median of {options.repeat})")
    print(f"full build   : {full:.3f} s (median of {options.repeat})")
    print(f"ratio        : {ratio:.2f} (limit {MAX_RATIO})")
    return 0 if ratio <= MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
