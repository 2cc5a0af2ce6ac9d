#!/usr/bin/python3
"""Writes notebooks-export/rona_study.ipynb, the "RONA study" notebook (issue 17), unexecuted.

    /usr/bin/python3 notebooks-export/src/rona_study.py         # write the .ipynb only
    /usr/bin/python3 notebooks-export/run.py rona_study   # regenerate, execute, export the HTML

The notebook runs `./ccsim sweep` on scenarios/rona-study.cfg itself; CCSIM_NB_REPLICATIONS,
when set, replaces the scenario's 40 replications.
"""
import os

import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nbgen import NotebookCells, write  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NAME = "rona_study"
FIGURES = 3

_cells = NotebookCells(NAME)
md, code = _cells.md, _cells.code

md(r"""
# A RONA study: how long should a voice offer ring?

`scenarios/rona-study.cfg` (the top-level README's "A RONA study"): one voice queue, 170 calls
an hour, AHT 4.5 min with ACW, 15 agents who answer after about 5 s (lognormal, sd 4 s), miss
2 % of offers outright, and step away while Available for a few minutes about every two
hours. An offer that rings longer than `channels.voice.offer_timeout` is a RONA (redirection
on no answer): the call goes back to the queue and the agent to the RONA status.

This notebook runs **one** `./ccsim sweep` over a fine grid of timeouts. Every point has the
same seed and replications, so every point sees the same contacts (common random numbers), and
the sweep file holds each point's figures and the **paired differences** against a base point
under `/sweep/diff/totals`. The base here is the longest timeout (`--base` = the last point),
so each difference reads "what this timeout costs against ringing for a full minute".

Set `CCSIM_NB_REPLICATIONS` to run fewer replications than the scenario's 40 (CI does).
""")

code(r"""
import shlex, subprocess
import numpy as np
import xarray as xr
import matplotlib.pyplot as plt
%matplotlib inline

SCENARIO = "scenarios/rona-study.cfg"
REPS = os.environ.get("CCSIM_NB_REPLICATIONS")
TIMEOUTS = [5, 6, 8, 10, 12, 15, 18, 21, 24, 30, 40, 60]       # seconds
path = os.path.join(OUT, "rona-study-sweep.h5")
cmd = ["./ccsim", "sweep", SCENARIO,
       "--vary", "channels.voice.offer_timeout=" + ",".join(f"{t}s" for t in TIMEOUTS),
       "--base", str(len(TIMEOUTS)),          # paired differences against the longest timeout
       "--threads", "2", "-o", path,
       "--show", "ronas,rona_rate,ring_absent_s,asa_s,service_level,abandon_rate"]
if REPS:
    cmd += ["--replications", REPS]
print(shlex.join(cmd))
subprocess.run(cmd, check=True);
""")

md(r"""
The sweep file, read with xarray: `/summary/totals/<owner>` holds each point's mean and 95 %
half-width (dimension `point` first, with the varied setting as a coordinate), and
`/sweep/diff/totals/<owner>` the paired difference against the base point with its 95 %
interval (`diff`, `lo`, `hi`, `p`). Totals are per 8 hours after the warm-up hour.
""")

