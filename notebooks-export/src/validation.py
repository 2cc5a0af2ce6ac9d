#!/usr/bin/python3
"""Writes notebooks-export/validation.ipynb, the "Is the simulator right?" notebook (issue 17).

    /usr/bin/python3 notebooks-export/src/validation.py   # write the .ipynb only

Execute and export it with `make notebooks` or
`/usr/bin/python3 notebooks-export/run.py validation`. The notebook runs ./ccsim sweep on
scenarios/erlang-c.cfg and scenarios/erlang-a.cfg and ./ccsim erlang itself;
CCSIM_NB_REPLICATIONS, when set, replaces its 100 replications per point.
"""
import os

import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nbgen import NotebookCells, write  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NAME = "validation"
FIGURES = 5

_cells = NotebookCells(NAME)
md, code = _cells.md, _cells.code

md(r"""
# Is the simulator right?

For one queue with Poisson arrivals, exponential handle times and (for Erlang A) exponential
patience, queueing theory gives the steady-state answer exactly: **Erlang C** without
abandonment, **Erlang A** with it. `ccsim erlang` computes those formulas. This notebook
simulates the same systems with `ccsim sweep`, over a range of agents, and checks that the
simulated figures, with their 95 % confidence intervals, sit on the analytic curves.

It then checks a limit theorem rather than a formula: in the **square-root staffing** (Halfin-Whitt)
regime, staffing N = R + β√R agents for an offered load of R Erlangs, the probability of
waiting tends to [1 + β Φ(β)/φ(β)]⁻¹ as R grows.

The scenarios are `scenarios/erlang-c.cfg` (400 calls an hour, 180 s handle time: 20 Erlangs)
and `scenarios/erlang-a.cfg` (100 calls an hour, 180 s, mean patience 300 s: 5 Erlangs), each
run as written (warm-up 1 h, a day's horizon) with the agent count varied. Set
`CCSIM_NB_REPLICATIONS` to run fewer replications than the default 100 per point (CI does).
""")

code(r"""
import json, math, re, subprocess
import numpy as np
import xarray as xr
import matplotlib.pyplot as plt
%matplotlib inline

REPS = int(os.environ.get("CCSIM_NB_REPLICATIONS") or 100)
print("replications per point:", REPS)

def scenario(path):
    # the rate, handle time, patience and service-level threshold, read from the scenario file
    text = open(path).read()
    sec = lambda s: float(s[:-1]) * {"s": 1, "m": 60, "h": 3600}[s[-1]]
    pat = re.search(r'patience\s*=\s*\{[^}]*mean\s*=\s*"([^"]+)"', text)
    return dict(per_hour=float(re.search(r"per_hour\s*=\s*([0-9.]+)", text).group(1)),
                aht_s=sec(re.search(r'handle\s*=\s*\{[^}]*mean\s*=\s*"([^"]+)"', text).group(1)),
                patience_s=sec(pat.group(1)) if pat else None,
                threshold_s=sec(re.search(r'threshold\s*=\s*"([^"]+)"', text).group(1)),
                queue=re.search(r'queues\s*=\s*\(\s*\{\s*name\s*=\s*"([^"]+)"', text).group(1))

def sweep(name, scen, *args):
    # one `ccsim sweep`, as a user would type it; returns the per-queue totals as a Dataset
    path = os.path.join(OUT, name + ".h5")
    cmd = ["./ccsim", "sweep", scen, *args, "--replications", str(REPS), "--threads", "2",
           "-o", path, "--quiet"]
    print(" ".join(cmd))
    subprocess.run(cmd, check=True)
    return xr.open_dataset(path, group="summary/totals/queues", engine="h5netcdf").load()

def erlang(sc, agents, per_hour=None):
    # the analytic figures of `ccsim erlang --json`, one dict per staffing level
    cmd = ["./ccsim", "erlang", "--rate", str(per_hour or sc["per_hour"]), "--per", "1h",
           "--aht", f"{sc['aht_s']:g}s", "--agents", agents,
           "--threshold", f"{sc['threshold_s']:g}s", "--json"]
    if sc["patience_s"]:
        cmd += ["--patience", f"{sc['patience_s']:g}s"]
    print(" ".join(cmd))
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)

C, A = scenario("scenarios/erlang-c.cfg"), scenario("scenarios/erlang-a.cfg")
print("Erlang C scenario:", C, " load", C["per_hour"] * C["aht_s"] / 3600, "Erlangs")
print("Erlang A scenario:", A, " load", A["per_hour"] * A["aht_s"] / 3600, "Erlangs")
""")

