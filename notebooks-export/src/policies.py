#!/usr/bin/python3
"""Writes notebooks-export/policies.ipynb, the "Routing policies side by side" notebook (issue 17), unexecuted.

    /usr/bin/python3 notebooks-export/src/policies.py         # write the .ipynb only
    /usr/bin/python3 notebooks-export/run.py policies   # regenerate, execute, export the HTML

The notebook runs `./ccsim compare` on scenarios/policy-comparison.cfg itself;
CCSIM_NB_REPLICATIONS, when set, replaces the scenario's 40 replications.
"""
import os

import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nbgen import NotebookCells, write  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NAME = "policies"
FIGURES = 4

_cells = NotebookCells(NAME)
md, code = _cells.md, _cells.code

md(r"""
# Routing policies side by side

`scenarios/policy-comparison.cfg` (the top-level README's "Routing policies side by side"):
two voice queues, **vip** (40 calls an hour, SL 20 s) and **general** (175 an hour, SL 30 s),
on 18 agents: 6 **specialists** (VIP first) and 12 **generalists** (general first, VIP after
10 s). The scenario routes by `longest_idle`; this notebook asks what each other policy
(`priority`, `longest_waiting`, `bullseye`) would change, the way a pull request or a
planner would ask it:

    ./ccsim compare scenarios/policy-comparison.cfg --candidate-set routing.policy=P \
        --fail-if 'service_level < -1pt' --fail-if 'asa_s > +5%' --json

`ccsim compare` runs both sides with the same seed and replications, so replication i of both
saw the same calls (common random numbers) and each difference is **paired**. The gates fail
(exit code 3) when a candidate is worse than the base by more than the margin, significantly
(one-sided tests at 5 %, Holm-corrected). The results files are kept (`--base-out`,
`--candidate-out`) to plot occupancy and the day hour by hour. The day is given a clock start
(`--set start=08:00`) so that intervals are named by clock time; the first hour is warm-up.

Set `CCSIM_NB_REPLICATIONS` to run fewer replications than the scenario's 40 (CI does).
""")

code(r"""
import json, shlex, subprocess
import numpy as np
import xarray as xr
import matplotlib.pyplot as plt
%matplotlib inline

SCENARIO = "scenarios/policy-comparison.cfg"
REPS = os.environ.get("CCSIM_NB_REPLICATIONS")
BASE = "longest_idle"
CANDIDATES = ["priority", "longest_waiting", "bullseye"]
GATES = ["service_level < -1pt", "asa_s > +5%"]
files = {BASE: os.path.join(OUT, BASE + ".h5")}
result, exit_code = {}, {}
for p in CANDIDATES:
    files[p] = os.path.join(OUT, p + ".h5")
    cmd = ["./ccsim", "compare", SCENARIO, "--set", "start=08:00",
           "--base-set", "routing.policy=" + BASE, "--candidate-set", "routing.policy=" + p,
           "--base-out", files[BASE], "--candidate-out", files[p], "--json"]
    for gate in GATES:
        cmd += ["--fail-if", gate]
    if REPS:
        cmd += ["--replications", REPS]
    print(shlex.join(cmd))
    r = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if r.returncode not in (0, 3):          # 0: every gate passed, 3: a gate failed; else an error
        raise RuntimeError(f"ccsim compare exited {r.returncode}")
    exit_code[p] = r.returncode
    result[p] = json.loads(r.stdout)
reps = result[CANDIDATES[0]]["candidate"]["replications"]
print(f"{reps} replications per side, method: {result[CANDIDATES[0]]['method']}")
""")

md(r"""
The `--json` output has one row per figure (`owner`, `entity`, `figure`, base and candidate
means and half-widths, the paired `difference` with its interval `lo`-`hi`, `p`, and `worse`),
and the gates with each test and its verdict.
""")

