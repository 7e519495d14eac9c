"""tei-edition: archival document exports to TEI P5 editions.

The public API: `convert_text` (source text -> TEI tree), `convert_paths` (files -> TEI files),
`read_document` (source -> document model) and `encode_tei` (model -> TEI tree).
"""

__version__ = "0.1.0"

from .convert import convert_bytes, convert_paths, convert_text, read_document  # noqa: E402
from .encoder import encode_tei, serialize_tei  # noqa: E402
from .errors import TeiEditionError  # noqa: E402

__all__ = ["TeiEditionError", "convert_bytes", "convert_paths", "convert_text", "encode_tei",
           "read_document", "serialize_tei", "__version__"]