md(r"""
Both sweeps vary `agents.team.count` in one command each; `ccsim sweep` gives every point
the same seed, so the points are paired, and writes one file with a leading `point`
dimension. `summary/totals/queues` holds each figure's mean over replications and the
half-width of its 95 % Student-t interval (`statistic` = `mean`, `ci95`).
""")

code(r"""
def curves(sc, lo, hi, name, scen):
    n = list(range(lo, hi + 1))
    ds = sweep(name, scen, "--vary", "agents.team.count=" + ",".join(map(str, n)))
    q = ds.sel(queue=sc["queue"])
    sim = {f: (q[f].sel(statistic="mean").values, q[f].sel(statistic="ci95").values)
           for f in ["p_wait", "service_level", "abandon_rate", "asa_s"]}
    table = erlang(sc, f"{lo}-{hi}")
    exact = {f: np.array([r[f] for r in table])
             for f in ["p_wait", "service_level", "abandon_rate", "asa_s", "occupancy"]}
    return np.array(n), sim, exact

nC, simC, exC = curves(C, 21, 30, "erlang-c", "scenarios/erlang-c.cfg")
nA, simA, exA = curves(A, 3, 10, "erlang-a", "scenarios/erlang-a.cfg")

def covered(sim, exact, f):
    m, h = sim[f]
    return int(np.sum(np.abs(m - exact[f]) <= h)), len(m), float(np.max(np.abs(m - exact[f])))

for label, sim, ex in [("Erlang C", simC, exC), ("Erlang A", simA, exA)]:
    for f in ["p_wait", "service_level"] + (["abandon_rate"] if ex is exA else []):
        k, n, d = covered(sim, ex, f)
        print(f"{label} {f:14s}: analytic value inside the simulated 95 % interval at {k} of {n} "
              f"staffing levels; largest gap {d:.4f}")
""")

md(r"""
## Erlang C: 20 Erlangs, 21 to 30 agents

The lines are the analytic Erlang C figures; the dots are the simulated means with their 95 %
intervals (error bars and a shaded band). The printout above says at how many staffing levels
the analytic value falls inside the simulated interval. With 95 % intervals about one level in
twenty would miss by chance, but the levels of a sweep share their random numbers (replication
i of every level sees the same calls), so their errors lean the same way together and misses
come in runs. Read the gaps against the intervals in the third figure: the largest ones are at
the fewest agents, where occupancy is highest (printed below the third figure) and waits are long and strongly correlated, so a
day's run holds few independent busy periods. A planner can take the simulated figures for this
textbook case as the formula's, to within a point or two at the heaviest load.
""")

code(r"""
def panel(ax, n, sim, ex, f, scale, ylabel, title, color):
    m, h = sim[f]
    ax.plot(n, ex[f] * scale, "-", color="black", lw=1.5, label="analytic (ccsim erlang)")
    ax.fill_between(n, (m - h) * scale, (m + h) * scale, color=color, alpha=0.25,
                    label="simulated 95 % interval")
    ax.errorbar(n, m * scale, yerr=h * scale, fmt="o", ms=4, color=color, capsize=3,
                label=f"simulated mean ({REPS} replications)")
    ax.set_xlabel("agents")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.set_xticks(n)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)

thrC = f"{C['threshold_s']:g} s"
fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
panel(axes[0], nC, simC, exC, "p_wait", 100, "P(wait) (% of calls that queue)",
      "Erlang C: probability of waiting", "tab:blue")
panel(axes[1], nC, simC, exC, "service_level", 100, f"service level (% answered within {thrC})",
      f"Erlang C: service level ({thrC})", "tab:green")
fig.suptitle("Erlang C, 20 Erlangs (scenarios/erlang-c.cfg): simulation against the formula")
fig.tight_layout()
plt.show()
""")

