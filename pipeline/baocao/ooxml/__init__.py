"""Office Open XML, the leaf every DOCX reader and writer of ours shares: imports nothing of ours.

Raw WordprocessingML lives here, behind named helpers, and nowhere else: `namespaces` (one table,
and `qn`), `elements` (parsing, serializing, elements made and placed in schema order, `schema`),
`values` (on/off toggles, numbers, measures), `text` (a run's and a paragraph's text), `tables`
(the grid: spans, merges, short rows), `paragraphs`, `sections`, `styles`, `borders`, `settings`,
`properties` (core properties), `opc` (content types and relationships), `numbering` (Word's
lists), `archive` (the zip, read safely within limits) and `limits` (how much Word XML a
document may hold: paragraphs, runs, spans, list starts, nested tables). The finishing pass
(baocao.docx) and the received-document reader (baocao.received.read) both read through it.
"""
