# The whole quickstart is `make run` and `make test`; both build .venv/ from uv.lock first.
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION ?= 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
export DO_NOT_TRACK := 1
export GX_ANALYTICS_ENABLED := False
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test lint bench eval-real ui clean env

# --compile-bytecode: the libraries' .pyc are written once here. Without them every command
# compiles Prefect, pandas and pydantic from source on import (4 s of a 10 s no-op run) where
# PYTHONDONTWRITEBYTECODE is set or site-packages is read-only.
$(VENV)/.synced: uv.lock pyproject.toml Makefile
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 \
		|| $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

# The project's own modules likewise, their .pyc beside them (git-ignored), again for those
# changed since: a run imports ~70 of them, 0.2-0.3 s of compiling on every run otherwise.
CODE := flows transforms warehouse expectations bench
$(VENV)/.compiled: $(VENV)/.synced $(shell find $(CODE) -name '*.py')
	$(VENV)/bin/python -m compileall -q $(CODE)
	@touch $@

env: $(VENV)/.synced $(VENV)/.compiled

run: env
	$(VENV)/bin/sitrep run --input seeds/articles --warehouse warehouse/sitrep.duckdb

test: env
	$(VENV)/bin/python -m pytest -n 2 --dist loadgroup

lint: env
	$(VENV)/bin/ruff check flows transforms expectations warehouse tests bench seeds
	$(VENV)/bin/mypy transforms warehouse

bench: env
	$(VENV)/bin/python -m bench.bench_startup
	$(VENV)/bin/python -m bench.run_all

eval-real: env
	$(VENV)/bin/python -m bench.eval_real

ui: env
	$(VENV)/bin/sitrep ui

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/*.lake warehouse/*.data_docs warehouse/lake warehouse/data_docs
