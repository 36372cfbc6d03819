# hadath: two set-up commands, `make demo` and `make test` (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

DEMO_PORT ?= 8000
FUZZ_SECONDS ?= 600

.PHONY: demo demo-data test lint clean venv fuzz

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts fuzz
	$(BIN)/python -m pytest

# Codes the examples, prints a summary, then serves the dashboard until Ctrl-C.
demo: demo-data
	@echo "Dashboard: http://127.0.0.1:$(DEMO_PORT)/  (Ctrl-C stops it)"
	$(BIN)/hadath serve demo/hadath.sqlite --port $(DEMO_PORT)

demo-data: $(STAMP)
	$(BIN)/hadath code examples/articles.jsonl examples/seed.txt --out demo/coded.jsonl --db demo/hadath.sqlite --manifest demo/manifest.jsonl
	$(BIN)/hadath summary demo/hadath.sqlite

# Every fuzz target under atheris for FUZZ_SECONDS in all (one process; see fuzz/README.md).
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -e '.[fuzz]'
	$(BIN)/python -m fuzz.run --seconds $(FUZZ_SECONDS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts fuzz

clean:
	rm -rf $(VENV) demo build *.egg-info src/*.egg-info
