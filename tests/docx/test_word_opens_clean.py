"""Word opens the DOCX clean: the ECMA-376 schemas and Word's own rules (openxml-audit) find no
error in the sample or in an example of each kind; the language is Vietnamese throughout; the
document properties tell the truth (its title is the trích yếu; no page or word count)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

import docx
from baocao.parse.document import parse_document
from conftest import KIND_NAMES, KINDS


def errors_of(path: Path) -> list[str]:
    """What openxml-audit finds wrong, as Word 2013 and later read the file (compatibilityMode
    15), and as the newest Word does."""
    found = []
    for version in (FileFormat.OFFICE_2013, FileFormat.OFFICE_2019):
        result = OpenXmlValidator(file_format=version, max_errors=0).validate(path)
        found += [f"{e.part_uri} {e.path}: {e.description}" for e in result.errors]
    return found


def test_the_sample_validates_with_no_error(sample_docx: Path) -> None:
    assert errors_of(sample_docx) == []


@pytest.mark.parametrize("name", KIND_NAMES)
def test_each_kind_validates_with_no_error(name: str, kinds_built: dict[str, Path]) -> None:
    assert errors_of(kinds_built[name]) == []


def parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
        }


def test_the_language_is_vietnamese_throughout(sample_docx: Path) -> None:
    xml = parts(sample_docx)
    languages = re.findall(r'<w:lang [^>]*w:val="([^"]+)"', xml["word/styles.xml"])
    assert languages and set(languages) == {"vi-VN"}
    assert re.search(r'<w:themeFontLang w:val="vi-VN"', xml["word/settings.xml"])
    assert not [name for name, text in xml.items() if "en-US" in text]
    assert docx.Document(str(sample_docx)).core_properties.language == "vi-VN"


def test_word_lays_the_document_out_as_word_2013(sample_docx: Path) -> None:
    settings = parts(sample_docx)["word/settings.xml"]
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)


def test_every_referenced_style_is_defined(sample_docx: Path) -> None:
    xml = parts(sample_docx)
    defined = set(re.findall(r'w:styleId="([^"]+)"', xml["word/styles.xml"]))
    referenced = {
        style
        for text in xml.values()
        for style in re.findall(
            r'<w:(?:pStyle|rStyle|tblStyle|basedOn|next|link) w:val="([^"]+)"', text
        )
    }
    assert referenced - defined == set()


@pytest.mark.parametrize("name", ["bao-cao", "cong-van"])
def test_the_title_is_the_subject_and_no_count_is_claimed(
    name: str, kinds_built: dict[str, Path]
) -> None:
    subject = parse_document(KINDS / name).front.subject
    path = kinds_built[name]
    assert docx.Document(str(path)).core_properties.title == subject
    app = parts(path)["docProps/app.xml"]
    for claim in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "TotalTime"):
        assert f"<{claim}>" not in app
