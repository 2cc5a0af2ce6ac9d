#!/usr/bin/python3
"""make bench: ccsim's speed and memory as users run it, whole processes (start to exit,
results written), side by side with the peers in ../shared/peers measured in the same run:
SimPy (the same Erlang A model in SimPy 3) and the bare-C floor (the same model with a heap
calendar and counts, nothing else).

Every ccsim figure is the median of several runs of the whole process (wall time and peak
RSS from wait4); contacts and events come from the results file (/replications/counts), read
after the timing. Targets (issue 11) are printed beside each figure; a missed target says
BELOW TARGET. Nothing here is a test: the machine is shared and noisy, so figures move by a
few per cent from run to run.

    tests/bench.py [--quick]     (--quick: fewer repeats, smaller runs; for trying it out)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import h5py

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
CCSIM = os.environ.get("CCSIM", os.path.join(TOP, "ccsim"))
PEERS = os.path.join(TOP, "..", "shared", "peers")
SCENARIO = os.path.join(TOP, "scenarios", "erlang-a.cfg")
QUICK = "--quick" in sys.argv
# The default scenario's model, as the peers take it: arrivals per hour, mean handle s,
# agents, mean patience s.
MODEL = ("100", "180", "7", "300")

results = []  # (what, value, target text, met)


def run(cmd):
    """Runs CMD as a whole process under GNU time, which forks from a small process (a
    child of this Python would count Python's own pages in its peak until it execs);
    returns (wall s, peak RSS KiB, its standard output)."""
    with tempfile.NamedTemporaryFile() as timing:
        t0 = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", timing.name, *cmd],
                           capture_output=True, text=True)
        wall = time.monotonic() - t0  # GNU time's own %e has only 10 ms resolution
        if p.returncode != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed: {p.stderr}")
        return wall, int(open(timing.name).read().split()[-1]), p.stdout


def median_run(cmd, repeats):
    """The median wall time and peak RSS of REPEATS runs, and the last run's output."""
    runs = [run(cmd) for _ in range(repeats)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            runs[-1][2])


def floor_contacts(output):
    return int(output.split("contacts=")[1].split()[0])


def counts(path):
    with h5py.File(path, "r") as f:
        c = f["replications/counts"]
        return int(c["arrived"][:].sum()), int(c["events"][:].sum())


def ccsim(out, *args):
    return [CCSIM, "run", *args, "--quiet", "-o", out]


def report(what, value, target=None, met=None):
    results.append((what, value, target, met))
    mark = "" if met is None else ("  met" if met else "  BELOW TARGET")
    print(f"  {what:<58} {value:<34} {('target ' + target) if target else ''}{mark}",
          flush=True)


def simpy_rate():
    """SimPy's contacts per second on the same model: about two seconds of simulation."""
    peer = os.path.join(PEERS, "simpy_erlang_a.py")
    horizon = "360000" if QUICK else "1800000"
    out = subprocess.run(["/usr/bin/python3", peer, *MODEL, horizon, "1"], check=True,
                         capture_output=True, text=True).stdout
    return float(out.split("contacts_per_s=")[1].split()[0])


def floor_binary(tmp):
    src = os.path.join(PEERS, "floor_erlang_a.c")
    exe = os.path.join(tmp, "floor")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "gsl"], check=True,
                           capture_output=True, text=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", exe, src, *flags, "-lm"], check=True)
    return exe


