"""The monthly x governorate tally of issue 4 with other tools, for the side-by-side timing in Scripts/bench.

Usage: tally_others.py duckdb|duckdb-docs|pandas|sqlite IN.csv OUT.csv
       tally_others.py compare GAZETTE.csv DUCKDB_DOCS.csv
Needs duckdb and pandas from PyPI (Scripts/bench installs them); sqlite3 is in the standard library.

`duckdb`, `pandas` and `sqlite` compute what issue 4 names: count and sums per month and governorate.
`duckdb-docs` computes exactly what Gazette writes (an open high bound -- any empty killed_high -- makes the
sum empty; distinct source documents per group, sources being ';'-separated), and is what `compare` checks.
"""

import csv
import sys
import time

SIMPLE = """
SELECT strftime(date, '%Y-%m') AS period, governorate, count(*) AS incidents,
       sum(killed_low) AS killed_low, sum(killed_high) AS killed_high,
       sum(injured_low) AS injured_low, sum(injured_high) AS injured_high
FROM {table} GROUP BY ALL ORDER BY ALL
"""


def duckdb_simple(src, out):
    import duckdb
    con = duckdb.connect()
    con.execute(f"COPY ({SIMPLE.format(table=f'read_csv({src!r})')}) TO {out!r} (HEADER)")


def duckdb_docs(src, out):
    import duckdb
    con = duckdb.connect()
    con.execute(f"""
    COPY (
      WITH t AS (SELECT strftime(date, '%Y-%m') AS period, governorate, killed_low, killed_high, injured_low,
                        injured_high, sources FROM read_csv({src!r})),
      figures AS (
        SELECT period, governorate, count(*) AS incidents, coalesce(sum(killed_low), 0) AS killed_low,
               CASE WHEN count(killed_high) = count(*) THEN sum(killed_high) END AS killed_high,
               coalesce(sum(injured_low), 0) AS injured_low,
               CASE WHEN count(injured_high) = count(*) THEN sum(injured_high) END AS injured_high
        FROM t GROUP BY ALL),
      docs AS (
        SELECT period, governorate, count(DISTINCT trim(doc)) AS documents
        FROM (SELECT period, governorate, unnest(string_split(sources, ';')) AS doc FROM t)
        WHERE trim(doc) <> '' GROUP BY ALL)
      SELECT f.*, coalesce(d.documents, 0) AS documents
      FROM figures f LEFT JOIN docs d USING (period, governorate) ORDER BY ALL
    ) TO {out!r} (HEADER)""")


def pandas_tally(src, out):
    import pandas as pd
    df = pd.read_csv(src, usecols=["date", "governorate", "killed_low", "killed_high", "injured_low",
                                   "injured_high"], dtype={"date": str, "governorate": str}, engine="c")
    df["period"] = df["date"].str.slice(0, 7)
    g = df.groupby(["period", "governorate"], sort=True).agg(
        incidents=("date", "size"), killed_low=("killed_low", "sum"), killed_high=("killed_high", "sum"),
        injured_low=("injured_low", "sum"), injured_high=("injured_high", "sum"))
    g.to_csv(out)


def sqlite_tally(src, out):
    import sqlite3
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (event_id, date, place_id, governorate, killed_low INTEGER, killed_high INTEGER, "
                "injured_low INTEGER, injured_high INTEGER, perpetrator, weapon, sources)")
    with open(src, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        con.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        ([None if v == "" else v for v in r] for r in rows))
    query = SIMPLE.replace("strftime(date, '%Y-%m')", "substr(date, 1, 7)").replace("GROUP BY ALL ORDER BY ALL",
                                                                                    "GROUP BY 1, 2 ORDER BY 1, 2")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        cur = con.execute(query.format(table="t"))
        w.writerow([d[0] for d in cur.description])
        w.writerows(cur)


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def compare(gazette_csv, duck_csv):
    """Exit 0 when every month x governorate figure of Gazette's CSV equals DuckDB's."""
    def key(r):
        return (r["period"].strip('="'), r["governorate"])
    columns = ["incidents", "killed_low", "killed_high", "injured_low", "injured_high", "documents"]
    g = {key(r): r for r in read_rows(gazette_csv)}
    d = {key(r): r for r in read_rows(duck_csv)}
    problems = []
    for k in sorted(set(g) | set(d)):
        a, b = g.get(k), d.get(k)
        if b is None:
            if a and any(a[c] not in ("0", "") for c in columns if c in a):
                problems.append(f"{k}: only in Gazette: {a}")
            continue
        if a is None:
            problems.append(f"{k}: only in DuckDB: {b}")
            continue
        for c in columns:
            if c in a and (a[c] or "") != (b[c] or ""):
                problems.append(f"{k} {c}: gazette {a[c]!r} duckdb {b[c]!r}")
    groups = sum(1 for k in d)
    print(f"compared {groups} month x governorate rows, {len(columns)} figures each: "
          + ("all equal" if not problems else f"{len(problems)} differences"))
    for p in problems[:10]:
        print("  " + p)
    sys.exit(1 if problems else 0)


def main():
    what = sys.argv[1]
    if what == "compare":
        compare(sys.argv[2], sys.argv[3])
        return
    run = {"duckdb": duckdb_simple, "duckdb-docs": duckdb_docs, "pandas": pandas_tally, "sqlite": sqlite_tally}[what]
    start = time.perf_counter()
    run(sys.argv[2], sys.argv[3])
    print(f"{what}: {time.perf_counter() - start:.2f} s inside Python", file=sys.stderr)


if __name__ == "__main__":
    main()
