<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text: footnotes as "[n]" in the text and "[n] ..." after it; clerks' transmission lines
  as lines of their own.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template name="footnote-reference">
    <xsl:text>[</xsl:text><xsl:call-template name="note-label"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template name="footnote-list">
    <xsl:if test="$footnote-notes">
      <xsl:call-template name="rule"/>
      <xsl:value-of select="ed:label('Notes')"/>
      <xsl:for-each select="$footnote-notes">
        <xsl:variable name="division-title">
          <xsl:call-template name="footnote-division-title"><xsl:with-param name="place" select="position()"/></xsl:call-template>
        </xsl:variable>
        <xsl:if test="string($division-title)">
          <xsl:value-of select="concat($para-break, $division-title, $para-break)"/>
        </xsl:if>
        <xsl:call-template name="para">
          <xsl:with-param name="prefix">
            <xsl:text>[</xsl:text><xsl:call-template name="note-label"/><xsl:text>] </xsl:text>
            <xsl:call-template name="note-kind"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A paragraph inside a note runs on, so that the note stays one block. -->
  <xsl:template match="tei:note//tei:p">
    <xsl:apply-templates/><xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:note[@type='transmission']">
    <xsl:call-template name="line"/>
  </xsl:template>

</xsl:stylesheet>
