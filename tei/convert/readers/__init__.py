"""Readers turn source text into the document model (`tei.convert.model.Document`)."""

from .source import decode_source
from .wilson import WilsonReader, read_wilson

__all__ = ["WilsonReader", "decode_source", "read_wilson"]
