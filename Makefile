# hadath: two set-up commands, `make demo` and `make test` (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

DEMO_PORT ?= 8000

.PHONY: demo demo-data test lint clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m pytest

# Codes the examples, prints a summary, then serves the dashboard until Ctrl-C.
demo: demo-data
	@echo "Dashboard: http://127.0.0.1:$(DEMO_PORT)/  (Ctrl-C stops it)"
	$(BIN)/hadath serve demo/hadath.sqlite --port $(DEMO_PORT)

demo-data: $(STAMP)
	$(BIN)/hadath code examples/articles.jsonl examples/seed.txt --out demo/coded.jsonl --db demo/hadath.sqlite --manifest demo/manifest.jsonl
	$(BIN)/hadath summary demo/hadath.sqlite

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

clean:
	rm -rf $(VENV) demo build *.egg-info src/*.egg-info
