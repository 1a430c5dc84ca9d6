"""The baseline of issue 3: rapidfuzz's extractOne over ~12,000 folded gazetteer names.

Usage: rapidfuzz_baseline.py GAZETTEER.tsv QUERIES.tsv [LIMIT [SCORER]]
Prints one line: "<names> <seconds> <names/s> <choices> <names per CPU second>". Needs rapidfuzz (PyPI; Scripts/bench installs it).

Folding imitates ICU's `Any-Latin; Latin-ASCII; Lower` without PyICU: Arabic letters are transliterated with
the table below (ICU's Arabic-Latin, then stripped to ASCII as Latin-ASCII would), other text is NFKD-decomposed,
combining marks dropped, and lower-cased. The choices are the English and Arabic name of every place
(about 12,000). The scorer is fuzz.ratio (normalized Indel similarity): it reproduces the ~1,100 names per CPU
second that issue 3 quotes; extractOne's default WRatio is about 7 times slower (pass WRatio as SCORER).
"""

import sys
import time
import unicodedata

from rapidfuzz import fuzz, process

import gazetteer_rows

ARABIC = {
    "ا": "a", "أ": "'a", "إ": "'i", "آ": "'a", "ء": "'", "ؤ": "'w", "ئ": "'y", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ة": "t", "و": "w", "ي": "y", "ى": "a", "ـ": "", "ک": "k", "ی": "y",
}
for d in range(10):
    ARABIC[chr(0x660 + d)] = str(d)
TABLE = str.maketrans(ARABIC)


def fold(s):
    s = s.translate(TABLE)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.encode("ascii", "ignore").decode("ascii").lower()


def main():
    gazetteer, queries = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    scorer = getattr(fuzz, sys.argv[4] if len(sys.argv) > 4 else "ratio")
    _, rows = gazetteer_rows.read(gazetteer)
    choices = sorted({fold(n) for r in rows for n in (r["name_en"], r["name_ar"]) if n})
    with open(queries, encoding="utf-8") as f:
        next(f)
        names = [line.split("\t")[0] for _, line in zip(range(limit), f)]
    start, cpu = time.perf_counter(), time.process_time()
    for name in names:
        process.extractOne(fold(name), choices, scorer=scorer, processor=None)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{len(names)} {seconds:.3f} {len(names) / seconds:.0f} {len(choices)} {len(names) / cpu:.0f}")


if __name__ == "__main__":
    main()
