#!/usr/bin/python3
"""Writes scenarios/replay/calls.csv: a small synthetic call log for scenarios/replay/replay.cfg.

Usage: gen-replay-trace.py [OUT]   (OUT defaults to scenarios/replay/calls.csv; "-" for stdout)

Three days of two voice queues, sales and service, from 08:00 to 12:00. Every number is drawn
here from a fixed seed; nothing is copied from a real log. Each day has its own volume (a
gamma "busyness" factor on the rates, so the days differ as real ones do); within a day,
arrivals are Poisson with a rate that peaks at 10:00. Handle times are lognormal, patience
exponential; some cells are left empty, as real logs have gaps (the scenario then draws
those values from the queue's own distributions): a tenth of the handle times, a fifth of
the patiences, and the priority of every call but the sales queue's VIPs (class 1) and a few
explicit 0s. `make test` checks that the committed file equals this script's output.
"""
import sys

import numpy as np

SEED = 20261130
START_S = 8 * 3600           # the scenario's start, 08:00
HOURS = 4                    # to 12:00
DAYS = ["2026-03-02", "2026-03-03", "2026-03-04"]
# queue: (calls per hour at the peak, handle median s, handle sigma, patience mean s)
QUEUES = {"sales": (60.0, 170.0, 0.55, 240.0), "service": (36.0, 260.0, 0.45, 420.0)}


def rate_shape(t_s):
    """Relative rate at T_S seconds from 08:00: 0.6 at the ends, 1 at 10:00."""
    return 0.6 + 0.4 * np.exp(-(((t_s - 2 * 3600.0) / 3600.0) ** 2))


def arrivals(rng, peak_per_hour, horizon_s):
    """A Poisson process of rate peak * rate_shape, by thinning a rate-peak process."""
    rate = peak_per_hour / 3600.0
    n = rng.poisson(rate * horizon_s)
    t = np.sort(rng.uniform(0.0, horizon_s, n))
    keep = rng.uniform(0.0, 1.0, n) < rate_shape(t)
    return t[keep]


def clock(t_s):
    s = int(START_S + t_s)
    return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "scenarios/replay/calls.csv"
    rng = np.random.default_rng(SEED)
    lines = ["day,arrival,queue,handle_s,patience_s,priority,channel"]
    for day in DAYS:
        busy = rng.gamma(16.0, 1.0 / 16.0)  # mean 1, sd 0.25
        calls = []
        for name, (peak, median, sigma, patience) in QUEUES.items():
            for t in arrivals(rng, peak * busy, HOURS * 3600.0):
                handle = "%.1f" % rng.lognormal(np.log(median), sigma)
                wait = "%.1f" % rng.exponential(patience)
                vip = name == "sales" and rng.uniform() < 0.1
                priority = "1" if vip else ("0" if rng.uniform() < 0.05 else "")
                if rng.uniform() < 0.1:
                    handle = ""
                if rng.uniform() < 0.2:
                    wait = ""
                calls.append((int(t), name, handle, wait, priority))
        # The log is in time order, the queues interleaved (whole seconds, as logs write).
        calls.sort(key=lambda c: (c[0], c[1]))
        for t, name, handle, wait, priority in calls:
            lines.append(",".join([day, clock(t), name, handle, wait, priority, "voice"]))
    text = "\n".join(lines) + "\n"
    if out_path == "-":
        sys.stdout.write(text)
    else:
        with open(out_path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
