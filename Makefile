# baocao — build Vietnamese administrative reports from content/ into output/.
# Every target brings .venv up to date first, so `make report` and `make test` work on a fresh clone.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
OUT     ?= output
CONTENT ?= content

# One DOCX per folder in content/; each depends on its own files, the templates and the pipeline code.
DOCS    := $(patsubst $(CONTENT)/%/,%,$(sort $(dir $(wildcard $(CONTENT)/*/[0-9]*.md))))
DOCX    := $(DOCS:%=$(OUT)/%.docx)
BENCH_DOC ?= bao-cao-khcn-2027
ENGINE  := $(shell find pipeline -name "*.py") $(shell find templates -type f 2>/dev/null)

.DEFAULT_GOAL := report
.PHONY: report check test lint bench pdf textconv diff new clean help venv

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

report: $(DOCX)  ## build every document in content/ into output/<document>.docx

.SECONDEXPANSION:
$(OUT)/%.docx: $(STAMP) $(ENGINE) $$(shell find $(CONTENT)/$$* -type f)
	@$(BIN)/baocao build $* -o $(OUT) --content $(CONTENT)

# A document citing another's amounts ({{ tien("ke-hoach-2027:pl.camera") }}) also depends on that
# document's files: `baocao deps` writes those rules, again whenever a document is added, removed
# or edited. Only the goals that build DOCX read them. The outer $(wildcard) drops the pieces of a
# path with a space in it, which make cannot use.
DEPS := $(OUT)/.deps.mk
ifneq ($(filter report pdf $(OUT)/%,$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL))),)
-include $(DEPS)
endif
$(DEPS): $(STAMP) pipeline/tools/deps.py $(wildcard $(wildcard $(CONTENT) $(CONTENT)/*/ $(CONTENT)/*/[0-9]*.md))
	@$(BIN)/baocao deps --content $(CONTENT) -o $(OUT)

# PDFs through LibreOffice, for reading on screen; the DOCX stays the document that is sent.
SOFFICE := $(shell command -v soffice || command -v libreoffice)
pdf: $(DOCX:.docx=.pdf)  ## render output/*.pdf with LibreOffice, when installed

$(OUT)/%.pdf: $(OUT)/%.docx
	@test -n "$(SOFFICE)" || { echo "make pdf: chưa cài LibreOffice (apt-get install libreoffice-writer-nogui); hoặc mở $< bằng Word và lưu thành PDF." >&2; exit 2; }
	@$(SOFFICE) --headless --convert-to pdf --outdir $(OUT) $< >/dev/null 2>&1 || { echo "make pdf: LibreOffice không chuyển được $<" >&2; exit 1; }
	@echo "Đã in $@" >&2

textconv: $(STAMP)  ## let `git diff` show the text of DOCX files (this clone only)
	git config diff.docx.textconv "$(abspath $(BIN))/baocao text"
	git config diff.docx.cachetextconv true

check: $(STAMP)  ## check every document; each problem as file:line
	@$(BIN)/baocao check --content $(CONTENT)

diff: $(STAMP)  ## what this branch changes in money and in words, as Markdown (baocao diff)
	@$(BIN)/baocao diff --content $(CONTENT)

new: $(STAMP)  ## start a new document: make new TEN=bao-cao-quy-3-2027 [LOAI=quyet-dinh|nghi-quyet|to-trinh|ke-hoach|thong-bao|cong-van|giay-moi|bien-ban|bao-cao]
	@$(BIN)/baocao new "$(TEN)" --loai "$(or $(LOAI),bao-cao)" --content $(CONTENT)

test: $(STAMP)  ## run the whole test suite, one worker per core
	$(BIN)/pytest -q -n auto

bench: $(STAMP)  ## time a full build of the sample against pandoc alone (limit 1,5×), and a big check
	@$(BIN)/python -m pipeline.tools.bench $(CONTENT)/$(BENCH_DOC)

lint: $(STAMP)  ## ruff, mypy (strict) and the layers contract (import-linter)
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:  ## remove build results and the virtual environment
	rm -rf $(OUT)/*.docx $(OUT)/*.pdf $(OUT)/.cache $(DEPS) $(VENV)

venv: $(STAMP)  ## create or refresh .venv

# The environment is stale when pyproject.toml changed since the last install, or when .venv is gone
# or broken (its python no longer runs).
$(STAMP): pyproject.toml
	@$(BIN)/python -c '' 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@
