# baocao — build Vietnamese administrative reports from content/ into output/.
# Every target brings .venv up to date first, so `make report` and `make test` work on a fresh clone.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-stamp
OUT     ?= output
CONTENT ?= content

BENCH_DOC ?= tests/fixtures/content/bao-cao-khcn-2027
CODE    := $(shell find pipeline -name "*.py")
ENGINE  := $(CODE) $(shell find templates -type f 2>/dev/null)
COMPILED := $(VENV)/.compiled-stamp
CACHES  ?= pipeline tests  # where make clean removes Python's __pycache__ folders

.DEFAULT_GOAL := report
# No built-in rules: make would otherwise search them for every part a DOCX rests on (a no-op
# `make report` over a hundred documents took 0,2 s instead of 15 ms).
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
.PHONY: report check test test-pythons lint bench pdf textconv diff new clean help venv

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# One DOCX per document of content/. `baocao deps` writes $(DEPS): the documents (DOCS), and what
# each DOCX rests on besides the templates and the pipeline code: its parts, those of the documents
# it cites ({{ tien("ke-hoach-2027:pl.camera") }}), and its manifest, $(OUT)/.parts/<document>,
# rewritten only when those parts' names change (a part added, removed or renamed). It is written
# again whenever a folder or a part changes; only the goals that build DOCX read it. Those goals
# go on past a document that fails (-k): each failure is reported and make exits non-zero at the end.
DEPS := $(OUT)/.deps.mk
ifneq ($(filter report pdf $(OUT)/%,$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL))),)
MAKEFLAGS += -k
include $(DEPS)
endif
DOCX := $(DOCS:%=$(OUT)/%.docx)
QUEUE := $(OUT)/.queue
BATCH := $(OUT)/.report

report: $(BATCH)  ## build every document in content/ into output/<document>.docx; one: make report TEN=bao-cao-khcn-2027

# `make report` builds the documents that are out of date in one batch, one process per core:
# each one's rule only writes its name into $(QUEUE); $(BATCH), which they are prerequisites of
# (the queue last, so that make looks at it once they have run), hands the queue to a single
# `baocao build -j 0`. With nothing out of date, nothing is queued and $(BATCH) is up to date.
# A DOCX made any other way (make output/x.docx, make pdf) is built at once, on its own.
$(BATCH): QUEUED := 1
$(BATCH): $(if $(TEN),$(OUT)/$(notdir $(TEN:/=)).docx,$(DOCX)) $(QUEUE)
	@names=$$(sort -u $(QUEUE)); : > $(QUEUE); status=0; \
	  if [ -n "$$names" ]; then \
	    $(BIN)/baocao build $$names -j 0 -o $(OUT) --content $(CONTENT) || status=$$?; \
	  fi; touch $@; exit $$status
$(QUEUE):
	@mkdir -p $(OUT) && touch $@

$(OUT)/%.docx: $(COMPILED) $(ENGINE)
	@$(if $(QUEUED),echo '$*' >> $(QUEUE),$(BIN)/baocao build $* -o $(OUT) --content $(CONTENT))

# make looks at $(QUEUE) after the documents' rules only when it runs one rule at a time;
# `baocao build -j 0` already builds on every core.
.NOTPARALLEL:

# $(DEPS) also names the folders and parts it rests on, written so that make reads any name.
$(DEPS): $(COMPILED) $(ENGINE) $(wildcard $(CONTENT))
	@$(BIN)/baocao deps --content $(CONTENT) -o $(OUT)
$(OUT)/.parts/%:
	@$(BIN)/baocao deps --content $(CONTENT) -o $(OUT)

# PDF/A through LibreOffice, for the electronic document system (docs/xuat-ban.md): baocao build
# --pdf writes each DOCX and its PDF, and says in one line how to install LibreOffice when it is missing.
pdf: $(COMPILED)  ## thêm bản PDF/A của mọi văn bản (cần LibreOffice): baocao build --pdf
	@$(BIN)/baocao build $(TEN) --pdf -j 0 -o $(OUT) --content $(CONTENT)

textconv: $(COMPILED)  ## let `git diff` show the text of DOCX files (this clone only)
	git config diff.docx.textconv "$(abspath $(BIN))/baocao text"
	git config diff.docx.cachetextconv true

check: $(COMPILED)  ## check every document; each problem as file:line
	@$(BIN)/baocao check --content $(CONTENT)

diff: $(COMPILED)  ## what this branch changes in money and in words, as Markdown (baocao diff)
	@$(BIN)/baocao diff --content $(CONTENT)

new: $(COMPILED)  ## start a new document: make new TEN=bao-cao-quy-3-2027 [LOAI=quyet-dinh|nghi-quyet|to-trinh|ke-hoach|thong-bao|cong-van|giay-moi|bien-ban|bao-cao]
	@$(BIN)/baocao new "$(TEN)" --loai "$(or $(LOAI),bao-cao)" --content $(CONTENT)

