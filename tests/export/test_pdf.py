"""The PDF: fonts embedded, every heading, label and number present and in order, A4, the
whole 三 on one page, rare characters drawn, clear errors, reproducible bytes, a golden file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFace

from export import fonts as font_module
from export.document import render
from export.fonts import FontError, load_fonts
from export.pdf import MissingGlyphs, write_pdf
from model.format.declaration import CellRef, Role
from model.format.format_2021 import TABLES
from model.report import Report
from model.settings import Settings
from tests.helpers import ROOT, sample_report

GOLDEN = ROOT / "tests" / "golden" / "guanqiao-2021.pdf"
# The fonts .ci/run installs (Debian's fonts-wqy-microhei, fonts-arphic-uming/ukai): the golden
# file was made with exactly these.
GOLDEN_FONTS = {
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
}


def pdf_text(path: Path, *pages: int) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run(
        [*args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def flat(text: str) -> str:
    return "".join(text.split())


def export(report: Report, path: Path, *, errors: bool = False) -> Path:
    from model.checks import check_report

    problems = [p for p in check_report(report) if p.severity.value == "error"] if errors else []
    write_pdf(render(report, errors=problems), report, path)
    return path


def test_every_font_is_embedded_and_the_page_is_a4(tmp_path: Path) -> None:
    path = export(sample_report(), tmp_path / "s.pdf")
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5:-3] == ["yes", "yes"] for row in rows), fonts  # emb, sub
    assert all("TrueType" in row for row in rows)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info


def test_headings_labels_and_numbers_in_order(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "commercial"), 7)
    report.set_value(CellRef("applications", "disclosed", "commercial"), 7)
    report.set_value(CellRef("proactive", "fees", "amount"), __import__("decimal").Decimal("0.035"))
    text = flat(pdf_text(export(report, tmp_path / "s.pdf")))
    expected = [
        "海原县关桥乡人民政府2021年政府信息公开工作年度报告",
        "国务院办公厅政府信息与政务公开办公室",
        "一、总体情况",
        "（一）主动公开情况",
        "征地补偿",
        "（五）监督保障",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "本年制发件数",
        "行政事业性收费",
        "0.035",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "法人或其他组织",
        "一、本年新收政府信息公开申请数量",
        "四、政府信息公开行政复议、行政诉讼情况",
        "未经复议直接起诉",
        "复议后起诉",
        "五、存在的主要问题及改进情况",
        "树牢信息安全",
        "六、其他需要报告的事项",
        "无其他需要报告的事项。",
        "海原县关桥乡人民政府",
    ]
    position = 0
    for piece in expected:
        found = text.find(piece, position)
        assert found >= 0, piece
        position = found
    assert "—1—" in text and "—7—" in text


def longest(report: Report, value: int) -> Report:
    for table in TABLES.values():
        for ref in table.cells:
            if table.role(ref) is Role.INPUT and table.kind(ref).value == "count":
                report.values[ref] = value
    return report


def test_three_is_on_one_page_with_nine_digit_values(tmp_path: Path) -> None:
    report = longest(sample_report(), 123456789)
    path = export(report, tmp_path / "big.pdf", errors=True)
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(path)], capture_output=True, text=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    with_three = [
        p
        for p in range(1, pages + 1)
        if "三、收到和处理政府信息公开申请情况" in flat(pdf_text(path, p))
    ]
    (page,) = with_three
    one_page = flat(pdf_text(path, page))
    for label in (
        "一、本年新收政府信息公开申请数量",
        "1.属于国家秘密",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ):
        assert label in one_page, label
    assert one_page.count("123456789") >= 6 * 24  # every typed cell of 三 printed on that page


def test_rare_characters_are_drawn_by_a_fallback_font(tmp_path: Path) -> None:
    report = sample_report()
    report.texts.other = "联系人：王堃、李喆、张玥、刘赟、龑䶮。"
    path = export(report, tmp_path / "rare.pdf")
    assert "王堃、李喆、张玥、刘赟、龑䶮" in flat(pdf_text(path))


def test_a_character_no_font_has_stops_the_export_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        font_module, "_FALLBACKS", ("uming.ttc",)
    )  # as on a machine without HanaMinB
    report = sample_report()
    report.texts.problems = "本年度办理了𬌗字的查询。"
    target = tmp_path / "missing.pdf"
    with pytest.raises(MissingGlyphs, match="五、存在的主要问题及改进情况：𬌗"):
        export(report, target)
    assert not target.exists()


def test_an_extension_b_character_is_drawn_when_a_font_has_it(tmp_path: Path) -> None:
    if not Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf").exists():
        if os.environ.get("CI"):
            pytest.fail(".ci/run installs fonts-hanazono")
        pytest.skip("no font with CJK extension characters here")
    report = sample_report()
    report.texts.problems = "本年度办理了𬌗字的查询。"
    path = export(report, tmp_path / "ext.pdf")
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "HanaMin" in fonts


def test_no_cjk_font_gives_the_clear_error_not_an_empty_pdf(tmp_path: Path) -> None:
    with pytest.raises(FontError, match="找不到可以嵌入 PDF 的中文字体"):
        load_fonts(Settings(), folders=[tmp_path])


def test_a_cff_font_chosen_by_the_user_gets_a_clear_message(tmp_path: Path) -> None:
    otf = tmp_path / "NotoSansCJK-Regular.otf"
    otf.write_bytes(b"OTTO\x00\x0a\x00\x80\x00\x03\x00\x20" + b"\x00" * 2000)
    with pytest.raises(FontError, match="CFF（PostScript）轮廓，无法嵌入 PDF"):
        load_fonts(Settings(fonts={"body": str(otf)}))


@pytest.mark.parametrize(
    ("fs_type", "refused"),
    [(0x0002, True), (0x0100, True), (0x0200, True), (0x0004, False), (0x0008, False)],
)
def test_a_font_whose_licence_forbids_embedding_gets_a_clear_message(
    tmp_path: Path, fs_type: int, refused: bool
) -> None:
    """fsType: restricted, no subsetting, bitmap only are refused; preview & print, editable not."""
    fonts = load_fonts(Settings())
    data = bytearray(fonts.files[fonts.faces["body"]].read_bytes())
    face = int.from_bytes(data[12:16]) if data[:4] == b"ttcf" else 0  # a collection's first face
    tables = int.from_bytes(data[face + 4 : face + 6])
    for entry in range(face + 12, face + 12 + 16 * tables, 16):
        if data[entry : entry + 4] == b"OS/2":
            os2 = int.from_bytes(data[entry + 8 : entry + 12])
            data[os2 + 8 : os2 + 10] = fs_type.to_bytes(2)
    licensed = tmp_path / f"licence-{fs_type:04x}.ttc"
    licensed.write_bytes(bytes(data))
    settings = Settings(fonts={"body": str(licensed)})
    if refused:
        with pytest.raises(FontError, match="授权不允许嵌入 PDF"):
            load_fonts(settings)
    else:
        assert load_fonts(settings).files[load_fonts(settings).faces["body"]] == licensed


def test_a_draft_is_marked(tmp_path: Path) -> None:
    report = sample_report()
    report.set_value(CellRef("applications", "new_requests", "research"), 1)
    path = export(report, tmp_path / "draft.pdf", errors=True)
    assert flat(pdf_text(path)).startswith("草稿：报告尚有1个错误")
    for page in range(1, 8):  # the big diagonal mark on every page (its letters come out apart)
        text = flat(pdf_text(path, page))
        assert "草" in text and "稿" in text, page


def test_the_same_report_gives_the_same_bytes(tmp_path: Path) -> None:
    first = export(sample_report(), tmp_path / "a.pdf").read_bytes()
    second = export(sample_report(), tmp_path / "b.pdf").read_bytes()
    assert first == second


def test_golden_file_of_the_sample(tmp_path: Path) -> None:
    used = {str(p) for p in load_fonts(Settings()).files.values()}
    if not used <= GOLDEN_FONTS | {"/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"}:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have exactly the golden file's fonts, found {sorted(used)}")
        pytest.skip(f"other fonts on this machine: {sorted(used)}")
    import reportlab

    report = sample_report()
    report.signed_on = __import__("datetime").date(2022, 1, 20)
    made = export(report, tmp_path / "golden.pdf")
    version = GOLDEN.with_name(GOLDEN.name + ".reportlab")
    if os.environ.get("NIANBAO_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(made.read_bytes())
        version.write_text(reportlab.__version__ + "\n")
    if version.read_text().strip() != reportlab.__version__:
        # Another reportlab writes other bytes: the text must still be the golden file's.
        assert pdf_text(made) == pdf_text(GOLDEN)
        pytest.skip(
            f"golden bytes are of reportlab {version.read_text().strip()}, not {reportlab.__version__}"
        )
    assert made.read_bytes() == GOLDEN.read_bytes(), (
        "re-make with NIANBAO_UPDATE_GOLDEN=1 after checking the pages"
    )


def test_windows_font_folders_system_and_per_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("WINDIR", r"C:\Windows")
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\张 三\AppData\Local")
    assert font_module.font_folders() == [
        Path(r"C:\Windows") / "Fonts",
        Path(r"C:\Users\张 三\AppData\Local") / "Microsoft" / "Windows" / "Fonts",
    ]


def test_windows_font_names_are_found_in_a_font_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name in ("simfang.ttf", "SIMHEI.TTF", "simkai.ttf", "simsun.ttc", "arial.ttf"):
        (folder / name).write_bytes(b"")
    found = font_module.find_font_files([folder])
    assert {"simfang.ttf", "simhei.ttf", "simkai.ttf", "simsun.ttc"} <= set(found)
    assert "arial.ttf" not in found


def as_in_a_new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the fonts loaded so far, here and in reportlab's registry, which keeps a name's
    first font."""
    monkeypatch.setattr(font_module, "_REGISTERED", {})
    kept = {name: font for name, font in pdfmetrics._fonts.items() if not name.startswith("nb")}
    monkeypatch.setattr(pdfmetrics, "_fonts", kept)
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", {})


