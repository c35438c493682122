"""A package's zip read safely: within limits, or refused with the reason.

A DOCX is a zip of parts; a hostile one can hold a part that inflates to gigabytes from a few
hundred kilobytes (a zip bomb), millions of entries, encrypted entries or compression methods
Python's zipfile cannot read (AES, method 99), or a broken deflate stream. Before anything is
inflated, the central directory is checked: how many entries it holds (read from its end
record, before zipfile builds one object per entry), each entry's method and encryption, each
part's and all parts' declared sizes. A part is then inflated here, a chunk at a time from its
stored bytes, and counted: a part that inflates to more than its declared size (a bomb that
lies about its size) is refused at the first chunk past it, and one whose bytes end early or
whose CRC differs is broken. Whatever zlib or zipfile says of a broken file is an ArchiveError;
its message is one Vietnamese clause, for the caller's sentence.

zipfile reads the central directory only. Only the methods a package may use are read
(ECMA-376 Part 2: stored and deflated).
"""

from __future__ import annotations

import enum
import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

MB = 1024 * 1024
CHUNK = MB  # bytes inflated at a time
METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
AES = 99  # WinZip's AES encryption, in place of a compression method
DIRECTORY_BYTES_PER_ENTRY = 256  # room an entry of the central directory may take on average


@dataclass(frozen=True)
class Limits:
    """How much a package may hold: a part's and all parts' bytes once inflated, and entries."""

    part: int = 200 * MB
    total: int = 512 * MB
    entries: int = 10_000


LIMITS = Limits()


class Refusal(enum.Enum):
    """Why a zip is refused."""

    NOT_ZIP = "not a zip"
    ENTRIES = "too many entries"
    ENCRYPTED = "an encrypted entry"
    METHOD = "a compression method a package does not use"
    PART_SIZE = "a part too large once inflated"
    TOTAL_SIZE = "parts too large together once inflated"
    BROKEN = "a part that does not inflate"
    CONTENT = "XML past the bounds of a document (baocao.ooxml.limits)"


class ArchiveError(Exception):
    """A zip refused: its reason, the entry concerned ("" for the whole zip), and how many bytes
    had been inflated when it was refused."""

    def __init__(self, reason: Refusal, message: str, member: str = "", inflated: int = 0):
        super().__init__(message)
        self.reason = reason
        self.member = member
        self.inflated = inflated


# A local file header, the end of central directory record, and zip64's locator and record
# (PKWARE's APPNOTE 4.3).
_LOCAL = struct.Struct("<4s5H3L2H")
_END = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_END = struct.Struct("<4sQ2H2L4Q")
_COMMENT = 0xFFFF  # the longest comment after the end record


def _directory_size(file: BinaryIO) -> tuple[int, int]:
    """The number of entries and the bytes of the central directory, as the end record (or
    zip64's) declares them; (0, 0) when there is none (zipfile then says why)."""
    file.seek(0, io.SEEK_END)
    start = max(0, file.tell() - _END.size - _COMMENT)
    file.seek(start)
    tail = file.read()
    at = tail.rfind(_END_SIGNATURE)
    if at < 0 or len(tail) - at < _END.size:
        return 0, 0
    entries, size = _END.unpack_from(tail, at)[4:6]
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        locator_at = start + at - _ZIP64_LOCATOR.size
        if locator_at >= 0:
            file.seek(locator_at)
            locator = file.read(_ZIP64_LOCATOR.size)
            if len(locator) == _ZIP64_LOCATOR.size and locator[:4] == b"PK\x06\x07":
                file.seek(_ZIP64_LOCATOR.unpack(locator)[2])
                record = file.read(_ZIP64_END.size)
                if len(record) == _ZIP64_END.size and record[:4] == b"PK\x06\x06":
                    entries, size = _ZIP64_END.unpack(record)[7:9]
    return entries, size


def _megabytes(size: int) -> str:
    return f"{_thousands(size // MB)} MB"


def _thousands(number: int) -> str:
    """A count as Vietnamese writes it, "10.000", as babel writes numbers for vi_VN."""
    from babel.numbers import format_decimal

    return format_decimal(number, locale="vi_VN")


