"""tei-edition: archival document exports to TEI P5 editions.

The public API: `convert_text` (source text -> TEI tree), `convert_paths` (files -> TEI files),
`read_document` (source -> document model), `encode_tei` (model -> TEI tree) and `review_decisions`
(TEI tree -> the decisions made with less than high certainty). They are
imported on first use, so that the command line starts without loading the whole pipeline.
"""

from importlib import import_module

__version__ = "0.1.0"

_API = {
    "convert_bytes": "convert.pipeline", "convert_paths": "convert.pipeline", "convert_text": "convert.pipeline",
    "read_document": "convert.pipeline", "encode_tei": "convert.encoder", "serialize_tei": "convert.encoder",
    "TeiEditionError": "core.errors", "convert_reviewed": "convert.pipeline", "Decision": "convert.review",
    "review_decisions": "convert.review", "write_review": "convert.review",
}

__all__ = [*_API, "__version__"]


def __getattr__(name: str):
    if name in _API:
        return getattr(import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")
