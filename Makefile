# Two commands on a fresh machine: `make run` (answer about the story; the Discord bot when a
# token is set) and `make test` (lint, types and the whole test suite). Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QUESTION ?= Who is the new leader of Syria?

.PHONY: setup run chat test lint bench faults clean

setup: $(STAMP)

# pip install, tried up to three times: an 80 MB wheel can arrive damaged ("THESE PACKAGES DO NOT
# MATCH THE HASHES"), and a second download, past pip's cache, arrives whole.
define pip_install
	@for try in 1 2 3; do \
		if [ $$try = 1 ]; then $(BIN)/pip install --quiet $(1) && break; \
		else $(BIN)/pip install --quiet --no-cache-dir $(1) && break; fi; \
		[ $$try = 3 ] && exit 1; \
		echo "pip install $(1) failed (try $$try of 3): trying again without pip's cache…"; \
	done
endef

# torch is pinned and installed first: here that is a CPU wheel; unpinned, pip would fetch CUDA.
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (once, a few minutes): torch, then StoryBot and its dependencies."
	$(PYTHON) -m venv $(VENV)
	@echo "Installing torch==2.13.0 (the CPU wheel; used once, to export the model)…"
	$(call pip_install,torch==2.13.0)
	@echo "Installing StoryBot, sentence-transformers, FAISS, onnxruntime, discord.py and the test tools…"
	$(call pip_install,-e '.[dev]')
	touch $(STAMP)
	@echo "Set up. To type storybot yourself: . $(VENV)/bin/activate"

run: setup
	@if $(BIN)/python -c "import sys; from bot.settings import BotSettings; sys.exit(not BotSettings().discord_token)"; then \
		$(BIN)/python -m bot; \
	elif [ -t 0 ]; then \
		echo "No DISCORD_TOKEN set: answering here instead (see README, 'Discord')."; \
		$(BIN)/storybot chat; \
	else \
		echo "No DISCORD_TOKEN set: answering a sample question here (see README, 'Discord')."; \
		$(BIN)/storybot ask "$(QUESTION)"; \
		echo 'Ask your own: make run QUESTION="What attack was prevented?"'; \
		echo 'or: . $(VENV)/bin/activate, then storybot ask "...", storybot chat, storybot doctor'; \
	fi

chat: setup
	$(BIN)/storybot chat

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

# StoryBot against a bare sentence-transformers + FAISS floor, same run: a table and a JSON file
# (benchmarks/results/latest.json). About 10 minutes; BENCH=--quick for a 2-minute try.
bench: setup
	$(BIN)/python -m benchmarks $(BENCH)

# The fault suite alone (tests/faults, also part of `make test`), writing its table to docs/faults.md.
faults: setup
	FAULT_TABLE=docs/faults.md $(BIN)/python -m pytest -q tests/faults

# The index and encoder live in the user's cache folder (storybot doctor says where).
clean:
	rm -rf $(VENV) data
