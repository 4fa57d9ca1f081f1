#!/usr/bin/env python3
"""Reads a command's --format json output on stdin and prints one line per
value that is not typed as the issue asks: a boolean written as "t"/"f", a
count written as a string, nested JSON written as a string, a time with
microseconds or in another zone than the bureau's (+08). Prints nothing when
all is well; "not JSON: ..." when stdin does not parse."""
import json
import re
import sys

COUNT_KEY = re.compile(r"^version$|(^|_)(count|n|total|rows|drawn|population|quota|trapped|level|"
                       r"remaining|used_pct|days|workdays|minutes|size|problems|errors|loaded|"
                       r"rejected|inserted|updated|score|rank|tasks|inspectors)$")
TIME = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?")
MICRO = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\.\d+")
ZONE = re.compile(r"([+-]\d\d(:?\d\d)?|Z)$")


def check(v, path, out):
    if isinstance(v, dict):
        for k, x in v.items():
            check(x, path + "." + k, out)
        return
    if isinstance(v, list):
        for i, x in enumerate(v):
            check(x, "%s[%d]" % (path, i), out)
        return
    if not isinstance(v, str):
        return
    key = path.rsplit(".", 1)[-1]
    if v in ("t", "f"):
        out.append("%s: boolean as string %r" % (path, v))
    elif COUNT_KEY.search(key) and re.fullmatch(r"-?\d+(\.\d+)?", v):
        out.append("%s: number as string %r" % (path, v))
    elif v[:1] in "{[":
        try:
            json.loads(v)
            out.append("%s: nested JSON as string" % path)
        except ValueError:
            pass
    elif TIME.match(v):
        if MICRO.match(v):
            out.append("%s: time with fractions of a second %r" % (path, v))
        m = ZONE.search(v)
        if m and m.group(1) not in ("+08", "+08:00", "+0800"):
            out.append("%s: time not in the bureau's zone %r" % (path, v))


def main():
    text = sys.stdin.read()
    try:
        doc = json.loads(text)
    except ValueError as e:
        print("not JSON: %s: %r" % (e, text[:200]))
        return
    out = []
    check(doc, "$", out)
    seen = set()
    for line in out:
        shape = re.sub(r"\[\d+\]", "[]", line.split(":", 1)[0])
        if shape not in seen:
            seen.add(shape)
            print(line)


main()
