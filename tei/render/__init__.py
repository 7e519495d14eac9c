"""Reading editions of any TEI P5 file: HTML page, PDF and plain text (stylesheets in xslt/)."""

from .renderer import DEFAULT_VIEW, FORMATS, VIEWS, render, render_files, stylesheet_parameters, tei_files

__all__ = ["DEFAULT_VIEW", "FORMATS", "VIEWS", "render", "render_files", "stylesheet_parameters",
           "tei_files"]
