"""Reading Locales/gazetteer/syria.tsv for the benchmark generators (standard library only)."""

COLUMNS = ["id", "kind", "name_en", "name_ar", "alt_names", "admin1_id", "admin1_en", "admin1_ar",
           "admin2_id", "admin2_en", "admin2_ar", "admin3_id", "admin3_en", "admin3_ar", "lat", "lon"]


def read(path):
    """Returns (comment_lines, rows) where rows are dicts keyed by COLUMNS."""
    comments, rows, header = [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if header is None and line.startswith("#"):
                comments.append(line)
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                assert header == COLUMNS, f"{path}: unexpected header {header}"
                continue
            rows.append(dict(zip(COLUMNS, fields)))
    return comments, rows


def write(path, comments, rows):
    with open(path, "w", encoding="utf-8") as f:
        for c in comments:
            f.write(c + "\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")


def is_arabic(s):
    return any("\u0600" <= ch <= "\u06ff" for ch in s)
