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
COMPILED := $(VENV)/.compiled-stamp
CACHES  ?= pipeline tests  # where make clean removes Python's __pycache__ folders

.DEFAULT_GOAL := report
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
.PHONY: report check test test-pythons lint bench pdf textconv diff new clean help venv wheel

help:  ## liệt kê các lệnh make (mỗi lệnh chỉ gọi baocao; trên Windows gõ thẳng lệnh baocao)
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# `make report` and `make check` end on baocao's own last line (its count of problems, or the
# documents it could not build), never on make's "*** [Makefile…] Error 1": when they are all that
# is asked, make runs in question mode (-q), where a recipe that exits 1 means only "not up to
# date": make says nothing of its own and exits 1 all the same. A recipe line starting with "+"
# runs under -q, and under -n too (GNU make's manual, "Instead of Executing Recipes"); each first
# brings .venv up to date with a make of its own, in the ordinary mode ($(READY)).
ifeq ($(filter-out report check,$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL))),)
MAKEFLAGS += -q
endif
READY = env -u MAKEFLAGS -u MFLAGS $(MAKE) -s --no-print-directory venv VENV="$(VENV)" PYTHON="$(PYTHON)"

# `baocao build` is the incremental build: with no document named it builds, on every core, each
# document whose DOCX is missing or no longer matches its parts, the documents it cites, or
# baocao's code and templates (build.py keeps the record, in $(OUT)/.cache).
report:  ## dựng DOCX cho mọi văn bản đã thay đổi; một văn bản: make report TEN=bao-cao-khcn-2027
	+@$(READY) && $(BIN)/baocao build $(if $(TEN),"$(TEN)") -o "$(OUT)" --content "$(CONTENT)"

# PDF/A through LibreOffice, for the electronic document system (docs/xuat-ban.md): baocao build
# --pdf writes each DOCX and its PDF, and says in one line how to install LibreOffice when it is missing.
pdf: $(COMPILED)  ## thêm bản PDF/A của các văn bản (cần LibreOffice): baocao build --pdf
	@$(BIN)/baocao build $(if $(TEN),"$(TEN)") --pdf -o "$(OUT)" --content "$(CONTENT)"

textconv: $(COMPILED)  ## cho `git diff` hiện chữ của các tệp DOCX (chỉ trong bản sao này)
	git config diff.docx.textconv "$(abspath $(BIN))/baocao text"
	git config diff.docx.cachetextconv true

check:  ## kiểm tra mọi văn bản; mỗi vấn đề một dòng tệp:dòng:cột
	+@$(READY) && $(BIN)/baocao check --content "$(CONTENT)"

diff: $(COMPILED)  ## nhánh này thay đổi số tiền và lời văn những gì, viết bằng Markdown (baocao diff)
	@$(BIN)/baocao diff --content "$(CONTENT)"

new: $(COMPILED)  ## tạo văn bản mới: make new TEN=bao-cao-quy-3-2027 [LOAI=quyet-dinh|nghi-quyet|to-trinh|ke-hoach|thong-bao|cong-van|giay-moi|bien-ban|bao-cao]
	@$(BIN)/baocao new "$(TEN)" --loai "$(or $(LOAI),bao-cao)" --content "$(CONTENT)"

test: $(STAMP)  ## chạy toàn bộ kiểm thử, mỗi lõi một tiến trình
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

bench: $(COMPILED)  ## đo thời gian chạy baocao so với các ngưỡng (dựng so với pandoc, check, words, dựng 100 văn bản); lỗi khi vượt ngưỡng
	@$(BIN)/python -m baocao.tools.bench $(BENCH_DOC)

lint: $(STAMP)  ## kiểm mã nguồn: ruff, mypy (strict) và hợp đồng các tầng (import-linter)
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:  ## xóa kết quả dựng (cả phần dở dang của lần dựng bị ngắt), môi trường ảo và bộ đệm của Python
	rm -rf "$(OUT)"/*.docx "$(OUT)"/*.pdf "$(OUT)"/*.xlsx "$(OUT)"/.*.partial.docx "$(OUT)"/.*.partial \
	  "$(OUT)"/.cache $(VENV) $(VENV)-3.* build dist
	find $(CACHES) -name __pycache__ -type d -prune -exec rm -rf {} +

# The wheel an office installs (`pipx install dist/baocao-….whl`): the code, and templates/ as its
# package data (setup.py), built by pip in an isolated environment (its work in build/).
wheel: $(STAMP)  ## tạo tệp cài đặt dist/baocao-….whl (cài bằng pipx install trên máy người soạn thảo)
	@$(BIN)/python -m pip wheel -q --disable-pip-version-check --no-deps -w dist . && ls dist/baocao-*.whl

venv: $(COMPILED)  ## tạo hoặc cập nhật môi trường .venv

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
