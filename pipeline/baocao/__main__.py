"""`python -m baocao` runs the same command line as `baocao`."""

from baocao.cli import run

# A process `baocao build` starts by spawning (Windows' and macOS' way) imports this module again
# under another name; it must not run the command line a second time.
if __name__ == "__main__":
    run()
