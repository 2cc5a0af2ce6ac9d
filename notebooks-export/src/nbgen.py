"""What the notebook generators of notebooks-export/src/ share: the cells as they are added,
the notebook with its metadata (kernel, and the figures it must produce for run.py), and
writing it.

    from nbgen import NotebookCells
    nb_cells = NotebookCells("validation")
    nb_cells.md(r'''# Title ...''')
    nb_cells.code(r'''import xarray as xr ...''')
    nb = nb_cells.notebook(figures=4)

The first code cell starts with PREAMBLE: it moves to the repository root (where ./ccsim and
scenarios/ are) wherever Jupyter was started, and makes OUT, the folder the notebook keeps its
results files in (results/notebooks/<name>/, ignored by git), so that they can be reopened
after the notebook has run.
"""
import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


RESULTS_DIR = "results/notebooks"

PREAMBLE = r'''import os
# Run from the repository root (./ccsim, scenarios/), wherever Jupyter was started.
while not (os.path.isdir("scenarios") and os.path.exists("Makefile")) and os.getcwd() != "/":
    os.chdir("..")
if not os.path.isdir("scenarios"):
    raise RuntimeError("start Jupyter inside the ccsim repository (this notebook runs ./ccsim)")
if not os.access("ccsim", os.X_OK):
    raise RuntimeError("./ccsim is not built: run make in the repository root first")
OUT = "%s/%s"   # this notebook's results files, kept to reopen
os.makedirs(OUT, exist_ok=True)
'''


class NotebookCells:
    def __init__(self, name):
        self.name = name
        self.cells = []

    def md(self, text):
        self.cells.append(new_markdown_cell(text.strip()))

    def code(self, text):
        text = text.strip()
        if not any(c.cell_type == "code" for c in self.cells):
            text = PREAMBLE % (RESULTS_DIR, self.name) + text
        self.cells.append(new_code_cell(text))

    def notebook(self, figures):
        """The notebook of the cells so far; FIGURES is how many figures it must produce."""
        nb = new_notebook(cells=self.cells)
        for k, c in enumerate(nb.cells):   # stable ids: regenerating changes no line
            c.id = f"{self.name}-{k}"
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nb.metadata["ccsim"] = {"figures": figures}
        return nb


def write(nb, name):
    """Writes NB, unexecuted, to notebooks-export/NAME.ipynb; executing and exporting are
    run.py's work."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        name + ".ipynb")
    nbformat.write(nb, path)
    print("wrote", path, f"(unexecuted; run notebooks-export/run.py {name} to execute it)")
