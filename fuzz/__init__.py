"""Fuzz targets for hadath: readers, the text layer and the whole pipeline.

`fuzz.targets.TARGETS` lists every target (a name and a function of bytes that
raises on a broken invariant); `python -m fuzz.run` runs them under atheris,
and tests/fuzz/ runs the same invariants briefly under hypothesis.
"""
