<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text: editorial and transcription marks, in one view. The diplomatic view writes every
  mark with its brackets, as docs/encoding.md's "recovered as" column; the reading view writes
  the clean text: quiet marks lose their labels, deletions are left out, choices show the
  editors' form.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template name="mark">
    <xsl:param name="kind"/>
    <xsl:param name="explanation"/>
    <xsl:param name="open" select="''"/>
    <xsl:param name="close" select="''"/>
    <xsl:param name="quiet" select="'yes'"/>
    <xsl:param name="reading" select="'show'"/>
    <xsl:param name="content" select="'yes'"/>
    <xsl:param name="block" select="''"/>
    <xsl:param name="hand" select="''"/>  <!-- HTML's class; the text names the hand in its labels -->
    <xsl:variable name="doubled" select="ed:double-bracketed($open, $close)"/>
    <xsl:variable name="labels" select="$view = 'diplomatic' or $quiet = 'no'"/>
    <xsl:if test="not($view = 'reading' and $reading = 'drop')">
      <xsl:if test="$block = 'yes'"><xsl:value-of select="$para-break"/></xsl:if>
      <xsl:if test="$labels"><xsl:if test="$doubled">[</xsl:if><xsl:value-of select="$open"/><xsl:if test="$doubled and not(string($close))">]</xsl:if></xsl:if>
      <xsl:if test="$content = 'yes'"><xsl:apply-templates/></xsl:if>
      <xsl:if test="$labels"><xsl:value-of select="$close"/><xsl:if test="$doubled and string($close)">]</xsl:if></xsl:if>
      <xsl:if test="$block = 'yes'"><xsl:value-of select="$para-break"/></xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="alternatives">
    <xsl:param name="orig"/>
    <xsl:param name="reg"/>
    <xsl:param name="explanation"/>
    <xsl:choose>
      <xsl:when test="$view = 'reading'"><xsl:apply-templates select="$reg/node()"/></xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$orig/node()"/>
        <xsl:text> [</xsl:text>
        <xsl:apply-templates select="$reg/node()"/>
        <xsl:text>]</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
