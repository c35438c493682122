"""The package's own parts (Open Packaging Conventions, ECMA-376 Part 2): the content types,
[Content_Types].xml, and the relationships of the package and of each part (.rels), read and
written."""

from __future__ import annotations

from lxml import etree

from baocao.ooxml.elements import parse_xml, serialize
from baocao.ooxml.namespaces import CONTENT_TYPES_NS, NAMESPACES, RELATIONSHIPS_NS

EXTERNAL = "External"  # a relationship's TargetMode when it points outside the package
RELATIONSHIPS_CONTENT_TYPE = "application/vnd.openxmlformats-package.relationships+xml"  # .rels

# Relationship types: an office document's are its relationships namespace and a last word
# ("styles", "image"); the package's own are under the package relationships namespace.
OFFICE_DOCUMENT = NAMESPACES["r"] + "/"
IMAGE = OFFICE_DOCUMENT + "image"
CORE_PROPERTIES = RELATIONSHIPS_NS + "/metadata/core-properties"


def read_content_types(blob: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml: the defaults by extension and the overrides by part name, both
    keyed in lower case."""
    types = parse_xml(blob)
    defaults = {
        e.get("Extension", "").lower(): e.get("ContentType", "")
        for e in types.iterchildren(f"{{{CONTENT_TYPES_NS}}}Default")
    }
    overrides = {
        e.get("PartName", "").lower(): e.get("ContentType", "")
        for e in types.iterchildren(f"{{{CONTENT_TYPES_NS}}}Override")
    }
    return defaults, overrides


def content_types(defaults: list[tuple[str, str]], overrides: list[tuple[str, str]]) -> bytes:
    """[Content_Types].xml from (extension, type) defaults and (part name, type) overrides."""
    types = parse_xml(f'<Types xmlns="{CONTENT_TYPES_NS}"/>'.encode())
    for kind, pairs, key in (
        ("Default", defaults, "Extension"),
        ("Override", overrides, "PartName"),
    ):
        for name, content_type in pairs:
            entry = etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}{kind}")
            entry.set(key, name)
            entry.set("ContentType", content_type)
    return serialize(types)


def read_relationships(blob: bytes) -> list[tuple[str, str, str, bool]]:
    """A .rels part: each relationship's id, type, target and whether it is external."""
    return [
        (r.get("Id", ""), r.get("Type", ""), r.get("Target", ""), r.get("TargetMode") == EXTERNAL)
        for r in parse_xml(blob).iterchildren(f"{{{RELATIONSHIPS_NS}}}Relationship")
    ]


def relationships(entries: list[tuple[str, str, str, bool]]) -> bytes:
    """A .rels part from (id, type, target, external) entries."""
    rels = parse_xml(f'<Relationships xmlns="{RELATIONSHIPS_NS}"/>'.encode())
    for rid, kind, target, external in entries:
        entry = etree.SubElement(rels, f"{{{RELATIONSHIPS_NS}}}Relationship")
        entry.set("Id", rid)
        entry.set("Type", kind)
        entry.set("Target", target)
        if external:
            entry.set("TargetMode", EXTERNAL)
    return serialize(rels)
