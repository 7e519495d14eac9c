"""tei-edition: archival document exports to TEI P5 editions.

The public API: `convert_text` (source text -> TEI tree), `convert_paths` (files -> TEI files),
`read_document` (source -> document model), `encode_tei` (model -> TEI tree) and `review_decisions`
(TEI tree -> the decisions made with less than high certainty). They are
imported on first use, so that the command line starts without loading the whole pipeline.
"""

from importlib import import_module

__version__ = "0.1.0"

_API = {
    "convert_bytes": "convert", "convert_paths": "convert", "convert_text": "convert", "read_document": "convert",
    "encode_tei": "encoder", "serialize_tei": "encoder", "TeiEditionError": "errors",
    "convert_reviewed": "convert", "Decision": "review", "review_decisions": "review", "write_review": "review",
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str):
    if name in _API:
        return getattr(import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")