code(r"""
def load(group):
    return xr.open_dataset(path, group=group, engine="h5netcdf")

root = load("/")
reps = int(root.attrs["replications"])
q, g = load("summary/totals/queues"), load("summary/totals/groups")
dq, dg = load("sweep/diff/totals/queues"), load("sweep/diff/totals/groups")
queue, group = str(q["queue"].values[0]), str(g["group"].values[0])
t = np.array([float(str(v).rstrip("s")) for v in q["channels.voice.offer_timeout"].values])
base_label = str(root.attrs["sweep_base_point"])

def tot(ds, var, ent, dim):
    v = ds[var].sel({dim: ent})
    return v.sel(statistic="mean").values, v.sel(statistic="ci95").values

def diff(ds, var, ent, dim):
    v = ds[var].sel({dim: ent})
    return v.sel(statistic="diff").values, v.sel(statistic="lo").values, v.sel(statistic="hi").values

# (key, dataset, diff dataset, variable, owner, dim, scale, label with units)
FIG = {
    "rona_rate": (q, dq, "rona_rate", queue, "queue", 100, "RONA rate (% of offers)"),
    "ronas": (q, dq, "ronas", queue, "queue", 1, "RONAs per 8 h"),
    "ring_absent": (g, dg, "ring_absent_s", group, "group", 1 / 60, "ringing on absent agents (min per 8 h)"),
    "sl": (q, dq, "service_level", queue, "queue", 100, "service level (% answered within 20 s)"),
    "asa": (q, dq, "asa_s", queue, "queue", 1, "ASA (s)"),
    "abandon": (q, dq, "abandon_rate", queue, "queue", 100, "abandoned (% of offered)"),
}
m = {k: tuple(a * f[5] for a in tot(f[0], f[2], f[3], f[4])) for k, f in FIG.items()}
d = {k: tuple(a * f[5] for a in diff(f[1], f[2], f[3], f[4])) for k, f in FIG.items()}
print(f"{reps} replications per point, {len(t)} timeouts, paired differences against {base_label}")
print(f"{'timeout':>8} {'RONA %':>14} {'absent ring, min':>18} {'SL %':>14} {'ASA s':>14}")
for i, ti in enumerate(t):
    print(f"{ti:7.0f}s " + " ".join(f"{m[k][0][i]:8.1f} ± {m[k][1][i]:4.1f}".rjust(14 if k != 'ring_absent' else 18)
                                   for k in ("rona_rate", "ring_absent", "sl", "asa")))
""")

md(r"""
## 1. Where is the knee?

Two ways of computing it, both from the sweep file:

* **Geometric knee** (the "Kneedle" rule): scale the timeout and the RONA rate each to 0-1
  and take the timeout where the RONA-rate curve lies furthest below the straight line
  joining its ends: past it, each extra second of ringing buys much less.
* **Service-level knee**: the shortest timeout whose service level is, with 95 % confidence
  on the paired difference, no more than 1 point below the longest timeout's (the lower end of
  the paired interval above -1 pt).

The cost of going past the knee is the ringing on agents who are not there, which grows about
linearly with the timeout. The numbers are printed below.
""")

code(r"""
rr = m["rona_rate"][0]
xn = (t - t[0]) / (t[-1] - t[0])
yn = (rr - rr.min()) / (rr.max() - rr.min())
gap = (1 - xn) - yn                       # the chord from (0, 1) to (1, 0), minus the curve
k_geo = int(np.argmax(gap))
sl_d, sl_lo, sl_hi = d["sl"]
ok = np.where(sl_lo > -1.0)[0]
k_sl = int(ok[0]) if len(ok) else None
print(f"geometric knee of the RONA rate: {t[k_geo]:.0f} s "
      f"(RONA rate {rr[k_geo]:.1f} %, against {rr[0]:.1f} % at {t[0]:.0f} s and {rr[-1]:.1f} % at {t[-1]:.0f} s)")
if k_sl is None:
    print("service-level knee: none of the timeouts is within 1 pt of the longest with 95 % confidence "
          "(too few replications to tell)")
else:
    print(f"service-level knee: {t[k_sl]:.0f} s (SL {sl_d[k_sl]:+.2f} pt against {t[-1]:.0f} s, "
          f"paired 95 % interval [{sl_lo[k_sl]:+.2f}, {sl_hi[k_sl]:+.2f}] pt)")
k = k_geo if k_sl is None else max(k_geo, k_sl)
knee = t[k]
ra = m["ring_absent"][0]
print(f"knee used below: {knee:.0f} s")
print(f"from {knee:.0f} s to {t[-1]:.0f} s: ringing on absent agents {ra[k]:.1f} -> {ra[-1]:.1f} min "
      f"(x{ra[-1]/ra[k]:.1f}), RONAs {m['ronas'][0][k]:.0f} -> {m['ronas'][0][-1]:.0f} "
      f"({100*(1 - m['ronas'][0][-1]/m['ronas'][0][k]):.0f} % fewer), SL {m['sl'][0][k]:.1f} -> {m['sl'][0][-1]:.1f} %, "
      f"ASA {m['asa'][0][k]:.1f} -> {m['asa'][0][-1]:.1f} s")
print(f"at {t[0]:.0f} s: RONA rate {rr[0]:.1f} %, SL {m['sl'][0][0]:.1f} %, ASA {m['asa'][0][0]:.1f} s")
""")

