#!/usr/bin/python3
"""README.md's sample of `make run` is what the default scenario prints today.

Runs ccsim (CCSIM, else ./ccsim) on scenarios/erlang-a.cfg as `make run` does, writing to a
temporary file, and compares its terminal summary with the indented block of README.md's
"Two commands" section (the results path aside). Prints TAP: one test.
"""

import os
import re
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
        return 0
    print("not ok 1 - README's sample of make run matches the default scenario's output")
    print(f"# ccsim exit {run.returncode}; README.md says:")
    for l in want.split("\n"):
        print("#   " + l)
    print("# ccsim prints:")
    for l in got.split("\n"):
        print("#   " + l)
    return 1


if __name__ == "__main__":
    sys.exit(main())
