"""The base layer every stage uses: the TEI vocabulary, the small helpers that name things, and
safe file and XML input and output with their size limits (errors, files, xmlsafe, resources,
urls, messages).

Nothing here imports a stage (convert, schema, validate, render, export, site, cli);
tests/core/test_architecture.py holds that rule. See docs/architecture.md.
"""
