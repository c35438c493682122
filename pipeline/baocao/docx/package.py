"""A DOCX as a package (Open Packaging Conventions): its parts, read by following the
relationships from the package's own, and written back reproducibly.

What python-docx's load and save did, and only that, so the finishing pass needs neither its
import nor its object model: the parts are read in the order of a depth-first walk of the
relationships; the XML parts python-docx parses (the document, its styles, settings, numbering,
headers, footers, comments, and the core properties) are parsed here and serialized back the way
it serializes them; every other part keeps its bytes. The content types and each part's
relationships are written anew, parts in the same order, so the same DOCX comes out byte for
byte — now with fixed dates: the same sources give the same bytes (SOURCE_DATE_EPOCH).

The zip is read through baocao.ooxml.archive, within its limits: what pandoc wrote is read as
safely as a file from elsewhere, and a file that is no readable package is one Vietnamese line
(BaocaoError), never a traceback.
"""

from __future__ import annotations

import functools
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml.etree import _Element

from baocao.ooxml import opc
from baocao.ooxml.archive import Archive, ArchiveError
from baocao.ooxml.elements import parse_xml, serialize
from baocao.problems import BaocaoError, display_path

CONTENT_TYPES = "/[Content_Types].xml"
# The content types whose parts python-docx parses (and writes back as it serializes them).
XML_PARTS = frozenset(
    "application/vnd.openxmlformats-" + kind
    for kind in (
        "package.core-properties+xml",
        "officedocument.wordprocessingml.comments+xml",
        "officedocument.wordprocessingml.document.main+xml",
        "officedocument.wordprocessingml.footer+xml",
        "officedocument.wordprocessingml.header+xml",
        "officedocument.wordprocessingml.numbering+xml",
        "officedocument.wordprocessingml.settings+xml",
        "officedocument.wordprocessingml.styles+xml",
    )
)
# The content types every package states by extension, whatever its parts (python-docx's).
PACKAGE_DEFAULTS = {"rels": opc.RELATIONSHIPS_CONTENT_TYPE, "xml": "application/xml"}
# (extension, content type) pairs that a content-types Default states rather than an Override.
DEFAULT_TYPES = frozenset(
    [
        *PACKAGE_DEFAULTS.items(),
        ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
        ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
        ("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"),
        ("bmp", "image/bmp"),
        ("emf", "image/x-emf"),
        ("fntdata", "application/x-fontdata"),
        ("gif", "image/gif"),
        ("jpe", "image/jpeg"),
        ("jpeg", "image/jpeg"),
        ("jpg", "image/jpeg"),
        ("png", "image/png"),
        ("tif", "image/tiff"),
        ("tiff", "image/tiff"),
        ("wdp", "image/vnd.ms-photo"),
        ("wmf", "image/x-wmf"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ]
)


@dataclass(frozen=True)
class Relationship:
    """A link from a part (or the package) to a part, or outside the package."""

    rid: str
    kind: str  # its type, a URI
    target: str  # a part name ("/word/styles.xml"), or as written when external
    external: bool


@dataclass
class Part:
    """A part: its name ("/word/document.xml"), content type, bytes or parsed XML, links."""

    name: str
    content_type: str
    blob: bytes
    relationships: list[Relationship] = field(default_factory=list)
    parsed: bool = False  # an XML part python-docx parses: written as lxml serializes it
    _element: _Element | None = None

    @property
    def edited(self) -> bool:
        """Whether its XML was handed out (to be edited): if not, it is written as read."""
        return self._element is not None

    @property
    def element(self) -> _Element:
        """The part's XML, parsed once (and written back from this element)."""
        if self._element is None:
            self._element = parse_xml(self.blob)
        return self._element


@functools.lru_cache(maxsize=32)
def _unedited(blob: bytes) -> bytes:
    """An XML part python-docx parses, written back unedited: as lxml serializes it once parsed.
    The same bytes give the same bytes: found once in a process for the parts that do not
    change from one build to the next (the styles, the headers, the numbering)."""
    return serialize(parse_xml(blob))


def _base(name: str) -> str:
    return posixpath.split(name)[0]


def _rels_name(name: str) -> str:
    """ "/word/document.xml" → "word/_rels/document.xml.rels"; "/" → "_rels/.rels"."""
    folder, file = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{file}.rels")[1:]


def _relative(name: str, base: str) -> str:
    return name[1:] if base == "/" else posixpath.relpath(name, base)


class Package:
    """The parts of a DOCX that its relationships reach, in the order of that walk."""

    def __init__(self, path: Path) -> None:
        try:
            with Archive(path) as archive:
                self._archive = archive
                defaults, overrides = opc.read_content_types(archive.read(CONTENT_TYPES[1:]))
                self._types = (defaults, overrides)
                self.relationships = self._read_relationships("/")
                self.parts: dict[str, Part] = {}
                self._walk(self.relationships)
        except ArchiveError as exc:
            raise BaocaoError(f"không đọc được tệp Word “{display_path(path)}”: {exc}") from None
        del self._archive

    def _read_relationships(self, source: str) -> list[Relationship]:
        try:
            blob = self._archive.read(_rels_name(source))
        except KeyError:
            return []
        base = "/" if source == "/" else _base(source)
        return [
            Relationship(
                rid,
                kind,
                target if external else posixpath.abspath(posixpath.join(base, target)),
                external,
            )
            for rid, kind, target, external in opc.read_relationships(blob)
        ]

    def _content_type(self, name: str) -> str:
        defaults, overrides = self._types
        if name.lower() in overrides:
            return overrides[name.lower()]
        extension = posixpath.splitext(name)[1][1:].lower()
        if extension in defaults:
            return defaults[extension]
        raise KeyError(f"no content type for partname '{name}' in [Content_Types].xml")

    def _walk(self, relationships: list[Relationship]) -> None:
        for relationship in relationships:
            if relationship.external or relationship.target in self.parts:
                continue
            name = relationship.target
            content_type = self._content_type(name)
            part = Part(
                name,
                content_type,
                self._archive.read(name[1:]),
                self._read_relationships(name),
                parsed=content_type in XML_PARTS and relationship.kind != opc.IMAGE,
            )
            self.parts[name] = part
            self._walk(part.relationships)

    def related(self, source: Part | None, kind: str) -> Part:
        """The part `source` (None: the package) links to with a relationship of `kind`
        (its last word: "styles", or a whole URI)."""
        relationships = self.relationships if source is None else source.relationships
        wanted = kind if "/" in kind else opc.OFFICE_DOCUMENT + kind
        for relationship in relationships:
            if relationship.kind == wanted and not relationship.external:
                return self.parts[relationship.target]
        raise KeyError(f"no relationship of type '{wanted}'")

    def entries(self, replaced: dict[str, bytes]) -> Iterator[tuple[str, bytes]]:
        """The package's members in the order written: the content types, the package's
        relationships, then each part followed by its relationships (if it has any). A part
        named in `replaced` is written with those bytes."""
        defaults = dict(PACKAGE_DEFAULTS)
        overrides = {}
        for part in self.parts.values():
            extension = posixpath.splitext(part.name)[1][1:]
            if (extension.lower(), part.content_type) in DEFAULT_TYPES:
                defaults[extension.lower()] = part.content_type
            else:
                overrides[part.name] = part.content_type
        yield (
            CONTENT_TYPES[1:],
            opc.content_types(sorted(defaults.items()), sorted(overrides.items())),
        )
        yield _rels_name("/"), self._relationships_xml(self.relationships, "/")
        for part in self.parts.values():
            if part.name in replaced:
                blob = replaced[part.name]
            elif part.parsed:
                blob = serialize(part.element) if part.edited else _unedited(part.blob)
            else:
                blob = part.blob
            yield part.name[1:], blob
            if part.relationships:
                yield (
                    _rels_name(part.name),
                    self._relationships_xml(part.relationships, _base(part.name)),
                )

    @staticmethod
    def _relationships_xml(relationships: list[Relationship], base: str) -> bytes:
        return opc.relationships(
            [
                (r.rid, r.kind, r.target if r.external else _relative(r.target, base), r.external)
                for r in relationships
            ]
        )

    def write(
        self, path: Path, stamp: tuple[int, int, int, int, int, int], replaced: dict[str, bytes]
    ) -> None:
        """Write the package to `path`, every member dated `stamp` and compressed alike, so
        equal parts give equal bytes. `replaced`: part name ("/docProps/app.xml") → its bytes."""
        with zipfile.ZipFile(path, "w") as target:
            for name, data in self.entries(replaced):
                entry = zipfile.ZipInfo(name, date_time=stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                target.writestr(entry, data)