code(r"""
def row(p, owner, entity, figure):
    for f in result[p]["figures"]:
        if f["owner"] == owner and f["entity"] == entity and f["figure"] == figure:
            return f
    raise KeyError((p, owner, entity, figure))

QUEUES = ["vip", "general"]
FIGS = [("service_level", 100, "service level (points)"), ("asa_s", 1, "ASA (s)"),
        ("abandon_rate", 100, "abandoned (points of offered)")]
for p in CANDIDATES:
    for qn in QUEUES:
        parts = []
        for fig_, sc, lab in FIGS:
            f = row(p, "queues", qn, fig_)
            parts.append(f"{fig_} {sc*f['difference']:+.2f} [{sc*f['lo']:+.2f}, {sc*f['hi']:+.2f}]"
                         + (" worse" if f["worse"] else "") + (" better" if f["better"] else ""))
        print(f"{p:16s} - {BASE}, {qn:8s}: " + "; ".join(parts))
""")

md(r"""
## 1. Per-queue differences with their intervals (a forest plot)

Each candidate policy minus `longest_idle`, per queue, with the paired 95 % interval. A bar
that does not cross 0 is a real difference; red marks a change `ccsim compare` calls `worse`.
**What a planner should conclude:** the policies hardly touch the general queue; what they
move is VIP service and ASA, and only `priority` does not lose VIP service against
`longest_idle` (the differences are printed above).
""")

code(r"""
colors = {"priority": "tab:blue", "longest_waiting": "tab:orange", "bullseye": "tab:green"}
fig, axes = plt.subplots(1, 3, figsize=(13, 4.8), sharey=True)
ypos, ylab = [], []
for qi, qn in enumerate(QUEUES):
    for ci, p in enumerate(CANDIDATES):
        ypos.append(qi * (len(CANDIDATES) + 1) + ci)
        ylab.append(f"{qn}: {p}")
for ax, (fig_, sc, lab) in zip(axes, FIGS):
    k = 0
    for qi, qn in enumerate(QUEUES):
        for ci, p in enumerate(CANDIDATES):
            f = row(p, "queues", qn, fig_)
            dv, lo, hi = sc * f["difference"], sc * f["lo"], sc * f["hi"]
            ax.errorbar(dv, ypos[k], xerr=[[dv - lo], [hi - dv]], fmt="o", capsize=4,
                        color=colors[p], mec="tab:red" if f["worse"] else colors[p],
                        mew=2.5 if f["worse"] else 1, ms=7,
                        label=p if qi == 0 else None)
            k += 1
    ax.axvline(0, color="k", lw=0.8)
    if fig_ == "service_level":
        ax.axvline(-1, color="tab:red", ls=":", lw=1.2, label="gate margin (-1 pt)")
    ax.set_xlabel(f"difference in {lab}\n(candidate - {BASE}, paired 95 % interval)")
    ax.grid(alpha=0.3)
axes[0].set_yticks(ypos)
axes[0].set_yticklabels(ylab)
axes[0].invert_yaxis()
axes[0].legend(fontsize=8, loc="lower left", title="candidate (red edge: worse)", title_fontsize=8)
fig.suptitle(f"Routing policies: each candidate minus {BASE}, per queue ({reps} replications, paired)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 2. The gate's verdict

Each `--fail-if` gate is tested on every entity that has the figure (both queues and the
voice channel). A test fails when the candidate is worse than the base by more than the margin
(the dotted line), significantly after Holm's correction; a single failed test fails the gate,
and `ccsim compare` exits 3. The verdicts and exit codes are printed below, and the figure
shows every test's difference with its interval and margin. **What a reviewer should
conclude:** a change of routing policy that fails here costs VIP service beyond the agreed
margin; the exit code is what CI acts on.
""")

code(r"""
for p in CANDIDATES:
    j = result[p]
    print(f"{p}: exit code {exit_code[p]} ({'a gate FAILED' if j['failed'] else 'every gate passed'})")
    for gate in j["gates"]:
        print(f"  {'FAIL' if gate['failed'] else 'pass'}  {gate['expression']}")
        for tst in gate["tests"]:
            print(f"      {'FAIL' if tst['failed'] else 'pass'}  {tst['entity']}.{tst['figure']}: "
                  f"difference {tst['difference']:+.4g}, threshold {tst['threshold']:+.4g}, p {tst['p']:.3g}")
""")

