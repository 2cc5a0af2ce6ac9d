# ccsim build. `make` builds ./ccsim; `make run`, `make test` and the other user-facing
# targets install missing Debian packages first (see `deps`). User CFLAGS/LDFLAGS are
# appended to the project's; V=1 shows the commands; WERROR=1 (set by CI) turns warnings into
# errors.

SHELL := /bin/bash
CC ?= cc
BUILD ?= build
DEB_PACKAGES := libgsl-dev libconfig-dev libhdf5-dev libcmocka-dev hdf5-tools pkg-config \
                libglpk-dev
# The tests read results files as users do: xarray with both netCDF engines, h5py, script(1)
# for a terminal. R's hdf5r is checked too when installed (.ci/run installs it).
TEST_PACKAGES := python3-h5py python3-numpy python3-xarray python3-h5netcdf python3-netcdf4 \
                 bsdutils time
BENCH_PACKAGES := python3-simpy3 python3-h5py time
# `make notebooks` executes notebooks-export/*.ipynb with Debian's Python and exports them.
NOTEBOOK_PACKAGES := jupyter-nbconvert python3-nbclient python3-ipykernel python3-matplotlib \
                     python3-xarray python3-h5netcdf python3-h5py python3-numpy
# `make mpi` builds ./ccsim-mpi with Open MPI; `make test-mpi` and `make bench-mpi` run it.
MPI_PACKAGES := libopenmpi-dev openmpi-bin
MPICC ?= mpicc
# AFL++'s afl-clang-fast needs clang and LLVM of the same version (Debian 12: 14).
FUZZ_PACKAGES := afl++ clang llvm
SCENARIO ?= scenarios/erlang-a.cfg

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Recursively expanded, so pkg-config runs only when a recipe needs it (after `deps`).
# HDF5 is linked statically (Debian's libhdf5-dev ships the archives): the shared library
# drags in curl, TLS and Kerberos for remote files ccsim never opens, which cost 5 ms at every
# start, and its position-independent code made writing a results file a fifth slower.
PKG_CFLAGS = $(shell pkg-config --cflags gsl libconfig hdf5 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs gsl libconfig 2>/dev/null) \
           $(shell pkg-config --libs-only-L hdf5 2>/dev/null) \
           -Wl,-Bstatic -lhdf5_hl -lhdf5 -Wl,-Bdynamic -lsz -lz -ldl -lglpk
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith \
        -Wformat=2 -Wundef -Wvla
ifeq ($(WERROR),1)
WARN += -Werror
endif
OPT ?= -O2 -g
BASE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(OPT) $(WARN) -MMD -MP -I. $(PKG_CFLAGS)
ALL_CFLAGS = $(BASE_CFLAGS) $(SAN) $(CFLAGS)
ALL_LDFLAGS = -pthread $(SAN) $(LDFLAGS)

SIM_SRC := $(wildcard sim/*.c)
MODEL_SRC := $(filter-out models/command/main.c,$(wildcard models/*.c models/*/*.c))
LIB_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(SIM_SRC) $(MODEL_SRC))
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
# Checks of the tree that are scripts, run and counted with the binaries: the source layout
# (`tests/check_layout.py --graph` prints the folders' include graph).
TEST_SCRIPTS := tests/check_layout.py tests/check_readme.py tests/check_ci_recipe.py \
                tests/check_gate_validity.py

.PHONY: all run test check bench settings-doc results-doc fuzz fuzz-corpus notebooks deps clean \
        mpi test-mpi bench-mpi _mpi _test-mpi _bench-mpi _all _test _notebooks \
        _check _bench _fuzz _fuzz-corpus _results-doc FORCE
# Test objects are kept, not deleted as intermediates.
.SECONDARY:
.DEFAULT_GOAL := all

all: ccsim

ccsim: $(BUILD)/ccsim
	$(Q)cp $< $@

$(BUILD)/ccsim: $(BUILD)/models/command/main.o $(BUILD)/libccsim.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

# ./ccsim-mpi is the same program with sim/mpi/ranks_mpi.c (MPI) linked in place of
# sim/ranks.c (one process): the linker takes an archive's member only for what is still
# missing, and ranks_mpi.o defines all of it first.
ccsim-mpi: $(BUILD)/ccsim-mpi
	$(Q)cp $< $@

