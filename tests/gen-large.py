#!/usr/bin/python3
"""Write a scale scenario for ccsim to stdout: many agents, many queues, four channels.

    tests/gen-large.py [--agents N] [--queues Q] [--horizon DUR] [--warmup DUR]
                       [--replications R] [--load X] [--seed S] [--name NAME]

- Q queues (default 50) over four channels: about 40 % voice, 25 % chat, 20 % email and 15 %
  task (at least one of each), with handle times, patience (voice and chat) and due times
  (email, task) varying from queue to queue.
- N agents (default 5000) in groups of 50 to 100 (fewer, smaller groups when N is small,
  but always enough groups to cover every queue). Each group has its own routing profile
  serving 4 to 8 queues across 2 or 3 channels, with concurrency voice 1, chat 3, email 2,
  task 2, priorities, an overflow delay on the last queues, and skill levels.
- Arrival rates come from the agents: each group's capacity (agents x concurrency, chat
  slowdown counted) is split over its channels and queues, and each queue's rate is the sum
  of what its groups can take at --load (default 0.70: an agent holding contacts counts as
  occupied, so ccsim then reports about 85 % occupancy per group). The load per agent, and
  the occupancy, stay the same whatever N.
- Deterministic: the same arguments give the same file (the generator's random choices
  come from --seed, which is also the scenario's seed).

scenarios/large.cfg is this script's output with --agents 5000:
    tests/gen-large.py --agents 5000 > scenarios/large.cfg
tests/bench.py runs it at 50, 500 and 5,000 agents to measure how the simulator scales.
"""
import argparse
import math
import random
import sys

CHANNELS = ("voice", "chat", "email", "task")
CONCURRENCY = {"voice": 1, "chat": 3, "email": 2, "task": 2}
CHAT_SLOWDOWN = (1.0, 1.2, 1.45)
# Channel mixes of the routing profiles, taken in turn by the groups:
# (channels, cross_channel)
MIXES = (
    (("voice", "chat"), False),
    (("voice", "email"), True),
    (("chat", "email", "task"), True),
    (("voice", "chat", "email"), True),
    (("email", "task"), False),
    (("voice", "task"), True),
)


def duration(seconds):
    """A duration string ccsim reads: whole seconds as "1h2m3s"."""
    s = int(round(seconds))
    if s == 0:
        return '"0s"'
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    out = (f"{h}h" if h else "") + (f"{m}m" if m else "") + (f"{sec}s" if sec else "")
    return f'"{out}"'


def parse_duration(text):
    """Seconds from "8h", "30m", "1h30m", "90s" or a bare number of seconds."""
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    total, num = 0.0, ""
    units = {"h": 3600, "m": 60, "s": 1, "d": 86400}
    for ch in text:
        if ch.isdigit() or ch == ".":
            num += ch
        elif ch in units and num:
            total += float(num) * units[ch]
            num = ""
        else:
            raise argparse.ArgumentTypeError(f"not a duration: {text!r}")
    if num:
        raise argparse.ArgumentTypeError(f"not a duration (unit missing): {text!r}")
    return total


def make_queues(nq, rng):
    """Queue specs: name, channel, handle mean/sd, acw, patience or due time, SL threshold."""
    shares = {"voice": 0.40, "chat": 0.25, "email": 0.20, "task": 0.15}
    counts = {ch: max(1, int(round(nq * shares[ch]))) for ch in CHANNELS}
    # fix the total to exactly nq, taking from or giving to voice (the largest)
    counts["voice"] += nq - sum(counts.values())
    if counts["voice"] < 1:
        sys.exit("gen-large.py: --queues must be at least 4 (one per channel)")
    queues = []
    for ch in CHANNELS:
        for i in range(counts[ch]):
            name = f"{ch}{i:02d}"
            if ch == "voice":
                handle = rng.uniform(180, 420)
                q = dict(handle=handle, sd=handle * 0.6, acw=rng.choice([10, 20, 30, 45]),
                         patience=rng.uniform(120, 420), threshold=20)
            elif ch == "chat":
                handle = rng.uniform(360, 720)
                q = dict(handle=handle, sd=handle * 0.5, acw=rng.choice([10, 20, 30]),
                         patience=rng.uniform(180, 480), threshold=60)
            elif ch == "email":
                handle = rng.uniform(240, 600)
                q = dict(handle=handle, sd=handle * 0.6, acw=rng.choice([30, 60]),
                         patience=None, threshold=rng.choice([4, 8, 24]) * 3600)
            else:
                handle = rng.uniform(300, 900)
                q = dict(handle=handle, sd=handle * 0.5, acw=0, patience=None,
                         threshold=rng.choice([8, 24]) * 3600,
                         pause=rng.choice([0.0, 0.0, 0.1, 0.2]))
            q.update(name=name, channel=ch, load=0.0)
            queues.append(q)
    return queues


