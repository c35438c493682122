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

# ---- BC0xx: the document's files and folders ------------------------------------------------
PART_NOT_A_FILE = Code("BC001")  # a numbered part that is a folder, a FIFO, a device: not read
LINKED_PART = Code("BC002")  # a numbered part that is a symbolic link: never followed
LINKED_DOCUMENT = Code("BC003")  # a document folder that is a symbolic link: never followed
UNREADABLE_PART = Code("BC004")  # a part the system will not let us read (rights, disk…)
PART_TOO_BIG = Code("BC005")  # a part over 2 MB or 20.000 lines: not a document's text
NOT_UTF8 = Code("BC006")  # a part not saved as UTF-8
NO_FRONT_MATTER = Code("BC007")  # the first part does not open with its "---" front matter
LATER_FRONT_MATTER = Code("BC008")  # a "---" front matter in a part after the first


# ---- BC1xx: the front matter ----------------------------------------------------------------
YAML_SYNTAX = Code("BC101")  # YAML that cannot be read: indentation, a missing colon, "---"…
YAML_QUOTES = Code("BC102")  # a value YAML misreads unless quoted: ": " in it, "*", "@", "!"…
YAML_UNCLOSED = Code("BC103")  # a quote or a bracket opened and never closed
YAML_BACKSLASH = Code("BC104")  # a "\" inside double quotes that escapes nothing
YAML_TAB = Code("BC105")  # a tab where YAML wants spaces
CONTROL_CHARACTER = Code("BC106")  # an invisible control character, often pasted
DUPLICATE_KEY = Code("BC107")  # a key written twice in one group
TOO_DEEP = Code("BC108")  # lists and groups nested deeper than MAX_DEPTH
NUMBER_TOO_LONG = Code("BC109")  # an integer of more than MAX_DIGITS digits
NOT_KEYS = Code("BC110")  # a front matter that is not "key: value" lines
UNKNOWN_KEY = Code("BC111")  # a key the schema does not have (a typo, most often)
MISSING_KEY = Code("BC112")  # a key the document (or its kind) requires is missing or empty
WRONG_VALUE = Code("BC113")  # a value of the wrong shape: a list for a line, text for a number…
BAD_DATE = Code("BC114")  # `ngay` that is no date, or no real one
BAD_WORDS_STYLE = Code("BC115")  # `chu_so` options that are not ways of reading numbers
BAD_ORIENTATION = Code("BC116")  # `phu_luc.huong` neither "doc" nor "ngang"


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
CELL_TOO_LARGE = Code("BC324")  # a table cell's figure of more than 30 digits, or above 10^18 đồng
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
FORMULA_NONSENSE = Code("BC335")  # a formula giving one value on every row: (3)/(3), (3)-(3)
DIVISION_BY_ZERO = Code("BC336")  # a formula dividing a figure by a cell that is 0 or empty
PERCENT_STALE = Code("BC337")  # a typed percent the other columns of its row do not give


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
UNACCOUNTED_AMOUNT = Code("BC508", warning=True)  # a typed figure no citation, id or table holds
NEAR_MISS = Code("BC509")  # a typed figure one slip away from a table's: a digit, ×10, under 1 %
LABELLED_TOTAL = Code("BC510")  # "tổng kinh phí" before a figure that is not the table's total
PROSE_PERCENT = Code("BC511")  # a percent typed beside two cited amounts that they do not give


# ---- BC6xx: the form of each kind -----------------------------------------------------------
NO_ARTICLES = Code("BC601")  # a kind made of articles ("Điều 1.") with none
UPWARD_WITHOUT_TO = Code("BC602", warning=True)  # sent upward, "(b/c)", without Kính gửi
TO_NOT_USED = Code("BC603", warning=True)  # a Kính gửi in a kind that lists Nơi nhận only
ARTICLE_NUMBER = Code("BC604")  # "Điều 3." out of sequence, or given twice
CLAUSE_NUMBER = Code("BC605")  # a khoản "2." or a điểm "b)" out of sequence in its article
HEADING_NUMBER = Code("BC606")  # a heading's number that skips or repeats ("I.", "III.")
APPENDIX_NUMBER = Code("BC607")  # "Phụ lục 01", or a number its place does not give
AS_ARTICLE_MISSING = Code("BC608")  # "Như Điều 3" among the recipients, and no Điều 3
SYMBOL_KIND = Code("BC609", warning=True)  # a ký hiệu whose type code contradicts `loai`
PLACEHOLDER = Code("BC610", draft=True)  # a "…" still standing where a word should be


# ---- BC7xx: received documents --------------------------------------------------------------
# soat's own findings across a received document's prose (received/soat/prose.py); what the
# build path's checks find there keeps their codes (BC3xx, BC5xx)
LIST_SUM = Code("BC701")  # a list's items do not add up to the amount announcing them ("gồm:")
LIST_PART_OVER = Code("BC702")  # a "trong đó:" list's items add up to more than its whole
STATED_TOTAL = Code("BC703", warning=True)  # a "tổng kinh phí" no sum of its section's items
ITEM_TWO_AMOUNTS = Code("BC704")  # an item named twice in the prose, with two amounts
ITEM_ROW_AMOUNT = Code("BC705")  # an item of the prose with another amount in its table row
# received tables (received/soat/tables.py): what a table typed in Word has and baocao's cannot
RECEIVED_SHORT_ROW = Code("BC750")  # a received table's row with fewer cells than the table
RECEIVED_GLUED_CODE = Code("BC751")  # a TT code typed in the name's cell, the two cells merged
RECEIVED_UNREAD = Code("BC760", warning=True)  # content imported from a part baocao cannot read


def known() -> dict[str, Code]:
    """Every code of this module, by its text ("BC301")."""
    return {value.code: value for value in globals().values() if isinstance(value, Code)}
