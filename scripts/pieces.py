"""Cuts the app's WebAssembly into pieces, so each tool is fetched when it
is first opened instead of with the case list.

Trunk has no step for this yet (trunk-rs/trunk issue 1022), so it runs
here, on Trunk's staging folder, in the order cargo-leptos's `--split`
uses: the wasm that cargo linked (with `--emit-relocs`, so that calls can
be followed) is cut by `wasm-split-cli` at every `piece!` in the code; the
main part then goes through wasm-bindgen, and in a release build every part
through wasm-opt. The results replace the single module Trunk made from the
same cargo build.

Each piece and the loader script are named by a hash of their content, so a
server's or browser's cache can never serve pieces of two deployments
together; the service worker then keeps them all (see postbuild.py).
"""
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The name the loader has in the main module's imports (wasm-split-cli's).
LOADER = "./__wasm_split.js"
IMPORT_LOADER = re.compile(r"""(from\s*["'])\./__wasm_split\.js(["'])""")


def content_name(path, prefix):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return f"{prefix}-{digest}{path.suffix}"


def raw_wasm(release):
    """The module cargo linked for Trunk, before wasm-bindgen."""
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "wasm32-unknown-unknown" / ("release" if release else "debug") / "kinplan.wasm"


def run(*command):
    # Quiet when it works: wasm-opt warns about every piece's name section.
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"postbuild: {command[0]} failed:\n{done.stdout}{done.stderr}")


def optimise(part):
    run("wasm-opt", "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
        "--enable-sign-ext", "--enable-reference-types", "--enable-multivalue", part, "-o", part)


def split(dist, release):
    """Replaces Trunk's module in `dist` by the main part and its pieces;
    returns the pieces' file names."""
    [glue] = [p for p in dist.glob("kinplan-*.js")]
    stem = glue.stem
    for old in list(dist.glob("piece-*.wasm")) + list(dist.glob("pieces-*.js")):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        cut, bound = pathlib.Path(tmp, "cut"), pathlib.Path(tmp, "bound")
        run("wasm-split-cli", raw_wasm(release), cut, "--out-name", stem, "--target", "web")
        # --keep-lld-exports keeps the functions the pieces call in the main part.
        run("wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports",
            "--out-dir", bound, "--out-name", stem, cut / f"{stem}.wasm")
        parts = [bound / f"{stem}_bg.wasm"] + sorted(p for p in cut.glob("*.wasm") if p.stem != stem)
        if release:
            with ThreadPoolExecutor(os.cpu_count()) as pool:
                list(pool.map(optimise, parts))
        loader = (cut / LOADER).read_text()
        pieces = []
        for part in parts[1:]:
            name = content_name(part, "piece-" + part.stem.removeprefix("split_"))
            loader = loader.replace(f'"./{part.name}"', f'"./{name}"')
            shutil.copyfile(part, dist / name)
            pieces.append(name)
        loader_file = pathlib.Path(tmp, "pieces.js")
        loader_file.write_text(loader)
        loader_name = content_name(loader_file, "pieces")
        shutil.copyfile(loader_file, dist / loader_name)
        # Only where the glue imports the loader: the same string is also the
        # key the main module's imports are looked up by.
        code, found = IMPORT_LOADER.subn(rf"\g<1>./{loader_name}\g<2>", (bound / f"{stem}.js").read_text())
        if not found:
            raise SystemExit("postbuild: the main module does not import the pieces' loader")
        (dist / glue.name).write_text(code)
        shutil.copyfile(parts[0], dist / f"{stem}_bg.wasm")
        if (bound / "snippets").is_dir():
            shutil.copytree(bound / "snippets", dist / "snippets", dirs_exist_ok=True)
    return pieces
