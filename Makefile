# 年报助手 — the two commands of the README, and their parts.
#   make run    build the app (UI embedded) and start it        (works under xvfb-run too)
#   make test   every check: fmt, clippy, cargo tests, UI typecheck + Vitest, the release .deb,
#               end-to-end on its binary, the package test (install, start, remove)
# Both install what is missing (apt packages, npm packages, tauri-driver) and nothing else.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(ROOT)/target)
APP_BIN := $(TARGET_DIR)/debug/nianbao-app
STEP := $(ROOT)/scripts/step.sh
NPM_UI := npm --prefix $(ROOT)/ui

APT_BUILD := build-essential pkg-config file libwebkit2gtk-4.1-dev libssl-dev libxdo-dev \
	libayatana-appindicator3-dev librsvg2-dev
APT_HEADLESS := xvfb xauth webkit2gtk-driver fonts-noto-cjk dbus-x11 at-spi2-core \
	sqlite3 x11-utils iproute2
APT_EXPORT := libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils qpdf

# A fresh CI clone builds everything once: incremental caches only cost disk there.
ifneq ($(CI),)
export CARGO_INCREMENTAL ?= 0
endif

# Without these WebKitGTK can show a blank window under Xvfb (software GL); harmless on a desktop.
export WEBKIT_DISABLE_COMPOSITING_MODE := 1
export WEBKIT_DISABLE_DMABUF_RENDERER := 1

.PHONY: help run test bench fuzz app ui-build deps deps-apt deps-npm deps-driver deb package-test \
	fmt clippy cargo-test ui-check ui-test e2e bindings deps-lint lint-deps

help:
	@echo "make run    build and start 年报助手"
	@echo "make test   run every test (fmt, clippy, cargo test, UI checks, end-to-end)"
	@echo "make bench  every benchmark (release) in one table against the budgets, with the Python baseline"
	@echo "make fuzz   fuzz every importer and the parser (FUZZ_SECONDS each, default 60)"

# --- what is needed --------------------------------------------------------------------------
deps-apt:
	@$(ROOT)/scripts/ensure-apt.sh $(APT_BUILD) $(APT_HEADLESS) $(APT_EXPORT)

deps-npm:
	@$(ROOT)/scripts/ensure-npm.sh

deps-driver:
	@$(ROOT)/scripts/ensure-tauri-driver.sh

deps-lint:
	@$(ROOT)/scripts/ensure-lint-tools.sh

deps: deps-apt deps-npm

# --- build and run ---------------------------------------------------------------------------
ui-build: deps-npm
	$(NPM_UI) run build

# The debug binary with the UI embedded (what `tauri build --debug --no-bundle` makes).
app: deps ui-build
	cargo build -p nianbao-app --features custom-protocol

run: app
	$(APP_BIN)

# --- tests, in CI order: the app binary for e2e is built last (the test build replaces it) ----
fmt:
	cargo fmt --all -- --check

# Unused dependencies (cargo-machete) and licenses/banned crates (cargo-deny, deny.toml): both
# offline, a few seconds each; no GPL-family license in what ships. cargo-deny reads the
# manifests of every platform's crates (windows-sys too), which a Linux build never downloads:
# `cargo fetch` gets them from crates.io first (nothing to do when they are there).
lint-deps: deps-lint
	cd $(ROOT) && cargo fetch --locked --quiet
	cd $(ROOT) && $(ROOT)/.tools/bin/cargo-machete
	cd $(ROOT) && $(ROOT)/.tools/bin/cargo-deny --offline check licenses bans

clippy:
	cargo clippy --workspace --all-targets -- -D warnings

cargo-test:
	cargo test --workspace

ui-check:
	$(NPM_UI) run check

ui-test:
	$(NPM_UI) run test

# One test file at a time (each starts its own app), 4 minutes a test, 15 minutes in all; the
# harness stops every process it started, by pid, whatever the outcome. The suite runs a copy of
# the app binary, so a cargo build in the same target dir during the run cannot swap it.
# E2E_BIN: the binary under test (default the debug `make app` one; `make test` passes the
# release binary `make deb` built, so CI compiles the app with the UI embedded only once).
E2E_APP := $(TARGET_DIR)/e2e-app/nianbao-app
E2E_BIN ?= $(APP_BIN)
RELEASE_APP_BIN := $(TARGET_DIR)/release/nianbao-app
e2e: deps-driver
	@test -x $(E2E_BIN) || { echo "no app binary at $(E2E_BIN): run 'make app' (or 'make deb') first" >&2; exit 2; }
	@mkdir -p $(dir $(E2E_APP)) && cp $(E2E_BIN) $(E2E_APP).tmp && mv -f $(E2E_APP).tmp $(E2E_APP)
	NIANBAO_APP=$(E2E_APP) TAURI_DRIVER=$(ROOT)/.tools/bin/tauri-driver \
		xvfb-run -a -s "-screen 0 1280x800x24" \
		timeout --kill-after=30 900 node --test --test-force-exit --test-concurrency=1 --test-timeout=240000 $(ROOT)/tests/e2e/

test:
	@$(STEP) "install missing apt/npm packages" $(MAKE) --no-print-directory deps
	@$(STEP) "cargo fmt --check" $(MAKE) --no-print-directory fmt
	@$(STEP) "cargo clippy (workspace, all targets)" $(MAKE) --no-print-directory clippy
	@$(STEP) "unused dependencies, licenses, bans (cargo machete, cargo deny)" $(MAKE) --no-print-directory lint-deps
	@$(STEP) "cargo test --workspace" $(MAKE) --no-print-directory cargo-test
	@$(STEP) "UI typecheck (svelte-check)" $(MAKE) --no-print-directory ui-check
	@$(STEP) "UI tests (Vitest)" $(MAKE) --no-print-directory ui-test
	@$(STEP) "release .deb (its binary is also the one e2e tests)" $(MAKE) --no-print-directory deb
	@$(STEP) "tauri-driver" $(MAKE) --no-print-directory deps-driver
	@$(STEP) "end-to-end on the release binary (tauri-driver, Xvfb)" $(MAKE) --no-print-directory e2e E2E_BIN=$(RELEASE_APP_BIN)
	@$(STEP) "package test: install the .deb, start it, remove it" $(MAKE) --no-print-directory package-test

# Every benchmark (release) and the Python baseline, as one table against design.md's budgets.
bench:
	$(ROOT)/scripts/bench/run.sh

# Long fuzzing of every importer and the parser (FUZZ_SECONDS each, default 60); not in `make test`.
fuzz:
	$(ROOT)/scripts/bench/fuzz.sh

# Regenerate ui/src/lib/api/bindings from the Rust IPC types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p nianbao-app --test bindings

# The release .deb (UI built first; `tauri build` would run the UI build from the wrong folder).
# One release build of the app; `make package-test` installs, starts and removes it.
DEB_DIR := $(TARGET_DIR)/release/bundle/deb
deb: deps ui-build
	cd $(ROOT)/src-tauri && $(ROOT)/ui/node_modules/.bin/tauri build --bundles deb \
		--config '{"build":{"beforeBuildCommand":""}}'
	@ls -l $(DEB_DIR)/*.deb

# Install the .deb with apt, start it under Xvfb (window + sample library), check the desktop
# entry, icon and MIME open-with for .docx/.txt/.pdf, remove it cleanly (scripts/package-test.sh);
# then the same test must fail on broken packages (scripts/package-broken-test.sh: a missing icon
# file fails the bundling, a bundle without icon fails the package test; no rebuild).
package-test:
	$(ROOT)/scripts/package-test.sh
	$(ROOT)/scripts/package-broken-test.sh
