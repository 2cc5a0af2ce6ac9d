#!/usr/bin/env bash
# make bench: ccsim's speed and memory on the Erlang A scenario, and the SimPy peer's speed
# on the same model measured in the same run, for the ratio; then how speed and memory
# scale with the size of the center (tests/gen-large.py at 50, 500 and 5,000 agents).
# Timing lives here, never in the tests. Targets (issue 2): >= 50x SimPy's contacts/s,
# >= 5 M events/s on one core, peak memory flat as the horizon grows (per-contact output
# off); scale: events/s at 50 agents less than 2x events/s at 5,000.
set -euo pipefail
cd "$(dirname "$0")/.."
CCSIM=${CCSIM:-./ccsim}
SCENARIO=scenarios/erlang-a.cfg
PEER=../shared/peers/simpy_erlang_a.py
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# perf KEY: a number from the "performance" object of the JSON on stdin.
perf() { /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["performance"][sys.argv[1]])' "$1"; }

run_ccsim() { # horizon, threads, replications, then more --set options
  local horizon=$1 threads=$2 reps=$3
  shift 3
  "$CCSIM" run "$SCENARIO" --quiet --json --set "horizon=$horizon" --set interval=24h \
    --threads "$threads" --replications "$reps" -o "$out/bench.h5" "$@"
}

# The same queue with the agent model switched on: unplanned breaks, answer delays, misses,
# away episodes and RONA (every answered contact now rings first).
AGENT_MODEL=(
  --set 'statuses=["Break","Idle"]'
  --set 'agents.team.unplanned=({status="Break"; per_hour=0.5; duration={dist="exponential"; mean="5m";};})'
  --set 'agents.team.answer={delay={dist="lognormal"; mean="4s"; sd="3s";}; miss=0.03; away={per_hour=0.3; duration={dist="exponential"; mean="3m";};};}'
  --set 'agents.team.rona={reaction={dist="exponential"; mean="20s";}; available=0.7; idle={dist="exponential"; mean="1m";};}'
)

echo "ccsim bench: $SCENARIO (100 contacts/h, AHT 180 s, 7 agents, patience 300 s), $(nproc) cores"
echo

# The main measurement: one core, about 1.5 million contacts; best of three runs.
best_json=""
best_eps=0
for i in 1 2 3; do
  j=$(run_ccsim 15000h 1 1)
  eps=$(perf events_per_s <<<"$j")
  if /usr/bin/python3 -c "import sys; sys.exit(0 if float('$eps') > float('$best_eps') else 1)"; then
    best_eps=$eps
    best_json=$j
  fi
done
events=$(perf events <<<"$best_json")
contacts=$(perf contacts <<<"$best_json")
cps=$(perf contacts_per_s <<<"$best_json")
wall=$(perf wall_s <<<"$best_json")
rss=$(perf peak_rss_kib <<<"$best_json")
printf 'ccsim, 1 thread:   %d contacts, %d events in %.3f s\n' "$contacts" "$events" "$wall"
printf '                   %.2f M events/s, %.2f M contacts/s, peak RSS %.1f MiB\n' \
  "$(/usr/bin/python3 -c "print($best_eps/1e6)")" \
  "$(/usr/bin/python3 -c "print($cps/1e6)")" "$(/usr/bin/python3 -c "print($rss/1024)")"

# The agent model switched on, same length, best of three.
best_agents=""
best_agents_eps=0
for i in 1 2 3; do
  j=$(run_ccsim 15000h 1 1 "${AGENT_MODEL[@]}")
  eps=$(perf events_per_s <<<"$j")
  if /usr/bin/python3 -c "import sys; sys.exit(0 if float('$eps') > float('$best_agents_eps') else 1)"; then
    best_agents_eps=$eps
    best_agents=$j
  fi
done
printf 'ccsim, 1 thread, breaks + answer delays + misses + away + RONA switched on:\n'
printf '                   %.2f M events/s, %.2f M contacts/s, peak RSS %.1f MiB (%.2f events per contact, against %.2f)\n' \
  "$(/usr/bin/python3 -c "print($best_agents_eps/1e6)")" \
  "$(/usr/bin/python3 -c "print($(perf contacts_per_s <<<"$best_agents")/1e6)")" \
  "$(/usr/bin/python3 -c "print($(perf peak_rss_kib <<<"$best_agents")/1024)")" \
  "$(/usr/bin/python3 -c "print($(perf events <<<"$best_agents")/$(perf contacts <<<"$best_agents"))")" \
  "$(/usr/bin/python3 -c "print($events/$contacts)")"

