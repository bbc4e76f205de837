"""Benchmarks: accuracy on public labelled sets and speed; run from the repository root."""
