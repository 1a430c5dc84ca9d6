"""A copy of a generated corpus in which no sentence repeats, for the extraction benchmark.

Usage: unique_sentences.py IN_DIR OUT_DIR

gen_corpus.py builds documents from templates, so most sentences recur across documents (86% of the 10,000-document
corpus's), and Gazette reads a sentence met again only once. Real corpora repeat less (closing paragraphs, wire copy
republished verbatim), so the benchmark also measures this copy: a word of its own (`ref1f`, `ref20`, ...) is put
before every sentence's final stop, which changes no figure, date or place but makes every sentence new.
"""

import os
import re
import sys

STOP = re.compile(r"([.!?؟])(\s)")


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    count = 0

    def tag(m):
        nonlocal count
        count += 1
        return f" ref{count:x}{m.group(1)}{m.group(2)}"

    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write(STOP.sub(tag, text))
    print(f"{dst}: {count} sentences made unique", file=sys.stderr)


if __name__ == "__main__":
    main()
