<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 to plain text, in one view (reading or diplomatic). Only includes: each part covers one
  TEI area. Parameters: params.xsl. Shared, format-neutral templates: common/common.xsl.

  The stylesheet writes one line per paragraph; the renderer (tei/render/plaintext.py) wraps the
  lines at $text-width. A no-break space (U+00A0) at the start of a line is indentation to keep;
  a U+FDD0 (a noncharacter) says where the line's continuation lines start, and is removed.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="params.xsl"/>
  <xsl:include href="common/common.xsl"/>
  <xsl:include href="common/urls.xsl"/>
  <xsl:include href="common/direction.xsl"/>
  <xsl:include href="common/facsimile.xsl"/>
  <xsl:include href="common/examples.xsl"/>
  <xsl:include href="common/genetic.xsl"/>
  <xsl:include href="common/standoff.xsl"/>
  <xsl:include href="text/core.xsl"/>
  <xsl:include href="text/header.xsl"/>
  <xsl:include href="text/transcr.xsl"/>
  <xsl:include href="text/namesdates.xsl"/>
  <xsl:include href="text/notes.xsl"/>
  <xsl:include href="text/facsimile.xsl"/>
  <xsl:include href="text/figures.xsl"/>
  <xsl:include href="text/standoff.xsl"/>
</xsl:stylesheet>
