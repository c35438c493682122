"""`python -m pipeline` runs the same command line as `baocao`."""

from pipeline.cli import main

raise SystemExit(main())
