"""Parse stage: a document folder into front matter and typed blocks, each at its file:line."""
