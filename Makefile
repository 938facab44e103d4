# The two set-up commands a new user needs: `make run` and `make test` (see README.md).
# Each installs what is missing (apt-get), configures with CMake presets and builds.

PRESET ?= dev
JOBS ?= $(shell nproc)
CONFIG ?= etc/promsynth.yml
LISTEN ?= :9877

.PHONY: all deps configure build run test test-asan test-tsan fuzz-smoke fuzz bench bench-peers format format-check tidy clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	./build/promsynth --config.file=$(CONFIG) --web.listen-address=$(LISTEN)

# Builds the libFuzzer targets (clang, ASan/UBSan, build-fuzz/) and runs each for $(1) seconds.
define run-fuzz-targets
	@cmake --preset fuzz -DPROMSYNTH_FUZZ_SECONDS=$(1) >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target fuzz_targets
	ctest --preset fuzz -j $(JOBS)
endef

# Every test of the dev build, then a bounded libFuzzer run of every fuzz target (FUZZ_TEST_SECONDS
# each; the clang build of the targets shares ccache with every other build).
FUZZ_TEST_SECONDS ?= 5
test: build
	ctest --preset $(PRESET) -j $(JOBS)
	$(call run-fuzz-targets,$(FUZZ_TEST_SECONDS))

test-asan: deps
	@cmake --preset asan-ubsan >/dev/null
	@cmake --build --preset asan-ubsan -j $(JOBS)
	ctest --preset asan-ubsan -j $(JOBS)

test-tsan: deps
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan -j $(JOBS)
	ctest --preset tsan -j $(JOBS)

# Every libFuzzer target (clang, ASan/UBSan); no crash, leak or UB allowed. fuzz-smoke runs each
# for FUZZ_SMOKE_SECONDS (part of `make test`), fuzz for FUZZ_SECONDS (a long run, minutes per target).
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_SECONDS ?= 300
fuzz-smoke: deps
	$(call run-fuzz-targets,$(FUZZ_SMOKE_SECONDS))

fuzz: deps
	$(call run-fuzz-targets,$(FUZZ_SECONDS))

bench: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)
	bench/run-bench.sh build-release

# Side by side with the peers (Go and Python client libraries, prometheus-cpp, the floor) in one run,
# then promsynth's ratios against the performance goals. Needs ../shared/peers (PEERS_DIR).
PEERS_DIR ?= ../shared/peers
PEER_SIZES ?= 100000 1000000
bench-peers: deps
	@test -x $(PEERS_DIR)/run-peers.sh || { echo "bench-peers: $(PEERS_DIR)/run-peers.sh not found (set PEERS_DIR)"; exit 1; }
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target promsynth
	PROMSYNTH=build-release/promsynth PROMSYNTH_CONFIG_CMD=$(CURDIR)/bench/peers-config.sh \
	  $(PEERS_DIR)/run-peers.sh $(PEER_SIZES) | tee build-release/peers.txt
	bench/peers-ratios.sh < build-release/peers.txt

format:
	@git ls-files '*.h' '*.cc' '*.c' | xargs clang-format -i

format-check:
	@git ls-files '*.h' '*.cc' '*.c' | xargs clang-format --dry-run --Werror

tidy: configure
	@git ls-files 'daemon/*.cc' | xargs clang-tidy -p build --quiet

clean:
	rm -rf build build-asan build-tsan build-release build-fuzz
