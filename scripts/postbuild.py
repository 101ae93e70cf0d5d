#!/usr/bin/env python3
"""Cuts the app into pieces, and makes Trunk's output safe to serve under a
strict Content-Security-Policy.

First the WebAssembly is cut into a main part and a piece per tool (see
pieces.py).

Trunk writes an inline <script type="module"> that starts the wasm. A policy
without 'unsafe-inline' would block it, so it moves into its own file, named
by a hash of its content so that a new build is never served from an old
cache. The policy itself goes into a <meta> tag, because the app is served
by plain static servers whose headers the council may not control.

Trunk runs it after every build, `make serve` as `make dist` (a post_build
hook in Trunk.toml), on the staging folder it then moves into dist/.
"""
import hashlib
import json
import os
import pathlib
import re
import sys

import pieces

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])

dist = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
release = os.environ.get("TRUNK_PROFILE") == "release"
cut = pieces.split(dist, release)
print(f"postbuild: the app is a main part and {len(cut)} pieces")
page = dist / "index.html"
html = page.read_text()

inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
match = inline.search(html)
if match:
    code = match.group(1).strip() + "\n"
    name = f"start-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    for old in dist.glob("start-*.js"):
        old.unlink()
    (dist / name).write_text(code)
    html = html[: match.start()] + f'<script type="module" src="./{name}"></script>' + html[match.end():]
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("postbuild: an inline script is left in index.html")

meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />'
if "Content-Security-Policy" not in html:
    html = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    ' + meta, 1)
page.write_text(html)
print(f"postbuild: {page} has no inline script and carries the CSP")

# The service worker: its cache is named by a hash of every file it keeps,
# so any change to the build is a new version. (See static/sw.js.)
files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file() and p.name != "sw.js")
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode())
    digest.update((dist / name).read_bytes())
version = digest.hexdigest()[:16]
worker = pathlib.Path(__file__).resolve().parent.parent / "static" / "sw.js"
listing = json.dumps(["./"] + files)
(dist / "sw.js").write_text(worker.read_text().replace("'__VERSION__'", f"'{version}'").replace("__FILES__", listing))
print(f"postbuild: sw.js keeps {len(files) + 1} files as version {version}")
