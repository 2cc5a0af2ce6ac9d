#!/usr/bin/python3
"""The source layout's rules, checked on the tree (DESIGN.md, "Layout"):

- sim/ includes nothing from models/: the engine is readable alone;
- no .c file is over MAX_LINES lines;
- the include graph between folders (sim, models, models/scenario, models/center...) has no
  cycle: each layer includes only those below it. Cycles inside one folder (the model of one
  replication) are allowed.

Run by `make test` through tests/run.sh, which counts it as one test: it prints TAP ("ok 1"
or "not ok 1" and the reasons as "#" lines) and exits non-zero on a failure.
`tests/check_layout.py --graph` prints the folder graph instead: one line per edge,
"FROM -> TO (N includes)", and the folders in an order where each comes after those it
includes. Run from anywhere; it reads the repository this file is in.
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_DIRS = ["sim", "models", "tests"]
MAX_LINES = 1000

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def sources():
    """Every .c, .h and .inc file under SOURCE_DIRS, as a path relative to ROOT."""
    out = []
    for top in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith((".c", ".h", ".inc")):
                    out.append(os.path.relpath(os.path.join(dirpath, name), ROOT))
    return out


def resolve(path, target):
    """The file a quoted include of TARGET in PATH reads: beside PATH first, then from the
    root (the build's -I.); None when neither exists."""
    for base in (os.path.dirname(path), ""):
        cand = os.path.normpath(os.path.join(base, target))
        if os.path.isfile(os.path.join(ROOT, cand)):
            return cand
    return None


def folder(path):
    return os.path.dirname(path) or "."


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
        return f.read()


def cycles(edges):
    """The strongly connected components of more than one node (Tarjan), each sorted: the
    groups of folders that include each other, directly or not."""
    nodes = sorted(set(edges) | {b for outs in edges.values() for b in outs})
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(n):
        index[n] = low[n] = len(index)
        stack.append(n)
        on_stack.add(n)
        for m in sorted(edges.get(n, ())):
            if m not in index:
                visit(m)
                low[n] = min(low[n], low[m])
            elif m in on_stack:
                low[n] = min(low[n], index[m])
        if low[n] == index[n]:
            comp = []
            while True:
                m = stack.pop()
                on_stack.discard(m)
                comp.append(m)
                if m == n:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for n in nodes:
        if n not in index:
            visit(n)
    return sorted(out)


def layers(edges):
    """The folders, each after those it includes (the graph having no cycle)."""
    nodes = sorted(set(edges) | {b for outs in edges.values() for b in outs})
    done, order = set(), []
    while len(order) < len(nodes):
        ready = [n for n in nodes if n not in done and set(edges.get(n, ())) <= done]
        if not ready:
            break
        order.extend(ready)
        done.update(ready)
    return order


def main(argv):
    problems = []
    counts = {}  # (from folder, to folder) -> includes
    for path in sources():
        text = read(path)
        for target in INCLUDE.findall(text):
            dest = resolve(path, target)
            if dest is None:
                problems.append(f'{path}: includes "{target}", which is no file of the tree')
                continue
            if path.startswith("sim/") and dest.startswith("models/"):
                problems.append(f'{path}: the engine includes "{target}" from models/')
            a, b = folder(path), folder(dest)
            if a != b:
                counts[(a, b)] = counts.get((a, b), 0) + 1
        if path.endswith(".c"):
            lines = text.count("\n")
            if lines > MAX_LINES:
                problems.append(f"{path}: {lines} lines, over {MAX_LINES}")

    # The layering is that of the engine and the model: the tests include every layer and
    # nothing includes them, so they stay out of the graph.
    edges, shown = {}, []
    for (a, b) in sorted(counts):
        if a.split("/")[0] == "tests" or b.split("/")[0] == "tests":
            continue
        shown.append((a, b))
        edges.setdefault(a, set()).add(b)
    found = cycles(edges)
    for comp in found:
        within = [f"{a} -> {b}" for a in comp for b in sorted(edges.get(a, ())) if b in comp]
        problems.append("folders that include each other: " + ", ".join(within))

    if "--graph" in argv:
        for (a, b) in shown:
            print(f"{a} -> {b} ({counts[(a, b)]} includes)")
        if not found:
            print("layers, lowest first: " + ", ".join(layers(edges)))
        for p in problems:
            print(f"problem: {p}")
        return 1 if problems else 0

    print("1..1")
    if problems:
        print("not ok 1 - source layout")
        for p in problems:
            print(f"# {p}")
    else:
        print(f"ok 1 - source layout: sim/ alone, .c files within {MAX_LINES} lines, "
              "no cycle between folders")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