class Archive:
    """A zip package open for reading, its directory checked against `limits`; a context
    manager (the file is closed at its end)."""

    def __init__(self, source: Path | bytes, limits: Limits = LIMITS) -> None:
        self.limits = limits
        self.inflated = 0  # bytes inflated so far, every part read counted
        self._file: BinaryIO = (
            io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
        )
        try:
            self._zip = self._open()
        except BaseException:
            self._file.close()
            raise
        self._infos = {info.filename: info for info in self._zip.infolist()}
        try:
            self._check()
        except BaseException:
            self.close()
            raise

    def _too_many(self) -> ArchiveError:
        limit = _thousands(self.limits.entries)
        return ArchiveError(Refusal.ENTRIES, f"tệp nén có quá nhiều mục (hơn {limit})")

    def _open(self) -> zipfile.ZipFile:
        entries, size = _directory_size(self._file)
        if entries > self.limits.entries or size > self.limits.entries * DIRECTORY_BYTES_PER_ENTRY:
            raise self._too_many()  # before zipfile makes an object of each
        try:
            return zipfile.ZipFile(self._file)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
                struct.error, NotImplementedError):  # fmt: skip
            raise ArchiveError(Refusal.NOT_ZIP, "tệp hỏng hoặc không phải DOCX") from None

    def _check(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.entries:
            raise self._too_many()
        total = 0
        for info in infos:
            name = info.filename
            if info.flag_bits & 0x1 or info.compress_type == AES:
                raise ArchiveError(
                    Refusal.ENCRYPTED,
                    f"phần {name} được mã hóa bằng mật khẩu trong tệp nén: xin bản .docx không "
                    "đặt mật khẩu",
                    name,
                )
            if info.compress_type not in METHODS:
                raise ArchiveError(
                    Refusal.METHOD,
                    f"phần {name} được nén theo cách DOCX không dùng (phương pháp "
                    f"{info.compress_type})",
                    name,
                )
            if info.file_size > self.limits.part:
                raise ArchiveError(
                    Refusal.PART_SIZE,
                    f"phần {name} giải nén ra hơn {_megabytes(self.limits.part)}: quá lớn cho "
                    "một văn bản (tệp nén bất thường)",
                    name,
                )
            total += info.file_size
            if total > self.limits.total:
                raise ArchiveError(
                    Refusal.TOTAL_SIZE,
                    f"các phần giải nén ra hơn {_megabytes(self.limits.total)}: quá lớn cho một "
                    "văn bản (tệp nén bất thường)",
                )

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        self._file.close()

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        """A part's size once inflated, as the directory declares it (a part never inflates
        past it: `read` refuses it first); KeyError when there is no such part."""
        return self._infos[name].file_size

    def read(self, name: str) -> bytes:
        """A part's bytes, inflated within the limits; KeyError when there is no such part."""
        return b"".join(self._inflate(name, keep=True))

    def verify(self) -> None:
        """Inflate every part within the limits, checking its CRC, and keep nothing: what
        another reader inflates next cannot surprise it."""
        for name in self._infos:
            self._inflate(name, keep=False)

    def _inflate(self, name: str, keep: bool) -> list[bytes]:
        """A part's bytes a chunk at a time (kept if `keep`), counted. A part whose bytes are not
        what the directory declares (its size, its CRC) is broken: it never inflates past its
        declared size, which the limits bound, by more than a chunk."""
        info = self._infos[name]
        chunks = []
        size = crc = 0
        try:
            for chunk in self._chunks(info):
                size += len(chunk)
                self.inflated += len(chunk)
                if size > info.file_size:  # more than declared: a bomb in disguise
                    raise self._broken(name)
                crc = zlib.crc32(chunk, crc)
                if keep:
                    chunks.append(chunk)
        except (zlib.error, OSError, struct.error):
            raise self._broken(name) from None
        if size != info.file_size or crc != info.CRC:
            raise self._broken(name)
        return chunks

    def _broken(self, name: str) -> ArchiveError:
        return ArchiveError(
            Refusal.BROKEN, f"phần {name} hỏng, không giải nén được", name, self.inflated
        )

    def _chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """An entry's bytes, inflated a chunk at a time from its stored bytes (after its local
        header), never more than a chunk at once however much the stream holds."""
        self._file.seek(info.header_offset)
        header = self._file.read(_LOCAL.size)
        if len(header) < _LOCAL.size or header[:4] != b"PK\x03\x04":
            raise self._broken(info.filename)
        name_length, extra_length = _LOCAL.unpack(header)[-2:]
        self._file.seek(info.header_offset + _LOCAL.size + name_length + extra_length)
        stored = info.compress_size
        if info.compress_type == zipfile.ZIP_STORED:
            while stored > 0:
                chunk = self._file.read(min(CHUNK, stored))
                if not chunk:
                    raise self._broken(info.filename)  # the file ends early
                stored -= len(chunk)
                yield chunk
            return
        stream = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as zip stores it
        while not stream.eof:
            if stream.unconsumed_tail:
                data = stream.unconsumed_tail
            else:
                data = self._file.read(min(CHUNK, stored))
                stored -= len(data)
                if not data:
                    raise self._broken(info.filename)  # the stream ends early
            chunk = stream.decompress(data, CHUNK)
            if chunk:
                yield chunk
