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

CITATION_SYNTAX = Code("BC401")  # a `{{ … }}` not written as a call with ids in quotes
UNKNOWN_FUNCTION = Code("BC402")  # a citation calls another function than tien, so, chu, tien_chu
CITATION_ARGUMENTS = Code("BC403")  # ids, unit, decimals of a citation missing or out of order
ID_SYNTAX = Code("BC404")  # an id, or a document name before ":", that breaks the id rule
STRAY_MARK = Code("BC405")  # a `{{`, `}}` or `{%` with no citation around it
RELATION_SYNTAX = Code("BC406")  # `{#id = …}` with no id between its "+" signs
TAG_WITHOUT_AMOUNT = Code("BC407")  # a `{#id}` tag that does not follow an amount
DUPLICATE_ID = Code("BC408")  # an id declared twice (prose amounts, tables)
RELATION_MISMATCH = Code("BC409")  # `{#id = a + b}`: the declared amount is not the sum
RELATION_SELF = Code("BC410")  # `{#id = …}` names itself among its terms
UNKNOWN_ID = Code("BC411")  # no amount has the id cited (here or in the cited document)
COLUMN_NEEDED = Code("BC412")  # a row of a table with several amount columns, cited without one
COUNTED_TWICE = Code("BC413")  # one amount added twice: the same id, or a row and its parent
EMPTY_CELL = Code("BC414")  # the cited cell of a table is empty
NOT_MONEY = Code("BC415")  # a count or a percent cited as money, or given a unit of money
UNITS_DIFFER = Code("BC416")  # so(…) adds amounts it cannot print in one unit
SUM_TOO_LARGE = Code("BC417")  # the amounts a citation adds up pass 10^18 đồng
DOCUMENT_NOT_FOUND = Code("BC418")  # the cited document is not in the content folder
DOCUMENT_LINKED = Code("BC419")  # the cited document's folder is a symbolic link
CITED_DOCUMENT_ERRORS = Code("BC420")  # the cited document has errors of its own
CITATION_CYCLE = Code("BC421")  # documents cite each other's amounts in a ring


# ---- BC5xx: amounts and their words in prose ------------------------------------------------

WORDS_MISMATCH = Code("BC501")  # the words state another amount than the figure before them
WORDS_MISSPELT = Code("BC502")  # the words are misspelt (a wrong number word, "năm" for "lăm")
WORDS_VARIANT = Code("BC503", warning=True)  # right amount, another spelling than the document's
WORDS_UNREADABLE = Code("BC504", warning=True)  # words after a figure that cannot be read
WORDS_WITHOUT_FIGURE = Code("BC505", warning=True)  # "Bằng chữ: …" with no figure before it
RETYPED_AMOUNT = Code("BC506", warning=True)  # a figure typed by hand that an id already holds
FIGURE_TOO_LARGE = Code("BC507")  # a figure past baocao's limits (30 digits, 10^18 đồng)


# ---- BC6xx: the form of each kind -----------------------------------------------------------


# ---- BC7xx: received documents --------------------------------------------------------------


def known() -> dict[str, Code]:
    """Every code of this module, by its text ("BC301")."""
    return {value.code: value for value in globals().values() if isinstance(value, Code)}
