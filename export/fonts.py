"""Finding, loading and checking the fonts a PDF embeds.

Each role (title 小标宋/黑体, heading 黑体, subheading 楷体, body 仿宋) takes the user's choice from the
settings file, else the first font found on the machine: Windows' own (system and per-user font
folders), else free CJK TrueType fonts on Linux. Every font is embedded as a TrueType subset;
a font reportlab cannot embed (CFF outlines such as Noto Sans CJK, a licence forbidding
embedding) gets a clear message. Characters a face lacks are drawn by the first fallback font
that has them; ``missing`` says which characters no font has, so an export never prints a blank.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import pickle
import sys
from array import array
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace

from model.atomic import write_atomically
from model.paths import data_dir
from model.settings import FONT_ROLES, Settings

ROLES = tuple(role for role, _ in FONT_ROLES)

# Candidate file names per role, best first. Windows names, then Linux packages' files.
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": (
        "FZXBSJW.TTF",
        "方正小标宋简体.ttf",
        "simhei.ttf",
        "wqy-microhei.ttc",
        "wqy-zenhei.ttc",
        "uming.ttc",
    ),
    "heading": (
        "simhei.ttf",
        "wqy-microhei.ttc",
        "wqy-zenhei.ttc",
        "DroidSansFallbackFull.ttf",
        "uming.ttc",
    ),
    "subheading": (
        "simkai.ttf",
        "STKAITI.TTF",
        "ukai.ttc",
        "uming.ttc",
        "wqy-microhei.ttc",
        "wqy-zenhei.ttc",
    ),
    "body": (
        "simfang.ttf",
        "STFANGSO.TTF",
        "simsun.ttc",
        "uming.ttc",
        "wqy-microhei.ttc",
        "wqy-zenhei.ttc",
        "DroidSansFallbackFull.ttf",
    ),
}
# Tried, in order, for a character the role's face lacks (rare names, CJK extensions).
_FALLBACKS = (
    "simsun.ttc",
    "simsunb.ttf",
    "msyh.ttc",
    "uming.ttc",
    "ukai.ttc",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
    "HanaMinA.ttf",
    "HanaMinB.ttf",
)
_LINUX_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


class FontError(ValueError):
    """No usable font, or a chosen font that cannot be embedded; the message says what to do."""


@dataclass
class Fonts:
    """The registered reportlab font name of each role, and the fallback font files.

    Fallbacks are loaded only when a character needs one: parsing a CJK font takes ~0.1 s.
    """

    faces: dict[str, str]
    fallback_files: list[Path]
    files: dict[str, Path] = field(default_factory=dict)  # registered name → file
    _cmaps: dict[str, dict[int, int]] = field(default_factory=dict)
    _fallbacks: list[str] = field(default_factory=list)

    def font_for(self, char: str, role: str) -> str | None:
        """The font that draws ``char`` for ``role``: its face if it has the glyph, else a fallback."""
        code = ord(char)
        for name in (self.faces[role], *self._fallbacks):
            if code in self._cmap(name):
                return name
        while self.fallback_files:  # load the next fallback only now that a glyph is missing
            path = self.fallback_files.pop(0)
            try:
                name = register(path)
            except FontError:
                continue
            self.files[name] = path
            if name not in self._fallbacks:
                self._fallbacks.append(name)
            if code in self._cmap(name):
                return name
        return None

    def _cmap(self, name: str) -> dict[int, int]:
        if name not in self._cmaps:
            font = pdfmetrics.getFont(name)
            self._cmaps[name] = font.face.charToGlyph  # type: ignore[attr-defined]
        return self._cmaps[name]

    def missing(self, text: str, role: str) -> set[str]:
        return {c for c in set(text) if not c.isspace() and self.font_for(c, role) is None}


def font_folders() -> list[Path]:
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return [windows, local / "Microsoft" / "Windows" / "Fonts"]
    return [Path(folder).expanduser() for folder in _LINUX_FOLDERS]


def find_font_files(folders: list[Path] | None = None) -> dict[str, Path]:
    """Known font files on this machine, by lower-cased file name (first found wins)."""
    wanted = {name.lower() for names in _CANDIDATES.values() for name in names} | {
        n.lower() for n in _FALLBACKS
    }
    found: dict[str, Path] = {}
    for folder in folders if folders is not None else font_folders():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                key = name.lower()
                if key in wanted and key not in found:
                    found[key] = Path(root) / name
    return found


_REGISTERED: dict[Path, str] = {}  # one load per file and process


def register(path: Path) -> str:
    """Load a TrueType font (or the first face of a collection) for embedding; its font name."""
    path = Path(path)
    if path in _REGISTERED:
        return _REGISTERED[path]
    name = f"nb{len(_REGISTERED)}-{path.stem}"
    font = _from_cache(name, path)
    if font is None:
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except TTFError as error:
            raise FontError(_explain(path, str(error))) from None
        except OSError as error:
            raise FontError(f"无法读取字体文件“{path}”：{error.strerror or error}") from None
        _to_cache(font.face, path)
    if _forbids_embedding(font.face):
        raise FontError(
            f"字体“{path.name}”的授权不允许嵌入 PDF（或只允许嵌入点阵），请换一种字体。"
        )
    pdfmetrics.registerFont(font)
    _REGISTERED[path] = name
    return name


# Parsing a CJK font is reportlab's pure-Python work of 0.1–0.15 s a face, every time a program
# starts; the parsed metrics are kept in the data folder, keyed by the file and reportlab's
# version. The font file itself is mapped afresh (it is what gets subset and embedded). Tables of
# tens of thousands of small tuples and lists unpickle slowly (~50 ms a face), so the cache keeps
# the glyph metrics and positions as arrays, and what only reportlab's text shaping reads
# (glyphToChar) as a pickle opened on demand: ~12 ms a face.
_CACHE_FORMAT = 2
_NOT_KEPT = ("_ttf_data", "_pdfScale")
_ON_DEMAND = ("glyphToChar",)


def _cache_file(path: Path) -> Path | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{reportlab.Version}|{_CACHE_FORMAT}"
    return data_dir() / "font-cache" / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def _from_cache(name: str, path: Path) -> TTFont | None:
    cache = _cache_file(path)
    if cache is None or not cache.exists():
        return None
    try:
        state = pickle.loads(cache.read_bytes())
        advances, bearings = state.pop("hmetrics")
        face = _CachedFace.__new__(_CachedFace)
        face.__dict__.update(state, hmetrics=_HMetrics(advances, bearings))
        with path.open("rb") as file:  # mapped: only the glyphs a subset needs are read
            face._ttf_data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except Exception:
        return None
    units = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x, m=1000 / units: x * m)
    return _CachedFont(name, face)


def _to_cache(face: TTFontFace, path: Path) -> None:
    cache = _cache_file(path)
    if cache is None:
        return
    state = {key: value for key, value in face.__dict__.items() if key not in _NOT_KEPT}
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, OverflowError):
        # Advances past the font's last full metric are reportlab's scaled floats: kept as such.
        state["hmetrics"] = (
            array("d", (advance for advance, _ in face.hmetrics)),
            array("H", (bearing for _, bearing in face.hmetrics)),
        )
        state["glyphPos"] = array("L", face.glyphPos)
        state["_on_demand"] = {key: pickle.dumps(state.pop(key)) for key in _ON_DEMAND}
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cache, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


class _CachedFace(TTFontFace):
    """A parsed face restored from the cache; what only text shaping reads is unpickled on demand."""

    def __getattr__(self, name: str) -> Any:  # called only for attributes not yet set
        on_demand = self.__dict__.get("_on_demand", {})
        if name not in on_demand:
            raise AttributeError(name)
        value = pickle.loads(on_demand.pop(name))
        setattr(self, name, value)
        return value


class _HMetrics:
    """reportlab's list of (advance width, left side bearing) per glyph, over two arrays."""

    def __init__(self, advances: array, bearings: array) -> None:
        self.advances, self.bearings = advances, bearings

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self.advances[glyph], self.bearings[glyph]