def body_face() -> TTFontFace:
    fonts = load_fonts(Settings())
    return pdfmetrics.getFont(fonts.faces["body"]).face


def test_the_font_cache_gives_the_same_bytes_and_survives_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_data_folder: Path
) -> None:
    as_in_a_new_process(monkeypatch)  # with no cache yet
    first = export(sample_report(), tmp_path / "first.pdf").read_bytes()  # parses and caches
    cached = sorted((own_data_folder / "font-cache").glob("*.pickle"))
    assert cached
    as_in_a_new_process(monkeypatch)
    second = export(sample_report(), tmp_path / "second.pdf").read_bytes()
    assert isinstance(body_face(), font_module._CachedFace)  # read from the cache
    assert second == first
    for path in cached:
        path.write_bytes(b"not a pickle")
    as_in_a_new_process(monkeypatch)
    third = export(sample_report(), tmp_path / "third.pdf").read_bytes()  # parses again
    assert not isinstance(body_face(), font_module._CachedFace)
    assert third == first


def test_a_face_from_the_cache_holds_what_parsing_gives(
    monkeypatch: pytest.MonkeyPatch, own_data_folder: Path
) -> None:
    as_in_a_new_process(monkeypatch)
    parsed = body_face()  # parsed, and cached
    as_in_a_new_process(monkeypatch)
    cached = body_face()
    assert isinstance(cached, font_module._CachedFace)
    assert [cached.hmetrics[g] for g in range(len(parsed.hmetrics))] == parsed.hmetrics
    assert list(cached.glyphPos) == parsed.glyphPos
    assert cached.charWidths == parsed.charWidths and cached.charToGlyph == parsed.charToGlyph
    assert cached.glyphToChar == parsed.glyphToChar  # unpickled only now, on demand
    assert cached.get_table("glyf") == parsed.get_table("glyf")  # the file, mapped


