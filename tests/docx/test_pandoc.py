"""pandoc (baocao.docx.pandoc): its versions, asked once and remembered in the cache folder
while the binary is unchanged; a damaged cache ignored; conversions and pandoc's errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from baocao.docx.pandoc import HEAP, Pandoc, as_json, find_pandoc, to_markdown
from baocao.problems import BaocaoError
from baocao.render import ast


def remembered(cache: Path) -> Path:
    (found,) = cache.glob("pandoc-*.json")
    return found


def kept_of(pandoc: Pandoc) -> dict[str, object]:
    """What the cache file holds of a pandoc."""
    return {
        "version": pandoc.version,
        "api_version": list(pandoc.api_version),
        "runtime": list(pandoc.runtime),
    }


def test_find_pandoc_gives_its_version_and_api_version(tmp_path: Path) -> None:
    pandoc = find_pandoc(tmp_path)
    assert Path(pandoc.path).is_file()
    assert re.fullmatch(r"3\.\d+(\.\d+)*", pandoc.version)  # pandoc 3: pandoc-types 1.23
    assert isinstance(pandoc.api_version, tuple)
    assert pandoc.api_version[0] == 1 and len(pandoc.api_version) >= 2


def test_the_answer_is_kept_in_the_cache_folder(tmp_path: Path) -> None:
    cache = tmp_path / "cache"  # created when missing
    pandoc = find_pandoc(cache)
    kept = json.loads(remembered(cache).read_text(encoding="utf-8"))
    assert kept == kept_of(pandoc)


def test_a_second_call_reads_the_cache_file(tmp_path: Path) -> None:
    real = find_pandoc(tmp_path)
    kept = '{"version": "9.99", "api_version": [1, 99], "runtime": ["+RTS", "-A1m", "-RTS"]}'
    remembered(tmp_path).write_text(kept, "utf-8")
    again = find_pandoc(tmp_path)
    assert (again.version, again.api_version) == ("9.99", (1, 99))
    assert again.command == [real.path, "+RTS", "-A1m", "-RTS"]
    assert again.path == real.path


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "",
        '{"version": "3.9"}',
        "[1, 23]",
        '{"version": "3", "api_version": 5}',
        '{"version": "3.9", "api_version": "1.23"}',
        '{"version": "3.9", "api_version": []}',
        '{"version": 3.9, "api_version": [1, 23, 1, 1]}',
        '{"version": "3.9", "api_version": [1, 23]}',
        '{"version": "3.9", "api_version": [1, 23], "runtime": "+RTS -H32m -RTS"}',
        '{"version": "3.9", "api_version": [1, 23], "runtime": [32]}',
    ],
    ids=[
        "not json",
        "empty",
        "no api version",
        "not an object",
        "api version not a list",
        "api version a string",
        "api version empty",
        "version not text",
        "no runtime options",
        "runtime options a string",
        "runtime option a number",
    ],
)
def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path: Path, damage: str) -> None:
    real = find_pandoc(tmp_path)
    remembered(tmp_path).write_text(damage, encoding="utf-8")
    again = find_pandoc(tmp_path)
    assert again == real
    kept = json.loads(remembered(tmp_path).read_text(encoding="utf-8"))
    assert kept == kept_of(real)


def test_a_cache_file_of_another_binary_is_replaced(tmp_path: Path) -> None:
    stale = tmp_path / "pandoc-1-2.json"  # another size and time: another pandoc
    stale.write_text('{"version": "2.0", "api_version": [1, 17]}', encoding="utf-8")
    pandoc = find_pandoc(tmp_path)
    assert pandoc.version != "2.0"
    assert not stale.exists()
    assert remembered(tmp_path).name != stale.name


def test_the_bundled_pandoc_runs_with_a_smaller_heap(pandoc: Pandoc, tmp_path: Path) -> None:
    assert pandoc.command == [pandoc.path, *HEAP]
    document = ast.document([ast.para(ast.words("Hà Nội"))])
    assert to_markdown(document, pandoc).strip() == "Hà Nội"  # pandoc took the options


def test_a_pandoc_refusing_runtime_options_is_run_without_them(
    pandoc: Pandoc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a pandoc built without -rtsopts answers (a system pandoc PYPANDOC_PANDOC names)."""
    strict = tmp_path / "pandoc"
    strict.write_text(
        "#!/bin/sh\n"
        'case "$1" in +RTS) echo "pandoc: Most RTS options are disabled." >&2; exit 1;; esac\n'
        f'exec "{pandoc.path}" "$@"\n',
        encoding="utf-8",
    )
    strict.chmod(0o755)
    monkeypatch.setenv("PYPANDOC_PANDOC", str(strict))
    found = find_pandoc(tmp_path / "cache")
    assert found.command == [str(strict)]
    assert (found.version, found.api_version) == (pandoc.version, pandoc.api_version)
    document = ast.document([ast.para(ast.words("Hà Nội"))])
    assert to_markdown(document, found).strip() == "Hà Nội"


def test_as_json_carries_the_api_version_first(pandoc: Pandoc) -> None:
    given = as_json(ast.document([ast.para(ast.words("Hà Nội"))]), pandoc)
    data = json.loads(given)
    assert list(data) == ["pandoc-api-version", "meta", "blocks"]
    assert data["pandoc-api-version"] == list(pandoc.api_version)
    assert '"Hà Nội"'.encode() in given  # UTF-8, not \u escapes


def test_to_markdown_gives_the_documents_text(pandoc: Pandoc) -> None:
    document = ast.document(
        [
            ast.heading(1, ast.words("I. ĐÁNH GIÁ")),
            ast.para([*ast.words("Kinh phí "), ast.strong(ast.words("10.000.000 đồng"))]),
        ]
    )
    markdown = to_markdown(document, pandoc)
    assert "# I. ĐÁNH GIÁ" in markdown
    assert "Kinh phí **10.000.000 đồng**" in markdown


def test_a_document_of_another_api_version_is_a_pandoc_error(pandoc: Pandoc) -> None:
    older = Pandoc(pandoc.path, pandoc.version, (1, 22))
    with pytest.raises(BaocaoError, match=r"^pandoc không dựng được tệp"):
        to_markdown(ast.document([]), older)


def test_a_missing_pandoc_is_an_error_not_a_traceback(tmp_path: Path, pandoc: Pandoc) -> None:
    missing = Pandoc(str(tmp_path / "pandoc"), pandoc.version, pandoc.api_version)
    with pytest.raises(
        BaocaoError, match=r"^không chạy được pandoc .*: không có tệp hay thư mục này"
    ):
        to_markdown(ast.document([]), missing)
