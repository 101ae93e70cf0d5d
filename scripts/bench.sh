#!/usr/bin/env bash
# Prints the size of every file in dist/: raw, gzip -9 and brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wasm-opt >/dev/null && echo "wasm-opt: $(wasm-opt --version)" \
  || echo "wasm-opt: MISSING, so the wasm below is not size-optimised"
printf '\n%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
while IFS= read -r f; do
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-44s %10d %10d %10d\n' "${f#dist/}" "$raw" "$gz" "$br"
done < <(find dist -type f | sort)
printf '%-44s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
budget=$((200 * 1024))
echo
echo "brotli budget: $total_br of $budget bytes ($((100 * total_br / budget))%)"
