#!/usr/bin/python3
"""Reads a ccsim results file as a user would, with no ccsim code, and checks it; exits 1
with a message on the first problem. Run by tests/test_export.c with Debian's Python:

    check_results.py xarray FILE       every figure group through xarray (h5netcdf and
                                       netcdf4 engines): named dimensions with coordinates,
                                       values equal to h5py's, clock times decoded
    check_results.py csv DIR FILE      every CSV file of DIR against FILE: its columns, its
                                       clock labels, every value read back exactly
    check_results.py json JSON FILE    the --json output against FILE: per-interval means and
                                       half-widths, per-replication totals, the intervals
    check_results.py sweep FILE        a sweep's file (ccsim sweep): the xarray check, every
                                       figure and count led by the dimension point, whose
                                       labels and varied settings are its coordinates, and a
                                       point selected by a setting's value
"""
import csv
import glob
import json
import math
import os
import sys

import h5py
import numpy as np
import xarray as xr

OWNERS = ("queues", "groups", "statuses", "channels", "group_channels")
VIEWS = ("summary/intervals", "summary/totals", "replications/totals", "replications/intervals",
         "sweep/diff/totals")
COORDS = ("interval", "clock", "interval_length_s", "statistic", "replication", "queue",
          "group", "status", "channel", "point")


def fail(msg):
    print(f"check_results: {msg}")
    sys.exit(1)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def figure_groups(f):
    for view in VIEWS:
        for owner in OWNERS:
            if f"{view}/{owner}" in f:
                yield f"{view}/{owner}"


def check_xarray(path, only=None):
    f = h5py.File(path, "r")
    groups = list(figure_groups(f)) + ["replications/counts", "entities"]
    if only:
        groups = [g for g in groups if only(g)]
    clock = f.attrs["time_origin"]
    for engine in ("h5netcdf", "netcdf4"):
        for g in groups:
            ds = xr.open_dataset(path, group=g, engine=engine)
            h = f[g]
            if not ds.data_vars:
                fail(f"{engine}: {g} has no variables")
            for name, var in ds.data_vars.items():
                for d in var.dims:
                    if d not in ds.coords:
                        fail(f"{engine}: {g}/{name}: dimension {d} has no coordinate")
                if name in COORDS:
                    continue
                if "long_name" not in var.attrs:
                    fail(f"{engine}: {g}/{name} lacks a long_name")
                if var.dtype.kind in "OSU":  # names: no units, compared as text
                    if [str(v) for v in var.values] != [
                            x.decode() if isinstance(x, bytes) else str(x) for x in h[name][()]]:
                        fail(f"{engine}: {g}/{name} differs from h5py")
                    continue
                if "units" not in var.attrs:
                    fail(f"{engine}: {g}/{name} lacks units")
                a = np.asarray(var.values, dtype=float).ravel()
                b = np.asarray(h[name][()], dtype=float).ravel()
                if a.shape != b.shape or not all(same(x, y) for x, y in zip(a, b)):
                    fail(f"{engine}: {g}/{name} differs from h5py")
            for d in ("queue", "group", "status", "channel"):
                if d in ds.coords:
                    labels = [str(v) for v in ds.coords[d].values]
                    if labels != [x.decode() if isinstance(x, bytes) else str(x)
                                  for x in h[d][()]]:
                        fail(f"{engine}: {g}: labels of {d} differ")
            if "interval" in ds.coords:
                iv = ds.coords["interval"].values
                if clock.startswith("seconds since"):
                    if not np.issubdtype(iv.dtype, np.datetime64):
                        fail(f"{engine}: {g}: interval is not decoded as a time ({iv.dtype})")
                    origin = np.datetime64(clock[len("seconds since "):].replace(" ", "T"))
                    want = origin + (h["interval"][()] * 1e9).astype("timedelta64[ns]")
                    if not (iv == want).all():
                        fail(f"{engine}: {g}: interval times are not the starts after {origin}")
                elif not np.issubdtype(iv.dtype, np.floating):
                    fail(f"{engine}: {g}: interval should stay seconds without a start")
            ds.close()
    print(f"check_results: {len(groups)} groups read with both engines")