md(r"""
**Figure 1** shows the four figures against the timeout, each point's mean with its own 95 %
band (across replications), and the knee. **What a planner should conclude:** below the knee
the RONA rate climbs steeply and drags the service level and ASA with it (calls bounce between
agents who were about to answer); above it the RONA rate hardly falls while the ringing on
absent agents keeps growing in proportion to the timeout. Set the offer timeout near the knee
printed above, not at a minute.
""")

code(r"""
fig, axes = plt.subplots(2, 2, figsize=(11, 8), sharex=True)
panels = [("rona_rate", "tab:red"), ("ring_absent", "tab:purple"), ("sl", "tab:blue"), ("asa", "tab:green")]
for ax, (key, c) in zip(axes.flat, panels):
    mean, hw = m[key]
    ax.plot(t, mean, "o-", color=c, ms=4, label="mean")
    ax.fill_between(t, mean - hw, mean + hw, color=c, alpha=0.25, label="95 % band (each point alone)")
    ax.axvline(knee, color="0.3", ls="--", lw=1, label=f"knee ({knee:.0f} s)")
    ax.set_ylabel(FIG[key][6])
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
for ax in axes[1]:
    ax.set_xlabel("offer timeout (s)")
axes[1][0].axhline(80, color="tab:red", ls=":", lw=1)
axes[1][0].text(t[-1], 80, "target 80 % ", ha="right", va="bottom", fontsize=8, color="tab:red")
axes[1][0].set_ylim(None, 82)
fig.suptitle(f"RONA study: {queue} against the offer timeout ({reps} replications per point, per 8 h)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 2. Paired differences: what common random numbers buy

The same question asked of the paired differences against the longest timeout
(`/sweep/diff/totals`), each with its 95 % interval, beside the interval the two points'
own half-widths would suggest if the runs were independent (the root of the summed squared
half-widths). For service level and ASA, which vary a lot from day to day, the paired
intervals are several times narrower (the ratios are printed), so differences that the
separate bands of figure 1 cannot resolve are clear here; RONA counts and absent ringing are
driven by the timeout itself, and pairing gains them little.
""")

code(r"""
for key in ("sl", "asa", "rona_rate", "ring_absent"):
    dd, lo, hi = d[key]
    indep = np.sqrt(m[key][1] ** 2 + m[key][1][-1] ** 2)
    sel = slice(0, len(t) - 1)
    ratio = np.nanmedian(indep[sel] / ((hi - lo)[sel] / 2))
    print(f"{FIG[key][6]:42s} paired half-width {np.nanmedian((hi-lo)[sel]/2):7.2f}, "
          f"independent {np.nanmedian(indep[sel]):7.2f} (median over points): paired {ratio:.1f}x narrower")
k8 = int(np.argmin(abs(t - 18)))
print(f"{t[k8]:.0f} s against {t[-1]:.0f} s: SL {d['sl'][0][k8]:+.2f} pt [{d['sl'][1][k8]:+.2f}, {d['sl'][2][k8]:+.2f}], "
      f"ASA {d['asa'][0][k8]:+.2f} s [{d['asa'][1][k8]:+.2f}, {d['asa'][2][k8]:+.2f}], "
      f"ringing on absent agents {d['ring_absent'][0][k8]:+.1f} min [{d['ring_absent'][1][k8]:+.1f}, {d['ring_absent'][2][k8]:+.1f}]")
""")