def group_sizes(n_agents, n_groups):
    base, extra = divmod(n_agents, n_groups)
    return [base + (1 if g < extra else 0) for g in range(n_groups)]


def make_groups(n_agents, queues, rng):
    by_channel = {ch: [q for q in queues if q["channel"] == ch] for ch in CHANNELS}
    # groups of 50..100 agents (75 on average); enough groups that each queue is served
    n_groups = max(1, round(n_agents / 75))
    n_groups = max(n_groups, math.ceil(len(queues) / 6))
    n_groups = min(n_groups, n_agents)
    sizes = group_sizes(n_agents, n_groups)
    served = {q["name"]: 0 for q in queues}
    groups = []
    for g, size in enumerate(sizes):
        channels, cross = MIXES[g % len(MIXES)]
        want = rng.randint(4, 8)
        picks = []
        # at least one queue per channel of the mix, the least served first, then the rest
        # from the mix's channels, again the least served first (ties at random)
        for k in range(want):
            ch = channels[k % len(channels)]
            pool = [q for q in by_channel[ch] if q not in picks]
            if not pool:
                continue
            least = min(served[q["name"]] for q in pool)
            q = rng.choice([q for q in pool if served[q["name"]] == least])
            picks.append(q)
            served[q["name"]] += 1
        entries = []
        for k, q in enumerate(picks):
            prio = 1 if k < 2 else (2 if k < 5 else 3)
            delay = 0 if k < len(picks) - 1 or q["channel"] in ("email", "task") else 30
            entries.append(dict(queue=q, priority=prio, delay=delay, level=rng.randint(1, 10)))
        groups.append(dict(name=f"g{g:03d}", size=size, channels=channels, cross=cross,
                           entries=entries))
    # any queue still unserved goes to the groups handling its channel, in turn
    for q in queues:
        if served[q["name"]]:
            continue
        cands = [g for g in groups if q["channel"] in g["channels"]]
        if not cands:
            sys.exit(f"gen-large.py: no group handles channel {q['channel']}")
        g = min(cands, key=lambda g: len(g["entries"]))
        g["entries"].append(dict(queue=q, priority=3, delay=0, level=rng.randint(1, 10)))
        served[q["name"]] += 1
    return groups


def effective_concurrency(ch):
    """Contacts an agent works through at once, slowdown included."""
    c = CONCURRENCY[ch]
    if ch == "chat":
        return c / CHAT_SLOWDOWN[min(c, len(CHAT_SLOWDOWN)) - 1]
    return c


def assign_rates(queues, groups, load):
    """Each group's agents split their time over their channels, then over the channel's
    queues; a queue's arrival rate is the work its groups can take at the given load."""
    for g in groups:
        per_channel = {}
        for e in g["entries"]:
            per_channel.setdefault(e["queue"]["channel"], []).append(e)
        share = 1.0 / len(per_channel)
        for ch, entries in per_channel.items():
            erlangs = g["size"] * load * share * effective_concurrency(ch)
            for e in entries:
                e["queue"]["load"] += erlangs / len(entries)
    for q in queues:
        q["rate"] = 3600.0 * q["load"] / (q["handle"] + q["acw"])


