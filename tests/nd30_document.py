"""The document the format tests read: the reference report plus an appendix with a budget table.

The budget table is a hand-made pandoc grid table modelled on the seed's appendix
(fixtures/budget-grid-table.md: two header rows with merged cells, the column-number row, bold
section rows, right-aligned numbers), standing in for the generated one until it exists.
"""

from __future__ import annotations

from pathlib import Path

from conftest import CONTENT, REFERENCE_DOCUMENT

from pipeline.convert import to_docx
from pipeline.finish import finish_document
from pipeline.parse import Block, parse_document
from pipeline.reference_doc import reference_doc
from pipeline.render import render_document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
APPENDIX_TITLE = "TỔNG HỢP KINH PHÍ KHCN, ĐMST&CDS NĂM 2026 VÀ DỰ TOÁN 2027"
EPOCH = 1_800_000_000


def text_block(kind: str, text: str, level: int = 0, **extra: object) -> Block:
    """A block as the parse stage would give it, from plain text."""
    position = parse_document(CONTENT / REFERENCE_DOCUMENT).blocks[-1].position
    inlines = [{"type": "text", "raw": text}]
    return Block(kind, position, inlines, level, **extra)  # type: ignore[arg-type]


def appendix_blocks() -> list[Block]:
    """ "# Phụ lục", its title, and the budget table stating its unit."""
    table = (FIXTURES / "budget-grid-table.md").read_text(encoding="utf-8")
    return [
        text_block("heading", "Phụ lục", 1),
        text_block("heading", APPENDIX_TITLE, 2),
        text_block("markdown", "", source=table, token={"unit": "triệu đồng"}),
    ]


def build_with_appendix(output: Path, name: str = "nd30") -> Path:
    """Build the reference report with the appendix into `output/<name>.docx`."""
    document = parse_document(CONTENT / REFERENCE_DOCUMENT)
    document.blocks.extend(appendix_blocks())
    target = output / f"{name}.docx"
    to_docx(render_document(document), reference_doc(output / ".cache"), target)
    finish_document(target, EPOCH)
    return target
