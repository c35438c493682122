"""`baocao soat`: every check run on a received document (`check`), its budget-like tables
(`tables`) and its prose totals (`prose`), and the command's report of each file (`review`)."""
