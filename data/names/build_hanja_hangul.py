"""Builds hanja_hangul.bin: the Sino-Korean (hanja) reading of each Chinese character, as
one Hangul syllable, from the table of the `hanja` package by Sumin Byeon
(https://github.com/suminb/hanja, WTFPL; see README.md in data/).

    pip install hanja==0.15.1 pyyaml && python3 build_hanja_hangul.py

The table maps 27,497 characters of U+3400..U+9FFF and U+F900..U+FAFF to their usual
dictionary reading (金 → 금, 李 → 리: no surname readings, no initial-sound law; veto-names
applies those). Output: little-endian u16 per code point, U+3400..=U+9FFF then
U+F900..=U+FAFF, each the syllable's offset from U+AC00, or 0xFFFF where there is none.
"""
import os
import struct

import hanja
import yaml

RANGES = [(0x3400, 0x9FFF), (0xF900, 0xFAFF)]

path = os.path.join(os.path.dirname(hanja.__file__), "table.yml")
with open(path, encoding="utf-8") as f:
    table = yaml.load(f.read(), Loader=getattr(yaml, "CLoader", yaml.SafeLoader))

out = bytearray()
count = 0
for lo, hi in RANGES:
    for cp in range(lo, hi + 1):
        reading = table.get(chr(cp))
        value = 0xFFFF
        if reading and len(reading) == 1 and 0xAC00 <= ord(reading) <= 0xD7A3:
            value = ord(reading) - 0xAC00
            count += 1
        out += struct.pack("<H", value)
outside = [k for k in table if not any(lo <= ord(k[0]) <= hi for lo, hi in RANGES)]
assert not outside, f"characters outside the ranges: {outside[:10]}"
dest = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hanja_hangul.bin")
with open(dest, "wb") as f:
    f.write(out)
print(f"{count} readings, {len(out)} bytes -> {dest}")
