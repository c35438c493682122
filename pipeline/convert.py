"""Convert stage: pandoc Markdown into DOCX with pandoc (pypandoc_binary) and the reference doc."""

from __future__ import annotations

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
FILTERS = sorted((Path(__file__).resolve().parent.parent / "templates" / "filters").glob("*.lua"))


def to_docx(markdown: str, reference: Path, target: Path) -> Path:
    """Write `target` from `markdown`; pandoc's own complaints become a BaocaoError."""
    try:
        pypandoc.convert_text(
            markdown,
            "docx",
            format=INPUT_FORMAT,
            outputfile=str(target),
            extra_args=[f"--reference-doc={reference}", *(f"--lua-filter={f}" for f in FILTERS)],
        )
    except (RuntimeError, OSError) as exc:
        raise BaocaoError(f"pandoc không tạo được {target.name}: {exc}") from None
    return target
