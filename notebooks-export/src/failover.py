#!/usr/bin/python3
"""Writes notebooks-export/failover.ipynb, the "Failover drill" notebook (issue 17), unexecuted.

    /usr/bin/python3 notebooks-export/src/failover.py         # write the .ipynb only
    /usr/bin/python3 notebooks-export/run.py failover   # regenerate, execute, export the HTML

The notebook runs ./ccsim on scenarios/failover.cfg itself; CCSIM_NB_REPLICATIONS, when set,
replaces the scenario's 100 replications.
"""
import os

import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nbgen import NotebookCells, write  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NAME = "failover"
FIGURES = 4

_cells = NotebookCells(NAME)
md, code = _cells.md, _cells.code

md(r"""
# A region failover drill

`scenarios/failover.cfg` (the top-level README's "A region failover drill"): two Amazon
Connect regions, **us-east** (9 voice and 6 digital agents) and **us-west** (6 and 4), share
voice, chat and tasks 60/40 over a day from 08:00 to 17:00. At **11:00** us-east fails over:
all new contacts go to us-west and us-east's two agent groups move there. At **14:00** it
fails back. A move lets voice calls finish, ends chats and tasks at once (60 % of those
customers start again about a minute later), and puts each moved agent Offline until it sets
itself Available 1 to 2 minutes later.

This notebook runs the drill with `./ccsim run`, reads the results file with xarray and
plots, per 15-minute interval, each region's service level and staffed agents around the two
moves, what the moves cost besides (Offline time, RONAs, ended chats), and how much the
minute or two before moved agents are Available matters.

Set `CCSIM_NB_REPLICATIONS` to run fewer replications than the scenario's 100 (CI does).
""")

code(r"""
import re, subprocess
import numpy as np
import xarray as xr
import matplotlib
import matplotlib.pyplot as plt
%matplotlib inline

SCENARIO = "scenarios/failover.cfg"
REPS = os.environ.get("CCSIM_NB_REPLICATIONS")

def run(name, *sets):
    # one ccsim run, as a user would type it; returns the results file's path
    path = os.path.join(OUT, name + ".h5")
    cmd = ["./ccsim", "run", SCENARIO, "-o", path, "--quiet"]
    if REPS:
        cmd += ["--replications", REPS]
    for s in sets:
        cmd += ["--set", s]
    print(" ".join(cmd))
    subprocess.run(cmd, check=True)
    return path

base = run("failover")
""")

md(r"""
The results: `/summary/intervals/queues` holds each queue's figures per interval, mean and
95 % half-width across replications. Every queue exists once per region
(`support@us-east`, `support@us-west`, ...). A queue's `staffed_agents` counts the agents
logged in (not Offline) in the groups that serve it in its region, so `support@R` gives
region R's voice agents and `chat@R` its digital agents. The move times are read from the
scenario text the file carries.
""")

code(r"""
def load(path, owner):
    return xr.open_dataset(path, group="summary/intervals/" + owner, engine="h5netcdf")

root = xr.open_dataset(base, engine="h5netcdf")
q = load(base, "queues")
g = load(base, "groups")
reps = int(root.attrs["replications"])
clock = [str(c) for c in q["clock"].values]
def hours(hhmm):
    h, m = hhmm.split(":"); return int(h) + int(m) / 60
start_h = np.array([hours(c) for c in clock])
x = start_h + q["interval_length_s"].values / 7200.0    # the middle of each interval, in hours
moves = re.findall(r'\{\s*at\s*=\s*"(\d\d:\d\d)"', root.attrs["scenario"])
move_h = [hours(m) for m in moves]
labels = ["failover", "failback"]
regions = ["us-east", "us-west"]
print(f"{reps} replications, {len(clock)} intervals of 15 minutes from {clock[0]}; moves at {', '.join(moves)}")

def fig_clock(ax):
    # hour ticks read as clock times; the two moves as labelled vertical lines
    ticks = np.arange(np.floor(start_h[0]), np.ceil(start_h[-1]) + 1.01)
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{int(t):02d}:00" for t in ticks])
    for h, m, lab in zip(move_h, moves, labels):
        ax.axvline(h, color="0.3", ls="--", lw=1)
        ax.text(h, 1.0, f" {m} {lab}", transform=ax.get_xaxis_transform(),
                va="bottom", ha="center", fontsize=8, color="0.2")

def series(ds, var, ent, dim="queue"):
    v = ds[var].sel({dim: ent})
    return v.sel(statistic="mean").values, v.sel(statistic="ci95").values

def idx(hhmm):
    return clock.index(hhmm)
colors = {"us-east": "tab:blue", "us-west": "tab:orange"}
""")