code(r"""
fig, axes = plt.subplots(1, len(GATES), figsize=(13, 5), sharey=True)
for ax, (gi, gate) in zip(axes, enumerate(GATES)):
    sc = 100 if gate.startswith("service_level") else 1
    unit = "points" if sc == 100 else "s"
    ticks, labels = [], []
    y = 0
    for p in CANDIDATES:
        g_ = result[p]["gates"][gi]
        for tst in g_["tests"]:
            f = row(p, tst["owner"], tst["entity"], tst["figure"])
            dv, lo, hi = sc * f["difference"], sc * f["lo"], sc * f["hi"]
            c = "tab:red" if tst["failed"] else "tab:green"
            ax.errorbar(dv, y, xerr=[[dv - lo], [hi - dv]], fmt="s" if tst["failed"] else "o",
                        color=c, capsize=4, ms=7)
            ax.plot([sc * tst["threshold"]] * 2, [y - 0.4, y + 0.4], color="tab:red", ls=":", lw=1.5)
            ticks.append(y); labels.append(f"{p} (exit {exit_code[p]}): {tst['entity']}")
            y += 1
        y += 0.7
    ax.axvline(0, color="k", lw=0.8)
    ax.set_xlabel(f"candidate - {BASE} ({unit}), paired 95 % interval")
    ax.set_title(f"--fail-if '{gate}'")
    ax.grid(alpha=0.3, axis="x")
    ax.errorbar([], [], xerr=[], fmt="o", color="tab:green", label="test passed")
    ax.errorbar([], [], xerr=[], fmt="s", color="tab:red", label="test FAILED")
    ax.plot([], [], color="tab:red", ls=":", label="margin (threshold)")
    ax.legend(fontsize=8, loc="best")
axes[0].set_yticks(ticks)
axes[0].set_yticklabels(labels, fontsize=9)
axes[0].invert_yaxis()
fig.suptitle(f"Routing policies: the gates' tests against {BASE} ({reps} replications; exit 3 = a gate failed)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 3. Occupancy per group under each policy

The policies differ less in service than in **who does the work**. Occupancy (the share of
staffed time spent on contacts) of the specialists and the generalists under each policy,
read from the kept results files with xarray (mean and 95 % half-width), and the paired
difference against `longest_idle` from `ccsim compare`. **What a planner should conclude:**
the printed differences show which policies spare the specialists (keeping them free for VIP
calls) and load the generalists instead.
""")

code(r"""
POLICIES = [BASE] + CANDIDATES
occ, ans = {}, {}
for p in POLICIES:
    with xr.open_dataset(files[p], group="summary/totals/groups", engine="h5netcdf") as ds:
        groups = [str(x) for x in ds["group"].values]
        occ[p] = (100 * ds["occupancy"].sel(statistic="mean").values, 100 * ds["occupancy"].sel(statistic="ci95").values)
        ans[p] = ds["answered"].sel(statistic="mean").values
for p in POLICIES:
    print(f"{p:16s} " + ", ".join(f"{gname} {occ[p][0][i]:.1f} ± {occ[p][1][i]:.1f} % ({ans[p][i]:.0f} answered)"
                                    for i, gname in enumerate(groups)))
for p in CANDIDATES:
    print(f"{p:16s} - {BASE}: " + ", ".join(
        f"{gname} {100*row(p, 'agent groups', gname, 'occupancy')['difference']:+.2f} pt "
        f"[{100*row(p, 'agent groups', gname, 'occupancy')['lo']:+.2f}, {100*row(p, 'agent groups', gname, 'occupancy')['hi']:+.2f}]"
        for gname in groups))
""")

