# CoopStore: the README's two commands are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
DATABASE_URL_TEST ?= postgres://postgres@127.0.0.1:5432/coopstore
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: install run test lint format bench worker beat schema clean

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]" -c requirements.lock
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT) --noreload

# Two workers (the machines have 2 cores), each with its own test database.
PYTEST_WORKERS ?= 2

test: install
	DATABASE_URL=$${DATABASE_URL:-$(DATABASE_URL_TEST)} $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .

# Benchmarks on the local PostgreSQL (bench/run.py: database created, migrated and seeded with
# seed_scale once, then reused): bench/results/ (JSON, Markdown, PNG) and the README table.
# make bench BENCH_SCALES="1k 10k" BENCH_ONLY=storefront,graphql_reads BENCH_REPEAT=30
BENCH_SCALES ?= 1k
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/coopstore_bench_1k
bench: install
	BENCH_SCALES="$(BENCH_SCALES)" BENCH_DATABASE_URL="$(BENCH_DATABASE_URL)" $(PY) bench/run.py

schema: install
	$(PY) manage.py graphql_schema --schema backend.graphql.api.schema --out schema.graphql

worker: install
	$(VENV)/bin/celery -A backend worker -l info

beat: install
	$(VENV)/bin/celery -A backend beat -l info

clean:
	rm -rf var/coopstore.sqlite3 var/media var/static