$(BUILD)/ccsim-mpi: $(BUILD)/models/command/main.o $(BUILD)/sim/mpi/ranks_mpi.o $(BUILD)/libccsim.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(MPICC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(BUILD)/sim/mpi/ranks_mpi.o: sim/mpi/ranks_mpi.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  MPICC   $<")
	$(Q)$(MPICC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libccsim.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libccsim.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lcmocka -lm

# Packages. `deps` is the one place that installs: the packages the goals named need (the
# build's; the tests' for test, check and deps itself; the bench's; the fuzzer's) that are
# not installed, with apt-get. Which are missing takes one dpkg-query call over them all
# (unknown ones print only a message on stderr). The user-facing targets ask it when make
# starts and depend on `deps` only when something is missing; they then re-enter make, so
# that pkg-config sees what was installed.
NEEDED_PACKAGES = $(DEB_PACKAGES) $(if $(filter test check deps,$(MAKECMDGOALS)),$(TEST_PACKAGES)) \
  $(if $(filter bench,$(MAKECMDGOALS)),$(BENCH_PACKAGES)) \
  $(if $(filter notebooks,$(MAKECMDGOALS)),$(NOTEBOOK_PACKAGES)) \
  $(if $(filter mpi test-mpi bench-mpi,$(MAKECMDGOALS)),$(MPI_PACKAGES)) \
  $(if $(filter test-mpi,$(MAKECMDGOALS)),$(TEST_PACKAGES)) \
  $(if $(filter bench-mpi,$(MAKECMDGOALS)),$(BENCH_PACKAGES)) \
  $(if $(filter fuzz fuzz-corpus,$(MAKECMDGOALS)),$(FUZZ_PACKAGES)) $(EXTRA_PACKAGES)
LIST_MISSING = dpkg-query -W -f='$${Package} $${Status}\n' $(NEEDED_PACKAGES) 2>/dev/null | \
  awk -v want='$(strip $(NEEDED_PACKAGES))' '$$NF == "installed" && $$(NF - 1) == "ok" { ok[$$1] = 1 } \
  END { n = split(want, w, " "); for (i = 1; i <= n; i++) if (!(w[i] in ok)) printf " %s", w[i] }'
USER_GOALS := run test check bench settings-doc results-doc fuzz fuzz-corpus notebooks mpi \
              test-mpi bench-mpi
ifneq ($(filter $(USER_GOALS),$(MAKECMDGOALS)),)
MISSING_PACKAGES := $(shell $(LIST_MISSING))
endif
NEED_DEPS := $(if $(MISSING_PACKAGES),deps)

run: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _all
	./ccsim run $(SCENARIO)

test: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _test

check: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory BUILD=build-san OPT="-O1 -g -DCC_CHECKED" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" _check

bench: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _all
	$(Q)/usr/bin/python3 tests/bench.py

# MPI (README "Beyond one machine"): ./ccsim-mpi; its tests (every dataset of run, sweep and
# compare on 2 ranks against ./ccsim, byte for byte; failures on a rank), which end with
# "N passed, N failed" as `make test` does; and its scaling on this machine.
mpi: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _mpi

_mpi: ccsim-mpi

test-mpi: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _test-mpi

_test-mpi: ccsim ccsim-mpi
	$(Q)CCSIM=./ccsim CCSIM_MPI=./ccsim-mpi bash tests/run.sh tests/check_mpi.py

bench-mpi: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _bench-mpi

_bench-mpi: ccsim ccsim-mpi
	$(Q)/usr/bin/python3 tests/bench_mpi.py

# Rewrites the settings tables of scenarios/README.md from the schema (test_schema fails when
# they differ from it).
settings-doc: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _all
	$(Q)/usr/bin/python3 tests/settings-doc.py ./ccsim scenarios/README.md

_all: ccsim

# The tables of results/README.md (figures, counts, record and event fields) are generated
# from the descriptors in the code: this rewrites them; `make test` fails while they differ.
# Executes every notebook of notebooks-export/ (regenerated from notebooks-export/src/ first)
# and exports each to HTML; fails naming the notebook and cell when a cell errors or a notebook
# makes fewer figures than it declares. Always Debian's Python, whatever python3 is first on
# the PATH. CCSIM_NB_REPLICATIONS=N runs N replications; NOTEBOOKS_ARGS=--check writes nothing.
notebooks: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _notebooks

_notebooks: ccsim
	/usr/bin/python3 notebooks-export/run.py $(NOTEBOOKS_ARGS)

results-doc: $(NEED_DEPS)
	$(Q)$(MAKE) --no-print-directory _results-doc

_results-doc: $(BUILD)/tests/results_doc
	$(Q)$(BUILD)/tests/results_doc results/README.md

_test: ccsim $(TEST_BIN)
	$(Q)CCSIM=./ccsim bash tests/run.sh $(TEST_BIN) $(TEST_SCRIPTS)

_check: $(BUILD)/ccsim $(TEST_BIN)
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  CCSIM=$(BUILD)/ccsim bash tests/run.sh $(TEST_BIN) $(TEST_SCRIPTS)

deps:
	$(Q)missing="$$($(LIST_MISSING))"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

# Fuzzing with AFL++ (tests/fuzz/README.md). `make fuzz` builds an instrumented in-process
# driver into build-fuzz/ and fuzzes FUZZ_TARGET for FUZZ_TIME seconds:
#   check  the scenario loader and `ccsim check` (the default)
#   run    a one-replication `ccsim run` (inputs whose work is over a budget are skipped)
# FUZZ_TIME is 600 s unless given: e.g. `make fuzz FUZZ_TARGET=run FUZZ_TIME=3600`. AFL's
# statistics say when new paths have dried up (a check run's queue grows little after half
# an hour). Seeds: scenarios/*.cfg and
# tests/fuzz/corpus/; the dictionary is generated from the loader's sources. Results go to
# FUZZ_OUT/<target>/ (outside the repository), findings to its default/crashes and
# default/hangs; a second `make fuzz` resumes. `make fuzz-corpus` minimises the queues of
# both targets, with what tests/fuzz/corpus/ holds, back into tests/fuzz/corpus/, which
# `make test` and `make check` replay (tests/test_fuzz_corpus.c).
FUZZ_TARGET ?= check
FUZZ_TIME ?= 600
# More seed directories, e.g. FUZZ_SEEDS=/tmp/ccsim-fuzz/check/default/queue to start the run
# target from what fuzzing check found; more afl-fuzz options in FUZZ_FLAGS.
FUZZ_SEEDS ?=
FUZZ_FLAGS ?=
FUZZ_OUT ?= /tmp/ccsim-fuzz
# FUZZ_SAN=1 builds the driver with ASan and UBSan (into build-fuzz-san, a few times
# slower), so that memory errors and undefined behaviour are crashes too, not only aborts.
FUZZ_SAN ?=
FUZZ_BUILD := build-fuzz$(if $(filter 1,$(FUZZ_SAN)),-san)
FUZZ_CC_ENV := $(if $(filter 1,$(FUZZ_SAN)),AFL_USE_ASAN=1 AFL_USE_UBSAN=1)
FUZZ_TIMEOUT_check := 200
FUZZ_TIMEOUT_run := 2000
# The loader's sources, whose one-word string literals are the dictionary's words.
FUZZ_DICT_SRC := $(wildcard models/scenario/*.c models/policies/*.c) sim/dist.c sim/duration.c
FUZZ_DRIVER = $(BUILD)/fuzz/driver
FUZZ_DICT = $(BUILD)/fuzz/scenario.dict
FUZZ_ENV := AFL_SKIP_CPUFREQ=1 AFL_AUTORESUME=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1

fuzz: $(NEED_DEPS)
	$(Q)$(FUZZ_CC_ENV) $(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=afl-clang-fast OPT="-O2 -g" _fuzz

fuzz-corpus: $(NEED_DEPS)
	$(Q)$(FUZZ_CC_ENV) $(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=afl-clang-fast OPT="-O2 -g" _fuzz-corpus

_fuzz: $(FUZZ_DRIVER) $(FUZZ_DICT)
	$(Q)test "$(FUZZ_TARGET)" = check -o "$(FUZZ_TARGET)" = run || \
	  { echo "FUZZ_TARGET must be check or run"; exit 2; }
	$(Q)rm -rf $(FUZZ_OUT)/seeds-$(FUZZ_TARGET) && mkdir -p $(FUZZ_OUT)/seeds-$(FUZZ_TARGET) && \
	  for d in scenarios tests/fuzz/corpus $(FUZZ_SEEDS); do \
	    find "$$d" -maxdepth 1 -type f ! -name '*.md' -exec cp -t $(FUZZ_OUT)/seeds-$(FUZZ_TARGET) {} +; \
	  done
	$(Q)scratch=/dev/shm/ccsim-fuzz-$(FUZZ_TARGET)-$$$$; \
	env $(FUZZ_ENV) CC_FUZZ_SCRATCH=$$scratch $$([ -t 1 ] || echo AFL_NO_UI=1) \
	  afl-fuzz -i $(FUZZ_OUT)/seeds-$(FUZZ_TARGET) -o $(FUZZ_OUT)/$(FUZZ_TARGET) -x $(FUZZ_DICT) \
	  -V $(FUZZ_TIME) -t $(FUZZ_TIMEOUT_$(FUZZ_TARGET))+ $(FUZZ_FLAGS) -- $(FUZZ_DRIVER) $(FUZZ_TARGET); \
	rc=$$?; rm -rf $$scratch; exit $$rc

_fuzz-corpus: $(FUZZ_DRIVER)
	$(Q)bash tests/fuzz/cmin.sh $(FUZZ_DRIVER) $(FUZZ_OUT) tests/fuzz/corpus

# The driver calls the command's own main, compiled under another name.
$(BUILD)/fuzz/main.o: models/command/main.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (as cc_fuzz_ccsim_main)")
	$(Q)$(CC) $(ALL_CFLAGS) -Dmain=cc_fuzz_ccsim_main -Wno-missing-prototypes -c -o $@ $<

$(FUZZ_DRIVER): $(BUILD)/tests/fuzz/driver.o $(BUILD)/fuzz/main.o $(BUILD)/libccsim.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(FUZZ_DICT): tests/fuzz/gen-dict.sh $(FUZZ_DICT_SRC)
	@mkdir -p $(dir $@)
	$(Q)bash $< $(FUZZ_DICT_SRC) > $@.tmp && mv $@.tmp $@

clean:
	rm -rf build build-san build-fuzz build-fuzz-san ccsim ccsim-mpi

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
