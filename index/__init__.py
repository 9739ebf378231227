"""StoryBot's engine: the corpus, the index, search, and the `storybot` command line."""

__version__ = "0.1.0"
