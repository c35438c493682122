"""Word's text as the reader sees it: the accepted text of tracked changes (insertions in,
deletions out), text boxes and footnotes read, comments not: a wrong amount is found wherever
the reader sees it, and only there; nhap keeps a footnote's words, so check finds it again."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from baocao import codes
from baocao.build import check_document
from baocao.received.nhap.folder import import_docx
from baocao.received.read.files import read_received
from baocao.received.soat.check import check_received

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WRONG = "Kinh phí: 300.000.000 đồng (Hai trăm triệu đồng)."


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def word(path: Path, body: str, parts: dict[str, str] | None = None) -> Path:
    """A Word document whose body is `body`; `parts` added, each related to the document."""
    document = docx.Document()
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            raw = source.read(info)
            if not info.filename.endswith((".xml", ".rels")):
                target.writestr(info.filename, raw)
                continue
            data = raw.decode()
            if info.filename == "word/document.xml":
                head = data.partition("<w:body>")[0]
                data = f"{head}<w:body>{body}<w:sectPr/></w:body></w:document>"
            elif info.filename == "word/_rels/document.xml.rels":
                for k, name in enumerate(parts or {}):
                    kind = name.split("/")[-1].removesuffix(".xml").removesuffix("s")
                    data = data.replace(
                        "</Relationships>",
                        f'<Relationship Id="rIdX{k}" Type="{R}/{kind}s" Target="{name[5:]}"/>'
                        "</Relationships>",
                    )
            elif info.filename == "[Content_Types].xml":
                for name in parts or {}:
                    kind = name.split("/")[-1].removesuffix(".xml")
                    data = data.replace(
                        "</Types>",
                        f'<Override PartName="/{name}" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/></Types>',
                    )
            target.writestr(info.filename, data)
        for name, data in (parts or {}).items():
            target.writestr(name, data)
    return path


def codes_of(path: Path) -> list[tuple[str, str]]:
    received = read_received(path)
    return [
        (p.code.code, received.place(p.position.line)) for p in check_received(received).problems
    ]


def test_tracked_changes_count_as_accepted(tmp_path: Path) -> None:
    inserted = f'<w:p><w:ins w:id="1" w:author="A">{run(WRONG)}</w:ins></w:p>'
    deleted = (
        f'<w:p><w:del w:id="2" w:author="A"><w:r><w:delText>{WRONG}</w:delText></w:r></w:del>'
        f"{run('Đã xóa.')}</w:p>"
    )
    assert codes_of(word(tmp_path / "a.docx", inserted)) == [("BC501", "đoạn 1")]
    assert codes_of(word(tmp_path / "b.docx", deleted)) == []


def test_a_text_box_is_read_a_comment_is_not(tmp_path: Path) -> None:
    box = (
        "<w:p><w:r><w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'><v:textbox>"
        f"<w:txbxContent><w:p>{run(WRONG)}</w:p></w:txbxContent></v:textbox></v:shape>"
        f"</w:pict></w:r>{run('Đoạn có hộp chữ.')}</w:p>"
    )
    assert codes_of(word(tmp_path / "box.docx", box)) == [("BC501", "đoạn 1")]
    comments = (
        f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="A">'
        f"<w:p>{run(WRONG)}</w:p></w:comment></w:comments>"
    )
    body = (
        '<w:p><w:commentRangeStart w:id="0"/>'
        + run("Kinh phí: 300.000.000 đồng (Ba trăm triệu đồng).")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    path = word(tmp_path / "comment.docx", body, {"word/comments.xml": comments})
    assert codes_of(path) == []


def test_a_footnote_is_read_and_imported(tmp_path: Path) -> None:
    notes = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{run(" " + WRONG)}</w:p>'
        "</w:footnote></w:footnotes>"
    )
    body = (
        "<w:p>" + run("BÁO CÁO") + "</w:p><w:p>" + run("Kết quả năm 2026") + "</w:p>"
        "<w:p>" + run("Nội dung có chú thích.") + '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    )
    path = word(tmp_path / "note.docx", body, {"word/footnotes.xml": notes})
    assert codes_of(path) == [("BC501", "chú thích 1")]
    folder = import_docx(path, tmp_path / "content", "note")
    found = [p for p in check_document(folder) if p.code == codes.WORDS_MISMATCH]
    assert len(found) == 1
    line = (
        found[0].position.path.read_text(encoding="utf-8").split("\n")[found[0].position.line - 1]
    )
    assert line.startswith("(1) ") and "Hai trăm triệu đồng" in line
