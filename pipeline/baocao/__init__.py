"""baocao: Vietnamese commune documents from Markdown to a DOCX in the form of Nghị định 30/2020.

One sub-package per stage, and data flows one way through them:
parse (Document) → resolve (Resolution) → render (pandoc's JSON AST) → docx (pandoc, then the
finishing pass). `money` is the leaf they share; `build` runs the stages and `cli` is the command
line; `review` (baocao diff, text) and `tools` (baocao new, make bench) stand aside.
"""

__version__ = "0.1.0"
