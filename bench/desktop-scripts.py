#!/usr/bin/env python3
"""What a browser downloads to open My computer: the scripts the desktop page loads (desktop.js,
new-configuration.js and every module they import, noVNC's included), raw and compressed as the server sends them
(gzip, level 6). Run after a build: python3 bench/desktop-scripts.py [target/classes/static]"""
import gzip
import os
import re
import sys

static = sys.argv[1] if len(sys.argv) > 1 else "target/classes/static"
IMPORT = re.compile(r"""(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]""")
seen = set()


def walk(path):
    if path in seen or not os.path.exists(path):
        return
    seen.add(path)
    with open(path, encoding="utf-8") as source:
        for found in IMPORT.finditer(source.read()):
            target = found.group(1) or found.group(2)
            walk(os.path.join(static, target.lstrip("/")) if target.startswith("/")
                 else os.path.normpath(os.path.join(os.path.dirname(path), target)))


for page_script in ("js/desktop.js", "js/new-configuration.js"):
    walk(os.path.join(static, page_script))
raw = sum(os.path.getsize(p) for p in seen)
with_gzip = 0
for path in seen:
    with open(path, "rb") as f:
        with_gzip += len(gzip.compress(f.read(), 6))
print(f"{len(seen)} files: {raw / 1024:.0f} KB raw, {with_gzip / 1024:.0f} KB with gzip "
      f"({with_gzip / raw:.2f} of raw); on a later open each is a 304 without a body")
