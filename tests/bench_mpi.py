#!/usr/bin/python3
"""make bench-mpi: how ./ccsim-mpi scales on this machine, whole processes (mpirun's start
to its exit, the results file written), and what the cost model of README's "Beyond one
machine" predicts from the figures measured here.

Two workloads: the default scenario with many replications, and the RONA study's sweep (12
offer timeouts x 40 replications of an 8-hour day). Each runs as `./ccsim --threads 1` (no
MPI: the reference), and as `mpirun -np 1` and `-np 2` of `./ccsim-mpi --threads 1`; the
parallel efficiency is T(1 rank) / (2 x T(2 ranks)). `./ccsim --threads 2` is shown beside:
on one machine threads share the work without MPI's launch and messages. Every figure is the
median of REPEATS runs; nothing here is a test (the machine is shared and noisy).

The model's inputs come from the runs' --json "performance" and results files: the
simulation time of one replication on one thread (s), the time one process spends adding
one replication into the summaries in order (m, merge_s / replications), and the figure
cells and intervals (C, I) that set what a replication sends.

    tests/bench_mpi.py [--quick]
"""
import json
import os
import subprocess
import sys
import tempfile

import h5py

from bench import QUICK, TOP, counts, median_run, report

CCSIM = os.environ.get("CCSIM", os.path.join(TOP, "ccsim"))
CCSIM_MPI = os.environ.get("CCSIM_MPI", os.path.join(TOP, "ccsim-mpi"))
MPIRUN = os.environ.get("MPIRUN", "mpirun")
DEFAULT = os.path.join(TOP, "scenarios", "erlang-a.cfg")
RONA = os.path.join(TOP, "scenarios", "rona-study.cfg")
LARGE = os.path.join(TOP, "scenarios", "large.cfg")
TIMEOUTS = "channels.voice.offer_timeout=5s,6s,8s,10s,12s,15s,18s,21s,24s,30s,40s,60s"
# The assumptions the projection makes for a cluster (README "Beyond one machine").
LINK_BYTES_PER_S = 5e9   # what one rank receives per second (a 40-100 Gb/s fabric)
HOP_S = 5e-6             # one step of a broadcast tree
HANDLE_S = 10e-6         # handling a replication's two messages, on each rank
LAUNCH_S = {64: 2.0, 1024: 10.0}  # srun's start of that many ranks, and MPI_Init


def mpirun(n):
    cmd = [MPIRUN, "-np", str(n)]
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    return cmd