code(r"""
fig, axes = plt.subplots(1, 2, figsize=(12, 4.8), gridspec_kw={"width_ratios": [1.2, 1]})
ax = axes[0]
w = 0.8 / len(POLICIES)
pcol = {BASE: "0.5", **colors}
for k, p in enumerate(POLICIES):
    xs = np.arange(len(groups)) + (k - (len(POLICIES) - 1) / 2) * w
    ax.bar(xs, occ[p][0], width=w, yerr=occ[p][1], capsize=3, color=pcol[p], label=p)
ax.set_xticks(np.arange(len(groups)))
ax.set_xticklabels(groups)
ax.set_ylabel("occupancy (% of staffed time on contacts)")
lo_ = min(occ[p][0].min() - occ[p][1].max() for p in POLICIES)
ax.set_ylim(max(0, lo_ - 5), 100)
ax.grid(alpha=0.3, axis="y")
ax.legend(fontsize=8, title="policy (95 % interval)", title_fontsize=8, loc="upper right")
ax.set_title("each policy alone")
ax = axes[1]
for gi_, gname in enumerate(groups):
    for k, p in enumerate(CANDIDATES):
        f = row(p, "agent groups", gname, "occupancy")
        dv, lo, hi = 100 * f["difference"], 100 * f["lo"], 100 * f["hi"]
        y = gi_ * (len(CANDIDATES) + 1) + k
        ax.errorbar(dv, y, xerr=[[dv - lo], [hi - dv]], fmt="o", color=colors[p], capsize=4,
                    label=p if gi_ == 0 else None)
ax.set_yticks([gi_ * (len(CANDIDATES) + 1) + 1 for gi_ in range(len(groups))])
ax.set_yticklabels(groups)
ax.invert_yaxis()
ax.axvline(0, color="k", lw=0.8)
ax.set_xlabel(f"occupancy difference (points), candidate - {BASE},\npaired 95 % interval")
ax.grid(alpha=0.3, axis="x")
ax.legend(fontsize=8, loc="best")
ax.set_title(f"paired against {BASE}")
fig.suptitle(f"Routing policies: occupancy per agent group ({reps} replications)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 4. VIP service level hour by hour

The same runs, per hour of the day (intervals named by their start, clock time), VIP service
level under each policy with its 95 % band across replications. **What a planner should
conclude:** whether a policy's VIP loss is spread over the day or concentrated in the busy
hours; the hours where each policy's gap to `longest_idle` is lowest and highest are
printed. Each band is of one policy alone: the paired comparison of figure 1 is the sharper
test, this figure shows where in the day the difference sits.
""")

code(r"""
sl = {}
for p in POLICIES:
    with xr.open_dataset(files[p], group="summary/intervals/queues", engine="h5netcdf") as ds:
        clock = [str(c) for c in ds["clock"].values]
        v = ds["service_level"].sel(queue="vip")
        sl[p] = (100 * v.sel(statistic="mean").values, 100 * v.sel(statistic="ci95").values)
for p in CANDIDATES:
    gap = sl[p][0] - sl[BASE][0]
    i = int(np.nanargmin(gap))
    print(f"{p:16s}: VIP SL minus {BASE}, lowest {gap[i]:+.1f} pt in the {clock[i]} hour, "
          f"highest {np.nanmax(gap):+.1f} pt in the {clock[int(np.nanargmax(gap))]} hour; "
          f"mean over the day {np.nanmean(gap):+.1f} pt")
""")

code(r"""
fig, ax = plt.subplots(figsize=(11, 5))
xs = np.arange(len(clock))
for p in POLICIES:
    mean, hw = sl[p]
    ax.plot(xs, mean, "o-", ms=4, color=pcol[p], label=p)
    ax.fill_between(xs, mean - hw, mean + hw, color=pcol[p], alpha=0.15)
ax.axhline(80, color="tab:red", ls=":", lw=1, label="target 80 %")
ax.set_xticks(xs)
ax.set_xticklabels([f"{c}-" for c in clock])
ax.set_xlabel("hour of the day (interval start, clock time)")
ax.set_ylabel("VIP service level (% answered within 20 s)")
ax.grid(alpha=0.3)
ax.legend(fontsize=8, ncol=5, loc="lower center", title="policy (mean and 95 % band)", title_fontsize=8)
lo_ = min(np.nanmin(sl[p][0] - sl[p][1]) for p in POLICIES)
ax.set_ylim(lo_ - 12, 100)
ax.set_title(f"Routing policies: VIP service level per hour ({reps} replications)")
fig.tight_layout()
plt.show()
""")

nb = _cells.notebook(FIGURES)

if __name__ == "__main__":
    write(nb, NAME)