md(r"""
## Erlang A: 5 Erlangs with 300 s mean patience, 3 to 10 agents

With abandonment the queue is stable even below the load (3 and 4 agents for 5 Erlangs): the
callers who give up carry the excess. The three panels are P(wait), service level and the share
of calls abandoned, analytic lines against simulated points with 95 % intervals. The printout
of the coverage above applies here too: the simulator's patience and abandonment model
reproduces Erlang A, so `ccsim` can be trusted where abandonment matters, and its extra features
(non-exponential patience, schedules, skills) are departures from a validated base.
""")

code(r"""
thrA = f"{A['threshold_s']:g} s"
fig, axes = plt.subplots(1, 3, figsize=(14, 4.2))
panel(axes[0], nA, simA, exA, "p_wait", 100, "P(wait) (% of calls that queue)",
      "Erlang A: probability of waiting", "tab:blue")
panel(axes[1], nA, simA, exA, "service_level", 100, f"service level (% answered within {thrA})",
      f"Erlang A: service level ({thrA})", "tab:green")
panel(axes[2], nA, simA, exA, "abandon_rate", 100, "abandoned (% of calls offered)",
      "Erlang A: abandonment", "tab:red")
fig.suptitle(f"Erlang A, 5 Erlangs, mean patience {A['patience_s']:g} s (scenarios/erlang-a.cfg)")
fig.tight_layout()
plt.show()
""")

md(r"""
## All the checks at once: simulated minus analytic

The same comparisons on one scale: for every staffing level and figure, the simulated mean
minus the analytic value, in percentage points, with its 95 % interval. An interval that does
not cross zero is a miss; the count, and the gaps at the heaviest Erlang C load, are printed
below the figure. A researcher looking for a systematic bias would see the intervals lean to one
side. In the committed 100-replication run the Erlang C points do lean (P(wait) a little low,
service level a little high) at every level, beyond the interval only at the heaviest loads;
since the levels share random numbers, that is largely one lean seen ten times. The next
section finds where it comes from. Erlang A, whose abandonment keeps the queue short, shows no
lean.
""")

code(r"""
rows = []
for label, n, sim, ex, figs in [("C", nC, simC, exC, ["p_wait", "service_level"]),
                                ("A", nA, simA, exA, ["p_wait", "service_level", "abandon_rate"])]:
    for f in figs:
        m, h = sim[f]
        for i, k in enumerate(n):
            rows.append((f"Erlang {label}", f, int(k), 100 * (m[i] - ex[f][i]), 100 * h[i]))
colors = {"p_wait": "tab:blue", "service_level": "tab:green", "abandon_rate": "tab:red"}
names = {"p_wait": "P(wait)", "service_level": "service level", "abandon_rate": "abandonment"}
fig, axes = plt.subplots(1, 2, figsize=(12, 4.2), sharey=True)
for ax, label in zip(axes, ["Erlang C", "Erlang A"]):
    for j, f in enumerate(["p_wait", "service_level", "abandon_rate"]):
        r = [x for x in rows if x[0] == label and x[1] == f]
        if not r:
            continue
        x = np.array([t[2] for t in r]) + (j - 1) * 0.2
        ax.errorbar(x, [t[3] for t in r], yerr=[t[4] for t in r], fmt="o", ms=4, capsize=3,
                    color=colors[f], label=names[f])
    ax.axhline(0, color="black", lw=1)
    ax.set_xticks(sorted({t[2] for t in rows if t[0] == label}))
    ax.set_xlabel("agents")
    ax.set_title(f"{label}: simulated − analytic")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
axes[0].set_ylabel("difference (percentage points)\nmean and 95 % interval")
fig.tight_layout()
plt.show()
miss = sum(1 for t in rows if abs(t[3]) > t[4])
print(f"{miss} of {len(rows)} intervals exclude the analytic value "
      f"(about {0.05 * len(rows):.1f} expected by chance at 95 %, were they independent)")
for t in rows:
    if t[0] == "Erlang C" and t[2] == nC[0]:
        print(f"Erlang C, {t[2]} agents (occupancy {100 * exC['occupancy'][0]:.1f} %), {t[1]}: simulated - analytic {t[3]:+.2f} ± {t[4]:.2f} points")
""")

