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
ENGINE  := $(wildcard pipeline/*.py) $(shell find templates -type f 2>/dev/null)

.DEFAULT_GOAL := report
.PHONY: report check test lint bench clean help venv

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

report: $(DOCX)  ## build every document in content/ into output/<document>.docx

.SECONDEXPANSION:
$(OUT)/%.docx: $(STAMP) $(ENGINE) $$(shell find $(CONTENT)/$$* -type f)
	@$(BIN)/baocao build $* -o $(OUT) --content $(CONTENT)

check: $(STAMP)  ## check every document; each problem as file:line
	@$(BIN)/baocao check --content $(CONTENT)

test: $(STAMP)  ## run the whole test suite
	$(BIN)/pytest -q

lint: $(STAMP)  ## ruff over the code and the tests
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests

clean:  ## remove build results and the virtual environment
	rm -rf $(OUT)/*.docx $(OUT)/.cache $(VENV)

venv: $(STAMP)  ## create or refresh .venv

# The environment is stale when pyproject.toml changed since the last install, or when .venv is gone
# or broken (its python no longer runs).
$(STAMP): pyproject.toml
	@$(BIN)/python -c '' 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@
