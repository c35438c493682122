"""baocao: Vietnamese commune reports from Markdown to an ND30-formatted DOCX.

The stages are modules, and data flows one way through them:
parse → resolve → render → convert (pandoc) → finish (python-docx); `build` runs them in order.
"""

__version__ = "0.1.0"