md(r"""
## 1. Each region's service level and abandonment per 15 minutes

Voice (`support`, target 80 % answered within 20 s) and chat (within 60 s) per region, mean
with its 95 % band across replications; us-east has no figure between the moves because it
is offered nothing then. The numbers below are computed from the file.
""")

code(r"""
sl = {r: series(q, "service_level", "support@" + r) for r in regions}
ab = {r: series(q, "abandon_rate", "support@" + r) for r in regions}
before = [i for i, h in enumerate(start_h) if h < move_h[0]]
i_over, i_back = idx(moves[0]), idx(moves[1])
during = [i for i, h in enumerate(start_h) if move_h[0] <= h < move_h[1]]
for r in regions:
    print(f"{r}: voice SL before {moves[0]}: {100*np.nanmean(sl[r][0][before]):.1f} %, "
          f"abandoned {100*np.nanmean(ab[r][0][before]):.1f} %")
print(f"us-west voice SL between the moves: {100*np.nanmin(sl['us-west'][0][during]):.1f}-"
      f"{100*np.nanmax(sl['us-west'][0][during]):.1f} %")
print(f"us-west {moves[0]}-interval (failover): SL {100*sl['us-west'][0][i_over]:.1f} ± {100*sl['us-west'][1][i_over]:.1f} %, "
      f"abandoned {100*ab['us-west'][0][i_over]:.1f} %")
print(f"us-east {moves[1]}-interval (failback): SL {100*sl['us-east'][0][i_back]:.1f} ± {100*sl['us-east'][1][i_back]:.1f} %, "
      f"abandoned {100*ab['us-east'][0][i_back]:.1f} ± {100*ab['us-east'][1][i_back]:.1f} %")
""")

md(r"""
**What a planner should conclude.** Before the drill us-east (9 voice agents) meets the 80 %
target and us-west (6) hovers just under it. The failover hardly hurts: us-west's first
quarter hour after 11:00 stays near its own level, and once the moved agents are Available
the fifteen voice agents in one pool do better than either region alone (economies of
scale). The **failback** is the dip: at 14:00 us-east gets 60 % of the calls back while its
agents are still finishing us-west calls or Offline, so its first quarter hour falls below
the target with more abandonment. Chat dips only a few points (it stays above 90 %). Plan the failback,
not the failover, as the risky moment.
""")

code(r"""
fig, axes = plt.subplots(3, 1, figsize=(10, 9.5), sharex=True)
panels = [("service_level", "support", "voice service level\n(% within 20 s)"),
          ("abandon_rate", "support", "voice abandoned\n(% of offered)"),
          ("service_level", "chat", "chat service level\n(% within 60 s)")]
for ax, (var, line, ylab) in zip(axes, panels):
    for r in regions:
        m, h = series(q, var, f"{line}@{r}")
        ax.plot(x, 100 * m, "o-", ms=3, color=colors[r], label=f"{line}@{r}")
        ax.fill_between(x, 100 * (m - h), 100 * (m + h), color=colors[r], alpha=0.25,
                        label=f"{line}@{r} 95 % band")
    if var == "service_level" and line == "support":
        ax.axhline(80, color="tab:red", lw=1, ls=":", label="target 80 %")
    ax.set_ylabel(ylab)
    ax.grid(alpha=0.3)
    fig_clock(ax)
    ax.legend(fontsize=8, ncol=3, loc="lower left")
axes[0].set_ylim(50, 100); axes[2].set_ylim(80, 101); axes[1].set_ylim(0, None)
axes[-1].set_xlabel("interval (clock time, 15-minute intervals, plotted at their middle)")
axes[-1].set_xlim(start_h[0] - 0.25, start_h[-1] + 0.5)
fig.suptitle(f"Failover drill: each region's service level per 15 minutes ({reps} replications)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 2. Staffed agents per region

Agents logged in and not Offline, per region and channel (the time-weighted mean over each
15 minutes, with its band, which is narrow: the only randomness is how long moved agents take
to set themselves Available). At each move us-east's 15 agents leave one region; they count in
the other only once Available, so the receiving region's figure in the move's interval falls
short of the full sum by the Offline time below.
""")

