"""The archive whose exports the edition reads, and which publishes their documents.

Its name is written once, here: the reader, the TEI's publisher, the edition's default subtitle
and the schemas' notes all take it from this module, so none of them imports another stage for it.
"""

ARCHIVE = "Wilson Center Digital Archive"
