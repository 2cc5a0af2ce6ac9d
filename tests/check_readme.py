#!/usr/bin/python3
"""README.md's sample of `make run` is what the default scenario prints today, and the sweep
of "A RONA study" runs as written.

Runs ccsim (CCSIM, else ./ccsim) on scenarios/erlang-a.cfg as `make run` does, writing to a
temporary file, and compares its terminal summary with the indented block of README.md's
"Two commands" section (the results path aside). Then runs the `./ccsim sweep` command of
"A RONA study" as written (its file to a temporary directory) and checks that it prints one
row per timeout. Prints TAP: two tests.
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = "scenarios/erlang-a.cfg"
README_PATH = "results/erlang-a.h5"


def readme_sample():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"((?:\n    [^\n]*|\n)+)", section)
    sample = [b for b in blocks if "results: " in b]
    if len(sample) != 1:
        sys.exit("README.md: no single sample block with 'results: ' under '## Two commands'")
    lines = [l[4:] for l in sample[0].strip("\n").split("\n")]
    return "\n".join(lines).strip("\n")


def readme_sweep():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = text.split("## A RONA study", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"\n    (\./ccsim sweep (?:\\\n|[^\n])*)", section)
    if not found:
        sys.exit("README.md: no './ccsim sweep' command under '## A RONA study'")
    return shlex.split(found.group(1).replace("\\\n", " "))


def check_sweep(ccsim):
    name = "README's RONA study sweep runs as written, one row per timeout"
    args = readme_sweep()
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run([ccsim] + args[1:] + ["-o", os.path.join(tmp, "sweep.h5")],
                             cwd=ROOT, capture_output=True, text=True)
    rows = [l for l in run.stdout.split("\n") if re.match(r"\d+ +\d+s ", l)]
    if run.returncode == 0 and len(rows) == 5:
        print(f"ok 2 - {name}")
        return 0
    print(f"not ok 2 - {name}")
    print(f"# ccsim exit {run.returncode}; it printed:")
    for l in (run.stdout + run.stderr).split("\n"):
        print("#   " + l)
    return 1


def main():
    ccsim = os.environ.get("CCSIM", "./ccsim")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "erlang-a.h5")
        run = subprocess.run([ccsim, "run", SCENARIO, "-o", out], cwd=ROOT,
                             capture_output=True, text=True)
        got = run.stdout.replace(out, README_PATH).strip("\n")
    want = readme_sample()
    if run.returncode == 0 and got == want:
        print("ok 1 - README's sample of make run matches the default scenario's output")
        return check_sweep(ccsim)
    print("not ok 1 - README's sample of make run matches the default scenario's output")
    print(f"# ccsim exit {run.returncode}; README.md says:")
    for l in want.split("\n"):
        print("#   " + l)
    print("# ccsim prints:")
    for l in got.split("\n"):
        print("#   " + l)
    check_sweep(ccsim)
    return 1


if __name__ == "__main__":
    sys.exit(main())
