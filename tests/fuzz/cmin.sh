#!/usr/bin/env bash
# Minimises what fuzzing found into the kept corpus (`make fuzz-corpus`).
# Usage: cmin.sh DRIVER FUZZ_OUT CORPUS
#   For each target (check, run): AFL's queue in FUZZ_OUT/<target>/default/queue and what
#   CORPUS holds are cut to one input per distinct path of that target (afl-cmin); with
#   FUZZ_TMIN=1 each kept input is then shrunk keeping its path (afl-tmin, slow). The union,
#   named by content, replaces CORPUS. Inputs that crash or hang the driver are left out and
#   listed: they are findings, not corpus.
set -eu
driver=$1 out=$2 corpus=$3
work=$(mktemp -d /tmp/ccsim-cmin-XXXXXX)
trap 'rm -rf "$work"' EXIT
export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_QUIET=1

for target in check run; do
  mkdir -p "$work/in-$target"
  for f in "$out/$target"/default/queue/id:* "$corpus"/*; do
    [ -f "$f" ] && cp "$f" "$work/in-$target/$(sha1sum <"$f" | cut -c1-12)"
  done
  [ -n "$(ls -A "$work/in-$target")" ] || continue
  afl-cmin -i "$work/in-$target" -o "$work/min-$target" -t 2000 -- "$driver" "$target" >/dev/null
  if [ "${FUZZ_TMIN:-0}" = 1 ]; then
    mkdir -p "$work/tmin-$target"
    for f in "$work/min-$target"/*; do
      afl-tmin -i "$f" -o "$work/tmin-$target/$(basename "$f")" -t 2000 -- "$driver" "$target" \
        >/dev/null 2>&1 || cp "$f" "$work/tmin-$target/"
    done
    rm -rf "$work/min-$target" && mv "$work/tmin-$target" "$work/min-$target"
  fi
done

mkdir -p "$work/keep"
dropped=0
for f in "$work"/min-*/*; do
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
rm -f "$corpus"/*
mkdir -p "$corpus"
cp "$work"/keep/* "$corpus"/
echo "$(ls "$corpus" | wc -l) inputs in $corpus ($dropped left out, copied to $out/left-out)"