def main():
    if not os.access(CCSIM, os.X_OK):
        sys.exit(f"bench: {CCSIM} is missing (make builds it)")
    repeats = 2 if QUICK else 3
    reps = 400 if QUICK else 2000
    cores = os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.h5")
        floor = floor_binary(tmp)
        print(f"ccsim bench: {cores} cores; whole processes, median of {repeats} runs each; "
              f"the peers measured in the same run\n")

        print("peers, on the default scenario's model (Erlang A: 100/h, AHT 180 s, 7 agents, "
              "patience 300 s):")
        simpy = simpy_rate()
        report("SimPy", f"{simpy / 1e3:.1f} k contacts/s")

        print(f"\nthe default scenario ({os.path.relpath(SCENARIO, TOP)}: a day in 30-minute "
              f"intervals), {reps} replications:")
        rate = {}
        for threads in (1, 2):
            wall, rss, _ = median_run(ccsim(out, SCENARIO, "--replications", str(reps),
                                            "--threads", str(threads)), repeats)
            contacts, events = counts(out)
            rate[threads] = contacts / wall
            ratio = rate[threads] / simpy
            goal = 50 if threads == 1 else 100
            report(f"ccsim --threads {threads}: whole process",
                   f"{wall:.2f} s, {rss / 1024:.0f} MiB peak")
            report(f"  events/s, contacts/s", f"{events / wall / 1e6:.2f} M, "
                   f"{contacts / wall / 1e6:.2f} M")
            report(f"  against SimPy's contacts/s", f"{ratio:.0f}x", f">= {goal}x", ratio >= goal)
        fwall, _, fout = median_run([floor, *MODEL, "86400", "7", str(reps)], repeats)
        floor_rate = floor_contacts(fout) / fwall
        report("the bare-C floor, same model and replications",
               f"{fwall:.2f} s, {floor_rate / 1e6:.2f} M contacts/s")
        report("ccsim --threads 1: time per contact against the floor's",
               f"{floor_rate / rate[1]:.2f}x")

        big = 1000 if QUICK else 4000
        w1 = median_run(ccsim(out, SCENARIO, "--replications", str(big), "--threads", "1"), 1)[0]
        w2 = median_run(ccsim(out, SCENARIO, "--replications", str(big), "--threads", "2"), 1)[0]
        report(f"--threads 2 against --threads 1, {big} replications", f"{w1 / w2:.2f}x",
               ">= 1.8x", w1 / w2 >= 1.8)

        print("\none long replication, 1 h intervals:")
        hours = 3600 if QUICK else 36000
        wall, rss, _ = median_run(ccsim(out, SCENARIO, "--replications", "1", "--set",
                                        f"horizon={hours}h", "--set", "interval=1h"), repeats)
        contacts, events = counts(out)
        report(f"ccsim, {hours} h ({contacts / 1e6:.1f} M contacts)",
               f"{wall:.2f} s, {rss / 1024:.0f} MiB peak, {os.path.getsize(out) / 2**20:.0f} MiB file")
        report("  events/s, contacts/s", f"{events / wall / 1e6:.2f} M, {contacts / wall / 1e6:.2f} M")
        report("  against SimPy's contacts/s", f"{contacts / wall / simpy:.0f}x", ">= 50x",
               contacts / wall / simpy >= 50)
        fwall, _, fout = median_run([floor, *MODEL, str(hours * 3600), "7", "1"], repeats)
        slower = (wall / contacts) / (fwall / floor_contacts(fout))
        report("  time per contact against the floor's, same horizon", f"{slower:.2f}x",
               "<= 2x", slower <= 2)

        print("\nfixed cost and memory:")
        one = os.path.join(tmp, "one.cfg")
        with open(one, "w") as f:
            f.write(open(SCENARIO).read().replace('horizon = "24h";', 'horizon = "1h";')
                    .replace('warmup = "1h";', 'warmup = "0s";')
                    .replace('interval = "30m";', 'interval = "1h";')
                    .replace("replications = 20;", "replications = 1;"))
        wall = median_run(ccsim(out, one), 9 if QUICK else 21)[0]
        report("one replication of a 1-interval scenario, start to exit", f"{wall * 1e3:.0f} ms",
               "< 50 ms", wall < 0.05)
        small, large = (100, 2000) if QUICK else (200, 20000)
        r_small = median_run(ccsim(out, SCENARIO, "--replications", str(small), "--threads", "2"), 1)[1]
        r_large = median_run(ccsim(out, SCENARIO, "--replications", str(large), "--threads", "2"), 1)[1]
        report(f"peak memory, {large} against {small} replications",
               f"{r_large / 1024:.1f} / {r_small / 1024:.1f} MiB = {r_large / r_small:.2f}x",
               "<= 1.2x", r_large / r_small <= 1.2)
        peaks = []
        for h in ((360, 3600) if QUICK else (3600, 36000)):
            r = median_run(ccsim(out, SCENARIO, "--replications", "1", "--set",
                                 f"horizon={h}h", "--set", "interval=1h"), 1)[1]
            peaks.append((h, r))
        (h0, r0), (h1, r1) = peaks
        report(f"peak memory, one replication in 1 h intervals, {h1} h against {h0} h",
               f"{r1 / 1024:.1f} / {r0 / 1024:.1f} MiB = {r1 / r0:.2f}x", "flat (<= 1.2x)",
               r1 / r0 <= 1.2)

        print("\nscale: tests/gen-large.py, 50 queues on 4 channels, rates scaled with the "
              "agents; one replication, one thread:")
        per_event = {}
        for agents, horizon in ((50, "1800h"), (500, "180h"), (5000, "18h")):
            cfg = os.path.join(tmp, f"large-{agents}.cfg")
            with open(cfg, "w") as f:
                subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen-large.py"),
                                "--agents", str(agents), "--horizon", horizon, "--warmup", "0s",
                                "--interval", "1h", "--replications", "1",
                                "--name", f"large-{agents}"], check=True, stdout=f)
            wall, rss, _ = median_run(ccsim(out, cfg), repeats)
            contacts, events = counts(out)
            per_event[agents] = wall / events
            report(f"{agents} agents, {horizon}", f"{events / wall / 1e6:.2f} M events/s, "
                   f"{rss / 1024:.0f} MiB peak")
        slow = per_event[5000] / per_event[50]
        report("time per event, 5,000 agents against 50", f"{slow:.2f}x", "<= 1.5x", slow <= 1.5)

    missed = [r for r in results if r[3] is False]
    print(f"\n{len(missed)} target(s) missed" + (": " + "; ".join(r[0].strip() for r in missed)
                                                 if missed else ""))


if __name__ == "__main__":
    main()
