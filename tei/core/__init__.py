"""The base layer every stage uses: the TEI vocabulary and the small helpers that name things.

Nothing here imports a stage (readers, encoder, names, convert, validate, render, export, build,
site, cli); tests/core/test_architecture.py holds that rule. See docs/architecture.md.
"""