def check_sweep(path):
    # xarray opens a group in about half a second: both engines read the queues' group of
    # every view, the counts and the entities; h5py reads every group.
    check_xarray(path, lambda g: not g.startswith(OWNERS[1:]) and g.split("/")[-1] not in OWNERS[1:])
    f = h5py.File(path, "r")
    paths = f.attrs["sweep_paths"]
    paths = (paths.decode() if isinstance(paths, bytes) else paths).split("\n")
    points = int(f.attrs["sweep_points"])
    groups = list(figure_groups(f)) + ["replications/counts"]
    if "sweep/diff/totals/queues" not in groups:
        fail("no sweep/diff/totals/queues")
    for g in groups:
        h = f[g]
        labels = [x.decode() if isinstance(x, bytes) else str(x) for x in h["point"][()]]
        if len(labels) != points:
            fail(f"{g}: {len(labels)} points, not {points}")
        for p in paths:
            values = [x.decode() if isinstance(x, bytes) else str(x) for x in h[p][()]]
            for label, value in zip(labels, values):
                if f"{p}={value}" not in label:
                    fail(f"{g}: point {label!r} does not hold {p}={value}")
        for name, var in h.items():
            if name in COORDS or name in paths:
                continue
            if var.dims[0][0].name.split("/")[-1] != "point":
                fail(f"{g}/{name}: its first dimension is not point")
    for engine in ("h5netcdf", "netcdf4"):
        ds = xr.open_dataset(path, group="summary/totals/queues", engine=engine)
        for p in paths:
            if p not in ds.coords or ds.coords[p].dims != ("point",):
                fail(f"{engine}: the varied setting {p} is not a coordinate along point")
        # Selecting points by the value of the first setting, as a user would.
        first = str(ds.coords[paths[0]].values[-1])
        one = ds.where(ds.coords[paths[0]] == first, drop=True)
        if one.sizes["point"] < 1 or not all(str(v) == first for v in one.coords[paths[0]].values):
            fail(f"{engine}: no point selected by {paths[0]} == {first}")
        ds.close()
    print(f"check_results: a sweep of {points} points over {', '.join(paths)}")


