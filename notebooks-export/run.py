#!/usr/bin/python3
"""Executes the notebooks of notebooks-export/ and exports each to HTML (issue 17).

    /usr/bin/python3 notebooks-export/run.py [--check] [--timeout S] [NAME ...]

NAME is a notebook (validation, validation.ipynb or notebooks-export/validation.ipynb);
without one, every notebooks-export/*.ipynb. For each notebook, in order:

  1. when notebooks-export/src/<name>.py exists, the notebook is regenerated from it (loaded
     as a module; its `nb`);
  2. the notebook is executed with nbclient (kernel python3, cwd the repository root, so that
     it calls ./ccsim), with a timeout per cell;
  3. its image outputs are counted against metadata.ccsim.figures, the number of figures it
     declares it must produce;
  4. unless --check, the executed notebook is written back and exported to <name>.html with
     its figures embedded.

Exits 1 naming the notebook and cell when a cell errors, or when a notebook produces fewer
figures than it declares. With --check nothing is written, for CI. CCSIM_NB_REPLICATIONS passes
through to the notebooks. With CCSIM_NB_PNG_DIR set, each figure is also saved there as
<name>-<k>.png, to look at.
"""
import argparse
import base64
import os
import runpy
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

# the kernel's debugger otherwise warns about frozen modules on every start
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(HERE, "src")


def notebook_paths(names):
    if not names:
        return sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".ipynb"))
    out = []
    for n in names:
        base = os.path.basename(n)
        if base.endswith(".py"):
            base = base[:-3]
        if not base.endswith(".ipynb"):
            base += ".ipynb"
        out.append(os.path.join(HERE, base))
    return out


def count_images(nb):
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if any(k.startswith("image/") for k in o.get("data", {})))


def save_pngs(nb, name, where):
    """Writes NB's PNG outputs to WHERE/<name>-<k>.png (nothing when WHERE is unset)."""
    if not where:
        return
    os.makedirs(where, exist_ok=True)
    pngs = [o["data"]["image/png"] for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    for k, png in enumerate(pngs, 1):
        with open(os.path.join(where, f"{name}-{k}.png"), "wb") as f:
            f.write(base64.b64decode(png))


def coalesce_streams(nb):
    """Merges each code cell's consecutive outputs to the same stream, which the kernel splits
    by timing, so that rerunning a notebook changes only what the run changed."""
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        merged = []
        for o in c.get("outputs", []):
            if (merged and o.get("output_type") == "stream" and
                    merged[-1].get("output_type") == "stream" and merged[-1].name == o.name):
                merged[-1].text += o.text
            else:
                merged.append(o)
        c.outputs = merged


def failing_cell(nb):
    """The first code cell with an error output: (index among all cells, its first line)."""
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code":
            continue
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                first = c.source.strip().splitlines()[0] if c.source.strip() else ""
                return i, first, f"{o.get('ename')}: {o.get('evalue')}"
    return None


def run_one(path, check, timeout):
    name = os.path.splitext(os.path.basename(path))[0]
    rel = os.path.relpath(path, ROOT)
    gen = os.path.join(SRC, name + ".py")
    if os.path.exists(gen):
        # The generator is loaded, not run as a script: each builds its notebook as the
        # module-level `nb` (and only writes it, unexecuted, under __main__). Without --check
        # the regenerated notebook replaces <name>.ipynb.
        nb = runpy.run_path(gen, run_name="ccsim_notebook_generator").get("nb")
        if nb is None:
            return f"{os.path.relpath(gen, ROOT)}: defines no module-level `nb`"
        if not check:
            nbformat.write(nb, path)
    elif not os.path.exists(path):
        return f"{rel}: no such notebook"
    else:
        nb = nbformat.read(path, as_version=4)
    want = int(nb.metadata.get("ccsim", {}).get("figures", 0))
    start = time.monotonic()
    # record_timing off: no execution timestamps, so rerunning changes only what the run changed
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": ROOT}})
    try:
        client.execute()
    except CellTimeoutError as e:
        cell = failing_cell(nb)
        where = f"cell {cell[0] + 1}" if cell else "a cell"
        return f"{rel}: {where} timed out after {timeout} s: {str(e).splitlines()[0]}"
    except CellExecutionError as e:
        cell = failing_cell(nb)
        if cell:
            return f"{rel}: cell {cell[0] + 1} ({cell[1]!r}) failed: {cell[2]}"
        return f"{rel}: a cell failed: {str(e).strip().splitlines()[-1]}"
    secs = time.monotonic() - start
    got = count_images(nb)
    if got < want:
        return f"{rel}: {got} figures in its outputs, fewer than the {want} it declares"
    save_pngs(nb, name, os.environ.get("CCSIM_NB_PNG_DIR"))
    if not check:
        coalesce_streams(nb)
        nbformat.write(nb, path)
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        html = os.path.join(HERE, name + ".html")
        with open(html, "w") as f:
            f.write(body)
        print(f"{rel}: ok, {got} figures, {secs:.1f} s; wrote {os.path.relpath(html, ROOT)}")
    else:
        print(f"{rel}: ok, {got} figures, {secs:.1f} s (--check: nothing written)")
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help="notebooks to run (default: every one)")
    ap.add_argument("--check", action="store_true",
                    help="execute and check only; write nothing back (CI)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = ap.parse_args()
    if not os.access(os.path.join(ROOT, "ccsim"), os.X_OK):
        sys.exit("run.py: ./ccsim is not built (make ccsim)")
    failures = []
    for path in notebook_paths(args.names):
        err = run_one(path, args.check, args.timeout)
        if err:
            print("FAILED " + err, file=sys.stderr)
            failures.append(err)
    if failures:
        print(f"run.py: {len(failures)} notebook(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
