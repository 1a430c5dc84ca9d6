"""Spelling noise of the kind press copy puts on Syrian place names, for benchmark inputs.

Every function takes a `random.Random` so that a fixed seed gives the same output on every run.
"""

import re

VOWELS = "aeiou"
LATIN_SWAPS = [
    ("ou", "u"), ("u", "ou"), ("oo", "u"), ("sh", "ch"), ("ch", "sh"), ("kh", "ch"), ("q", "k"), ("k", "q"),
    ("ei", "ay"), ("ay", "ei"), ("eh", "a"), ("ah", "a"), ("a", "ah"), ("j", "dj"), ("dj", "j"), ("y", "i"),
    ("ee", "i"), ("i", "ee"), ("z", "dh"), ("th", "t"), ("gh", "g"), ("'", ""), ("-", " "), ("w", "ou"),
]
ARTICLES = [("al-", "el-"), ("el-", "al-"), ("al ", "el "), ("el ", "al "), ("al-", "al "), ("el-", "el "),
            ("al-", ""), ("el-", ""), ("ar-", "al-"), ("as-", "al-"), ("ash-", "al-"), ("ad-", "al-"),
            ("at-", "al-"), ("an-", "al-"), ("ez-", "el-"), ("az-", "al-")]
# Alef with hamza is written or left out at the start of a word (أ/إ/ا); see arabic_edit.
ARABIC_SWAPS = [("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ه", "ة"), ("ى", "ي"),
                ("ي", "ى"), ("ئ", "ي"), ("ؤ", "و"), ("ء", ""), ("ال", ""), ("ك", "ک"), ("ي", "ی")]


def _replace_one(s, old, new, rng):
    """Replaces one occurrence of `old` (chosen at random), case-insensitively; None when absent."""
    spots = [m.start() for m in re.finditer(re.escape(old), s, flags=re.IGNORECASE)]
    if not spots:
        return None
    i = rng.choice(spots)
    piece = s[i:i + len(old)]
    if new and piece[:1].isupper():
        new = new[:1].upper() + new[1:]
    return s[:i] + new + s[i + len(old):]


def latin_edit(s, rng):
    ops = ["drop", "double", "vowel", "swap", "swap", "article", "space", "case"]
    for _ in range(8):
        op = rng.choice(ops)
        letters = [i for i, ch in enumerate(s) if ch.isalpha()]
        if op == "drop" and len(letters) > 4:
            i = rng.choice(letters[1:])
            return s[:i] + s[i + 1:]
        if op == "double" and letters:
            i = rng.choice(letters)
            return s[:i] + s[i] + s[i:]
        if op == "vowel":
            vs = [i for i in letters if s[i].lower() in VOWELS]
            if vs:
                i = rng.choice(vs)
                v = rng.choice([c for c in VOWELS if c != s[i].lower()])
                return s[:i] + (v.upper() if s[i].isupper() else v) + s[i + 1:]
        if op == "swap":
            old, new = rng.choice(LATIN_SWAPS)
            t = _replace_one(s, old, new, rng)
            if t and t.strip():
                return t
        if op == "article":
            old, new = rng.choice(ARTICLES)
            t = _replace_one(s, old, new, rng)
            if t and t.strip():
                return t
            if rng.random() < 0.3 and " " not in s:
                return "al-" + s
        if op == "space" and " " in s:
            return s.replace(" ", "", 1)
        if op == "case":
            return s.lower() if rng.random() < 0.5 else s.title()
    return s


def arabic_edit(s, rng):
    ops = ["swap", "swap", "swap", "hamza", "space", "drop", "article"]
    for _ in range(8):
        op = rng.choice(ops)
        if op == "hamza":
            starts = [m.start() for m in re.finditer(r"(?:^|(?<= )|(?<=ال))ا", s)]
            if starts:
                i = rng.choice(starts)
                return s[:i] + rng.choice("أإ") + s[i + 1:]
        if op == "swap":
            old, new = rng.choice(ARABIC_SWAPS)
            t = _replace_one(s, old, new, rng)
            if t and t.strip():
                return t
        if op == "space" and " " in s:
            return s.replace(" ", "", 1)
        if op == "drop":
            letters = [i for i, ch in enumerate(s) if ch.isalpha()]
            if len(letters) > 4:
                i = rng.choice(letters[1:])
                return s[:i] + s[i + 1:]
        if op == "article" and not s.startswith("ال") and " " not in s:
            return "ال" + s
    return s


def noisy(name, rng, edits):
    """`name` with `edits` random spelling changes suited to its script."""
    edit = arabic_edit if any("\u0600" <= ch <= "\u06ff" for ch in name) else latin_edit
    for _ in range(edits):
        name = edit(name, rng)
    return name
