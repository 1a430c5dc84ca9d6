"""Cost per name of two gazetteers compared answer for answer, from what `gazette match --timing` printed.

Usage: answer_mix.py BASE_TIMING.txt OTHER_TIMING.txt
Prints: the ratio OTHER/BASE of the CPU time per name with both weighted by BASE's mix of answers (how many names
were unmatched, listed one place, 2-3 places, 4-8 places), then a description of both mixes.

A larger gazetteer changes the answers as well as the size: more names fit several places, and an answer that
weighs and lists eight places costs more than one that lists one, at any size. Weighting both by one mix of answers
(direct standardization) leaves what the size alone costs per name.
"""

import re
import sys

GROUPS = ("unmatched", "1 place", "2-3 places", "4-8 places")


def groups(path):
    text = open(path, encoding="utf-8").read()
    line = next((l for l in text.splitlines() if "per name, by places listed:" in l), None)
    if line is None:
        sys.exit(f"answer_mix.py: no 'per name, by places listed' line in {path}")
    found = {}
    for name in GROUPS:
        m = re.search(re.escape(name) + r" (\d+) names ([0-9.]+) µs/name", line)
        if m:
            found[name] = (int(m.group(1)), float(m.group(2)))
    return found


def main():
    base, other = groups(sys.argv[1]), groups(sys.argv[2])
    shared = [g for g in GROUPS if g in base and g in other]
    weights = sum(base[g][0] for g in shared)
    cost_base = sum(base[g][0] * base[g][1] for g in shared) / weights
    cost_other = sum(base[g][0] * other[g][1] for g in shared) / weights

    def mix(found):
        total = sum(n for n, _ in found.values())
        return ", ".join(f"{g} {100 * found[g][0] / total:.0f}% {found[g][1]:.1f} µs" for g in GROUPS if g in found)

    print(f"{cost_other / cost_base:.3f}\t{cost_base:.1f}\t{cost_other:.1f}\t{mix(base)}\t{mix(other)}")


main()
