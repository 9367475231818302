# Wel(l)Fare Legami — two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export WELLFARE_DEMO_PASSWORD ?= legami-demo-2018

.PHONY: install run test test-fast lint clean restore-drill load-test bench-scale

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# No `.env` is written or read: DEBUG is on only where a command sets it explicitly (below, or
# `DEBUG=1 .venv/bin/python manage.py ...` by hand), never for a deployment that follows the README.
install: $(VENV)/.installed node_modules/.installed

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_wellfare --demo
	@echo ""
	@echo "Wel(l)Fare Legami: http://127.0.0.1:8000"
	@echo "Utenti demo (password: $(WELLFARE_DEMO_PASSWORD)):"
	@echo "  direzione, udp.cremonese, udp.cremasco, udp.casalasco, coordinatore,"
	@echo "  fundraising, amministrazione, referente, admin (superuser)"
	@echo ""
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest -n auto

test-fast: install
	$(BIN)/pytest -n auto -m "not e2e"

lint: install
	$(BIN)/ruff check .

# Back up the database named by DATABASE_URL and MEDIA_ROOT, restore both into a fresh database and folder, compare
# every table, sequence and file; fails on any difference (deploy/restore_drill.py).
restore-drill: install
	$(BIN)/python deploy/restore_drill.py

# Locust against gunicorn on loopback, on a PostgreSQL database of its own with demo data (bench/README.md).
load-test: install
	$(BIN)/pip install -e '.[dev,bench]'
	$(BIN)/python -m bench.load

# Every app's data at scale on PostgreSQL, then the dashboard, the monitoring report and the lists timed against the
# admin (bench/README.md). Needs DATABASE_URL=postgres://…/<a database of its own>; SCALE=0.01 for a quick run.
SCALE ?= 1
RUNS ?= 5
bench-scale: install
	$(BIN)/python -m bench.scale --scale $(SCALE) --runs $(RUNS)

clean:
	rm -rf $(VENV) node_modules staticfiles
