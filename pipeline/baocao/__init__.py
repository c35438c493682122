"""baocao: Vietnamese commune documents from Markdown to a DOCX in the form of Nghị định 30/2020.

One sub-package per stage, and data flows one way through them:
parse (Document) → resolve (Resolution) → render (pandoc's JSON AST) → docx (pandoc, then the
finishing pass). `money` is the leaf they share; `build` runs the stages and `cli` is the command
line; `review` (baocao diff, text) and `tools` (baocao new, make bench) stand aside.
"""

import sys

# Compiled code kept between runs, even where the environment turns it off: modules' .pyc, the
# methods dataclasses generate and regular expressions (baocao.compiled). Compiling them
# anew would cost every command a good part of its time. (Nothing is written where a folder is
# read-only.)
sys.dont_write_bytecode = False

from baocao import compiled  # noqa: E402  (once .pyc files are written)

compiled.keep_compiled()

__version__ = "0.1.0"