def performance(cmd):
    """The --json "performance" of one run of CMD (which must print --json)."""
    out = subprocess.run(cmd + ["--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["performance"]


def layout(path):
    """The figure cells C and intervals I of a results file."""
    with h5py.File(path, "r") as f:
        # /replications/totals/<owner>/<figure> [replication, entity]: one cell per entity
        cells = sum(d.shape[1] for g in f["replications/totals"].values()
                    for d in g.values() if isinstance(d, h5py.Dataset) and d.ndim == 2)
        rows = len(f["summary/intervals/queues/interval"])
    return cells, rows


def scaling(title, args, out, repeats):
    """Times ARGS (a ccsim command's arguments, writing OUT) every way; returns the times."""
    print(f"\n{title}:")
    t = {}
    for label, cmd in (("./ccsim --threads 1 (no MPI)", [CCSIM]),
                       ("./ccsim --threads 2 (no MPI)", [CCSIM]),
                       ("mpirun -np 1 ./ccsim-mpi --threads 1", mpirun(1) + [CCSIM_MPI]),
                       ("mpirun -np 2 ./ccsim-mpi --threads 1", mpirun(2) + [CCSIM_MPI])):
        threads = "2" if "--threads 2" in label else "1"
        wall, rss, _ = median_run(cmd + args + ["--threads", threads, "-o", out, "--quiet"],
                                  repeats)
        t[label] = wall
        report(label, f"{wall:.2f} s, {rss / 1024:.0f} MiB peak (largest process)")
    one, two = t["mpirun -np 1 ./ccsim-mpi --threads 1"], t["mpirun -np 2 ./ccsim-mpi --threads 1"]
    report("2 ranks against 1: speed-up, parallel efficiency", f"{one / two:.2f}x, "
           f"{100 * one / (2 * two):.0f} %")
    report("2 ranks against ./ccsim --threads 2", f"{two / t['./ccsim --threads 2 (no MPI)']:.2f}x "
           "the time")
    return t


def projection(name, n, s, m, cells, rows, launch2=None, measured2=None):
    """The model's time for N replications on R ranks of one thread (README "Beyond one
    machine"): its launch, then the slower of the simulations shared out and what each rank
    does for every replication (its messages; adding the totals, and its slice of the
    rows; receiving those), plus a broadcast tree's depth once."""
    def model(r, launch):
        share = rows / (rows + 1)
        per_rep = (HANDLE_S + m * (1 - share) + m * share / r +
                   8 * cells * (1 + rows / r) / LINK_BYTES_PER_S)
        return launch + max(n * s / r, n * per_rep) + (r - 1).bit_length() * HOP_S, per_rep
    t1 = n * s
    if measured2 is not None:
        report(f"{name}: model for 2 ranks, against measured",
               f"{model(2, launch2)[0]:.2f} s against {measured2:.2f} s")
    for r in (64, 1024):
        t, per_rep = model(r, LAUNCH_S[r])
        report(f"{name}: model for {r} ranks", f"{t:.1f} s, {t1 / t:.0f}x one thread, "
               f"efficiency {100 * t1 / (r * t):.0f} % (shared work ends at "
               f"{s / per_rep:.0f} ranks)")


def main():
    for exe in (CCSIM, CCSIM_MPI):
        if not os.access(exe, os.X_OK):
            sys.exit(f"bench-mpi: {exe} is missing (make mpi)")
    repeats = 1 if QUICK else 3
    reps = 2000 if QUICK else 10000
    sweep_reps = 10 if QUICK else 40
    print(f"ccsim bench-mpi: {os.cpu_count()} cores; whole processes, median of {repeats} "
          f"runs each")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.h5")
        launch = median_run(mpirun(2) + [CCSIM_MPI, "--version"], repeats)[0]
        report("mpirun -np 2 ./ccsim-mpi --version (launch and MPI's start)", f"{launch:.2f} s")

        run_args = ["run", DEFAULT, "--replications", str(reps)]
        t = scaling(f"the default scenario ({os.path.relpath(DEFAULT, TOP)}), {reps} "
                    "replications", run_args, out, repeats)
        contacts, events = counts(out)
        two = t["mpirun -np 2 ./ccsim-mpi --threads 1"]
        report("  2 ranks: events/s, contacts/s", f"{events / two / 1e6:.2f} M, "
               f"{contacts / two / 1e6:.2f} M")
        perf = performance([CCSIM] + run_args + ["--threads", "1", "-o", out])
        s, m = perf["wall_s"] / reps, perf["merge_s"] / reps
        cells, rows = layout(out)
        report("  one replication: simulation s, adding it m; cells C, intervals I",
               f"s {s * 1e3:.3f} ms, m {m * 1e6:.1f} us ({100 * m / s:.1f} %); "
               f"C {cells}, I {rows}")
        projection("  default scenario", reps, s, m, cells, rows, launch, two)

        sweep_args = ["sweep", RONA, "--vary", TIMEOUTS, "--replications", str(sweep_reps)]
        t = scaling(f"the RONA study's sweep (12 points x {sweep_reps} replications)",
                    sweep_args, out, repeats)
        perf = performance([CCSIM, "run", RONA, "--replications", str(sweep_reps), "--threads",
                            "1", "-o", out])
        s, m = perf["wall_s"] / sweep_reps, perf["merge_s"] / sweep_reps
        cells, rows = layout(out)
        report("  one replication: simulation s, adding it m; cells C, intervals I",
               f"s {s * 1e3:.1f} ms, m {m * 1e6:.0f} us ({100 * m / s:.2f} %); "
               f"C {cells}, I {rows}")
        projection("  RONA sweep", 12 * sweep_reps, s, m, cells, rows, launch,
                   t["mpirun -np 2 ./ccsim-mpi --threads 1"])

        # The researcher's grid of issue 18: 10 timeouts x 5 miss rates x 1,000 replications
        # of a 5,000-agent day. Its inputs from 2 replications of scenarios/large.cfg.
        print("\na 5,000-agent day (scenarios/large.cfg), the model's inputs from 2 replications:")
        perf = performance([CCSIM, "run", LARGE, "--replications", "2", "--threads", "1", "-o",
                            out])
        s, m = perf["wall_s"] / 2, perf["merge_s"] / 2
        cells, rows = layout(out)
        report("  one replication: simulation s, adding it m; cells C, intervals I",
               f"s {s:.2f} s, m {m * 1e3:.1f} ms ({100 * m / s:.2f} %); C {cells}, I {rows}")
        projection("  grid of 50,000 replications", 50000, s, m, cells, rows)


if __name__ == "__main__":
    main()
