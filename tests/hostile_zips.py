"""Hostile DOCX files, made by the tests (no binary file is committed): a zip bomb, a part that
lies about its size, an encrypted part, a part compressed with method 99 (AES), a broken deflate
stream, too many entries. Each is a real Word document's parts (python-docx's) written as a zip
entry by entry here, with one entry made hostile, so that a reader that does not refuse it would
go on to read a DOCX.

The zip is written by hand (PKWARE's APPNOTE: local headers, central directory, end record):
zipfile cannot write a stream of hundreds of megabytes without compressing all of it, lie about a
size, or encrypt.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import docx

MB = 1024 * 1024
DOCUMENT = "word/document.xml"
PASSWORD = b"mat-khau"


@dataclass(frozen=True)
class Entry:
    """A zip entry as stored: its name, method, flags, CRC, stored bytes, declared size."""

    name: str
    data: bytes  # as stored: compressed (and encrypted) bytes
    size: int  # the uncompressed size the headers declare
    crc: int
    method: int = zipfile.ZIP_DEFLATED
    flags: int = 0
    extra: bytes = b""


def deflated(name: str, content: bytes) -> Entry:
    """An honest deflated entry."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Entry(name, data, len(content), zlib.crc32(content))


def zip_bytes(entries: list[Entry], zip64: bool = False) -> bytes:
    """A zip of `entries`, in order; `zip64`: its end record says 0xFFFF entries and leaves the
    count and the directory's place to zip64's end record."""
    out = io.BytesIO()
    directory = io.BytesIO()
    for entry in entries:
        name = entry.name.encode()
        offset = out.tell()
        fields = (entry.flags, entry.method, 0, 0x21, entry.crc, len(entry.data), entry.size)
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, *fields, len(name), len(entry.extra)))
        out.write(name + entry.extra + entry.data)
        header = (20, 20, *fields, len(name), len(entry.extra), 0, 0, 0, 0o644 << 16, offset)
        directory.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", *header))
        directory.write(name + entry.extra)
    start = out.tell()
    out.write(directory.getvalue())
    count = len(entries)
    out.write(
        struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, directory.tell(), start, 0)
    )
    return out.getvalue()


def word_parts() -> list[Entry]:
    """The parts of a small real Word document (python-docx's default), deflated."""
    document = docx.Document()
    document.add_paragraph("Kinh phí: 300.000.000 đồng (Ba trăm triệu đồng).")
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as package:
        return [deflated(info.filename, package.read(info)) for info in package.infolist()]


def with_document(entry: Entry) -> list[Entry]:
    """A Word document's parts with its word/document.xml replaced by `entry`."""
    return [entry if e.name == DOCUMENT else e for e in word_parts()]


def zeros_stream(megabytes: int) -> bytes:
    """A raw deflate stream of `megabytes` MB of zeros, made in a moment: one MB deflated and
    flushed to a byte boundary with the dictionary reset, repeated, then a final empty block."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def zeros_crc(size: int) -> int:
    crc = 0
    for start in range(0, size, MB):
        crc = zlib.crc32(bytes(min(MB, size - start)), crc)
    return crc


def bomb(megabytes: int = 300) -> bytes:
    """A DOCX whose document part inflates to `megabytes` MB of zeros from a few hundred KB, its
    size declared honestly."""
    stream = zeros_stream(megabytes)
    size = megabytes * MB
    return zip_bytes(with_document(Entry(DOCUMENT, stream, size, zeros_crc(size))))


def lying_bomb(megabytes: int = 300, declared: int = 4096) -> bytes:
    """A DOCX whose document part declares `declared` bytes (and their CRC) but inflates to
    `megabytes` MB: read to its declared size it is zeros, no XML."""
    return zip_bytes(
        with_document(Entry(DOCUMENT, zeros_stream(megabytes), declared, zeros_crc(declared)))
    )


def _zipcrypto(data: bytes, password: bytes, check: int) -> bytes:
    """`data` encrypted with the traditional PKWARE cipher (APPNOTE 6.1), behind its 12-byte
    header whose last byte is `check` (the CRC's high byte)."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def crc_byte(crc: int, byte: int) -> int:  # one step of CRC-32, without zlib's inversions
        return ~zlib.crc32(bytes([byte]), ~crc & 0xFFFFFFFF) & 0xFFFFFFFF

    def update(byte: int) -> None:
        keys[0] = crc_byte(keys[0], byte)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)

    for byte in password:
        update(byte)
    out = bytearray()
    for byte in os.urandom(11) + bytes([check]) + data:
        temp = keys[2] | 2
        out.append(byte ^ (((temp * (temp ^ 1)) >> 8) & 0xFF))
        update(byte)
    return bytes(out)


def encrypted() -> bytes:
    """A DOCX whose document part is encrypted (ZipCrypto, password PASSWORD)."""
    (part,) = [e for e in word_parts() if e.name == DOCUMENT]
    secret = _zipcrypto(part.data, PASSWORD, part.crc >> 24)
    return zip_bytes(with_document(replace(part, data=secret, flags=0x1)))


def aes() -> bytes:
    """A DOCX whose document part is stored with method 99, WinZip's AES (its extra field
    0x9901: AE-2, AES-256, deflated), the data not decryptable by zipfile."""
    (part,) = [e for e in word_parts() if e.name == DOCUMENT]
    extra = struct.pack("<2H", 0x9901, 7) + struct.pack("<H2sBH", 2, b"AE", 3, 8)
    data = os.urandom(16) + part.data + os.urandom(10)  # salt and check, data, authentication
    return zip_bytes(
        with_document(replace(part, data=data, method=99, flags=0x1, extra=extra, crc=0))
    )


def method(number: int) -> bytes:
    """A DOCX whose document part claims compression method `number`."""
    (part,) = [e for e in word_parts() if e.name == DOCUMENT]
    return zip_bytes(with_document(replace(part, method=number)))


def broken_deflate() -> bytes:
    """A DOCX whose document part's deflate stream starts with an invalid block type."""
    (part,) = [e for e in word_parts() if e.name == DOCUMENT]
    return zip_bytes(with_document(replace(part, data=b"\xff" + part.data[1:])))


def many_entries(count: int = 10_001) -> bytes:
    """A DOCX with `count` entries more than its own parts (empty files)."""
    empty = deflated("x", b"")
    padding = [replace(empty, name=f"customXml/item{n}.xml") for n in range(count)]
    return zip_bytes([*word_parts(), *padding])


def hostile_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every hostile DOCX above, written in `folder`: (what it is, its path)."""
    for name, data in (
        ("bom", bomb()),
        ("bom-noi-doi", lying_bomb()),
        ("ma-hoa", encrypted()),
        ("aes", aes()),
        ("nen-la", method(14)),
        ("deflate-hong", broken_deflate()),
        ("qua-nhieu-muc", many_entries()),
    ):
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        yield name, path
