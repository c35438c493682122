"""Every kind of problem baocao reports, by its stable code: `BC` and three digits, as a linter's
rule codes are. docs/ma-loi.md lists each one with an example and its fix (a test keeps the two
lists equal); a code, once given, is never reused for another problem.

The hundreds group the problems by what they are about:

    BC0xx  the document's files and folders
    BC1xx  the front matter
    BC2xx  Markdown blocks: what the content may not hold, plain tables, lists
    BC3xx  budget tables: declaration, header, columns and formulas, rows, figures, sums
    BC4xx  ids, citations of amounts, declared amounts, cited documents
    BC5xx  amounts and their words in prose
    BC6xx  the form of each kind (Nghị định 30): required parts, articles, headings, appendices,
           placeholders still to fill
    BC7xx  received documents (baocao soat, baocao nhap)
"""

from baocao.problems import Code

# ---- transitional: problems not yet given their own code (none remains when this lands) ----
UNSORTED = Code("BC990")
UNSORTED_WARNING = Code("BC991", warning=True)
UNSORTED_DRAFT = Code("BC992", draft=True)


# ---- BC0xx: the document's files and folders ------------------------------------------------


# ---- BC1xx: the front matter ----------------------------------------------------------------


# ---- BC2xx: Markdown blocks -----------------------------------------------------------------


# ---- BC3xx: budget tables -------------------------------------------------------------------


# ---- BC4xx: ids, citations, declared amounts, cited documents -------------------------------


# ---- BC5xx: amounts and their words in prose ------------------------------------------------


# ---- BC6xx: the form of each kind -----------------------------------------------------------


# ---- BC7xx: received documents --------------------------------------------------------------
# soat's own findings across a received document's prose (received/soat/prose.py); what the
# build path's checks find there keeps their codes (BC3xx, BC5xx)
LIST_SUM = Code("BC701")  # a list's items do not add up to the amount announcing them ("gồm:")
LIST_PART_OVER = Code("BC702")  # a "trong đó:" list's items add up to more than its whole
STATED_TOTAL = Code("BC703", warning=True)  # a "tổng kinh phí" no sum of its section's items
ITEM_TWO_AMOUNTS = Code("BC704")  # an item named twice in the prose, with two amounts
ITEM_ROW_AMOUNT = Code("BC705")  # an item of the prose with another amount in its table row


def known() -> dict[str, Code]:
    """Every code of this module, by its text ("BC301")."""
    return {value.code: value for value in globals().values() if isinstance(value, Code)}
