"""The `storybot` command line and `storybot doctor`."""
