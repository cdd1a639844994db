# Atelier Réseaux: `make run` to set up and serve the site, `make test` to run the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
PROD_ENV := DJANGO_SETTINGS_MODULE=config.settings.production ALLOWED_HOSTS=atelier-reseaux.fr \
	SITE_URL=https://atelier-reseaux.fr \
	SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')

.DEFAULT_GOAL := help
.PHONY: help install setup run test test-production lint messages chromium poppler nginx bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP) ## Create .venv and install the pinned dependencies (only when they changed)

setup: install ## Migrate the database and build the content and demo accounts (idempotent)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py build_content --demo-accounts

run: setup ## Set up, then serve the site at http://127.0.0.1:8000, with the task worker beside it
	@echo "Site: http://$(HOST):$(PORT)/  ·  admin: http://$(HOST):$(PORT)/admin/"
	@# The worker stops with the server (Ctrl-C, or the server failing).
	@trap 'kill 0' EXIT; $(PY) manage.py run_worker & $(PY) manage.py runserver $(HOST):$(PORT)

test: install chromium poppler ## Run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL says so)
	@# One process per core, each with its own test database. Tests go out in their order, so each
	@# process still runs the tests that empty its database (pytest-django puts them last) last.
	$(PY) -m pytest --numprocesses=auto

test-production: install nginx ## Two app servers on PostgreSQL + Redis, a database restart, nginx in front (needs both running)
	$(PY) -m pytest -m production tests/production

lint: install ## ruff, formatting, missing migrations, and check --deploy with production settings
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PROD_ENV) $(PY) manage.py check --deploy --fail-level WARNING

messages: install ## Update the French message catalogues in locale/ (Python and templates; admin JS)
	$(PY) manage.py makemessages -l fr --no-obsolete --ignore=.venv --ignore=staticfiles
	$(PY) manage.py makemessages -d djangojs -l fr --no-obsolete --ignore=.venv --ignore=staticfiles
	$(PY) locale/fill_plurals.py
	$(PY) manage.py compilemessages --ignore=.venv

chromium: ## Install Debian's Chromium for the browser tests, if it is missing (needs root)
	@command -v chromium >/dev/null 2>&1 || command -v /usr/bin/chromium >/dev/null 2>&1 || \
		{ apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

poppler: ## Install Debian's poppler-utils (pdftoppm: the tests look at PDF pages as PNG), if missing (needs root)
	@command -v pdftoppm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }

nginx: ## Install Debian's nginx for the production tests, if it is missing (needs root)
	@test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }

bench: install ## Benchmark: gunicorn + wrk, then live sessions on daphne (BENCH_ONLY=live: only those); table in bench/
	@test "$(BENCH_ONLY)" = live || command -v wrk >/dev/null 2>&1 || \
		{ apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/run.py