# Two threads, two replications of the same length: throughput across cores.
j2=$(run_ccsim 15000h 2 2)
printf 'ccsim, 2 threads:  %.2f M events/s, %.2f M contacts/s (2 replications side by side)\n' \
  "$(/usr/bin/python3 -c "print($(perf events_per_s <<<"$j2")/1e6)")" \
  "$(/usr/bin/python3 -c "print($(perf contacts_per_s <<<"$j2")/1e6)")"

# Memory as the horizon grows: peak RSS should stay flat.
echo
echo "peak RSS as the horizon grows (per-contact output off):"
for h in 2500h 10000h 40000h; do
  j=$(run_ccsim "$h" 1 1)
  printf '  horizon %-7s %9d contacts  peak RSS %.1f MiB\n' "$h" "$(perf contacts <<<"$j")" \
    "$(/usr/bin/python3 -c "print($(perf peak_rss_kib <<<"$j")/1024)")"
done

# The SimPy peer on the same model, same machine, same run.
echo
if [ -f "$PEER" ] && /usr/bin/python3 -c 'import simpy' 2>/dev/null; then
  peer=$(/usr/bin/python3 "$PEER" 100 180 7 300 3600000 1)
  peer_cps=$(sed -n 's/.*contacts_per_s=\([0-9]*\).*/\1/p' <<<"$peer")
  echo "SimPy peer:        $peer"
  ratio=$(/usr/bin/python3 -c "print(f'{$cps/$peer_cps:.1f}')")
  echo "ratio:             ccsim is ${ratio}x SimPy's contacts/s (target >= 50x)"
  /usr/bin/python3 -c "import sys; sys.exit(0 if $cps/$peer_cps >= 50 else 1)" \
    && echo "                   target met" || echo "                   BELOW TARGET"
else
  echo "SimPy peer: not run ($PEER or python3-simpy3 missing; 'make bench' installs python3-simpy3)"
fi
/usr/bin/python3 -c "import sys; sys.exit(0 if $best_eps >= 5e6 else 1)" \
  && echo "events/s target (>= 5 M on one core): met" || echo "events/s target (>= 5 M on one core): BELOW TARGET"

# Scale: the generated center (tests/gen-large.py: 50 queues over voice, chat, email and
# task, groups of 50-100 agents with routing profiles and concurrency) at 50, 500 and 5,000
# agents. Arrival rates grow with the agents, so the horizon shrinks to keep about 2.5
# million events in each run. One thread, one replication, best of three.
echo
echo "scale: tests/gen-large.py, 50 queues, 4 channels, rates scaled with the agents; 1 thread, 1 replication, best of 3"
declare -A scale_eps
for spec in "50 1800h" "500 180h" "5000 18h"; do
  read -r n h <<<"$spec"
  /usr/bin/python3 tests/gen-large.py --agents "$n" --horizon "$h" --warmup 0 --interval 24h \
    --replications 1 --name "large-$n" >"$out/large-$n.cfg"
  sbest=""
  sbest_eps=0
  for i in 1 2 3; do
    j=$("$CCSIM" run "$out/large-$n.cfg" --quiet --json --threads 1 -o "$out/large.h5")
    eps=$(perf events_per_s <<<"$j")
    if /usr/bin/python3 -c "import sys; sys.exit(0 if float('$eps') > float('$sbest_eps') else 1)"; then
      sbest_eps=$eps
      sbest=$j
    fi
  done
  scale_eps[$n]=$sbest_eps
  /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin); p = d["performance"]
agents = sum(round(g["staffed_agents"]["mean"]) for g in d["groups"])
print("  %5d agents, %2d groups, horizon %-6s %8d events %8d contacts  %5.2f M events/s  %5.2f M contacts/s  peak RSS %5.1f MiB"
      % (agents, len(d["groups"]), sys.argv[1], p["events"], p["contacts"], p["events_per_s"] / 1e6,
         p["contacts_per_s"] / 1e6, p["peak_rss_kib"] / 1024))' "$h" <<<"$sbest"
done
slowdown=$(/usr/bin/python3 -c "print(f'{${scale_eps[50]}/${scale_eps[5000]}:.2f}')")
echo "  slowdown, events/s at 50 agents / at 5,000: ${slowdown}x (target < 2x)"
/usr/bin/python3 -c "import sys; sys.exit(0 if $slowdown < 2 else 1)" \
  && echo "  scale target (< 2x): met" || echo "  scale target (< 2x): ABOVE TARGET"
