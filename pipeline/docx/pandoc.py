"""Convert stage: pandoc Markdown into DOCX with pandoc (pypandoc_binary) and the reference doc."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypandoc

from pipeline.errors import BaocaoError

# pandoc's Markdown, minus what would rewrite the editor's text: smart quotes and dashes, heading
# bookmarks, citations ("@"), TeX math ("$"), raw TeX and HTML, and fancy list markers.
INPUT_FORMAT = (
    "markdown-smart-auto_identifiers-citations-tex_math_dollars-raw_tex-raw_html"
    "-fancy_lists-implicit_figures"
)

# One AST transformation per filter, applied in name order (templates/filters/*.lua).
FILTERS = sorted((Path(__file__).resolve().parents[2] / "templates" / "filters").glob("*.lua"))


def to_docx(markdown: str, reference: Path, target: Path) -> Path:
    """Write `target` from `markdown`; pandoc's own complaints become a BaocaoError.

    pypandoc_binary's pandoc is run directly: pypandoc.convert_text would first start pandoc
    twice more to list its formats, on every build.
    """
    command = [
        pypandoc.get_pandoc_path(),
        f"--from={INPUT_FORMAT}",
        "--to=docx",
        f"--reference-doc={reference}",
        "--syntax-highlighting=none",  # no coloured code-token styles in styles.xml
        *(f"--lua-filter={f}" for f in FILTERS),
        f"--output={target}",
    ]
    try:
        done = subprocess.run(command, input=markdown.encode("utf-8"), capture_output=True)
    except OSError as exc:
        raise BaocaoError(f"pandoc không chạy được: {exc.strerror}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip()
        raise BaocaoError(f"pandoc không tạo được {target.name}: {reason}")
    return target
