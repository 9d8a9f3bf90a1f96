# runhip: one GNU Makefile for the library, the program, tests, fuzzers and benchmarks.
#
#   make            release build: build/rel/runhip and build/rel/librunhip.a
#   make check      ASan+UBSan build, then every test; last line "N passed, N failed"
#   make demo       release build, then the whole journey on the bundled sample athlete
#   make bench      benchmarks (bench/), peers side by side where installed
#   make fuzz       clang libFuzzer targets, FUZZ_SECONDS each (default 30), seeded with
#                   fuzz/corpus/ (make check replays that corpus without libFuzzer) and
#                   fuzz/<target>.seeds (folders, or note lists split by fuzz/seeds.sh)
#   make install    PREFIX=/usr/local: program, library, headers, pkg-config file, man page
#   make format     clang-format over the tree
#
# Sources are found by wildcard: a new src/<part>/x.c or tests/unit/test_x.c needs no edit here.

VERSION    := 0.1.0
CC         ?= cc
PKGS       := sqlite3 expat zlib libarchive libmicrohttpd jansson
SHARED     ?= $(abspath ../shared)
PREFIX     ?= /usr/local
DEV        ?= 1
V          ?= 0
Q          := $(if $(filter 1,$(V)),,@)

WARN       := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
              -Wwrite-strings -Wvla -Wformat=2 -Wno-format-nonliteral
ifeq ($(DEV),1)
WARN       += -Werror
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
BASEFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
              -DRH_VERSION=\"$(VERSION)\" $(PKG_CFLAGS) $(WARN) -MMD -MP
LIBS       := $(PKG_LIBS) -lpthread -lm

REL_FLAGS  := -O2 -g
SAN_FLAGS  := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

