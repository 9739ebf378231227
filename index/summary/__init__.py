"""The extractive summary and the fitted salience of its sentences."""
