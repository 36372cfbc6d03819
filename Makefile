# hadath: two set-up commands, `make demo` and `make test` (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m pytest

demo: $(STAMP)
	$(BIN)/hadath code examples/articles.jsonl examples/seed.txt --out demo/coded.jsonl --db demo/hadath.sqlite --manifest demo/manifest.jsonl
	$(BIN)/hadath summary demo/hadath.sqlite

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

clean:
	rm -rf $(VENV) demo build *.egg-info src/*.egg-info
