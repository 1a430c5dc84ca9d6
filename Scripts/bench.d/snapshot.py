"""Mirrors the package (Package.swift, Package.resolved, Sources/, Tests/) into a build folder.

Usage: snapshot.py REPO DEST
A release build takes minutes, and other people may save files in the tree meanwhile (SwiftPM then stops with
"was modified during the build"); building a copy avoids that. Unchanged files are left alone (same size and
mtime), so the build stays incremental; files gone from the tree are removed from the copy.
"""

import os
import shutil
import sys

ENTRIES = ["Package.swift", "Package.resolved", "Sources", "Tests"]


def files(root):
    found = set()
    for entry in ENTRIES:
        path = os.path.join(root, entry)
        if os.path.isfile(path):
            found.add(entry)
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def main():
    repo, dest = sys.argv[1], sys.argv[2]
    wanted = files(repo)
    copied = 0
    for rel in sorted(wanted):
        src, dst = os.path.join(repo, rel), os.path.join(dest, rel)
        s = os.stat(src)
        try:
            d = os.stat(dst)
            if d.st_size == s.st_size and int(d.st_mtime) == int(s.st_mtime):
                continue
        except FileNotFoundError:
            pass
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)
        copied += 1
    removed = 0
    for rel in files(dest) - wanted:
        os.remove(os.path.join(dest, rel))
        removed += 1
    print(f"snapshot {dest}: {copied} file(s) updated, {removed} removed", file=sys.stderr)


if __name__ == "__main__":
    main()
