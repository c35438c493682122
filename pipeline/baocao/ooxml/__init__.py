"""Office Open XML, the leaf every DOCX reader and writer of ours shares: imports nothing of ours.

Raw WordprocessingML lives here, behind named helpers, and nowhere else: `namespaces` (one table,
and `qn`), `elements` (parsing, serializing, elements made and placed in schema order, `schema`),
`values` (on/off toggles, numbers, measures), `text` (a run's and a paragraph's text), `tables`
(the grid: spans, merges, short rows), `paragraphs`, `sections`, `styles`, `borders`, `settings`,
`properties` (core properties), and `opc` (content types and relationships). The DOCX writer
(baocao.docx) writes and reads through it.
"""
