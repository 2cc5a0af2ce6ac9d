#!/usr/bin/env bash
# Writes the AFL dictionary of the scenario language to stdout, from the sources that define
# it, so that no fact is copied here:
#   - every one-word string literal of the loader's sources (given as arguments: the setting
#     names of its keys[] arrays, channel, distribution and parameter names, duration units,
#     the words it compares values with, fixed status names, and the routing policies' names
#     when their sources are given);
#   - libconfig's own punctuation and literals, which live in libconfig, not in ccsim, and
#     the override syntax of --set lines in fuzz inputs (tests/fuzz/fuzzinput.h).
# Usage: gen-dict.sh SOURCE.c...
set -eu
sources=("$@")

n=0
entry() { # NAME-PREFIX VALUE: one dictionary line, the value escaped as AFL wants
  local v=${2//\\/\\\\}
  v=${v//\"/\\\"}
  v=${v//$'\n'/\\x0a}
  printf '%s_%d="%s"\n' "$1" "$n" "$v"
  n=$((n + 1))
}

while read -r word; do
  entry word "$word"
done < <(grep -ohE '"[A-Za-z_][A-Za-z0-9_]*"' "${sources[@]}" | tr -d '"' | sort -u)

# libconfig: punctuation, literal forms and directives.
for t in ' = ' ': ' ';' ',' '{' '}' '(' ')' '[' ']' '"' '""' '= "' '";' '= ( { ' ' } );' \
         '= [ ' ' ];' '= { ' ' };' '@include "' 'true' 'false' 'TRUE' '0x' 'L' 'LL' \
         '1e-9' '1e309' '-1' '0.5' '4294967296' '9223372036854775807' '#' '//' '/*' '*/' \
         $'\n'; do
  entry libconfig "$t"
done
# Overrides: a fuzz input's "#set PATH=VALUE" lines; paths name list elements by index.
for t in '#set ' '.[0]' '.[1]' '=' $'\n#set '; do
  entry set "$t"
done
# Durations and clock times as the scenario writes them.
for t in '"1h"' '"30m"' '"20s"' '"1.5s"' '"07:30"' '"2026-12-01"' '"0s"'; do
  entry time "$t"
done
