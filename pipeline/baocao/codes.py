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


def known() -> dict[str, Code]:
    """Every code of this module, by its text ("BC301")."""
    return {value.code: value for value in globals().values() if isinstance(value, Code)}
