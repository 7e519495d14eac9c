<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 to a standalone HTML5 reading edition. Only includes: each part covers one TEI area.
  Parameters: params.xsl. Shared, format-neutral templates: common/common.xsl.
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
  <xsl:include href="html/core.xsl"/>
  <xsl:include href="html/header.xsl"/>
  <xsl:include href="html/transcr.xsl"/>
  <xsl:include href="html/namesdates.xsl"/>
  <xsl:include href="html/notes.xsl"/>
  <xsl:include href="html/facsimile.xsl"/>
  <xsl:include href="html/figures.xsl"/>
  <xsl:include href="html/standoff.xsl"/>
</xsl:stylesheet>
