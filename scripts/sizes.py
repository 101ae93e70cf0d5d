#!/usr/bin/env python3
"""Prints what dist/ weighs, raw and brotli -q 11, against the budgets.

The first visit to the case list needs every file but the pieces (each
tool's code, fetched when the tool first opens; see scripts/pieces.py).
The service worker then fetches the pieces in the background, for offline
use: that is printed too, but it is not on the way to the case list.
"""
import pathlib
import shutil
import subprocess
import sys

FIRST_VISIT_BUDGET = 200 * 1024
PIECE_BUDGET = 120 * 1024

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
if not shutil.which("brotli"):
    sys.exit("sizes: brotli is missing (scripts/setup.sh installs it)")


def brotli(path):
    return len(subprocess.run(["brotli", "-q", "11", "-c", str(path)], capture_output=True, check=True).stdout)


files = sorted(p for p in dist.rglob("*") if p.is_file())
pieces = [p for p in files if p.name.startswith("piece-")]
first = [p for p in files if p not in pieces]
sizes = {p: (p.stat().st_size, brotli(p)) for p in files}

print(f"{'first visit: file':<48} {'raw':>10} {'brotli':>10}")
for p in first:
    print(f"{p.relative_to(dist).as_posix():<48} {sizes[p][0]:>10} {sizes[p][1]:>10}")
first_br = sum(sizes[p][1] for p in first)
print(f"{'total':<48} {sum(sizes[p][0] for p in first):>10} {first_br:>10}")

named = [p for p in pieces if not p.name.startswith("piece-chunk_")]
shared = [p for p in pieces if p not in named]
print(f"\n{'pieces, each fetched when first needed':<48} {'raw':>10} {'brotli':>10}")
for p in sorted(named, key=lambda p: -sizes[p][1]):
    print(f"{p.name.rsplit('-', 1)[0]:<48} {sizes[p][0]:>10} {sizes[p][1]:>10}")
if shared:
    print(f"{f'shared code: {len(shared)} files':<48} {sum(sizes[p][0] for p in shared):>10} "
          f"{sum(sizes[p][1] for p in shared):>10}")
pieces_br = sum(sizes[p][1] for p in pieces)
print(f"{'all pieces (the service worker fetches them after the first visit)':<48} "
      f"{sum(sizes[p][0] for p in pieces):>10} {pieces_br:>10}")

largest = max(pieces, key=lambda p: sizes[p][1])
[main] = [p for p in first if p.name.endswith("_bg.wasm")]


def verdict(value, budget):
    return f"{value} of {budget} bytes ({100 * value // budget}%){'' if value <= budget else ', OVER'}"


print()
print(f"first visit to the case list, brotli: {verdict(first_br, FIRST_VISIT_BUDGET)}")
print(f"largest piece, brotli ({largest.name}): {verdict(sizes[largest][1], PIECE_BUDGET)}")
print(f"the main part, brotli ({main.name}): {verdict(sizes[main][1], PIECE_BUDGET)}")
print(f"everything, brotli: {first_br + pieces_br} bytes")