code(r"""
off = {n: series(g, "offline_in_shift_s", n, "group") for n in g["group"].values}
moved = {n: series(g, "moved", n, "group")[0] for n in g["group"].values}
for r in regions:
    tot = sum(series(q, "staffed_agents", f"{l}@{r}")[0] for l in ("support", "chat"))
    print(f"{r}: staffed agents {tot[i_over-1]:.2f} before {moves[0]}, {tot[i_over]:.2f} in {moves[0]}-, "
          f"{tot[i_over+1]:.2f} in {clock[i_over+1]}-, {tot[i_back]:.2f} in {moves[1]}-, {tot[i_back+1]:.2f} in {clock[i_back+1]}-")
for n in g["group"].values:
    if moved[n].sum() > 0:
        print(f"{n}: {moved[n].sum():.0f} agent moves; Offline {off[n][0][i_over]/60:.1f} agent-min at {moves[0]}, "
              f"{off[n][0][i_back]/60:.1f} at {moves[1]} (per moved agent {off[n][0][i_over]/60/moved[n][i_over]:.2f} min)")
""")

code(r"""
fig, axes = plt.subplots(2, 1, figsize=(10, 7.5), sharex=True, gridspec_kw={"height_ratios": [3, 1.4]})
ax = axes[0]
for r in regions:
    for line, ls, lab in (("support", "-", "voice"), ("chat", "--", "digital (chat + tasks)")):
        m, h = series(q, "staffed_agents", f"{line}@{r}")
        edges = np.append(start_h, start_h[-1] + 0.25)
        # dashed lines on top, so a line hidden under another at the same count still shows
        ax.step(edges, np.append(m, m[-1]), where="post", ls=ls, color=colors[r], label=f"{r} {lab}",
                zorder=3 if ls == "--" else 2)
        ax.fill_between(edges, np.append(m - h, m[-1] - h[-1]), np.append(m + h, m[-1] + h[-1]),
                        step="post", color=colors[r], alpha=0.25)
ax.set_ylabel("staffed agents\n(logged in, not Offline)")
ax.set_ylim(-0.5, 16.5)
ax.grid(alpha=0.3)
ax.legend(fontsize=8, loc="upper left")
fig_clock(ax)
ax = axes[1]
w = 0.11
for k, n in enumerate([n for n in g["group"].values if moved[n].sum() > 0]):
    m, h = off[n]
    nz = m > 0
    ax.bar((x + (k - 0.5) * w)[nz], m[nz] / 60, width=w, yerr=h[nz] / 60, capsize=2,
           color=["tab:blue", "tab:cyan"][k % 2], label=f"{n} Offline after a move (95 % interval)")
ax.set_ylabel("Offline\n(agent-minutes)")
ax.set_xlabel("interval (clock time; 15-minute intervals)")
ax.grid(alpha=0.3, axis="y")
ax.set_ylim(0, 1.25 * max(off[n][0].max() for n in off) / 60)
ax.legend(fontsize=8, loc="upper left")
fig_clock(ax)
for t in ax.texts: t.set_visible(False)
ax.set_xlim(start_h[0] - 0.25, start_h[-1] + 0.5)
fig.suptitle(f"Failover drill: staffed agents per region per 15 minutes ({reps} replications)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 3. What the moves cost besides the service level: RONAs, ring on absent agents, ended chats

A move could make agents miss offers (RONA, ring-on-absent) if the router offered contacts to
agents still in transit. The figures say whether it does: RONAs per region (by the time of the
offer) and seconds rung on absent agents, with the chats and tasks the moves end and the
customers who start again.
""")