def test_a_heading_never_ends_a_page(tmp_path: Path) -> None:
    """Whatever the length of the text before it, a heading (一…六, （一）…) is followed on its
    page by at least two lines of its text: the sample's intro grows a line at a time, so every
    sub-section heading comes to the foot of page 2 or 3 in one of the runs."""
    import re

    heading = re.compile(r"^(?:[一二三四五六]、|（[一二三四五六七八九十]+）)")
    report = sample_report()
    base = report.texts.overview.intro
    ended_on_heading = []
    for extra in range(0, 26):
        report.texts.overview.intro = base + "补充说明政府信息公开工作的开展情况。" * extra
        path = export(report, tmp_path / f"r{extra}.pdf")
        pages = pdf_text(path).split("\f")
        for number, page in enumerate(pages[:-1], start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            lines = [line for line in lines if not re.fullmatch(r"—\s*\d+\s*—", line)]
            if (
                lines and heading.match(lines[-1]) and not re.search(r"\d$", lines[-1])
            ):  # a table row
                ended_on_heading.append((extra, number, lines[-1]))
    assert ended_on_heading == []


def test_the_creation_date_is_the_exports_own_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # as in a real export
    path = export(sample_report(), tmp_path / "r.pdf")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    created = next(line for line in info.stdout.splitlines() if line.startswith("CreationDate"))
    assert str(dt.date.today().year) in created and "2000" not in created
