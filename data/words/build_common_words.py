"""Builds common_words.txt.gz: the everyday words of several languages, with their
frequency, from the word lists of the `wordfreq` package (Robyn Speer et al.; data
CC BY-SA 4.0, see README.md in this directory).

    pip install wordfreq msgpack && python3 build_common_words.py

Output lines: `<lang>\t<zipf x 10>\t<word>`, most frequent first per language, for words
whose Zipf frequency (log10 of occurrences per billion words) is at least the cut-off
below. veto-scan folds the words at load time and keeps the highest frequency per folded
form.
"""
import gzip
import os

import msgpack
import wordfreq

CUTOFF = {"en": 3.0, "de": 3.5, "fr": 3.5, "es": 3.5, "it": 3.5, "pt": 3.5, "nl": 3.5,
          "tr": 3.5, "ru": 3.5, "uk": 3.5, "ar": 4.0}

data = os.path.join(os.path.dirname(wordfreq.__file__), "data")
out = gzip.open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "common_words.txt.gz"),
                "wt", encoding="utf-8", compresslevel=9)
for lang, cut in CUTOFF.items():
    buckets = msgpack.unpackb(gzip.open(os.path.join(data, f"small_{lang}.msgpack.gz")).read(),
                              raw=False)[1:]
    for i, words in enumerate(buckets):
        zipf = 9 - i / 100
        if zipf < cut:
            break
        for w in words:
            if any(c.isalpha() for c in w):
                out.write(f"{lang}\t{round(zipf * 10)}\t{w}\n")
out.close()
