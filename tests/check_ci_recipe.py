#!/usr/bin/python3
"""README.md's CI gate runs as written and exits as it says.

Takes the ```sh block of README.md's "A CI gate" section, and runs it with bash in a
temporary directory holding a copy of scenarios/ci-gate.cfg, CCSIM (else ./ccsim) as the
built binary and GITHUB_STEP_SUMMARY unset (so the Markdown goes to ccsim-gate.md):
  (a) the candidate policy equal to the base's: exit 0;
  (b) longest_waiting, a real regression of VIP service level: exit 3, and the Markdown
      report says a gate failed;
  (c) a policy that does not exist: exit 2 (an error, not a pass).
Prints TAP: one test per case.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTION = "## A CI gate"


def recipe():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    if SECTION not in text:
        sys.exit("README.md: no section '%s'" % SECTION)
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```$", section, re.S | re.M)
    if len(blocks) != 1:
        sys.exit("README.md: no single ```sh block under '%s'" % SECTION)
    return blocks[0]


def base_policy():
    cfg = open(os.path.join(ROOT, "scenarios/ci-gate.cfg"), encoding="utf-8").read()
    return re.search(r'^routing = \{ policy = "([a-z_]+)"', cfg, re.M).group(1)


def run(script, ccsim, policy):
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "scenarios"))
        shutil.copy(os.path.join(ROOT, "scenarios/ci-gate.cfg"), os.path.join(tmp, "scenarios"))
        path = os.path.join(tmp, "ci-gate.sh")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
        env.update(CCSIM=ccsim, CANDIDATE_POLICY=policy)
        p = subprocess.run(["bash", path], cwd=tmp, env=env, capture_output=True, text=True)
        summary = os.path.join(tmp, "ccsim-gate.md")
        md = open(summary, encoding="utf-8").read() if os.path.exists(summary) else ""
        return p.returncode, p.stdout + p.stderr, md


def main():
    ccsim = os.path.abspath(os.path.join(ROOT, os.environ.get("CCSIM", "./ccsim")))
    script = recipe()
    cases = [
        ("candidate = base (%s) passes" % base_policy(), base_policy(), 0, "no gate failed"),
        ("longest_waiting, a regression, fails the gate", "longest_waiting", 3, "a gate failed"),
        ("an unknown policy is an error, not a pass", "no_such_policy", 2, None),
    ]
    failed = 0
    for i, (name, policy, want, md_says) in enumerate(cases, 1):
        rc, out, md = run(script, ccsim, policy)
        ok = rc == want and (md_says is None or md_says in md)
        print("%s %d - README's CI gate: %s (exit %d)" % ("ok" if ok else "not ok", i, name, rc))
        if not ok:
            failed += 1
            print("# wanted exit %d%s; output:" % (want, "" if md_says is None else
                                                    ", Markdown saying '%s'" % md_says))
            for line in (out + md[:2000]).splitlines():
                print("#   " + line)
    print("1..%d" % len(cases))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
