# ccsim build. `make` builds ./ccsim; `make run` and `make test` install missing Debian
# packages first (see `deps`). User CFLAGS/LDFLAGS are appended to the project's; V=1 shows
# the commands; WERROR=1 (set by CI) turns warnings into errors.

SHELL := /bin/bash
CC ?= cc
BUILD ?= build
DEB_PACKAGES := libgsl-dev libconfig-dev libhdf5-dev libcmocka-dev hdf5-tools pkg-config
# The tests read results files as users do: xarray with both netCDF engines, h5py, script(1)
# for a terminal. R's hdf5r is checked too when installed (.ci/run installs it).
TEST_PACKAGES := python3-h5py python3-numpy python3-xarray python3-h5netcdf python3-netcdf4 \
                 bsdutils time
BENCH_PACKAGES := python3-simpy3 python3-h5py time
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
           -Wl,-Bstatic -lhdf5_hl -lhdf5 -Wl,-Bdynamic -lsz -lz -ldl
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith \
        -Wformat=2 -Wundef -Wvla
ifeq ($(WERROR),1)
WARN += -Werror
endif
OPT ?= -O2 -g
BASE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(OPT) $(WARN) -MMD -MP -I. -I$(BUILD)/gen $(PKG_CFLAGS)
ALL_CFLAGS = $(BASE_CFLAGS) $(SAN) $(CFLAGS)
ALL_LDFLAGS = -pthread $(SAN) $(LDFLAGS)

SIM_SRC := $(wildcard sim/*.c)
MODEL_SRC := $(filter-out models/main.c,$(wildcard models/*.c))
LIB_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(SIM_SRC) $(MODEL_SRC))
TEST_SRC := $(wildcard tests/test_*.c)
# Routing policies register themselves by their file name: models/policy_<name>.c.
POLICIES := $(sort $(patsubst models/policy_%.c,%,$(wildcard models/policy_*.c)))
POLICY_INC := $(BUILD)/gen/policies.inc
TEST_BIN := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))

.PHONY: all run test check bench deps clean _all _test _check _bench FORCE
# Test objects are kept, not deleted as intermediates.
.SECONDARY:
.DEFAULT_GOAL := all

all: ccsim

ccsim: $(BUILD)/ccsim
	$(Q)cp $< $@

$(BUILD)/ccsim: $(BUILD)/models/main.o $(BUILD)/libccsim.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(BUILD)/libccsim.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

# Rewritten only when the list of policies changes, so nothing rebuilds needlessly.
$(POLICY_INC): FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' $(foreach p,$(POLICIES),'CC_POLICY($(p))') > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/models/policies.o: $(POLICY_INC)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libccsim.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lcmocka -lm

# The user-facing targets install missing packages, then re-enter make so that pkg-config
# sees them.
run: deps
	$(Q)$(MAKE) --no-print-directory _all
	./ccsim run $(SCENARIO)

test: deps
	$(Q)$(MAKE) --no-print-directory _test

check: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build-san OPT="-O1 -g -DCC_CHECKED" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" _check

bench: deps
	$(Q)$(MAKE) --no-print-directory _all
	$(Q)/usr/bin/python3 tests/bench.py

_all: ccsim

_test: ccsim $(TEST_BIN)
	$(Q)CCSIM=./ccsim bash tests/run.sh $(TEST_BIN)

_check: $(BUILD)/ccsim $(TEST_BIN)
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  CCSIM=$(BUILD)/ccsim bash tests/run.sh $(TEST_BIN)

deps:
	$(Q)missing=""; for p in $(DEB_PACKAGES) $(if $(filter test check,$(MAKECMDGOALS)),$(TEST_PACKAGES)) \
	  $(if $(filter bench,$(MAKECMDGOALS)),$(BENCH_PACKAGES)) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf build build-san ccsim

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
