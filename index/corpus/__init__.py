"""Reading the corpus: articles, their text, and the passages they are cut into."""
