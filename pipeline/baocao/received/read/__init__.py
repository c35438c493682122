"""A received file read into paragraphs and tables, each at its place: what a file is (`files`),
the model (`blocks`), text and Markdown (`text`), Word (`docx`)."""
