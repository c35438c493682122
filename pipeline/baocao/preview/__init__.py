"""`baocao xem`: a document's pages and problems in the browser, updated on every save.

One process stays running: it watches the document's folder (`watch`), checks and builds it
again on each save, the latest save winning (`session`), shows the pages as LibreOffice lays
them out, kept warm (`office`), or an HTML rendering of the same document without it (`html`,
`css`), with every problem and where each amount comes from (`provenance`), and serves all of it
on 127.0.0.1 to the page (`server`, `static/`). `app` starts and stops the whole.
"""