md(r"""
**What a researcher should conclude:** read a sweep through its paired differences. Against a
one-minute timeout, the timeouts at and above the knee cost well under a point of service
level (the interval reaches 0 or hugs it) while saving tens of minutes of ringing on absent
agents a day, and the short timeouts cost many points, beyond doubt.
""")

code(r"""
fig, axes = plt.subplots(2, 2, figsize=(11, 8), sharex=True)
for ax, (key, c) in zip(axes.flat, panels):
    dd, lo, hi = d[key]
    indep = np.sqrt(m[key][1] ** 2 + m[key][1][-1] ** 2)
    ax.fill_between(t, dd - indep, dd + indep, color="0.6", alpha=0.3,
                    label="95 % interval if independent")
    ax.errorbar(t, dd, yerr=[dd - lo, hi - dd], fmt="o", color=c, ms=4, capsize=3,
                label="paired difference, 95 % interval")
    ax.axhline(0, color="k", lw=0.8)
    ax.axvline(knee, color="0.3", ls="--", lw=1, label=f"knee ({knee:.0f} s)")
    ax.set_ylabel("difference in " + FIG[key][6])
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
for ax in axes[1]:
    ax.set_xlabel("offer timeout (s)")
fig.suptitle(f"RONA study: each timeout minus {t[-1]:.0f} s, paired by replication ({reps} replications)")
fig.tight_layout()
plt.show()
""")

md(r"""
## 3. The trade-off itself

RONAs against minutes of ringing on absent agents, one point per timeout (both with their 95 %
intervals). Walking along the curve from the shortest timeout, each step first removes many
RONAs for little ringing, then, past the knee, adds ringing for almost no RONAs. The printed
ratio is the marginal price: seconds of absent ringing added per RONA saved between
neighbouring timeouts. **What a planner should conclude:** below the knee a RONA is saved
for a few seconds of ringing; at the long end each RONA saved costs minutes of customers
ringing on empty desks (the last rows printed above).
""")

code(r"""
ro = m["ronas"][0]
for i in range(len(t) - 1):
    saved = ro[i] - ro[i + 1]
    added = ra[i + 1] - ra[i]
    price = 60 * added / saved if saved > 0 else float("inf")
    print(f"{t[i]:3.0f} s -> {t[i+1]:3.0f} s: {saved:6.1f} RONAs saved, {added:5.1f} min more absent ringing, "
          f"{price:6.1f} s of absent ringing per RONA saved")
""")

code(r"""
fig, ax = plt.subplots(figsize=(9, 6))
ax.errorbar(ra, ro, xerr=m["ring_absent"][1], yerr=m["ronas"][1], fmt="o-", color="tab:red",
            ms=4, capsize=3, label="one point per offer timeout (95 % intervals)")
for i, ti in enumerate(t):
    ax.annotate(f"{ti:.0f} s", (ra[i], ro[i]), textcoords="offset points", xytext=(6, 6), fontsize=8)
ax.plot(ra[k], ro[k], "s", ms=12, mfc="none", mec="k", label=f"knee ({knee:.0f} s)")
ax.set_xlabel("ringing on absent agents (minutes per 8 h)")
ax.set_ylabel("RONAs per 8 h")
ax.grid(alpha=0.3, which="both")
ax.legend()
ax.set_title(f"RONA study: RONAs against ringing on absent agents ({reps} replications per point)")
fig.tight_layout()
plt.show()
""")

code(r"""
for ds in (root, q, g, dq, dg):
    ds.close()
""")

nb = _cells.notebook(FIGURES)

if __name__ == "__main__":
    write(nb, NAME)
