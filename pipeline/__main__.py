"""`python -m pipeline` runs the same command line as `baocao`."""

from pipeline.cli import run

run()