md(r"""
## Where the lean comes from: a warm-up too short for 95 % occupancy

Erlang C is a steady-state formula; every replication starts empty. At 21 agents for 20
Erlangs a queue takes hours to build to its steady-state length (the relaxation time of an
M/M/c queue grows like 1/(cμ(1 − √ρ)²), about 4 hours here), and the scenario's warm-up is
one hour, so the first measured hours see shorter queues than the formula. Below, 21 agents
with many more replications (8 × the points' count): as written (warm-up 1 h), and with the
warm-up 6 h and the same 24 measured hours (`--set warmup=6h --set horizon=30h`, the same
seed). The figure shows P(wait) − analytic per measured hour: if the lean is the start-up
transient, the first hours after a 1-h warm-up sit below zero and the 6-h warm-up's do not.
""")

code(r"""
N0, LONG = int(nC[0]), 8 * REPS
exact_pw = exC["p_wait"][0]

def run_c(name, *sets):
    path = os.path.join(OUT, name + ".h5")
    cmd = ["./ccsim", "run", "scenarios/erlang-c.cfg", "--set", f"agents.team.count={N0}", *sets,
           "--replications", str(LONG), "--threads", "2", "-o", path, "--quiet"]
    print(" ".join(cmd))
    subprocess.run(cmd, check=True)
    groups = ("summary/totals/queues", "summary/intervals/queues")
    return [xr.open_dataset(path, group=g, engine="h5netcdf").load().sel(queue=C["queue"])
            for g in groups]

runs = {"warm-up 1 h (as written)": run_c(f"erlang-c-{N0}-warmup-1h"),
        "warm-up 6 h": run_c(f"erlang-c-{N0}-warmup-6h", "--set", "warmup=6h", "--set", "horizon=30h")}
fig, ax = plt.subplots(figsize=(9, 4))
for (label, (tot, itv)), color in zip(runs.items(), ["tab:blue", "tab:orange"]):
    m, h = (float(tot.p_wait.sel(statistic=s)) for s in ("mean", "ci95"))
    print(f"{label}: P(wait) over the day {m:.4f} ± {h:.4f}, analytic {exact_pw:.4f}, "
          f"simulated - analytic {100 * (m - exact_pw):+.2f} ± {100 * h:.2f} points")
    first = itv.interval.values[0]
    hour = (itv.interval.values - first) / 3600 + 0.5 + (0.08 if color == "tab:orange" else -0.08)
    d = 100 * (itv.p_wait.sel(statistic="mean").values - exact_pw)
    ax.errorbar(hour, d, yerr=100 * itv.p_wait.sel(statistic="ci95").values, fmt="o", ms=4,
                capsize=2, color=color, label=f"{label}, 95 % interval")
    first_h = [f"{x:+.1f}" for x in d[:3]]
    print(f"   first three measured hours: {', '.join(first_h)} points")
ax.axhline(0, color="black", lw=1)
ax.set_xlabel("hour after the warm-up (measured hours 1 to 24)")
ax.set_ylabel("P(wait): simulated − analytic\n(percentage points)")
ax.set_title(f"Erlang C, {N0} agents for 20 Erlangs: the first hours after the warm-up ({LONG} replications)")
ax.grid(alpha=0.3)
ax.legend(fontsize=8, loc="lower right")
fig.tight_layout()
plt.show()
""")

md(r"""
**Reading it.** With the scenario's 1-h warm-up the first measured hours sit below the
formula, by about 3, 2 and 1 points in the committed run (printed above); after a 6-h warm-up
the same hours are within their intervals. Spread over the 24 measured hours the transient
moves the day's P(wait) down by only a few tenths of a point, and with 800 replications the
day's gap is inside its interval either way. So the sweep's larger lean at 21 agents (100
replications) is mostly chance, one draw shared by all ten levels through common random
numbers, plus this small start-up transient; it is not an error in the model. For validating
against a steady-state formula at 95 % occupancy, set a warm-up of a few relaxation times. The
shipped `erlang-c.cfg` keeps its hour so that its other uses stay as they were; at 24 agents
and up an hour is already enough.

## The square-root staffing regime (Halfin-Whitt)

For offered loads R = 4, 16, 64 and 256 Erlangs (the Erlang C scenario's queue, its arrival
rate scaled), staff N = R + β√R agents with β = 0.5 and β = 1; these loads make β√R a whole
number, so N is exact. Halfin and Whitt (1981) showed that P(wait) then tends to
[1 + β Φ(β)/φ(β)]⁻¹ (Φ and φ the standard normal distribution and density) as R grows. One
`ccsim sweep --zip` per β runs its four points. The dashed lines are the exact Erlang C values at
each (R, N), from `ccsim erlang`; the horizontal lines are the limits.
""")

