"""Fuzzing the loaders and extractors: the properties (``targets``) and the runner (``run``).

``python -m fuzz.run`` runs a fixed budget of inputs; ``tests/test_fuzz_properties.py`` checks the
same properties with hypothesis on every test run and replays the crash inputs kept in
``fuzz/regressions/``.
"""