class _CachedFont(TTFont):
    """A TTFont over an already parsed face: what ``TTFont.__init__`` sets besides parsing."""

    def __init__(self, name: str, face: TTFontFace) -> None:
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)


def load_fonts(settings: Settings, folders: list[Path] | None = None) -> Fonts:
    """The fonts of every role, the user's choices first; FontError when none can be used."""
    files = find_font_files(folders)
    faces: dict[str, str] = {}
    registered: dict[str, Path] = {}
    for role in ROLES:
        chosen = settings.fonts.get(role)
        if chosen:  # the user's choice must work, or they must hear why
            name = register(Path(chosen))
            faces[role], registered[name] = name, Path(chosen)
            continue
        for candidate in _CANDIDATES[role]:
            path = files.get(candidate.lower())
            if path is None:
                continue
            try:
                name = register(path)
            except FontError:
                continue
            faces[role], registered[name] = name, path
            break
    if len(faces) < len(ROLES):
        raise FontError(
            "找不到可以嵌入 PDF 的中文字体。Windows 上请确认 C:\\Windows\\Fonts 中有仿宋、黑体、楷体"
            "（simfang.ttf、simhei.ttf、simkai.ttf）；Linux 上请安装 fonts-wqy-microhei 或 fonts-arphic-uming；"
            "也可以在“字体设置”中指定 TrueType 字体文件（.ttf/.ttc）。"
        )
    fallbacks = [files[name.lower()] for name in _FALLBACKS if name.lower() in files]
    return Fonts(faces, fallbacks, registered)  # a face of one role may be another's fallback


def _forbids_embedding(face: TTFontFace) -> bool:
    """The OS/2 table's fsType: Restricted License (2), No Subsetting (0x100) or Bitmap Embedding
    Only (0x200). reportlab reads the flag but, with its default settings, embeds regardless."""
    table = face.table.get("OS/2")
    if table is None:
        return False
    offset = table["offset"] + 8  # version, xAvgCharWidth, usWeightClass, usWidthClass
    fs_type = int.from_bytes(face._ttf_data[offset : offset + 2], "big")
    return (fs_type & 0x000F) == 0x0002 or bool(fs_type & 0x0300)


def _explain(path: Path, detail: str) -> str:
    lowered = detail.lower()
    if "postscript outlines" in lowered or "cff" in lowered:
        return (
            f"字体“{path.name}”使用 CFF（PostScript）轮廓，无法嵌入 PDF。请改用 TrueType 字体"
            "（如仿宋 simfang.ttf、文泉驿微米黑 wqy-microhei.ttc）。"
        )
    return f"字体“{path.name}”无法使用（{detail}），请换一种 TrueType 字体。"