test: $(STAMP)  ## run the whole test suite, one worker per core
	$(BIN)/pytest -q -n auto

# The suite on each Python baocao supports that this machine has (python3.X on PATH, or pyenv's
# ~/.pyenv/versions/3.X.*), each in an environment of its own, .venv-3.X, made and kept up to date
# as .venv is. Non-zero when the suite fails on one of them, or when none is found.
PYTHONS ?= 3.11 3.12 3.13
test-pythons:  ## chạy toàn bộ kiểm thử trên từng bản Python 3.11, 3.12, 3.13 có trên máy (mỗi bản một .venv-3.X)
	@status=0; tried=""; \
	for version in $(PYTHONS); do \
	  python=""; \
	  for candidate in $$(command -v python$$version) $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$$version.*/bin/python; do \
	    if "$$candidate" -c "import sys; sys.exit(f'{sys.version_info[0]}.{sys.version_info[1]}' != '$$version')" 2>/dev/null; then \
	      python=$$candidate; break; \
	    fi; \
	  done; \
	  if [ -z "$$python" ]; then echo "Python $$version: không có trên máy, bỏ qua." >&2; continue; fi; \
	  venv=$(VENV)-$$version; \
	  if ! $$venv/bin/python -c '' 2>/dev/null || [ pyproject.toml -nt $$venv/.installed-stamp ]; then \
	    echo "Python $$version: đang cài baocao vào $$venv…" >&2; \
	    rm -rf $$venv && "$$python" -m venv $$venv && \
	    $$venv/bin/python $(PIP_INSTALL) --upgrade pip && $$venv/bin/python $(PIP_INSTALL) -e '.[dev]' && \
	    touch $$venv/.installed-stamp || { echo "Python $$version: cài đặt không xong." >&2; status=1; continue; }; \
	  fi; \
	  echo "Python $$($$venv/bin/python -c 'import platform; print(platform.python_version())'):" >&2; \
	  if $$venv/bin/pytest -q -n auto; then tried="$$tried $$version:đạt"; else tried="$$tried $$version:LỖI"; status=1; fi; \
	done; \
	if [ -z "$$tried" ]; then echo "Không tìm thấy Python 3.11–3.13 nào trên máy." >&2; exit 1; fi; \
	echo "Kết quả:$$tried" >&2; exit $$status

bench: $(COMPILED)  ## time baocao as it is run against issue 21's guards (a build against pandoc alone, check, words, make report over 100 documents); non-zero when one is missed
	@$(BIN)/python -m baocao.tools.bench $(BENCH_DOC)

lint: $(STAMP)  ## ruff, mypy (strict) and the layers contract (import-linter)
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:  ## remove build results (and what killed builds left), the virtual environments and Python's caches
	rm -rf $(OUT)/*.docx $(OUT)/*.pdf $(OUT)/*.xlsx $(OUT)/.*.partial.docx $(OUT)/.*.partial $(OUT)/.cache \
	  $(OUT)/.parts $(DEPS) $(QUEUE) $(BATCH) $(VENV) $(VENV)-3.*
	find $(CACHES) -name __pycache__ -type d -prune -exec rm -rf {} +

venv: $(COMPILED)  ## create or refresh .venv

# pip compiles the modules of every package it installs, as it does those of baocao's wheel on an
# editor's computer; an editable install leaves baocao's own as source, which every command would
# compile again (Python writes no .pyc on import where the environment says so,
# PYTHONDONTWRITEBYTECODE). They are compiled here as pip would, and again when one changes.
$(COMPILED): $(STAMP) $(CODE)
	@$(BIN)/python -m compileall -q pipeline >/dev/null
	@touch $@

# The environment is stale when pyproject.toml changed since the last install, or when .venv is gone
# or broken (its python no longer runs).
# It says what it does in a line of its own; pip shows its errors only (-qq), never its progress.
# Every environment is installed so, .venv and test-pythons' .venv-3.X alike.
PIP_INSTALL := -m pip install -qq --disable-pip-version-check --progress-bar off
PIP := $(BIN)/python $(PIP_INSTALL)
$(STAMP): pyproject.toml
	@$(BIN)/python -c '' 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); } || \
	  { echo "Không tạo được $(VENV): cần Python 3.11 trở lên và gói venv (apt-get install python3-venv)." >&2; exit 1; }
	@echo "Đang cài các thư viện baocao cần (pandoc, python-docx, pytest…) vào $(VENV): khoảng một phút, chỉ lần đầu và khi pyproject.toml đổi." >&2
	@$(PIP) --upgrade pip && $(PIP) -e '.[dev]' || \
	  { echo "Cài đặt không xong (lỗi của pip ở trên): kiểm tra kết nối mạng rồi chạy lại lệnh." >&2; exit 1; }
	@echo "Đã cài xong." >&2
	@touch $@
