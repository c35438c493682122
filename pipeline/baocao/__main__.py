"""`python -m baocao` runs the same command line as `baocao`."""

from baocao.cli import run

run()
