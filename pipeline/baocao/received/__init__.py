"""The second product: documents baocao did not build, checked (`baocao soat`) and imported
(`baocao nhap`).

Its own one-way path: `read` turns a DOCX, Markdown or text file into paragraphs and tables at
the places a person counts; `soat` checks them (amounts in words, sums, tables) with the budget
model of the build path; `nhap` writes what was read and found as a document folder of content/,
which the build path then reads like any other.
"""
