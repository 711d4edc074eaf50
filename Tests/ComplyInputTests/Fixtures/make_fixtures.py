#!/usr/bin/env python3
"""Writes the workbook fixtures of Tests/ComplyInputTests/XLSX*Tests.swift.

Run from anywhere: python3 make_fixtures.py (needs openpyxl and XlsxWriter: python3 -m pip install openpyxl
xlsxwriter). The workbooks are committed, so the tests read files written by other programs than comply.
openpyxl writes every string inline and cannot store a formula's cached value; XlsxWriter writes shared strings
(rich text too) and cached values, as Excel does. Two fixtures (a prefixed-namespace sheet of inline strings,
and the decompression bomb) are built by hand with zipfile as minimal packages.
"""
import datetime
import os
import struct
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2024, 1, 1)


def save(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(os.path.join(HERE, name))


def dates():
    """Serial-number dates in the 1900 system (the 1900-02-29 quirk), month formats, numbers, ids, booleans."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目编号", "项目名称", "环评批复日期", "总投资(万元)", "重大变动", "备注"])
    rows = [
        ("P-1", "real date", datetime.date(2018, 7, 16), None, 1200, None, "date cell"),
        ("P-2", "serial 59", 59, "yyyy-mm-dd", 0.5, None, "1900-02-28"),
        ("P-3", "serial 60", 60, "yyyy-mm-dd", None, None, "the day that never was"),
        ("P-4", "serial 61", 61, "yyyy-mm-dd", None, None, "1900-03-01"),
        ("P-5", "month", datetime.date(2019, 3, 1), "yyyy-mm", None, None, "month only"),
        ("P-6", "built-in 14", 43101, "mm-dd-yy", None, None, "2018-01-01"),
        ("P-7", "chinese month", datetime.date(2019, 11, 1), 'yyyy"年"m"月"', None, None, "month only"),
        ("007", "text id", datetime.datetime(2018, 7, 16, 8, 30), None, 1234.25, True, "leading zeros"),
        (2018001, "number id", "2018年7月16日", None, 0.1 + 0.2, False, "text date"),
    ]
    for pid, name, date, fmt, money, change, remark in rows:
        ws.append([pid, name, date, money, change, remark])
        if fmt:
            ws.cell(row=ws.max_row, column=3).number_format = fmt
    save(wb, "dates.xlsx")


def dates1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["项目编号", "环评批复日期"])
    ws.append(["P-1", datetime.date(2018, 7, 16)])
    ws.append(["P-2", 0])
    ws.cell(row=3, column=2).number_format = "yyyy-mm-dd"
    save(wb, "dates1904.xlsx")


def title():
    """A merged title row, a blank row, a two-row header, a county merged down, a blank row, a totals row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2018"
    ws["A1"] = "阿里地区2018年建设项目环评台账"
    ws.merge_cells("A1:F1")
    ws["A3"], ws["B3"], ws["C3"], ws["D3"], ws["F3"] = "项目编号", "项目名称", "县区", "环评", "总投资\n（万元）"
    for column in "ABCF":
        ws.merge_cells(f"{column}3:{column}4")
    ws.merge_cells("D3:E3")
    ws["D4"], ws["E4"] = "类别", "批复日期"
    data = [
        ("ALI-1", "水厂", "噶尔县", "报告表", datetime.date(2018, 3, 1), 100),
        ("ALI-2", "公路", None, "报告书", datetime.date(2018, 4, 1), 200),
        ("ALI-3", "电站", None, "登记表", None, 300),
        None,
        ("ALI-4", "学校", "普兰县", "报告表", datetime.date(2018, 5, 1), 400),
    ]
    for row in data:
        ws.append(list(row) if row else [])
    ws.merge_cells("C5:C7")
    ws.append(["合计", None, None, None, None, "=SUM(F5:F9)"])
    save(wb, "title.xlsx")


def counties():
    """One sheet per county, a sheet without a county column, and a sheet that is not a register."""
    wb = openpyxl.Workbook()
    gar = wb.active
    gar.title = "噶尔县"
    gar.append(["项目编号", "项目名称", "县区"])
    gar.append(["G-1", "水厂", None])
    gar.append(["G-2", "公路", "札达县"])
    burang = wb.create_sheet("普兰县")
    burang.append(["项目编号", "项目名称"])
    burang.append(["B-1", "学校"])
    notes = wb.create_sheet("说明")
    notes.append(["本表为示例"])
    hidden = wb.create_sheet("隐藏")
    hidden.append(["项目编号", "项目名称"])
    hidden.append(["H-1", "隐藏"])
    hidden.sheet_state = "hidden"
    save(wb, "counties.xlsx")


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:sheets><x:sheet name="Inline" sheetId="1" r:id="rId1"/></x:sheets>
</x:workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
</Relationships>"""


def package(name, sheet, compression=zipfile.ZIP_DEFLATED, parts=()):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", compression, compresslevel=9) as z:
        for part, text in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            *parts,
        ]:
            z.writestr(zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0)), text, compression)
        z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2024, 1, 1, 0, 0, 0)), sheet, compression)


def inline():
    """Inline strings (with rich-text runs and a phonetic guide), booleans, formulas with cached values, an
    error value, cells without references, a prefixed namespace and no shared strings or styles at all."""
    def istr(ref, text):
        return f'<x:c r="{ref}" t="inlineStr"><x:is><x:t>{text}</x:t></x:is></x:c>'

    rows = [
        '<x:row r="1">' + istr("A1", "项目编号") + istr("B1", "项目名称") + istr("C1", "重大变动")
        + istr("D1", "总投资(万元)") + istr("E1", "备注") + "</x:row>",
        '<x:row r="2">' + istr("A2", "P-1")
        + '<x:c r="B2" t="inlineStr"><x:is><x:r><x:t>狮泉河</x:t></x:r><x:r><x:rPr><x:b/></x:rPr>'
        + '<x:t xml:space="preserve"> 水厂</x:t></x:r><x:rPh sb="0" eb="1"><x:t>シ</x:t></x:rPh></x:is></x:c>'
        + '<x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2"><x:f>600*2</x:f><x:v>1200</x:v></x:c>'
        + '<x:c r="E2" t="str"><x:f>"a"&amp;"b"</x:f><x:v>a&amp;b_x000D_</x:v></x:c></x:row>',
        '<x:row r="4">' + istr("A4", "P-2") + '<x:c/><x:c t="b"><x:v>0</x:v></x:c>'
        + '<x:c t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="E4"><x:f>NOW()</x:f></x:c></x:row>',
        '<x:row r="5" spans="1:5"/>',
    ]
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<x:sheetData>" + "".join(rows) + "</x:sheetData></x:worksheet>"
    )
    package("inline.xlsx", sheet)


def bomb():
    """A sheet of 16 MiB of identical rows that deflates about 400 times."""
    row = '<row><c t="inlineStr"><is><t>' + "A" * 1000 + "</t></is></c></row>"
    rows = row * ((16 << 20) // len(row))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows + "</sheetData></worksheet>"
    )
    package("bomb.xlsx", sheet)


def shared():
    """Shared strings (a rich-text one among them), formulas with cached values, booleans, a date cell."""
    path = os.path.join(HERE, "shared.xlsx")
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": FIXED})
    ws = wb.add_worksheet("共享")
    bold = wb.add_format({"bold": True})
    date = wb.add_format({"num_format": "yyyy/m/d"})
    for column, header in enumerate(["项目编号", "项目名称", "环评批复日期", "总投资(万元)", "重大变动", "备注"]):
        ws.write_string(0, column, header)
    ws.write_string(1, 0, "P-1")
    ws.write_rich_string(1, 1, "狮泉河", bold, "水厂", "工程")
    ws.write_datetime(1, 2, datetime.datetime(2018, 7, 16), date)
    ws.write_formula(1, 3, "=600*2", None, 1200)
    ws.write_boolean(1, 4, True)
    ws.write_formula(1, 5, '="a"&"b"', None, "ab")
    ws.write_string(2, 0, "P-2")
    ws.write_string(2, 1, "狮泉河水厂工程")
    ws.write_formula(2, 3, "=1/3", None, 0.3333333333333333)
    ws.write_boolean(2, 4, False)
    wb.close()


def not_utf8():
    """An element name with a byte that is not UTF-8 (found by fuzzing: libxml2 passes such a name on as it is,
    and Foundation's XML parser on Linux trapped on it), in the sheet, and in the shared strings."""
    head = b'<?xml version="1.0" encoding="UTF-8"?>'
    sheet = head + b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    good = sheet + b'<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    package("not-utf8-sheet.xlsx", sheet + b"<row><\xd4e/></row></sheetData></worksheet>")
    package("not-utf8-strings.xlsx", good, parts=[("xl/sharedStrings.xml", head + b"<sst><\xd4e/></sst>")])


def huge_row_number():
    """A row numbered beyond Excel's 1,048,576 rows, then a row without a number (found by reading the code the
    fuzzer led to: the next row's number overflowed)."""
    def istr(ref, text):
        return f'<c{ref} t="inlineStr"><is><t>{text}</t></is></c>'

    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1">' + istr(' r="A1"', "项目编号") + istr(' r="B1"', "项目名称") + "</row>"
        '<row r="9223372036854775807">' + istr("", "P-1") + istr("", "甲") + "</row>"
        "<row>" + istr("", "P-2") + istr("", "乙") + "</row>"
        "</sheetData></worksheet>"
    )
    package("huge-row-number.xlsx", sheet)


def endless_stream():
    """A sheet whose deflate stream never ends: a stored block that claims 65,535 bytes and holds a few (found by
    fuzzing: the inflater read on past the part to the end of the file, and looped there)."""
    name = "endless-stream.xlsx"
    raw = b"\x00\xff\xff\x00\x00<worksheet>"  # BFINAL 0, BTYPE 00; LEN 65535, NLEN 0
    package(name, raw, compression=zipfile.ZIP_STORED)
    path = os.path.join(HERE, name)
    data = bytearray(open(path, "rb").read())
    sheet = b"xl/worksheets/sheet1.xml"
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(sheet)] == sheet:
                data[start + method_at:start + method_at + 2] = b"\x08\x00"  # deflate
            start += 4
    open(path, "wb").write(bytes(data))


