"""The schema toolchain: the project schema as data (`schemaspec.py`) and the generators of
`schemas/` (`python -m tei.schema.schemagen`) and of `xslt/common/direction.xsl`
(`python -m tei.schema.directiongen`). Run by hand; the tests check that the output is current."""
