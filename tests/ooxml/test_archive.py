"""The zip read safely (baocao.ooxml.archive), on hostile files made here (tests/hostile_zips.py):
each is refused with its reason, having inflated no more than its limit allows, in bounded
memory (what tracemalloc sees allocated at most, not time)."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import hostile_zips
from baocao.ooxml.archive import MB, Archive, ArchiveError, Limits, Refusal

BOMB_MB = 300


@contextmanager
def peak_memory() -> Iterator[list[int]]:
    """The most memory Python allocated inside the block, in bytes (found[0] after it)."""
    found: list[int] = []
    tracemalloc.start()
    try:
        yield found
    finally:
        found.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


def refusal(data: bytes, read: bool = True, limits: Limits | None = None) -> ArchiveError:
    """The ArchiveError opening (and reading every part of) `data` raises."""
    with pytest.raises(ArchiveError) as caught:
        with Archive(data, limits or Limits()) as archive:
            if read:
                archive.verify()
    return caught.value


def test_a_word_document_reads_as_zipfile_reads_it(tmp_path: Path) -> None:
    data = hostile_zips.zip_bytes(hostile_zips.word_parts())
    (tmp_path / "a.docx").write_bytes(data)
    for source in (data, tmp_path / "a.docx"):
        with Archive(source) as archive, zipfile.ZipFile(io.BytesIO(data)) as reference:
            for name in reference.namelist():
                assert name in archive and archive.read(name) == reference.read(name)
            assert archive.inflated == sum(i.file_size for i in reference.infolist())
            assert "word/document.xml" in archive and "word/khac.xml" not in archive
            with pytest.raises(KeyError):
                archive.read("word/khac.xml")


def test_a_zip64_end_record_is_read() -> None:
    parts = hostile_zips.word_parts()
    with Archive(hostile_zips.zip_bytes(parts, zip64=True)) as archive:
        archive.verify()
        assert archive.inflated == sum(part.size for part in parts)


def test_a_zip_bomb_is_refused_before_anything_is_inflated() -> None:
    bomb = hostile_zips.bomb(BOMB_MB)
    assert len(bomb) < MB  # a few hundred KB …
    with peak_memory() as peak:
        error = refusal(bomb)
    assert error.reason is Refusal.PART_SIZE and error.member == "word/document.xml"
    assert error.inflated == 0  # … declaring 300 MB: refused from the directory
    assert peak[0] < 8 * MB
    assert "giải nén ra hơn 200 MB" in str(error)


def test_a_bomb_lying_about_its_size_stops_at_the_first_chunk_past_it() -> None:
    declared = 4096
    with peak_memory() as peak:
        error = refusal(hostile_zips.lying_bomb(BOMB_MB, declared))
    assert error.reason is Refusal.BROKEN and error.member == "word/document.xml"
    before = sum(e.size for e in hostile_zips.word_parts() if e.name < "word/document.xml")
    assert error.inflated <= before + declared + MB  # of 300 MB: what it declared, and a chunk
    assert peak[0] < 8 * MB


def test_parts_too_large_together_are_refused() -> None:
    parts = [hostile_zips.deflated(f"word/media/image{n}.bin", bytes(3 * MB)) for n in range(3)]
    data = hostile_zips.zip_bytes([*hostile_zips.word_parts(), *parts])
    error = refusal(data, limits=Limits(part=4 * MB, total=8 * MB))
    assert error.reason is Refusal.TOTAL_SIZE and error.inflated == 0
    with Archive(data, Limits(part=4 * MB, total=16 * MB)) as archive:
        archive.verify()
        assert archive.inflated > 9 * MB


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (hostile_zips.encrypted, Refusal.ENCRYPTED),
        (hostile_zips.aes, Refusal.ENCRYPTED),
        (lambda: hostile_zips.method(99), Refusal.ENCRYPTED),  # 99 is AES, flag or not
        (lambda: hostile_zips.method(14), Refusal.METHOD),  # LZMA: zipfile reads it, OPC does not
        (lambda: hostile_zips.method(12), Refusal.METHOD),
        (lambda: hostile_zips.method(97), Refusal.METHOD),
    ],
)
def test_what_zipfile_cannot_read_or_a_package_may_not_hold(
    make: Callable[[], bytes], reason: Refusal
) -> None:
    error = refusal(make(), read=False)  # refused from the directory
    assert error.reason is reason and error.member == "word/document.xml"
    assert "\n" not in str(error)


def test_a_broken_deflate_stream_is_refused_when_read() -> None:
    with Archive(hostile_zips.broken_deflate()) as archive:
        with pytest.raises(ArchiveError) as caught:
            archive.read("word/document.xml")
    assert caught.value.reason is Refusal.BROKEN
    assert str(caught.value) == "phần word/document.xml hỏng, không giải nén được"


@pytest.mark.parametrize(
    "damage",
    [
        lambda e: e.__class__(e.name, e.data[: len(e.data) // 2], e.size, e.crc),  # cut short
        lambda e: e.__class__(e.name, e.data, e.size, e.crc ^ 1),  # another CRC
        lambda e: e.__class__(e.name, e.data, e.size + 1, e.crc),  # a size it does not have
    ],
)
def test_a_part_that_is_not_what_the_directory_says_is_broken(
    damage: Callable[[hostile_zips.Entry], hostile_zips.Entry],
) -> None:
    (part,) = [e for e in hostile_zips.word_parts() if e.name == "word/document.xml"]
    error = refusal(hostile_zips.zip_bytes(hostile_zips.with_document(damage(part))))
    assert error.reason is Refusal.BROKEN and error.member == "word/document.xml"


def test_too_many_entries_are_refused_from_the_end_record() -> None:
    many = hostile_zips.many_entries(10_001)
    with peak_memory() as peak:
        error = refusal(many, read=False)
    assert error.reason is Refusal.ENTRIES
    assert peak[0] < 4 * MB  # zipfile built no object for its 10.018 entries
    # an end record that understates the count: the directory's size gives it away
    at = many.rindex(b"PK\x05\x06")
    lying = many[:at] + struct.pack("<4s4H", b"PK\x05\x06", 0, 0, 5, 5) + many[at + 12 :]
    assert refusal(lying, read=False).reason is Refusal.ENTRIES
    # and zip64's record is read for the count
    parts = [hostile_zips.deflated(f"x{n}", b"") for n in range(101)]
    zip64 = hostile_zips.zip_bytes(parts, zip64=True)
    assert refusal(zip64, read=False, limits=Limits(entries=100)).reason is Refusal.ENTRIES


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04" + bytes(100)])
def test_what_is_no_zip_is_refused(data: bytes) -> None:
    error = refusal(data, read=False)
    assert error.reason is Refusal.NOT_ZIP
    assert str(error) == "tệp hỏng hoặc không phải DOCX"


def test_a_truncated_zip_is_refused() -> None:
    data = hostile_zips.zip_bytes(hostile_zips.word_parts())
    assert refusal(data[: len(data) // 2], read=False).reason is Refusal.NOT_ZIP