def zip64(source, name):
    """`source` rewritten with ZIP64 records, as writers of large packages make them: every central directory entry
    gives its sizes (and, but for the first entry's, its local header offset) as 0xFFFFFFFF and the real ones in a
    ZIP64 extra field, and a ZIP64 end-of-central-directory record and its locator come before the classic record,
    whose counts and offsets are 0xFFFF(FFFF). (ZIPFoundation takes a ZIP64 offset of 0 for no offset at all.)"""
    data = open(os.path.join(HERE, source), "rb").read()
    eocd = data.rfind(b"PK\x05\x06")
    count, size, offset = struct.unpack("<HII", data[eocd + 10:eocd + 20])
    directory = data[offset:offset + size]
    entries = b""
    p = 0
    for _ in range(count):
        fields = list(struct.unpack("<IHHHHHHIIIHHHHHII", directory[p:p + 46]))
        name_length, extra_length, comment_length = fields[10], fields[11], fields[12]
        compressed, uncompressed, header = fields[8], fields[9], fields[16]
        rest = directory[p + 46:p + 46 + name_length + extra_length + comment_length]
        entry, extra, comment = rest[:name_length], rest[name_length:name_length + extra_length], rest[name_length + extra_length:]
        fields[2] = 45
        fields[8] = fields[9] = 0xFFFFFFFF
        if header > 0:
            fields[16] = 0xFFFFFFFF
            extra += struct.pack("<HHQQQ", 1, 24, uncompressed, compressed, header)
        else:
            extra += struct.pack("<HHQQ", 1, 16, uncompressed, compressed)
        fields[11] = len(extra)
        entries += struct.pack("<IHHHHHHIIIHHHHHII", *fields) + entry + extra + comment
        p += 46 + name_length + extra_length + comment_length
    body = data[:offset] + entries
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(entries), offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, len(body), 1)
    classic = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    open(os.path.join(HERE, name), "wb").write(body + record + locator + classic)


def not_a_workbook():
    with open(os.path.join(HERE, "not-a-workbook.xlsx"), "w", encoding="utf-8") as f:
        f.write("项目编号,项目名称\nP-1,水厂\n")


if __name__ == "__main__":
    dates()
    dates1904()
    title()
    counties()
    inline()
    shared()
    bomb()
    not_a_workbook()
    not_utf8()
    huge_row_number()
    endless_stream()
    zip64("inline.xlsx", "zip64.xlsx")
    zip64("endless-stream.xlsx", "zip64-endless-stream.xlsx")