def csv_rows(path):
    with open(path, newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def check_csv(directory, path):
    f = h5py.File(path, "r")
    files = sorted(glob.glob(os.path.join(directory, "*.csv")))
    suffix = {"summary/intervals": "intervals", "summary/totals": "totals",
              "replications/totals": "replications",
              "replications/intervals": "replication_intervals"}
    expected = {f"{g.split('/')[-1]}_{suffix['/'.join(g.split('/')[:2])]}.csv": g
                for g in figure_groups(f)}
    expected["counts.csv"] = "replications/counts"
    if sorted(os.path.basename(p) for p in files) != sorted(expected):
        fail(f"CSV files {[os.path.basename(p) for p in files]} are not {sorted(expected)}")
    cells = 0
    for name, g in expected.items():
        head, rows = csv_rows(os.path.join(directory, name))
        h = f[g]
        figures = [k for k in h if k not in COORDS]
        dims = [d[0].name.split("/")[-1] for d in h[figures[0]].dims]
        keys = [d for d in dims if d != "statistic"]
        lead = []
        for d in keys:
            lead.append(d)
            if d == "interval":
                lead.append("start_s")
        if head[:len(lead)] != lead:
            fail(f"{name}: leading columns {head[:len(lead)]}, not {lead}")
        shape = [h[d].shape[0] for d in keys]
        if len(rows) != int(np.prod(shape)):
            fail(f"{name}: {len(rows)} rows, not {int(np.prod(shape))}")
        for col, title in enumerate(head[len(lead):], start=len(lead)):
            base = title.split(" [")[0]
            stat = 1 if base.endswith("_ci95") and "statistic" in dims else 0
            fig = base[: -len("_ci95")] if stat else base
            if fig not in h:
                fail(f"{name}: column {title} names no variable of {g}")
            units = h[fig].attrs.get("units", "")
            units = units.decode() if isinstance(units, bytes) else units
            if units not in ("", "1") and not title.endswith(f" [{units}]"):
                fail(f"{name}: column {title} lacks its units [{units}]")
            values = h[fig][()]
            if "statistic" in dims:
                values = np.take(values, stat, axis=dims.index("statistic"))
            values = values.reshape(-1)
            for r, row in enumerate(rows):
                text, want = row[col], float(values[r])
                got = float("nan") if text == "" else float(text)
                if not same(got, want):
                    fail(f"{name} row {r + 2} column {title}: {text!r}, the file has {want!r}")
                cells += 1
        if "interval" in keys:
            clock = [c.decode() if isinstance(c, bytes) else c for c in h["clock"][()]]
            per = int(np.prod(shape[keys.index("interval") + 1:]))
            at = lead.index("interval")
            for r, row in enumerate(rows):
                if row[at] != clock[(r // per) % len(clock)]:
                    fail(f"{name} row {r + 2}: interval {row[at]!r}, not {clock[(r // per) % len(clock)]!r}")
    print(f"check_results: {len(files)} CSV files, {cells} values read back exactly")


def check_json(json_path, path):
    d = json.load(open(json_path))
    f = h5py.File(path, "r")
    starts = list(f["summary/intervals/queues/interval"][()])
    if d["intervals"]["start_s"] != starts:
        fail("JSON intervals.start_s differ from the file's interval starts")
    clock = [c.decode() if isinstance(c, bytes) else c
             for c in f["summary/intervals/queues/clock"][()]]
    if d["intervals"]["clock"] != clock:
        fail("JSON intervals.clock differ from the file's clock labels")
    reps = f.attrs["replications"]
    checked = 0
    for owner, key in (("queues", "queues"), ("groups", "groups"), ("channels", "channels")):
        names = [x.decode() if isinstance(x, bytes) else x
                 for x in f[f"summary/intervals/{owner}/{owner[:-1]}"][()]]
        for entity in d[key]:
            e = names.index(entity["name"])
            for fig, v in entity.items():
                if not isinstance(v, dict) or "mean" not in v:
                    continue
                summ = f[f"summary/intervals/{owner}/{fig}"][:, e, :]
                tot = f[f"replications/totals/{owner}/{fig}"][:, e]
                got_m = [float("nan") if x is None else x for x in v["intervals"]["mean"]]
                got_h = [float("nan") if x is None else x for x in v["intervals"]["ci95"]]
                got_r = [float("nan") if x is None else x for x in v["replications"]]
                if len(got_r) != reps or not all(same(a, b) for a, b in zip(got_r, tot)):
                    fail(f"JSON {owner} {entity['name']} {fig}: replications differ from the file")
                if not all(same(a, b) for a, b in zip(got_m, summ[:, 0])) or \
                   not all(same(a, b) for a, b in zip(got_h, summ[:, 1])):
                    fail(f"JSON {owner} {entity['name']} {fig}: per-interval summaries differ")
                checked += 1
    if checked < 50:
        fail(f"only {checked} figures in the JSON")
    print(f"check_results: {checked} JSON figures agree with the file")


def main():
    if len(sys.argv) < 3:
        fail(__doc__)
    what = sys.argv[1]
    if what == "xarray":
        check_xarray(sys.argv[2])
    elif what == "csv":
        check_csv(sys.argv[2], sys.argv[3])
    elif what == "json":
        check_json(sys.argv[2], sys.argv[3])
    elif what == "sweep":
        check_sweep(sys.argv[2])
    else:
        fail(f"unknown check {what}")


if __name__ == "__main__":
    main()
