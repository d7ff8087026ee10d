# TradeWatch: `make run` (one monitoring cycle through Airflow) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
ROOT := $(abspath .)

# Airflow on embedded defaults: SQLite metadata under data/airflow, our dags/.
export AIRFLOW_HOME ?= $(ROOT)/data/airflow
export AIRFLOW__CORE__DAGS_FOLDER ?= $(ROOT)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES ?= False
export AIRFLOW__CORE__UNIT_TEST_MODE ?= False
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN ?= sqlite:///$(ROOT)/data/airflow/airflow.db
export GX_ANALYTICS_ENABLED ?= False
export NO_COLOR ?= 1

.PHONY: install run test bench bench-instructions bench-stages constraints clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

data/airflow/.migrated: $(VENV)/.installed
	mkdir -p data/airflow
	$(BIN)/airflow db migrate > data/airflow/migrate.log 2>&1 || (tail -20 data/airflow/migrate.log; exit 1)
	$(BIN)/airflow pools set tradewatch_store 1 "DuckDB event store writers (DuckDB allows one)" > /dev/null
	touch $@

run: data/airflow/.migrated
	$(BIN)/airflow dags test trade_talks_monitor > data/airflow/last-run.log 2>&1 \
	  || (tail -40 data/airflow/last-run.log; exit 1)
	@grep -E "Marking run|state=|DagRun Finished" data/airflow/last-run.log | tail -3 || true
	$(BIN)/tradewatch status
	@echo; echo "== alerts =="
	@$(BIN)/tradewatch query "SELECT status, priority, subject FROM alerts ORDER BY created_at, subject"
	@echo "Alert emails (.eml): $$(ls $${TRADEWATCH_OUTBOX:-data/outbox} 2>/dev/null | wc -l) in $${TRADEWATCH_OUTBOX:-data/outbox/}"

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_extract.py --corpus devset
	$(BIN)/python bench/bench_ingest.py

# instructions per extracted document under callgrind: repeatable on a busy machine
bench-instructions: $(VENV)/.installed
	$(BIN)/python bench/extract_instructions.py

# throughput with the extractor's stages made free in turn: the ceiling of rewriting each
bench-stages: $(VENV)/.installed
	$(BIN)/python bench/extract_stages.py
	$(BIN)/python bench/extract_stages.py --corpus devset

# Regenerate the pinned constraints from a fresh resolve (commit the result).
constraints:
	rm -rf /tmp/tradewatch-constraints && $(PYTHON) -m venv /tmp/tradewatch-constraints
	/tmp/tradewatch-constraints/bin/pip install --quiet '.[test]'
	/tmp/tradewatch-constraints/bin/pip freeze --exclude tradewatch > constraints.txt

clean:
	rm -rf $(VENV) data .pytest_cache