code(r"""
ronas = {r: sum(series(q, "ronas", f"{l}@{r}")[0] for l in ("support", "chat", "cases")) for r in regions}
absent = series(g, "ring_absent_s", g["group"].values[0], "group")[0] * 0
for n in g["group"].values:
    absent = absent + series(g, "ring_absent_s", n, "group")[0]
near = [i_over, i_over + 1, i_back, i_back + 1]
far = [i for i in range(len(clock)) if i not in near]
for r in regions:
    print(f"{r}: RONAs per interval, mean away from the moves {np.mean(ronas[r][far]):.3f}, "
          f"largest in the two intervals after a move {np.max(ronas[r][near]):.3f}")
print(f"seconds rung on absent agents, whole day, all groups: {absent.sum():.1f}")
spike = max(np.max(ronas[r][near]) for r in regions) > 3 * max(np.mean(ronas[r][far]) for r in regions) + 0.1
print("RONA spike after a move:", "yes" if spike else "no")
ended = {r: sum(series(q, "ended_by_move", f"{l}@{r}")[0] for l in ("chat", "cases")) for r in regions}
restarts = {r: sum(series(q, "restarts_in", f"{l}@{r}")[0] for l in ("chat", "cases")) for r in regions}
e_tot = sum(e.sum() for e in ended.values()); r_tot = sum(s.sum() for s in restarts.values())
print(f"chats and tasks ended by the two moves: {e_tot:.1f} a day; customers who started again: {r_tot:.1f} "
      f"({100*r_tot/e_tot:.0f} %)")
for r in regions:
    print(f"  restarts into {r}: {restarts[r][i_over]:.2f} in {moves[0]}-, {restarts[r][i_back]:.2f} in {moves[1]}-")
""")

md(r"""
**Conclusion.** In this scenario there is **no RONA or ring-on-absent spike** after either move
(the printed check above): a moved agent arrives Offline and is offered nothing until it sets
itself Available, so the cost of a move shows up as Offline agent-minutes (figure 2) and as
chats and tasks ended at once, about 60 % of whose customers come back as new contacts in the
region the traffic now goes to. Ended contacts are counted at the queue and interval of their
arrival, so they appear in the intervals *before* each move. The restarts land in the move's
interval.
""")

code(r"""
fig, axes = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
ax = axes[0]
for r in regions:
    h = np.sqrt(sum(series(q, "ronas", f"{l}@{r}")[1] ** 2 for l in ("support", "chat", "cases")))
    ax.plot(x, ronas[r], "o-", ms=3, color=colors[r], label=f"RONAs, {r} queues")
    ax.fill_between(x, np.maximum(ronas[r] - h, 0), ronas[r] + h, color=colors[r], alpha=0.25,
                    label=f"{r} 95 % band")
ax.plot(x, absent / 60, "k:", label="ringing on absent agents, all groups (minutes)")
ax.set_ylabel("per 15 minutes: RONAs (count),\nringing on absent agents (minutes)")
ax.set_ylim(0, max(1.0, 1.2 * max(np.nanmax(ronas[r]) for r in regions)))
ax.grid(alpha=0.3); ax.legend(fontsize=8, loc="upper left", ncol=2); fig_clock(ax)
ax = axes[1]
w = 0.06
for k, r in enumerate(regions):
    ax.bar(x + (k - 1.5) * w, ended[r], width=w, color=colors[r], hatch="//", edgecolor="k", lw=0.3,
           label=f"chats + tasks ended by a move (arrived at {r})")
    ax.bar(x + (k + 0.5) * w, restarts[r], width=w, color=colors[r], edgecolor="k", lw=0.3,
           label=f"customers starting again at {r}")
ax.set_ylabel("contacts\nper 15 minutes")
ax.set_xlabel("interval (clock time; 15-minute intervals)")
ax.set_ylim(0, 1.6 * max(max(e.max() for e in ended.values()), max(s_.max() for s_ in restarts.values())))
ax.grid(alpha=0.3, axis="y"); ax.legend(fontsize=8, loc="upper center"); fig_clock(ax)
for t in ax.texts: t.set_visible(False)
ax.set_xlim(start_h[0], start_h[-1] + 0.25)
fig.suptitle(f"Failover drill: RONAs and contacts ended by the moves ({reps} replications)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 4. The lever: how soon moved agents are Available

The same drill, with the same random numbers, when the desktop sets moved agents Available at
once (`--set regions.move.automatic=true`) and when they take five minutes
(`--set regions.move.available_after=5m`), beside the default 1 to 2 minutes. Voice service
level per region, zoomed on the moves.
""")

