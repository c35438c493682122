"""`make bench`: the full build of a document against pandoc alone converting the same Markdown.

pandoc is the floor: everything baocao adds (parse, render, the Lua filter, the finishing pass,
the reproducible re-zip) must stay within MAX_RATIO of it. Both are timed in the same run,
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

import pypandoc

from pipeline.build import build_document
from pipeline.docx.pandoc import INPUT_FORMAT
from pipeline.parse.document import parse_document
from pipeline.render.document import render_document
from pipeline.resolve.document import resolve_document

MAX_RATIO = 1.5


def pandoc_alone(markdown: str, target: Path) -> None:
    """What pandoc does with no help: the resolved Markdown straight to DOCX, default styles."""
    subprocess.run(
        [pypandoc.get_pandoc_path(), f"--from={INPUT_FORMAT}", "--to=docx", "-o", str(target)],
        input=markdown.encode("utf-8"),
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
    document, _ = resolve_document(parse_document(options.document))
    markdown = render_document(document)  # the resolved Markdown, exactly what pandoc gets
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        pandoc, full = median_seconds(
            [
                lambda: pandoc_alone(markdown, out / "pandoc.docx"),
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
