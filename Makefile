# accord: the two commands of the set-up contract are `make demo` and `make test`.
# Both install the Debian packages that are missing, then configure and build in build/.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SEED  ?= 1
JOBS       ?= 2
DEMO_DB    ?= $(BUILD)/demo.db
DEMO_BRIEF ?= $(BUILD)/brief.html
# What `make demo` needs: a compiler, CMake and the libraries the tools link. Nothing else.
DEMO_PACKAGES := cmake g++ make libcli11-dev libyaml-cpp-dev libfmt-dev libsqlitecpp-dev libsqlite3-dev
# What `make test` adds: Catch2, the Python and sqlite3 the tests drive, Graphviz and Chromium for the
# lineage and HTML checks, help2man and man for the man pages, dpkg-dev for the Debian packages.
TEST_PACKAGES := catch2 sqlite3 python3 python3-yaml python3-jsonschema graphviz chromium \
              help2man man-db dpkg-dev
PACKAGES   := $(DEMO_PACKAGES) $(TEST_PACKAGES)
# For the researcher's guide (docs/guides/researcher.md runs its pandas and R code), without
# their recommended packages (R's recommend a compiler tool chain and dozens of R libraries).
SLIM_PACKAGES := python3-pandas r-base-core
# Only for `make fuzz`: libFuzzer comes with clang's runtime.
FUZZ_PACKAGES := clang libclang-rt-14-dev
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps deps-demo configure configure-demo build demo test asan fuzz bench package format lint clean

all: build

# Installs the missing packages of PACKAGES (and SLIM_PACKAGES without their recommends).
deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	slim=""; for p in $(SLIM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || slim="$$slim $$p"; \
	done; \
	if [ -n "$$missing$$slim" ]; then \
	  echo "installing:$$missing$$slim"; \
	  $(SUDO) apt-get update -qq; \
	fi; \
	if [ -n "$$missing" ]; then \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing || exit 1; \
	fi; \
	if [ -n "$$slim" ]; then \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$slim || exit 1; \
	fi

# Only what the demo needs.
deps-demo:
	@$(MAKE) --no-print-directory deps PACKAGES="$(DEMO_PACKAGES)" SLIM_PACKAGES=

# Everything: the tools, the man pages and the tests (set explicitly, so that a tree the demo
# configured gains them).
configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_BUILD_TESTS=ON -DACCORD_MAN_PAGES=ON $(CMAKE_ARGS)

build: configure
	cmake --build $(BUILD) -j$(JOBS)

# The demo configures a new tree without tests or man pages (it leaves a configured tree as it
# is) and builds the one tool it runs.
configure-demo: deps-demo
	@if [ ! -f $(BUILD)/CMakeCache.txt ]; then \
	  echo "cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_BUILD_TESTS=OFF -DACCORD_MAN_PAGES=OFF $(CMAKE_ARGS)"; \
	  cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_BUILD_TESTS=OFF -DACCORD_MAN_PAGES=OFF $(CMAKE_ARGS); \
	fi

demo: configure-demo
	cmake --build $(BUILD) -j$(JOBS) --target accord_tool
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD)/bin/accord import --db $(DEMO_DB) data/
	@echo
	@echo "Where the commitments in data/ stand, statement by statement:"
	$(BUILD)/bin/accord report progress --db $(DEMO_DB)
	@echo
	@echo "The brief for the next U.S.-ASEAN Cyber Policy Dialogue (its day is not fixed: say in six months, --next +6m):"
	$(BUILD)/bin/accord report brief --db $(DEMO_DB) us-asean-cpd --next +6m --format md
	$(BUILD)/bin/accord report brief --db $(DEMO_DB) us-asean-cpd --next +6m --format html -o $(DEMO_BRIEF)
	@echo
	@echo "The same brief as one HTML page (prints to one or two A4 pages): $(DEMO_BRIEF)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DACCORD_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j$(JOBS)

# libFuzzer targets (tests/fuzz: the YAML reader + validator, the partial-date parser), built
# with clang in their own build dir, each run for FUZZ_SECONDS from a corpus of the fixtures.
fuzz: deps
	$(MAKE) --no-print-directory deps PACKAGES="$(FUZZ_PACKAGES)"
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DACCORD_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j$(JOBS)
	FUZZ_SEED=$(FUZZ_SEED) tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Benchmarks (not part of make test): figures beside baselines measured in the same run.
bench: deps
	tests/bench/run

# Debian packages accord and accord-dev in $(BUILD)/ (CPack DEB, cmake/Packaging.cmake).
package: build
	cd $(BUILD) && cpack -G DEB

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

lint: configure
	clang-tidy -p $(BUILD) $$(git ls-files 'lib/*.cpp' 'apps/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
