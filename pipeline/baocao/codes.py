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
UNSUPPORTED_BLOCK = Code("BC201")  # a code block, a quote, HTML or a rule in the content
TABLE_WITHOUT_DECLARATION = Code("BC202")  # a budget table (or "|" lines) with no "Đơn vị:" line
DECLARATION_WITHOUT_TABLE = Code("BC203")  # a "Đơn vị: … {#id}" line with no table under it
PLAIN_ROW_WIDTH = Code("BC204")  # a plain table's row with more or fewer cells than its header


# ---- BC3xx: budget tables -------------------------------------------------------------------
ROW_WIDTH = Code("BC301")  # a row with more or fewer cells than the table has columns
TABLE_ID = Code("BC302")  # the declaration's table id is missing or not an id
TABLE_UNIT = Code("BC303")  # the declaration's unit is neither money, a count nor "%"
UNKNOWN_OPTION = Code("BC304")  # a declaration option that does not exist
OPTION_VALUE = Code("BC305")  # a declaration option with a value it cannot take
OPTION_COLUMN = Code("BC306")  # an option for a column, "thap_phan(9)=1", the table lacks
MAIN_COLUMN = Code("BC307")  # "cot=N" names no column, or one that holds no money
TABLE_TOO_SHORT = Code("BC308")  # a table without its header row and its "|---|" line
DELIMITER_ROW = Code("BC309")  # the "|---|" line under the header is not one "---" per column
NO_NUMBER_ROW = Code("BC310")  # no column-number row, "| A | B | (1) |", under the header
HEADER_MERGE = Code("BC311")  # a "<" or "^" with nothing to join, or joined cells no rectangle
TEXT_COLUMNS = Code("BC312")  # the first two columns (TT, name) numbered as figures
DUPLICATE_COLUMN = Code("BC313")  # a column number given twice
FORMULA_SYNTAX = Code("BC314")  # a column formula that cannot be read
FORMULA_REFERENCE = Code("BC315")  # a formula reading its own column or one the table lacks
FORMULA_CYCLE = Code("BC316")  # formulas computed from each other in a circle
FORMULA_KIND = Code("BC317")  # a formula giving another kind of figure than its column holds
NO_ROWS = Code("BC318")  # a table without a data row
ROW_CODE = Code("BC319")  # a row whose TT code cannot be read, or without code or marker
OWN_TOTAL = Code("BC320")  # "#" before the total row's "=": the total is always a sum
ROW_ID = Code("BC321")  # a row's {#id} that is not an id
DUPLICATE_ROW_ID = Code("BC322")  # one row id given to two rows of a table
FIGURE_FORMAT = Code("BC323")  # a figure cell that holds no number written the Vietnamese way
FIGURE_TOO_LARGE = Code("BC324")  # a figure of more than 30 digits, or above 10^18 đồng
FIGURE_DECIMALS = Code("BC325")  # a figure with more decimals than its column allows
TWO_TOTALS = Code("BC326")  # a second "=" row
MARKER_PARENT = Code("BC327")  # a "+IV" or "++" row whose parent is not found above
REMAINDER_PLACE = Code("BC328")  # a "?" where no rest can be: total row, unsummed column, twice
REMAINDER_WITHOUT_TOTAL = Code("BC329")  # a "?" whose parent has no typed total
REMAINDER_NEGATIVE = Code("BC330")  # items adding up to more than their parent's typed total
PARENT_SUM = Code("BC331")  # a typed parent figure that is not its items' sum
WRONG_FIGURE = Code("BC332")  # the one figure that puts the totals above it out
FORMULA_MISMATCH = Code("BC333")  # a typed figure its column's formula does not give
FIGURE_SCALE = Code("BC334", warning=True)  # a figure 1.000 times off its siblings, or its unit


# ---- BC4xx: ids, citations, declared amounts, cited documents -------------------------------


# ---- BC5xx: amounts and their words in prose ------------------------------------------------


# ---- BC6xx: the form of each kind -----------------------------------------------------------


# ---- BC7xx: received documents --------------------------------------------------------------
RECEIVED_SHORT_ROW = Code("BC750")  # a received table's row with fewer cells than the table
RECEIVED_GLUED_CODE = Code("BC751")  # a TT code typed in the name's cell, the two cells merged


def known() -> dict[str, Code]:
    """Every code of this module, by its text ("BC301")."""
    return {value.code: value for value in globals().values() if isinstance(value, Code)}
