"""Accuracy harness: the checker and a naive baseline on the labelled sets in ../shared/datasets."""