LIB_SRC    := $(sort $(wildcard src/*/*.c))
LIB_SRC    := $(filter-out src/cli/%,$(LIB_SRC))
CLI_SRC    := $(sort $(wildcard src/cli/*.c))
TEST_SRC   := $(sort $(wildcard tests/unit/test_*.c))
TEST_SUPPORT := $(filter-out tests/unit/test_%,$(sort $(wildcard tests/unit/*.c)))
BENCH_SRC  := $(sort $(wildcard bench/bench_*.c))
FUZZ_SRC   := $(sort $(wildcard fuzz/fuzz_*.c))
DATA_FILES := $(sort $(wildcard data/*))

.PHONY: all check demo bench fuzz install format clean deps test-only asan
all: build/rel/runhip

deps:
	@sh scripts/deps.sh

# ---- one set of rules per build flavour: rel (release) and san (sanitizers) ----
define flavour
$(1)_OBJ  := $$(patsubst %.c,build/$(1)/%.o,$$(LIB_SRC))
$(1)_COBJ := $$(patsubst %.c,build/$(1)/%.o,$$(CLI_SRC))
build/$(1)/%.o: %.c
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(BASEFLAGS) $(2) -c $$< -o $$@
	$$(if $$(Q),@echo "  CC($(1)) $$<")
build/$(1)/librunhip.a: $$($(1)_OBJ)
	@rm -f $$@
	ar rcs $$@ $$^
build/$(1)/runhip: $$($(1)_COBJ) build/$(1)/librunhip.a
	$$(CC) $(2) -o $$@ $$^ $$(LIBS)
# objects that embed data/ files are rebuilt when any data file changes
$$(filter %_data.o,$$($(1)_OBJ)): $$(DATA_FILES)
-include $$($(1)_OBJ:.o=.d) $$($(1)_COBJ:.o=.d)
endef
$(eval $(call flavour,rel,$(REL_FLAGS)))
$(eval $(call flavour,san,$(SAN_FLAGS)))

# ---- tests: each tests/unit/test_x.c is its own program ----
SAN_TESTS := $(patsubst tests/unit/%.c,build/san/tests/%,$(TEST_SRC))
SAN_TSUP  := $(patsubst %.c,build/san/%.o,$(TEST_SUPPORT))
build/san/tests/%: tests/unit/%.c $(SAN_TSUP) build/san/librunhip.a
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  TEST $@")
	$(Q)$(CC) $(BASEFLAGS) -Itests $(SAN_FLAGS) -DRH_SHARED=\"$(SHARED)\" -o $@ $< $(SAN_TSUP) build/san/librunhip.a $(LIBS)
-include $(SAN_TESTS:=.d)

check: deps
	@$(MAKE) --no-print-directory test-only

# fuzz/corpus/<target>/ replayed by every make check: each fuzz target linked
# with a plain main (fuzz/replay.c) under ASan and UBSan, no libFuzzer needed
SAN_REPLAY := $(patsubst fuzz/%.c,build/san/replay/%,$(FUZZ_SRC))
.PRECIOUS: build/san/fuzz/replay.o
build/san/replay/%: fuzz/%.c build/san/fuzz/replay.o build/san/librunhip.a
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  REPLAY $@")
	$(Q)$(CC) $(BASEFLAGS) $(SAN_FLAGS) -o $@ $< build/san/fuzz/replay.o build/san/librunhip.a $(LIBS)
-include $(SAN_REPLAY:=.d)

test-only: build/san/runhip $(SAN_TESTS) $(SAN_REPLAY)
	@RH_SHARED="$(SHARED)" RUNHIP="$(CURDIR)/build/san/runhip" RH_REPLAY="$(CURDIR)/build/san/replay" sh tests/run.sh build/san/tests

asan: check

# ---- demo ----
demo: deps
	@$(MAKE) --no-print-directory build/rel/runhip
	./build/rel/runhip demo --samples samples/demo

# ---- benchmarks ----
REL_BENCH := $(patsubst bench/%.c,build/rel/bench/%,$(BENCH_SRC))
build/rel/bench/%: bench/%.c build/rel/librunhip.a
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(REL_FLAGS) -O3 -DRH_SHARED=\"$(SHARED)\" -o $@ $< build/rel/librunhip.a $(LIBS)
bench: build/rel/runhip $(REL_BENCH)
	@for b in $(REL_BENCH); do echo "== $$b"; RH_SHARED="$(SHARED)" $$b || exit 1; done
	@if [ -f bench/run.sh ]; then RH_SHARED="$(SHARED)" sh bench/run.sh; fi

# ---- fuzzing (clang + libFuzzer) ----
FUZZ_CC    ?= clang
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
FUZZ_SECONDS ?= 30
FUZZ_MAX_LEN ?= 65536
FUZZ_BIN   := $(patsubst fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
FUZZ_LIBSRC := $(LIB_SRC)
build/fuzz/lib/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(BASEFLAGS) -O1 -g -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@
build/fuzz/librunhip.a: $(patsubst %.c,build/fuzz/lib/%.o,$(FUZZ_LIBSRC))
	@rm -f $@
	ar rcs $@ $^
-include $(patsubst %.c,build/fuzz/lib/%.d,$(FUZZ_LIBSRC))
build/fuzz/%: fuzz/%.c build/fuzz/librunhip.a
	$(FUZZ_CC) $(BASEFLAGS) $(FUZZ_FLAGS) -o $@ $< build/fuzz/librunhip.a $(LIBS)
fuzz: $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do n=$$(basename $$f); mkdir -p build/fuzz/corpus/$$n fuzz/corpus/$$n; \
	  echo "== $$n for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -rss_limit_mb=2048 \
	    build/fuzz/corpus/$$n fuzz/corpus/$$n \
	    $$(sh fuzz/seeds.sh $$n "$(SHARED)") || exit 1; done

# ---- install ----
install: build/rel/runhip
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include/runhip $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/runhip
	install -m 755 build/rel/runhip $(DESTDIR)$(PREFIX)/bin/runhip
	install -m 644 build/rel/librunhip.a $(DESTDIR)$(PREFIX)/lib/librunhip.a
	install -m 644 include/runhip/*.h $(DESTDIR)$(PREFIX)/include/runhip/
	if [ -d samples/demo ]; then cp -R samples/demo $(DESTDIR)$(PREFIX)/share/runhip/; fi
	./build/rel/runhip help --man > $(DESTDIR)$(PREFIX)/share/man/man1/runhip.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' -e 's|@PKGS@|$(PKGS)|' \
	  scripts/runhip.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/runhip.pc

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build
