"""Writes an incident table in Gazette's CSV columns (`gazette tally --mapping gazette`), deterministically.

Usage: gen_incidents.py GAZETTEER.tsv OUT.csv ROWS [SEED]
Columns: event_id, date, place_id, governorate, killed_low, killed_high, injured_low, injured_high, perpetrator,
weapon, sources. Dates 2012-01-01..2024-12-31; places are gazetteer communities with their real governorate;
1-3 source documents per row joined by ';' (a document reports about three incidents); a few bounds are empty
(unknown low, open high) so that the comparison covers those rules too.
"""

import datetime
import random
import sys

import gazetteer_rows

PERPETRATORS = ["government forces", "russian forces", "isis", "armed opposition", "sdf", "turkish forces",
                "international coalition", "hts", "unknown", "iranian militias"]
WEAPONS = ["airstrike", "barrel bomb", "shelling", "rocket", "car bomb", "ied", "landmine", "gunfire",
           "chemical", "cluster munition", "drone", "unknown"]


def main():
    gazetteer, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 4242
    rng = random.Random(seed)
    _, rows = gazetteer_rows.read(gazetteer)
    places = [(r["id"], r["admin1_en"]) for r in rows if r["kind"] == "community" and r["admin1_en"]]
    first = datetime.date(2012, 1, 1).toordinal()
    days = datetime.date(2024, 12, 31).toordinal() - first + 1
    dates = [datetime.date.fromordinal(first + d).isoformat() for d in range(days)]
    documents = max(1, n // 3)
    rand, choice, randrange = rng.random, rng.choice, rng.randrange
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("event_id,date,place_id,governorate,killed_low,killed_high,injured_low,injured_high,"
                "perpetrator,weapon,sources\n")
        buf = []
        for i in range(n):
            place, governorate = choice(places)
            r = rand()
            killed = 0 if r < 0.3 else int(1 / (1.0001 - rand()) ** 0.8) if r < 0.97 else randrange(10, 300)
            killed_high = "" if rand() < 0.0005 else str(killed + (randrange(0, 5) if rand() < 0.2 else 0))
            injured = 0 if rand() < 0.4 else randrange(1, 60)
            injured_low = "" if rand() < 0.01 else str(injured)
            injured_high = str(injured + (randrange(0, 10) if rand() < 0.2 else 0))
            k = 1 if r < 0.6 else 2 if r < 0.9 else 3
            sources = ";".join(f"doc-{randrange(documents):07d}" for _ in range(k))
            buf.append(f"ev-{i:08d},{choice(dates)},{place},{governorate},{killed},{killed_high},"
                       f"{injured_low},{injured_high},{choice(PERPETRATORS)},{choice(WEAPONS)},{sources}\n")
            if len(buf) >= 10000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))


if __name__ == "__main__":
    main()
