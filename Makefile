# claimclf: `make demo` sets up and runs the whole path; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
CLI := $(BIN)/claimclf
DEPS := pyproject.toml

.DEFAULT_GOAL := help
.PHONY: help install install-dev demo data train evaluate eval score test lint bench learning-curve ui clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# An editable install leaves byte-compiling to the first import, which PYTHONDONTWRITEBYTECODE (common in
# containers) turns into compiling every module in every run: compiled once here, as a wheel install does.
COMPILE := $(PY) -m compileall -q src

$(VENV)/.installed: $(BIN)/activate $(DEPS)
	$(PY) -m pip install --quiet -e '.[fast]'
	$(COMPILE)
	@touch $@

$(VENV)/.installed-dev: $(BIN)/activate $(DEPS)
	$(PY) -m pip install --quiet -e '.[dev]'
	$(COMPILE)
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install claimclf into it

install-dev: $(VENV)/.installed-dev ## Install claimclf with its dev extra (pytest, hypothesis, ruff, pyspark)

data: install ## Rebuild the shipped corpus and sample file from the generator
	$(CLI) data generate

train: install ## Train the default model on the shipped corpus
	$(CLI) train

evaluate: install ## Evaluate the default model on the shipped corpus (report in reports/)
	$(CLI) evaluate

DEV_SETS := dev=../shared/dev/dev.csv real_dev=../shared/real/real_dev.csv

eval: install ## Evaluate the default model on the held-out sets in ../shared when present; rewrite the README's quality tables
	@for set in $(DEV_SETS); do name=$${set%%=*}; path=$${set#*=}; \
		if [ -f $$path ]; then $(CLI) evaluate --data $$path --report reports/$$name || exit 1; \
		else echo "no $$path here: $$name not evaluated"; fi; done
	$(PY) scripts/quality_table.py --report dev=reports/dev/report.json --report real_dev=reports/real_dev/report.json --write

score: install ## Score data/sample/claims.csv into data/sample/claims.scored.csv
	$(CLI) score data/sample/claims.csv -o data/sample/claims.scored.csv --overwrite

demo: install ## Install, train, evaluate and score the sample; prints where everything went
	$(CLI) data validate data/claims_labelled.csv
	$(CLI) train
	$(CLI) evaluate --report reports/corpus
	@for set in $(DEV_SETS); do name=$${set%%=*}; path=$${set#*=}; \
		if [ -f $$path ]; then $(CLI) evaluate --data $$path --report reports/$$name || exit 1; fi; done
	$(CLI) score data/sample/claims.csv -o data/sample/claims.scored.csv --overwrite
	@echo
	@echo "model:          models/claimclf.joblib (+ claimclf.scoring.npz, claimclf.joblib.json)"
	@echo "reports:        reports/corpus/ $$(for d in reports/dev reports/real_dev; do [ -d $$d ] && printf '%s/ ' $$d; done)"
	@echo "scored sample:  data/sample/claims.scored.csv"
	@echo "try:            $(CLI) predict \"Upper lid skin rests on the lashes; superior field 22 degrees, 45 taped.\""

test: install-dev ## Install with the dev extra and run the whole test suite
	$(BIN)/pytest

lint: install-dev ## ruff
	$(BIN)/ruff check src tests

learning-curve: install ## Test macro-F1 and ECE after 0-200 real_dev labels, suggested vs random (15–45 min; resumes): docs/learning_curve.json, the plot, the README table, MLflow
	nice -n 15 $(PY) scripts/learning_curve.py

UI_PORT ?= 5000
ui: install ## MLflow UI on the local store (experiments/mlflow.db), at http://127.0.0.1:5000; Ctrl-C stops it
	@mkdir -p experiments/artifacts
	@echo "MLflow UI for experiments/mlflow.db: open http://127.0.0.1:$(UI_PORT)  (Ctrl-C to stop)"
	$(BIN)/mlflow ui --backend-store-uri sqlite:///$(CURDIR)/experiments/mlflow.db \
		--artifacts-destination $(CURDIR)/experiments/artifacts --host 127.0.0.1 --port $(UI_PORT)

bench: install ## Benchmark scoring speed, memory, start-up and training (about an hour): bench/results.json and the README table
	$(COMPILE)
	$(PY) bench/run_bench.py

clean: ## Remove the venv, models, reports and caches
	rm -rf $(VENV) reports .pytest_cache .ruff_cache bench/tmp
	find src -name __pycache__ -prune -exec rm -rf {} +
	find models experiments -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
