#!/usr/bin/python3
"""Reads a report's XLSX back and compares it cell by cell with its CSV;
checks a text report fits A4. Used by tests/cmd/report.t (through /usr/bin/python3, which has python3-openpyxl).

  report_check.py xlsx FILE.xlsx FILE.csv   -> prints "ok" or what differs
  report_check.py text FILE.txt             -> prints the widest line's columns
"""
import csv
import sys
import unicodedata
import zipfile


def xlsx_vs_csv(xlsx, csvfile):
    import openpyxl
    ws = openpyxl.load_workbook(xlsx).active
    with open(csvfile, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    data = rows[1:]
    sheet = [r for r in ws.iter_rows(min_row=5, values_only=True) if any(v is not None for v in r)]
    if len(sheet) != len(data):
        return 'rows: xlsx %d, csv %d' % (len(sheet), len(data))
    for i, (x, c) in enumerate(zip(sheet, data)):
        for j, cv in enumerate(c):
            xv = x[j] if j < len(x) else None
            if j == 1 and c[0] == '' and xv in ('合计', 'Total'):
                continue
            if cv == '':
                if xv not in (None, ''):
                    return 'row %d col %d: xlsx %r, csv empty' % (i + 1, j + 1, xv)
            elif isinstance(xv, (int, float)):
                if abs(float(cv) - float(xv)) > 1e-9:
                    return 'row %d col %d: xlsx %r, csv %r' % (i + 1, j + 1, xv, cv)
            elif str(xv) != cv:
                return 'row %d col %d: xlsx %r, csv %r' % (i + 1, j + 1, xv, cv)
    charts = [n for n in zipfile.ZipFile(xlsx).namelist() if n.startswith('xl/charts/chart')]
    if not charts:
        return 'no chart'
    return 'ok %d rows' % len(data)


def width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in s)


def text_width(path):
    with open(path, encoding='utf-8') as f:
        return max(width(l.rstrip('\n').replace('\f', '')) for l in f)


if __name__ == '__main__':
    if sys.argv[1] == 'xlsx':
        print(xlsx_vs_csv(sys.argv[2], sys.argv[3]))
    else:
        print(text_width(sys.argv[2]))