code(r"""
Phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))
phi = lambda x: math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
hw = lambda b: 1 / (1 + b * Phi(b) / phi(b))

loads = [4, 16, 64, 256]
betas = [0.5, 1.0]
pts = [(b, R, int(round(R + b * math.sqrt(R)))) for b in betas for R in loads]
rate = lambda R: R * 3600 / C["aht_s"]
hwsim = {}
for b in betas:
    # one sweep per beta: a --zip sweep may not repeat a value of a --vary list
    bp = [p for p in pts if p[0] == b]
    ds = sweep(f"halfin-whitt-{b:g}", "scenarios/erlang-c.cfg", "--zip",
               "--vary", f"queues.{C['queue']}.arrivals.per_hour=" + ",".join(f"{rate(R):g}" for bb, R, N in bp),
               "--vary", "agents.team.count=" + ",".join(str(N) for bb, R, N in bp))
    pw = ds.p_wait.sel(queue=C["queue"])
    hwsim[b] = (pw.sel(statistic="mean").values, pw.sel(statistic="ci95").values)
hwexact = {b: np.array([erlang(C, str(N), rate(R))[0]["p_wait"] for bb, R, N in pts if bb == b])
           for b in betas}
for b in betas:
    print(f"beta = {b}: Halfin-Whitt limit P(wait) = {hw(b):.4f}")
    for (bb, R, N), m, h, e in zip([p for p in pts if p[0] == b], *hwsim[b], hwexact[b]):
        print(f"   R = {R:3d} Erlangs, N = {N:3d} agents: simulated {m:.4f} ± {h:.4f}, "
              f"exact Erlang C {e:.4f}, gap to the limit {e - hw(b):+.4f}")
""")

md(r"""
P(wait) stays roughly constant while the load grows 64-fold: with square-root staffing a big
center keeps the same chance of waiting with a far smaller share of spare agents (β√R/R falls
from β/2 at R = 4 to β/16 at R = 256). The simulated points follow the exact Erlang C values
within their intervals, and both close in on the Halfin-Whitt limit from above as R grows
(the gaps are printed above). For a planner: the β you choose, not the size of the center, sets
the chance of waiting; for a researcher: the simulator reproduces the heavy-traffic limit, not
only the formula at one size.
""")

code(r"""
fig, ax = plt.subplots(figsize=(8, 4.6))
for b, color in zip(betas, ["tab:purple", "tab:orange"]):
    m, h = hwsim[b]
    ax.fill_between(loads, 100 * (m - h), 100 * (m + h), color=color, alpha=0.2)
    ax.errorbar(loads, 100 * m, yerr=100 * h, fmt="o", ms=5, capsize=3, color=color,
                label=f"β = {b:g}: simulated, 95 % interval")
    ax.plot(loads, 100 * hwexact[b], "--", color=color, lw=1.2, label=f"β = {b:g}: exact Erlang C")
    ax.axhline(100 * hw(b), color=color, lw=1.5, alpha=0.8,
               label=f"β = {b:g}: Halfin-Whitt limit {100 * hw(b):.1f} %")
ax.set_xscale("log", base=2)
ax.set_xticks(loads)
ax.set_xticklabels([f"{R}\n(N = {', '.join(str(N) for b, RR, N in pts if RR == R)})" for R in loads])
ax.set_xlabel("offered load R (Erlangs); agents N = R + β√R for β = 0.5, 1")
ax.set_ylabel("P(wait) (% of calls that queue)")
ax.set_title(f"Square-root staffing: P(wait) approaches the Halfin-Whitt limit ({REPS} replications)")
ax.grid(alpha=0.3)
ax.legend(fontsize=8, ncol=2, loc="upper right")
ax.set_ylim(0, 100 * max(max(hwsim[b][0] + hwsim[b][1]) for b in betas) * 1.35)
fig.tight_layout()
plt.show()
""")

nb = _cells.notebook(FIGURES)

if __name__ == "__main__":
    write(nb, NAME)
