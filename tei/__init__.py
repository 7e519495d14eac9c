"""tei-edition: archival document exports to TEI P5 editions."""

__version__ = "0.1.0"
