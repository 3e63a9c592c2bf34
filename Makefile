# Academie voor Samenwerken — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The site's public address in certificates, sheet PDFs, e-mails and the CMS's Site record.
SITE_URL ?= http://127.0.0.1:$(PORT)
# pytest-xdist workers: the suite takes both cores of the 2-core machine it is measured on.
JOBS ?= 2
UV := $(BIN)/uv
APT_RUN := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
APT_TEST := $(APT_RUN) chromium poppler-utils openjdk-17-jre-headless

.PHONY: run test install install-test system-deps messages compilemessages migrate seed lint format benchmark bench-throughput

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv

# Installs the locked dependencies into .venv (uv.lock is the lock file).
install: $(UV)
	@$(MAKE) --no-print-directory system-deps PACKAGES="$(APT_RUN)"
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --inexact --quiet
	$(MAKE) --no-print-directory compilemessages

# Debian packages: gettext for translations, Pango for WeasyPrint, Chromium for browser tests.
system-deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else echo "Missing Debian packages (install them as root):$$missing"; fi; \
	fi

# axe-core (injected into pages by the browser tests) and the Nu Html Checker (vnu-jar, run with Java by
# tests/test_html_validity.py); package-lock.json pins both; no front-end build.
node_modules/axe-core: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	@touch $@

compilemessages:
	@$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

# Regenerates the .po files of every app and of the project (templates/, academy/).
messages:
	@for app in accounts home successfactors courses modules handelingsrepertoire cases questionnaires fitnessscan collaborations packages notifications feedback programmes; do \
		(cd $$app && mkdir -p locale && ../$(BIN)/django-admin makemessages -l nl --no-obsolete -v0); \
	done
	$(BIN)/python manage.py makemessages -l nl --no-obsolete -v0 \
		--ignore=.venv --ignore=accounts --ignore=home --ignore=successfactors --ignore=courses \
		--ignore=modules --ignore=handelingsrepertoire --ignore=cases --ignore=questionnaires --ignore=fitnessscan --ignore=collaborations --ignore=packages --ignore=notifications --ignore=feedback --ignore=programmes --ignore=tests

migrate:
	$(BIN)/python manage.py migrate --noinput -v0

seed:
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py seed_demo

run: install migrate seed
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install node_modules/axe-core
	@$(MAKE) --no-print-directory system-deps PACKAGES="$(APT_TEST)"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r . -ll -q
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/pytest -n $(JOBS) --dist loadfile

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r . -ll -q

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Figures for the README: builds var/bench.sqlite3 once (50 courses × 40 lessons, 5,000 professionals).
BENCH_ENV := DJANGO_SETTINGS_MODULE=academy.settings.bench DATABASE_URL=sqlite:///$(CURDIR)/var/bench.sqlite3
benchmark: install
	@mkdir -p var
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py benchmark $(ARGS)

# Every page beside a bare Django view under the same gunicorn (README, "Snelheid"); installs wrk itself.
bench-throughput: install
	@$(MAKE) --no-print-directory system-deps PACKAGES="$(APT_RUN) wrk"
	@mkdir -p var
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py benchmark --every-page $(ARGS)

# The production topology on this machine (README, "Productie"): PostgreSQL and Redis with their data in
# var/, migrations, collectstatic, a Celery worker and beat, gunicorn on http://127.0.0.1:$(PORT)/.
# `make serve SEED=1` loads the demo content first. Ctrl-C stops everything it started.
APT_SERVE := redis-server postgresql-15
.PHONY: serve test-production load

serve: install
	@$(MAKE) --no-print-directory system-deps PACKAGES="$(APT_SERVE)"
	exec $(BIN)/python scripts/serve.py --port $(PORT) $(if $(filter 1 yes true,$(SEED)),--seed)

# The suite on real PostgreSQL and Redis, then the topology tests with real Celery workers; it starts
# and stops the servers itself, on free ports of 127.0.0.1.
test-production: install node_modules/axe-core
	@$(MAKE) --no-print-directory system-deps PACKAGES="$(APT_SERVE) openjdk-17-jre-headless"
	JOBS=$(JOBS) $(BIN)/python scripts/test_production.py

# The production topology under load (README, "Production load"): 200 virtual users for 5 minutes with locust,
# against its own PostgreSQL, Redis and workers in var/load. Fails on any error or a p95 of 300 ms or more.
# USERS, DURATION and SPAWN_RATE change the load: `make load USERS=10 DURATION=30s`. Not part of `make test`.
USERS ?= 200
DURATION ?= 5m
SPAWN_RATE ?= 10
load: install
	@$(MAKE) --no-print-directory system-deps PACKAGES="$(APT_SERVE)"
	$(BIN)/python scripts/load.py --users $(USERS) --duration $(DURATION) --spawn-rate $(SPAWN_RATE)
