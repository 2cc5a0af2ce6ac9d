#!/usr/bin/python3
"""./ccsim-mpi spread over MPI ranks writes the files ./ccsim writes on one thread, byte for
byte, and a failure on any rank ends every rank, with no results file left.

Each command runs twice into the same paths, `./ccsim ... --threads 1` and then
`mpirun -np N --oversubscribe ./ccsim-mpi ...` (with --allow-run-as-root as root), and every
dataset and attribute of the two results files is compared: same objects, same types and
shapes, the same bytes (dimension scales compared by the names they point to); stdout must be
the same too. The failures: a bad scenario (caught by every rank before the fan-out), an I/O
failure injected on rank 0 (a file-size limit, `ulimit -f`), and a bad setting on rank 1
alone (rank 0 is then ended by mpirun, and must still remove its temporary file).

CCSIM, CCSIM_MPI and MPIRUN name the binaries (./ccsim, ./ccsim-mpi, mpirun). Prints TAP.
"""

import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CCSIM = os.environ.get("CCSIM", "./ccsim")
CCSIM_MPI = os.environ.get("CCSIM_MPI", "./ccsim-mpi")
MPIRUN = os.environ.get("MPIRUN", "mpirun")


def mpirun(n):
    cmd = [MPIRUN, "-np", str(n), "--oversubscribe"]
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    return cmd


def sh(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)


# ---- comparing two results files ----

def attr_value(f, value):
    """An attribute's value, with object references replaced by the names they point to."""
    if isinstance(value, np.ndarray) and value.dtype == object:
        return [attr_value(f, v) for v in value.flat]
    if isinstance(value, h5py.Reference):
        return f[value].name if value else None
    if isinstance(value, np.ndarray) and value.dtype.names:
        # A compound with references (a dimension scale's REFERENCE_LIST): by field.
        return [tuple(attr_value(f, row[k]) for k in value.dtype.names) for row in value.flat]
    if isinstance(value, np.ndarray):
        return (value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, np.generic):
        return (value.dtype.str, value.tobytes())
    return value


def differences(a_path, b_path, limit=5):
    """What differs between two HDF5 files (at most LIMIT lines), and how many datasets and
    attributes were compared."""
    out, counted = [], {"datasets": 0, "attributes": 0}
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        def compare(name, obj_a, obj_b):
            ka, kb = set(obj_a.attrs.keys()), set(obj_b.attrs.keys())
            if ka != kb:
                out.append(f"{name}: attributes {sorted(ka ^ kb)} in one file only")
            for k in sorted(ka & kb):
                counted["attributes"] += 1
                if attr_value(a, obj_a.attrs[k]) != attr_value(b, obj_b.attrs[k]):
                    out.append(f"{name} @{k}: differs")
            if isinstance(obj_a, h5py.Dataset):
                counted["datasets"] += 1
                if obj_a.dtype != obj_b.dtype or obj_a.shape != obj_b.shape:
                    out.append(f"{name}: type or shape differs")
                    return
                va, vb = obj_a[()], obj_b[()]
                if isinstance(va, np.ndarray) and va.dtype != object:
                    same = va.tobytes() == vb.tobytes()
                else:
                    same = np.array_equal(np.asarray(va, dtype=object), np.asarray(vb, dtype=object))
                if not same:
                    out.append(f"{name}: values differ")
            elif isinstance(obj_a, h5py.Group):
                na, nb = set(obj_a.keys()), set(obj_b.keys())
                if na != nb:
                    out.append(f"{name}: members {sorted(na ^ nb)} in one file only")
                for k in sorted(na & nb):
                    compare(f"{name.rstrip('/')}/{k}", obj_a[k], obj_b[k])
        compare("/", a, b)
    return out[:limit] + ([f"... {len(out) - limit} more"] if len(out) > limit else []), counted


def same_output(text):
    """What of a command's stdout must not change with ranks: all of it, but --json's
    "performance" (ranks, threads, times, rates, memory)."""
    try:
        doc = json.loads(text)
    except ValueError:
        return text
    doc.pop("performance", None)
    return doc


# ---- the tests ----

class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, ok, name, why=()):
        self.n += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {name}")
        for line in why:
            for part in str(line).split("\n"):
                print("#   " + part)
        self.failed += not ok


def same_as_one_thread(tap, name, args, files, ranks=2, threads=1, tmp=None):
    """Runs ARGS (with FILES, paths under TMP, among them) with ./ccsim --threads 1, then with
    ./ccsim-mpi on RANKS ranks of THREADS threads each, and compares every file and stdout."""
    single = sh([CCSIM] + args + ["--threads", "1"])
    if single.returncode != 0:
        tap.result(False, name, [f"./ccsim exit {single.returncode}", single.stderr])
        return
    kept = {}
    for f in files:
        kept[f] = f + ".single"
        shutil.move(f, kept[f])
    multi = sh(mpirun(ranks) + [CCSIM_MPI] + args + ["--threads", str(threads)])
    why, compared = [], {"datasets": 0, "attributes": 0}
    if multi.returncode != 0:
        why += [f"mpirun exit {multi.returncode}", multi.stderr]
    else:
        for f in files:
            if f.endswith(".h5"):
                diffs, n = differences(kept[f], f)
                compared = {k: compared[k] + n[k] for k in compared}
                why += [f"{os.path.basename(f)}: {d}" for d in diffs]
            elif open(kept[f], "rb").read() != open(f, "rb").read():
                why.append(f"{os.path.basename(f)} differs")
        if same_output(single.stdout) != same_output(multi.stdout):
            why += ["stdout differs:", single.stdout[:2000], "against:", multi.stdout[:2000]]
    tap.result(not why and compared["datasets"] > 0,
               f"{name}: {ranks} ranks x {threads} threads equal ./ccsim --threads 1 "
               f"({compared['datasets']} datasets, {compared['attributes']} attributes)",
               why or ([] if compared["datasets"] else ["no dataset compared"]))


