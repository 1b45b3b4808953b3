"""Benchmarks for the alignment engine (not part of the timed test suite)."""
