"""Seeded mutators: each takes a ``random.Random`` and a file's bytes (or a data package's JSON)
and returns a damaged variant, at one level — bytes, zip entries, XML, JSON structure, cell
values, texts. Deterministic for a seed, so every failing case can be made again."""

from __future__ import annotations

import io
import json
import random
import re
import struct
import zipfile
from collections.abc import Callable
from typing import Any

# ── bytes ──


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))] if rng.random() < 0.8 else data[:-1]


def splice_random(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    cut = rng.randint(0, 64) if rng.random() < 0.5 else 0
    return data[:i] + junk + data[i + cut :]


BYTE_MUTATORS: list[Callable[[random.Random, bytes], bytes]] = [
    flip_bits,
    truncate,
    splice_random,
]

# ── zip containers (.xlsx, .docx) ──


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zipped(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in entries:
            archive.writestr(info.filename, content)
    return out.getvalue()


def _central_records(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(rb"PK\x01\x02", data)]


def _local_records(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(rb"PK\x03\x04", data)]


def zip_flag_encrypted(rng: random.Random, data: bytes) -> bytes:
    """An entry flagged as encrypted (general purpose bit 0), in both headers."""
    out = bytearray(data)
    for offset, at in ((6, _local_records(data)), (8, _central_records(data))):
        if at:
            i = rng.choice(at) + offset
            out[i] |= 0x01
    return bytes(out)


def zip_flag_utf8_bad_name(rng: random.Random, data: bytes) -> bytes:
    """A name flagged UTF-8 (bit 11) whose bytes are not UTF-8."""
    out = bytearray(data)
    for at, flag_at, name_at, length_at in (
        (_central_records(data), 8, 46, 28),
        (_local_records(data), 6, 30, 26),
    ):
        if not at:
            continue
        start = rng.choice(at)
        out[start + flag_at + 1] |= 0x08
        (length,) = struct.unpack_from("<H", out, start + length_at)
        if length:
            out[start + name_at] = 0xFF
    return bytes(out)


def zip_unknown_method(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for at, offset in ((_central_records(data), 10), (_local_records(data), 8)):
        if at:
            struct.pack_into("<H", out, rng.choice(at) + offset, 99)
    return bytes(out)


def zip_damage_stream(rng: random.Random, data: bytes) -> bytes:
    """A flipped bit inside an entry's compressed data (zlib error, bad CRC)."""
    at = _local_records(data)
    if not at:
        return flip_bits(rng, data)
    start = rng.choice(at)
    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
    (size,) = struct.unpack_from("<I", data, start + 18)
    begin = start + 30 + name_len + extra_len
    if size == 0:
        return flip_bits(rng, data)
    out = bytearray(data)
    i = begin + rng.randrange(size)
    out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def zip_drop_entry(rng: random.Random, data: bytes) -> bytes:
    entries = _entries(data)
    del entries[rng.randrange(len(entries))]
    return _zipped(entries)


def zip_mutate_xml(rng: random.Random, data: bytes) -> bytes:
    """One XML entry changed by an XML mutator, the container rebuilt properly."""
    entries = _entries(data)
    xml = [i for i, (info, _) in enumerate(entries) if info.filename.endswith(".xml")]
    i = rng.choice(xml)
    info, content = entries[i]
    entries[i] = (info, rng.choice(XML_MUTATORS)(rng, content))
    return _zipped(entries)


ZIP_MUTATORS: list[Callable[[random.Random, bytes], bytes]] = [
    zip_flag_encrypted,
    zip_flag_utf8_bad_name,
    zip_unknown_method,
    zip_damage_stream,
    zip_drop_entry,
    zip_mutate_xml,
    zip_mutate_xml,
    zip_mutate_xml,
]

# ── XML inside a container ──

_TEXT_NODE = re.compile(rb"(<(?:w:t|t|v)(?: [^>]*)?>)([^<]*)(</)")


def xml_drop_element(rng: random.Random, xml: bytes) -> bytes:
    tags = [m.span() for m in re.finditer(rb"<[^>]+>", xml)]
    a, b = rng.choice(tags)
    return xml[:a] + xml[b:]


def xml_text_value(rng: random.Random, xml: bytes) -> bytes:
    """A text or value node replaced with something odd."""
    nodes = list(_TEXT_NODE.finditer(xml))
    if not nodes:
        return xml_drop_element(rng, xml)
    m = rng.choice(nodes)
    odd = rng.choice(
        [
            b"9" * rng.choice([10, 400, 5000]),
            b"-3",
            b"1.5",
            b"-0.0",
            b"1e308",
            b"NaN",
            b"&#1;",
            b"&#xFFFE;",
            "\u2028".encode(),
            "二〇二一年".encode() * rng.randint(1, 50),
            b"",
            "— 3 —".encode(),
        ]
    )
    return xml[: m.start(2)] + odd + xml[m.end(2) :]


def xml_entity(rng: random.Random, xml: bytes) -> bytes:
    """An entity declaration: external or exponential, as an attacker would write one."""
    decl = rng.choice(
        [
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        ]
    )
    end = xml.find(b"?>")
    return xml[: end + 2] + decl + xml[end + 2 :] if end >= 0 else decl + xml


def xml_far_cell(rng: random.Random, xml: bytes) -> bytes:
    """A worksheet without its <dimension>, or with one cell at the sheet's far corner."""
    xml = re.sub(rb"<dimension [^>]*/>", b"", xml)
    if b"</sheetData>" in xml and rng.random() < 0.7:
        far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        xml = xml.replace(b"</sheetData>", far + b"</sheetData>")
    return xml


def xml_duplicate_chunk(rng: random.Random, xml: bytes) -> bytes:
    a = rng.randrange(len(xml))
    b = min(len(xml), a + rng.randint(1, 400))
    return xml[:b] + xml[a:b] * rng.randint(1, 20) + xml[b:]


XML_MUTATORS: list[Callable[[random.Random, bytes], bytes]] = [
    xml_drop_element,
    xml_text_value,
    xml_text_value,
    xml_entity,
    xml_far_cell,
    xml_duplicate_chunk,
]

# ── the data package's JSON ──

ODD_TEXTS = [
    "\ud800",  # a lone surrogate: valid JSON, no valid UTF-8
    "正文\udfff中间",
    "控制\x01字符\x1f",
    "\ufffe\uffff",
    "行\u2028分隔\u2029段落",
    "\x00",
    "1" * 5000 + "件",
    "共收到申请" + "9" * 400 + "件。",
    "2020年" * 2000,
    "〇" * 300,
    "\t\r\n  ",
    "𬌗堃喆玥赟䶮",
    "=SUM(A1:A9)",
    "一" * 70_000,
    "共收到申请" + "二" * 60_000,  # a stated number that never ends in 件
    "在" * 100_000 + "（http://",  # a portal's name that never ends
    "电话：" + "1" * 50_000,
    "《" * 50_000,
]
ODD_VALUES: list[Any] = [
    -1,
    -0.0,
    "-0.0",
    "0.00001",
    "1e5",
    999_999_999,
    1_000_000_000,
    "__digits__5000",  # an integer of 5,000 digits, written out by ``dumps``
    1.5,
    "１２",
    None,
    True,
    [],
    {},
    "x",
    "99999999999999999999.9999",
]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*path, i))
    return found


def _set(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = root
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return root


def json_structure(rng: random.Random, package: dict[str, Any]) -> Any:
    """A node replaced by another type, deleted, or nested deeper than any parser likes."""
    path = rng.choice(_paths(package))
    choice = rng.random()
    if choice < 0.15:  # written out by ``dumps``: json.dumps itself cannot nest that deep
        return _set(package, path, f"{_DEEP}{rng.choice([50, 1100, 5000])}")
    if choice < 0.35 and path:
        parent = package
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]
        return package
    return _set(package, path, rng.choice([*ODD_VALUES, "文字", {"x": 1}, [1, 2]]))


def json_value(rng: random.Random, package: dict[str, Any]) -> Any:
    """A table cell, the year or a date given an odd value."""
    cells = [p for p in _paths(package) if len(p) == 4 and p[0] == "tables"]
    targets = [*cells, ("year",), ("signed_on",), ("published_on",), ("status",)]
    path = rng.choice(targets)
    value = rng.choice(
        [*ODD_VALUES, 2100, 1999, "2021-02-30", "2022-01-20", "published", 10**30, 10**12]
    )
    return _set(package, path, value)


def json_text(rng: random.Random, package: dict[str, Any]) -> Any:
    """A text field (or a key) given an odd text, or 一 given very many sub-sections."""
    if rng.random() < 0.1:
        count = rng.choice([99, 100, 109, 110, 150])
        package["texts"]["overview"]["subsections"] = [
            {"title": f"第{i}节", "body": "正文。"} for i in range(count)
        ]
        return package
    texts = [
        p
        for p in _paths(package)
        if p and p[0] in ("organization", "meta", "texts") and isinstance(_get(package, p), str)
    ]
    odd = rng.choice(ODD_TEXTS)
    if rng.random() < 0.1:  # in a key
        package["meta"][odd] = "x"
        return package
    path = rng.choice(texts or [("organization",)])
    current = _get(package, path)
    where = rng.randrange(len(current) + 1) if isinstance(current, str) else 0
    mixed = current[:where] + odd + current[where:] if isinstance(current, str) else odd
    return _set(package, path, mixed)


def _get(root: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        root = root[key]
    return root


JSON_MUTATORS: list[Callable[[random.Random, dict[str, Any]], Any]] = [
    json_structure,
    json_value,
    json_text,
    json_text,
]


_DEEP = "__nested__"


def dumps(package: Any, rng: random.Random) -> bytes:
    """The mutated package as a file: UTF-8 as we write it, or ASCII with surrogates escaped as
    JSON allows; a "__nested__N" marker becomes N nested lists, "__digits__N" an N-digit number."""
    text = json.dumps(package, ensure_ascii=rng.random() < 0.5, indent=1)
    text = re.sub(rf'"{_DEEP}(\\d+)"', lambda m: "[" * int(m[1]) + "0" + "]" * int(m[1]), text)
    text = re.sub(r'"__digits__(\d+)"', lambda m: "7" * int(m[1]), text)
    return text.encode("utf-8", "surrogatepass")