def leftovers(d):
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(d, "*")))


def failure(tap, name, cmd, out_dir, want_code, want_text, count=None):
    """Runs CMD (a shell command line); it must exit WANT_CODE (any non-zero when None), say
    WANT_TEXT on stderr (COUNT times, when given) and leave OUT_DIR empty."""
    run = subprocess.run(["bash", "-c", cmd], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    why = []
    if (run.returncode == 0) if want_code is None else (run.returncode != want_code):
        why.append(f"exit {run.returncode}, wanted {want_code or 'non-zero'}")
    seen = run.stderr.count(want_text)
    if seen == 0 or (count is not None and seen != count):
        why.append(f"{want_text!r} said {seen} times on stderr, wanted {count or 'some'}")
    left = leftovers(out_dir)
    if left:
        why.append(f"left in the output folder: {left}")
    if why:
        why += ["stderr:", run.stderr[-3000:]]
    tap.result(not why, name, why)


def main():
    for exe in (CCSIM, CCSIM_MPI):
        if not os.access(os.path.join(ROOT, exe), os.X_OK):
            print(f"not ok 1 - {exe} is not built (make mpi)")
            return 1
    tap = Tap()
    with tempfile.TemporaryDirectory() as tmp:
        h5 = os.path.join(tmp, "r.h5")
        same_as_one_thread(tap, "run, the default scenario",
                           ["run", "scenarios/erlang-a.cfg", "--replications", "40", "-o", h5,
                            "--quiet"], [h5])
        same_as_one_thread(tap, "run, one-day.cfg with agent events, as the table prints",
                           ["run", "scenarios/one-day.cfg", "--replications", "6", "-o", h5,
                            "--intervals"], [h5], threads=2)
        same_as_one_thread(tap, "run, contact records and every replication's intervals",
                           ["run", "scenarios/day-profile.cfg", "--replications", "5",
                            "--set", "output.replications=\"intervals\"", "-o", h5, "--json"],
                           [h5])
        same_as_one_thread(tap, "run, 7 replications over 3 ranks (uneven), failover.cfg",
                           ["run", "scenarios/failover.cfg", "--replications", "7", "-o", h5,
                            "--quiet"], [h5], ranks=3)
        same_as_one_thread(tap, "run, long replications: 720 rows each, sent as they are added",
                           ["run", "scenarios/erlang-a.cfg", "--set", "interval=1m", "--set",
                            "horizon=12h", "--replications", "3", "-o", h5, "--quiet"], [h5])
        same_as_one_thread(tap, "run to a precision (batches decided as it goes)",
                           ["run", "scenarios/erlang-a.cfg", "--precision",
                            "service_level=0.02", "-o", h5, "--quiet"], [h5])
        same_as_one_thread(tap, "sweep, 3 points",
                           ["sweep", "scenarios/rona-study.cfg", "--vary",
                            "channels.voice.offer_timeout=5s,10s,20s", "--replications", "6",
                            "-o", h5], [h5])
        same_as_one_thread(tap, "sweep, 2 replications a point (one process runs 2 points at "
                           "once)", ["sweep", "scenarios/rona-study.cfg", "--vary",
                                     "channels.voice.offer_timeout=5s,10s,20s,30s",
                                     "--replications", "2", "-o", h5], [h5], threads=4)
        base, cand = os.path.join(tmp, "base.h5"), os.path.join(tmp, "cand.h5")
        same_as_one_thread(tap, "compare, two policies, gates",
                           ["compare", "scenarios/policy-comparison.cfg", "--base-set",
                            "routing.policy=longest_idle", "--candidate-set",
                            "routing.policy=priority", "--replications", "6", "--base-out",
                            base, "--candidate-out", cand, "--fail-if", "service_level < -1pt"],
                           [base, cand])
        csv = os.path.join(tmp, "staff")
        same_as_one_thread(tap, "staff, a search of many runs",
                           ["staff", "scenarios/one-day.cfg", "--target",
                            "sales.service_level>=0.80", "--groups", "sales", "--replications",
                            "6", "-o", h5, "--csv", csv, "--quiet"],
                           [h5, os.path.join(csv, "staff.csv")])

        out = os.path.join(tmp, "out")
        os.makedirs(out)
        target = os.path.join(out, "r.h5")
        mpi = " ".join(shlex.quote(a) for a in mpirun(2))
        exe = shlex.quote(CCSIM_MPI)
        failure(tap, "a bad scenario: every rank stops before the fan-out, exit 2, said once",
                f"{mpi} {exe} run scenarios/erlang-a.cfg --set seed=-1 -o {target}", out, 2,
                "seed", count=1)
        # Rank 0 alone cannot write past 256 KiB: the run fails on it, mid-run.
        one = f"-np 1 {exe} run scenarios/one-day.cfg --replications 40 -o {target} --quiet"
        failure(tap, "an I/O failure on rank 0 ends every rank, no file left",
                f"{mpi.replace(' -np 2', '')} -np 1 bash -c 'ulimit -f 256; trap \"\" XFSZ; "
                f"exec {exe} run scenarios/one-day.cfg --replications 40 -o {target} --quiet' "
                f": {one}", out, None, "File too large")
        failure(tap, "a failure on rank 1 alone ends every rank, named, no file left",
                f"{mpi.replace(' -np 2', '')} -np 1 {exe} run scenarios/one-day.cfg "
                f"--replications 40 -o {target} --quiet : -np 1 {exe} run "
                f"scenarios/one-day.cfg --replications 40 -o {target} --quiet "
                f"--set no_such_setting=1", out, 2, "rank 1: ")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
