"""What the notebook generators of notebooks-export/src/ share: the cells as they are added,
the notebook with its metadata (kernel, and the figures it must produce for run.py), and
writing it.

    from nbgen import NotebookCells
    nb_cells = NotebookCells()
    nb_cells.md(r'''# Title ...''')
    nb_cells.code(r'''import xarray as xr ...''')
    nb = nb_cells.notebook(figures=4)
"""
import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


class NotebookCells:
    def __init__(self):
        self.cells = []

    def md(self, text):
        self.cells.append(new_markdown_cell(text.strip()))

    def code(self, text):
        self.cells.append(new_code_cell(text.strip()))

    def notebook(self, figures):
        """The notebook of the cells so far; FIGURES is how many figures it must produce."""
        nb = new_notebook(cells=self.cells)
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
