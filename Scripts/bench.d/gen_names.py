"""Writes N place-name queries (TSV: query, context) with spelling noise, 40% in Arabic script.

Usage: gen_names.py GAZETTEER.tsv OUT.tsv N [SEED]
Names come from the gazetteer's English, Arabic and alternate names; each gets 0-2 edits (noise.py).
"""

import random
import sys

import gazetteer_rows
from noise import noisy


def main():
    gazetteer, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20260321
    rng = random.Random(seed)
    _, rows = gazetteer_rows.read(gazetteer)
    rows = [r for r in rows if r["kind"] != "region"]
    latin, arabic = [], []
    for r in rows:
        names = [r["name_en"], r["name_ar"]] + [a for a in r["alt_names"].split("|") if a]
        for name in names:
            if not name or name.startswith("SY-"):
                continue
            (arabic if gazetteer_rows.is_arabic(name) else latin).append(name)
    latin.sort()
    arabic.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write("query\tcontext\n")
        for _ in range(n):
            pool = arabic if rng.random() < 0.4 else latin
            name = noisy(rng.choice(pool), rng, rng.choice([0, 1, 1, 2, 2]))
            name = name.replace("\t", " ").strip() or "x"
            f.write(f"{name}\t\n")


if __name__ == "__main__":
    main()
