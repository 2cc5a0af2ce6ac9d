#!/usr/bin/python3
"""Rewrites the settings tables of a README from the schema: every region between
"<!-- settings: SECTION -->" and "<!-- end settings -->" becomes what
`ccsim check --settings --markdown` prints for SECTION. Usage: settings-doc.py CCSIM README
(tests/test_schema.c fails when the README's tables and the schema disagree)."""
import re
import subprocess
import sys

ccsim, readme = sys.argv[1], sys.argv[2]
out = subprocess.run([ccsim, "check", "--settings", "--markdown"], check=True,
                     capture_output=True, text=True).stdout
block = re.compile(r"<!-- settings: ([^\n]*?) -->\n(.*?)<!-- end settings -->\n", re.S)
tables = {m.group(1): m.group(0) for m in block.finditer(out)}
text = open(readme).read()
seen = set()


def table(m):
    seen.add(m.group(1))
    if m.group(1) not in tables:
        sys.exit("%s: no settings section %r in the schema" % (readme, m.group(1)))
    return tables[m.group(1)]


new = block.sub(table, text)
missing = sorted(set(tables) - seen)
if missing:
    sys.exit("%s: no region for the settings sections %s" % (readme, ", ".join(missing)))
if new != text:
    open(readme, "w").write(new)
    print("%s: settings tables rewritten" % readme)