def write(args, queues, groups, out):
    n = sum(g["size"] for g in groups)
    p = print
    p("# A scale scenario: " + f"{n} agents in {len(groups)} groups, {len(queues)} queues over "
      "voice, chat, email and task.", file=out)
    p("# Generated by tests/gen-large.py; do not edit by hand. To regenerate:", file=out)
    argv = " ".join(sys.argv[1:]) or "--agents 5000"
    p(f"#   tests/gen-large.py {argv} > {args.output_name}", file=out)
    p("# Each group has a routing profile serving 4 to 8 queues across 2 or 3 channels, with", file=out)
    p("# concurrency voice 1, chat 3 (slowing down x1.2, x1.45), email 2, task 2; arrival rates", file=out)
    p(f"# are scaled to the agents (--load {args.load:g}) so that occupancy is about 85 % whatever", file=out)
    p("# the number of agents.", file=out)
    p("# tests/bench.py generates it at 50, 500 and 5,000 agents to measure scaling.", file=out)
    p(f'name = "{args.name}";', file=out)
    p(f'description = "{n} agents, {len(groups)} groups, {len(queues)} queues, 4 channels '
      '(generated by tests/gen-large.py)";', file=out)
    p(f"seed = {args.seed};", file=out)
    p(f"horizon = {duration(args.horizon)};", file=out)
    p(f"warmup = {duration(args.warmup)};", file=out)
    p(f"interval = {duration(args.interval)};", file=out)
    p(f"replications = {args.replications};", file=out)
    p('routing = { policy = "longest_idle"; idle_timer = "activity"; };', file=out)
    p("channels = { chat = { offer_timeout = \"30s\"; slowdown = [ "
      + ", ".join(f"{x:.2f}" for x in CHAT_SLOWDOWN) + " ]; }; };", file=out)
    p("queues = (", file=out)
    for i, q in enumerate(queues):
        lines = [f'  {{ name = "{q["name"]}"; channel = "{q["channel"]}";',
                 f'    arrivals = {{ per_hour = {q["rate"]:.3f}; }};',
                 f'    handle = {{ dist = "lognormal"; mean = {duration(q["handle"])}; '
                 f'sd = {duration(q["sd"])}; }};']
        if q["acw"]:
            lines.append(f'    acw = {{ dist = "deterministic"; value = {duration(q["acw"])}; }};')
        if q["patience"]:
            lines.append(f'    patience = {{ dist = "exponential"; mean = {duration(q["patience"])}; }};')
        lines.append(f'    service_level = {{ threshold = {duration(q["threshold"])}; }};')
        if q.get("pause"):
            lines.append(f'    pause = {{ share = {q["pause"]}; duration = {{ dist = "exponential"; '
                         'mean = "30m"; }; };')
        lines[-1] += " }" + ("," if i < len(queues) - 1 else "")
        p("\n".join(lines), file=out)
    p(");", file=out)
    p("routing_profiles = (", file=out)
    for i, g in enumerate(groups):
        conc = "; ".join(f"{ch} = {CONCURRENCY[ch]}" for ch in g["channels"])
        entries = ", ".join(
            f'{{ queue = "{e["queue"]["name"]}"; priority = {e["priority"]}; '
            f'delay = {duration(e["delay"])}; level = {e["level"]}; }}' for e in g["entries"])
        p(f'  {{ name = "{g["name"]}"; concurrency = {{ {conc}; }}; '
          f'cross_channel = {"true" if g["cross"] else "false"};', file=out)
        p(f"    queues = ( {entries} ); }}" + ("," if i < len(groups) - 1 else ""), file=out)
    p(");", file=out)
    p("agents = (", file=out)
    for i, g in enumerate(groups):
        p(f'  {{ name = "{g["name"]}"; count = {g["size"]}; routing_profile = "{g["name"]}"; }}'
          + ("," if i < len(groups) - 1 else ""), file=out)
    p(");", file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--agents", type=int, default=5000, help="agents in all (default 5000)")
    ap.add_argument("--queues", type=int, default=50, help="queues (default 50)")
    ap.add_argument("--horizon", type=parse_duration, default=parse_duration("10h"),
                    help='simulated length of a replication (default "10h")')
    ap.add_argument("--warmup", type=parse_duration, default=parse_duration("1h"),
                    help='warm-up (default "1h")')
    ap.add_argument("--interval", type=parse_duration, default=parse_duration("30m"),
                    help='reporting interval (default "30m")')
    ap.add_argument("--replications", type=int, default=10, help="replications (default 10)")
    ap.add_argument("--load", type=float, default=0.70,
                    help="offered work per agent as a share of its capacity, concurrency counted "
                         "(default 0.70, for which ccsim reports about 85 %% occupancy)")
    ap.add_argument("--seed", type=int, default=5000, help="generator and scenario seed")
    ap.add_argument("--name", default="large", help='scenario name (default "large")')
    ap.add_argument("--output-name", default="scenarios/large.cfg",
                    help="the file named in the header's regenerate line")
    args = ap.parse_args()
    if args.agents < 1:
        sys.exit("gen-large.py: --agents must be at least 1")
    if args.queues < 4:
        sys.exit("gen-large.py: --queues must be at least 4 (one per channel)")
    if not 0 < args.load < 1:
        sys.exit("gen-large.py: --load must be between 0 and 1")
    rng = random.Random(args.seed)
    queues = make_queues(args.queues, rng)
    groups = make_groups(args.agents, queues, rng)
    assign_rates(queues, groups, args.load)
    write(args, queues, groups, sys.stdout)


if __name__ == "__main__":
    main()