code(r"""
runs = {"after 1-2 min (default)": base,
        "at once (automatic=true)": run("failover-automatic", "regions.move.automatic=true"),
        "after 5 min (available_after=5m)": run("failover-5m", "regions.move.available_after=5m")}
qs = {k: load(p, "queues") for k, p in runs.items()}
for k, d in qs.items():
    w_sl = series(d, "service_level", "support@us-west")
    e_sl = series(d, "service_level", "support@us-east"); e_ab = series(d, "abandon_rate", "support@us-east")
    print(f"{k:34s} us-west {moves[0]}-: SL {100*w_sl[0][i_over]:5.1f} ± {100*w_sl[1][i_over]:.1f} %   "
          f"us-east {moves[1]}-: SL {100*e_sl[0][i_back]:5.1f} ± {100*e_sl[1][i_back]:.1f} %, "
          f"abandoned {100*e_ab[0][i_back]:4.1f} %")
""")

md(r"""
**Conclusion.** The minute or two moved agents take to set themselves Available is what the
dips are made of: set Available at once, both dips vanish; five minutes, and the failback's
first quarter hour loses a large share of us-east's calls. For a real drill, have the agent
desktop set moved agents Available automatically (or brief them to do so at once), and
schedule the failback at a quiet time.
""")

code(r"""
fig, axes = plt.subplots(1, 2, figsize=(12, 4.8), sharey=True)
zoom = (start_h >= move_h[0] - 1) & (start_h < move_h[1] + 1.5)
styles = ["k", "tab:green", "tab:purple"]
for ax, r in zip(axes, regions):
    for (k, d), c in zip(qs.items(), styles):
        m, h = series(d, "service_level", "support@" + r)
        ax.plot(x[zoom], 100 * m[zoom], "o-", ms=3, color=c, label=k)
        ax.fill_between(x[zoom], 100 * (m - h)[zoom], 100 * (m + h)[zoom], color=c, alpha=0.15)
    ax.axhline(80, color="tab:red", lw=1, ls=":", label="target 80 %")
    ax.set_title(f"support@{r} (voice)", pad=16)
    ax.set_xlabel("interval (clock time; 15-minute intervals)")
    ax.grid(alpha=0.3)
    fig_clock(ax)
    ax.set_xlim(move_h[0] - 1, move_h[1] + 1.5)
axes[0].set_ylabel("service level (% within 20 s)\nmean and 95 % band")
axes[0].set_ylim(30, 100)
axes[0].legend(fontsize=8, loc="center", title="moved agents Available", title_fontsize=8)
fig.suptitle(f"Failover drill: voice service level by how soon moved agents are Available ({reps} replications)")
fig.tight_layout()
plt.show()
""")

code(r"""
for d in [root, q, g, *qs.values()]:
    d.close()
""")

nb = _cells.notebook(FIGURES)

if __name__ == "__main__":
    write(nb, NAME)
