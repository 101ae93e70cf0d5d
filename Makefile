# Kinplan: every target installs what it needs first (scripts/setup.sh,
# which skips whatever is already there), then does its job.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

# Keep RUSTC_BOOTSTRAP on for every cargo call: build-std needs it for wasm,
# and switching it off and on would rebuild every proc-macro.
export RUSTC_BOOTSTRAP := 1
export PATH := $(CURDIR)/.tools/npm/node_modules/.bin:$(CURDIR)/.tools/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
# wasm32's std is built from Debian's rust-web-src, for wasm commands only.
WASM := CARGO_UNSTABLE_BUILD_STD=std,panic_abort
WASM32 := --target wasm32-unknown-unknown

.PHONY: setup serve dist test bench check-format clippy host-test wasm-test build-dist build-minimal e2e

setup:
	@scripts/setup.sh

## make serve: build, then serve on http://127.0.0.1:8080, rebuilding on change.
serve: setup
	$(WASM) trunk serve

## make dist: a release build in dist/, ready to copy into any folder of a web server.
dist: setup build-dist

## make test: formatting, lints, host tests, browser component tests, then end-to-end tests of dist/.
test: setup check-format clippy host-test wasm-test build-dist e2e
	@echo "make test: all checks passed"

## make bench: what dist/ weighs against its budgets, then timings in headless Chromium.
bench: setup build-dist build-minimal
	@python3 scripts/sizes.py
	@mkdir -p target/bench
	@for n in 1 100 500; do cargo run -q --example sample_cases -- $$n > target/bench/cases-$$n.json; done
	@cargo run -q --example sample_cases -- 1 200 > target/bench/cases-plan200.json
	@cargo run -q --example sample_cases -- 1 15 10000 > target/bench/cases-map10000.json
	@cd tests/e2e && DIST_DIR=$(CURDIR)/dist BENCH_DIR=$(CURDIR)/target/bench node bench-storage.mjs
	@cd tests/e2e && DIST_DIR=$(CURDIR)/dist BENCH_DIR=$(CURDIR)/target/bench node bench-plan.mjs
	@cd tests/e2e && DIST_DIR=$(CURDIR)/dist BENCH_DIR=$(CURDIR)/target/bench node bench-lock.mjs
	@cd tests/e2e && DIST_DIR=$(CURDIR)/dist BENCH_DIR=$(CURDIR)/target/bench node bench-map.mjs
	@cd tests/e2e && DIST_DIR=$(CURDIR)/dist BENCH_DIR=$(CURDIR)/target/bench MINIMAL_DIR=$(CURDIR)/target/bench/minimal node bench-start.mjs
	@cargo run -q --release --example drawing_size
	@cargo run -q --release --example checker_timing
	@cargo run -q --release --example genogram_layout
	@cargo run -q --example reading_age -- tests/fixtures/sample-family.json 2026-12-03

check-format:
	cargo fmt --all --check

# The host checks cover the whole workspace (the web app, kinplan-core,
# kinplan-audit); the wasm ones the web app, which pulls in the core.
clippy:
	cargo clippy --workspace --all-targets -q -- -D warnings
	$(WASM) cargo clippy $(WASM32) --all-targets -q -- -D warnings

host-test:
	cargo test -q --workspace
	AUDIT=target/debug/kinplan-audit .tools/py/bin/python tests/oracle/schedule.py
	AUDIT=target/debug/kinplan-audit .tools/py/bin/python tests/oracle/reading_age.py
	HOLIDAYS=target/debug/examples/bank_holidays .tools/py/bin/python tests/oracle/bank_holidays.py

# One unsplit module: no pieces (see Cargo.toml's features).
wasm-test:
	$(WASM) cargo test $(WASM32) --no-default-features --test components

# Release wasm aborts on panic with no message, which drops the panic
# formatting machinery (about 40 KB raw). Only dist/ is built this way.
# RUSTFLAGS replaces .cargo/config.toml's rustflags, so it repeats them.
RELEASE_FLAGS := --cfg erase_components -Zunstable-options -Cpanic=immediate-abort
build-dist:
	$(WASM) RUSTFLAGS="$(RELEASE_FLAGS) -Clink-args=--emit-relocs" trunk build --release

# The minimal Leptos app that start-up is measured against, built alike but
# in one piece: without the relocations splitting needs, which wasm-opt
# cannot strip. Its own target folder, so the flags never rebuild Kinplan's.
build-minimal:
	cd bench/minimal && $(WASM) RUSTFLAGS="$(RELEASE_FLAGS)" CARGO_TARGET_DIR=$(CURDIR)/target/bench/cargo trunk build --release

e2e:
	cd tests/e2e && DIST_DIR=$(CURDIR)/dist SHOTS_DIR=$(CURDIR)/target/screenshots npm test
