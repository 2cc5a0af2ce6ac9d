#!/usr/bin/env bash
# Minimises what fuzzing found into the kept corpus (`make fuzz-corpus`).
# Usage: cmin.sh DRIVER FUZZ_OUT CORPUS
#
# The inputs are AFL's queues of both targets (FUZZ_OUT/{check,run}/default/queue) and what
# CORPUS holds. The run target reads every input through the loader too, so the corpus is
# afl-cmin's cut of all of them for the run target (one input per distinct edge, ignoring
# hit counts), plus, smallest first, the few inputs whose check edges (the description
# `ccsim check` prints) those do not reach. With FUZZ_TMIN=1 each kept input is then shrunk
# keeping its path (afl-tmin, slow). Inputs that still crash or hang the driver are left out,
# listed, and copied to FUZZ_OUT/left-out: they are findings, not corpus. The kept inputs,
# named by content, replace CORPUS.
set -eu
driver=$1 out=$2 corpus=$3
work=$(mktemp -d /tmp/ccsim-cmin-XXXXXX)
trap 'rm -rf "$work"' EXIT
# The work directory is our own (mktemp), so afl-cmin may use it under /tmp.
export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_QUIET=1 AFL_ALLOW_TMP=1
# The driver's scratch directory: gone with the rest, whatever AFL killed.
export CC_FUZZ_SCRATCH=$work/scratch

mkdir -p "$work/in" "$work/min" "$work/min-check"
for f in "$out"/check/default/queue/id:* "$out"/run/default/queue/id:* "$corpus"/*; do
  [ -f "$f" ] && cp "$f" "$work/in/$(sha1sum <"$f" | cut -c1-12)"
done
echo "$(ls "$work/in" | wc -l) distinct inputs"
for target in run check; do
  afl-cmin -e -i "$work/in" -o "$work/cmin-$target" -t 2000 -- "$driver" "$target" >/dev/null
  echo "$target: $(ls "$work/cmin-$target" | wc -l) inputs cover its edges"
done
cp "$work"/cmin-run/* "$work/min/"

# The check edges of what is kept, then the check inputs that add some, smallest first.
edges() { cut -d: -f1 "$@" | sort -u; }
afl-showmap -e -i "$work/min" -o "$work/maps-min" -t 2000 -- "$driver" check >/dev/null 2>&1 || true
afl-showmap -e -i "$work/cmin-check" -o "$work/maps-check" -t 2000 -- "$driver" check \
  >/dev/null 2>&1 || true
edges "$work"/maps-min/* >"$work/covered"
added=0
for f in $(ls -S -r "$work/cmin-check"); do
  if [ -n "$(edges "$work/maps-check/$f" | comm -23 - "$work/covered")" ]; then
    cp "$work/cmin-check/$f" "$work/min-check/"
    edges "$work/maps-check/$f" "$work/covered" >"$work/covered.new"
    mv "$work/covered.new" "$work/covered"
    added=$((added + 1))
  fi
done
echo "check: $added more for edges of its own"

# Each shrunk for the target it was kept for.
if [ "${FUZZ_TMIN:-0}" = 1 ]; then
  for set in min:run min-check:check; do
    mkdir -p "$work/tmin"
    for f in "$work/${set%:*}"/*; do
      [ -f "$f" ] || continue
      afl-tmin -e -i "$f" -o "$work/tmin/$(basename "$f")" -t 2000 -- "$driver" "${set#*:}" \
        >/dev/null 2>&1 || cp "$f" "$work/tmin/"
    done
    rm -rf "${work:?}/${set%:*}" && mv "$work/tmin" "$work/${set%:*}"
  done
fi

mkdir -p "$work/keep"
dropped=0
for f in "$work"/min/* "$work"/min-check/*; do
  [ -f "$f" ] || continue
  ok=1
  for target in check run; do
    timeout 20 "$driver" "$target" "$f" >/dev/null 2>&1 || ok=0
  done
  if [ $ok = 1 ]; then
    cp "$f" "$work/keep/$(sha1sum <"$f" | cut -c1-12).cfg"
  else
    echo "left out (crashes or hangs the driver): $f" >&2
    mkdir -p "$out/left-out" && cp "$f" "$out/left-out/"
    dropped=$((dropped + 1))
  fi
done
mkdir -p "$corpus"
rm -f "$corpus"/*
cp "$work"/keep/* "$corpus"/
echo "$(ls "$corpus" | wc -l) inputs in $corpus ($dropped left out)"
