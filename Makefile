# Two entry points for a newcomer: `make demo` and `make test`.
# Both create the virtual environment on first use, so they work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Mermaid's own parser for the output tests (tests/output/test_hostile.py), pinned
# in tests/mermaid/package-lock.json. Without npm those tests skip (CI=true: fail).
MERMAID := tests/mermaid/node_modules/.package-lock.json

.PHONY: demo test check lint format bench catalogs clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "cjm needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

$(MERMAID): tests/mermaid/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		cd tests/mermaid && npm ci --ignore-scripts --no-audit --no-fund; \
	else \
		echo "npm not found: the Mermaid parser tests will be skipped (apt-get install npm)"; \
	fi

# Lint the examples and their opportunities (warnings are fine, errors stop here), show
# the ranked backlog, match the example export, then render every format with its
# numbers on the map and the impact x effort matrix in the index; the posters (PDF,
# deck) when a browser is there to print them, and a word on how to get one when not.
# The compiled catalogs: pip install compiles them (hatch_build.py); after a .po changes
# (a pull, a translator's edit) they are compiled again, so cjm need not do it in memory.
CATALOGS := $(patsubst %.po,%.mo,$(wildcard src/cjm/locale/*/LC_MESSAGES/cjm.po))
$(CATALOGS): %.mo: %.po $(STAMP)
	$(BIN)/python -m cjm.text.maintain --compile

# The built-in templates compiled to Python code (cjm.render.precompiled): pip install
# writes them too (hatch_build.py); after a template or the code generator changed they
# are compiled again, so cjm render need not compile them in memory on every run.
TEMPLATES_COMPILED := src/cjm/render/compiled/.made
$(TEMPLATES_COMPILED): $(wildcard templates/*.j2) src/cjm/render/environment.py \
		src/cjm/render/precompiled.py $(STAMP)
	$(BIN)/python -m cjm.render.precompiled
	@touch $@

demo: $(STAMP) $(CATALOGS) $(TEMPLATES_COMPILED)
	$(BIN)/cjm lint journeys/
	$(BIN)/cjm opportunities
	$(BIN)/cjm analytics analytics/ga4-traffic-acquisition.csv journeys/
	$(BIN)/cjm render journeys/ --format html --format markdown --format mermaid --out build/ \
		--analytics analytics/ga4-traffic-acquisition.csv
	$(BIN)/cjm render journeys/ --view blueprint --out build/blueprint/ \
		--analytics analytics/ga4-traffic-acquisition.csv
	$(BIN)/cjm diff journeys/jonge-ouders.yaml journeys/jonge-ouders-gepland.yaml --plan
	@if $(BIN)/python -c 'from cjm.browser.find import find_browser; find_browser()' 2>/dev/null; then \
		$(BIN)/cjm render journeys/ --format pdf --format pptx --out build/ \
			--analytics analytics/ga4-traffic-acquisition.csv; \
		echo "Posters to send: build/*.pdf (one page per journey) and build/journeys.pptx"; \
	else \
		echo "No PDF or deck: no Chrome, Chromium or Edge found (install one, e.g. apt-get install chromium)"; \
	fi
	@echo
	@echo "Open the journey maps: file://$(CURDIR)/build/index.html"
	@echo "Today and the plan: file://$(CURDIR)/build/jonge-ouders.future.html"
	@echo "Service blueprint: file://$(CURDIR)/build/blueprint/jonge-ouders.future.html"
	@echo "The impact x effort matrix and the backlog: file://$(CURDIR)/build/index.html#backlog-title"
	@echo "Markdown for the repository: build/index.md (Mermaid diagrams: build/*.mmd)"

# Static checks: ruff (lint + format) and mypy --strict. CI runs them through `make test`.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: check $(MERMAID) $(CATALOGS) $(TEMPLATES_COMPILED)
	$(BIN)/python -m pytest

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Bring the message catalogs in step with the code (docs/languages.md); NEW_LANG=de starts one.
catalogs: $(STAMP)
	$(BIN)/python -m cjm.text.maintain $(if $(NEW_LANG),--init $(NEW_LANG),)

bench: $(STAMP) $(CATALOGS) $(TEMPLATES_COMPILED)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache tests/mermaid/node_modules
