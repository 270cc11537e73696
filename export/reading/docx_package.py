"""The data package inside our Word document, so that importing it again loses nothing (the
writer attaches it, the reader finds it: both halves here, beside the body walk they share).

A .docx is a zip of XML parts, and Word keeps a custom XML part (``customXml/itemN.xml``) it does
not understand when it saves the document again. Ours holds what the workbook's hidden sheet
holds — the data package, with 说明 and the automatic 落款日期 — and the marks the package
leaves out (cells filled from last year's report, texts copied from it not yet updated), and a
fingerprint of the words the document shows. While they are unchanged the package is the report
exactly; once somebody has edited the document in Word, the reader takes words and numbers from
the document and from the package only what the document cannot show.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from defusedxml.ElementTree import fromstring
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from model.format.declaration import CellRef, Role
from model.format.format_2021 import TABLES
from model.package import PackageRead, dumps_package, read_package
from model.report import Report

from .docx_blocks import body_blocks, fingerprint

NAMESPACE = "urn:nianbao-zhushou:word-package:1"
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_TAG = f"{{{NAMESPACE}}}report"


@dataclass
class EmbeddedPackage:
    read: PackageRead  # the report as exported, and the problems of its raw values
    visible: str  # the fingerprint of the document's words when it was exported
    carried: set[CellRef]
    pending_texts: set[str]

    def report(self) -> Report:
        """The exported report with its marks."""
        report = self.read.report
        report.carried = set(self.carried)
        report.pending_texts = set(self.pending_texts)
        return report


def attach_package(document: Any, report: Report) -> None:
    """Add the package part to a finished document (its body is fingerprinted as it stands)."""
    root = ET.Element(_TAG, {"visible": fingerprint(body_blocks(document.element.body))})
    ET.SubElement(root, f"{{{NAMESPACE}}}package").text = dumps_package(report)
    ET.SubElement(root, f"{{{NAMESPACE}}}carried").text = "\n".join(
        sorted(ref.path for ref in report.carried)
    )
    ET.SubElement(root, f"{{{NAMESPACE}}}pending").text = "\n".join(sorted(report.pending_texts))
    package = document.part.package
    item = Part(
        package.next_partname("/customXml/item%d.xml"),
        "application/xml",
        ET.tostring(root, encoding="UTF-8", xml_declaration=True),
        package,
    )
    # Word names each data store item by a GUID in its properties part, and drops items without.
    item_id = uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE + root.get("visible", ""))
    properties = ET.Element(
        f"{{{_DATASTORE}}}datastoreItem", {f"{{{_DATASTORE}}}itemID": f"{{{item_id}}}".upper()}
    )
    references = ET.SubElement(properties, f"{{{_DATASTORE}}}schemaRefs")
    ET.SubElement(references, f"{{{_DATASTORE}}}schemaRef", {f"{{{_DATASTORE}}}uri": NAMESPACE})
    props_name = PackURI(item.partname.replace("item", "itemProps"))
    props = Part(
        props_name,
        CT.OFC_CUSTOM_XML_PROPERTIES,
        ET.tostring(properties, encoding="UTF-8", xml_declaration=True),
        package,
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def embedded_package(document: Any) -> EmbeddedPackage | None:
    """Our package part of an opened document, None when it has none; FileRefused (saying why)
    when it has one that cannot be read."""
    for relationship in document.part.rels.values():
        if relationship.reltype != RT.CUSTOM_XML or relationship.is_external:
            continue
        try:
            root = fromstring(relationship.target_part.blob)
        except Exception:  # defusedxml and expat raise several kinds; each means "not ours"
            continue
        if root.tag == _TAG:
            return _read(root)
    return None


def _read(root: Any) -> EmbeddedPackage:
    def text(name: str) -> str:
        element = root.find(f"{{{NAMESPACE}}}{name}")
        return (element.text or "") if element is not None else ""

    read = read_package(text("package"))
    fields = {path for path, _ in read.report.text_fields()}
    return EmbeddedPackage(
        read,
        root.get("visible", ""),
        {ref for ref in map(_cell, text("carried").split()) if ref is not None},
        {path for path in text("pending").split() if path in fields},
    )


def _cell(path: str) -> CellRef | None:
    """A typed cell by its package path; None for anything else (the marks are a courtesy)."""
    parts = path.split(".")
    if len(parts) != 4 or parts[0] != "tables" or parts[1] not in TABLES:
        return None
    ref = CellRef(*parts[1:])
    table = TABLES[ref.table]
    return ref if ref in table.cells and table.role(ref) is Role.INPUT else None
