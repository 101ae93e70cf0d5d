#!/usr/bin/env python3
"""What a WebAssembly module's code is made of: bytes of function bodies,
grouped by the crate (and, for ours, the module) that each function's name
first mentions.

It needs the names, so run it on a development build's main part
(`trunk build --dist DIR`, then `python3 scripts/wasm_parts.py
DIR/kinplan-*_bg.wasm`); release builds drop them. Development code is
larger than release code, but the shares tell which parts matter. Generic
code is counted under the crate of its first named path, so
`core::ptr::drop_in_place<kinplan_core::…>` counts as `core`.
"""
import collections
import re
import sys


def leb(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def skip_name(data, i):
    length, i = leb(data, i)
    return i + length


def functions(data):
    """(name, body size) of every function defined in the module."""
    imported, sizes, names = 0, [], {}
    i = 8
    while i < len(data):
        section, i = data[i], i + 1
        size, i = leb(data, i)
        end, j = i + size, i
        if section == 2:  # imports: only functions take an index
            count, j = leb(data, j)
            for _ in range(count):
                j = skip_name(data, skip_name(data, j))
                kind, j = data[j], j + 1
                if kind == 0:
                    imported += 1
                    _, j = leb(data, j)
                elif kind == 1:  # table: type, limits
                    flags, j = data[j + 1], j + 2
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:  # memory: limits
                    flags, j = data[j], j + 1
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:  # global: type, mutability
                    j += 2
                elif kind == 4:  # tag
                    _, j = leb(data, j + 1)
        elif section == 10:  # code
            count, j = leb(data, j)
            for _ in range(count):
                length, j = leb(data, j)
                sizes.append(length)
                j += length
        elif section == 0 and data[skip_name(data, j) - 4:skip_name(data, j)] == b"name":
            j = skip_name(data, j)
            while j < end:
                kind, j = data[j], j + 1
                length, j = leb(data, j)
                if kind == 1:  # function names
                    count, k = leb(data, j)
                    for _ in range(count):
                        index, k = leb(data, k)
                        length_name, k = leb(data, k)
                        names[index] = data[k:k + length_name].decode("utf-8", "replace")
                        k += length_name
                j += length
        i = end
    return [(names.get(imported + n, "?"), size) for n, size in enumerate(sizes)]


def part_of(name):
    ours = re.search(r"\bkinplan(?:_core)?\[[0-9a-f]+\]::([a-z_]+(?:::[a-z_]+)?)", name)
    crate = re.search(r"([a-z_][a-z0-9_]*)\[[0-9a-f]+\]", name)
    if crate and crate.group(1) in ("kinplan", "kinplan_core") and ours:
        return f"{crate.group(1)}::{ours.group(1)}"
    return crate.group(1) if crate else "(unnamed)"


def main():
    data = open(sys.argv[1], "rb").read()
    parts = collections.Counter()
    for name, size in functions(data):
        parts[part_of(name)] += size
    total = sum(parts.values())
    print(f"code: {total} bytes in {sys.argv[1]}")
    for part, size in parts.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 40):
        print(f"{size:>10} {100 * size / total:5.1f}%  {part}")


if __name__ == "__main__":
    main()
