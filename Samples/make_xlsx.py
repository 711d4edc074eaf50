#!/usr/bin/env python3
"""Writes ngari-2018-register.xlsx: the 2018 sample register as an office would keep it in Excel.

python3 Samples/make_xlsx.py (needs openpyxl: python3 -m pip install openpyxl). The workbook has a title row
merged over every column above the header; cells holding an ISO date (YYYY-MM-DD) in the CSV become real date
cells (serial numbers formatted yyyy-mm-dd), and every other cell is the CSV's text exactly, so
`comply check` gives the same findings for both files.
"""
import csv
import datetime
import os
import re

import openpyxl
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def as_date(text):
    """The date an ISO date cell names; None for any other text, an impossible date (2018-13-45) among them."""
    match = ISO_DATE.match(text)
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def main():
    with open(os.path.join(HERE, "ngari-2018-register.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2018"
    ws.append(["阿里地区2018年建设项目环评台账（示例数据，非真实项目）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in data:
        cells = []
        for text in row:
            cells.append(as_date(text) or text)
        ws.append(cells)
        for column, value in enumerate(cells, start=1):
            if isinstance(value, datetime.date):
                ws.cell(row=ws.max_row, column=column).number_format = "yyyy-mm-dd"
    for column in range(1, len(header) + 1):
        ws.column_dimensions[get_column_letter(column)].width = 14
    fixed = datetime.datetime(2024, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.save(os.path.join(HERE, "ngari-2018-register.xlsx"))


if __name__ == "__main__":
    main()
