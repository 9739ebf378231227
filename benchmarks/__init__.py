"""Benchmarks: StoryBot against a bare sentence-transformers + FAISS floor, in the same run.

`python -m benchmarks` (or `make bench`) prints a table and writes a JSON file; see `__main__`.
Importing this package loads nothing heavy: the model and torch load only in the stages.
"""
