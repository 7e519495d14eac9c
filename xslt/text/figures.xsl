<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text: markup examples (egXML) written out as markup, trees as indented lines ("- label",
  each level two spaces further in), formulas as their notation and code, MathML as its symbols.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:eg="http://www.tei-c.org/ns/Examples"
                xmlns:m="http://www.w3.org/1998/Math/MathML"
                exclude-result-prefixes="tei eg m">

  <xsl:template match="eg:egXML">
    <xsl:value-of select="$para-break"/>
    <xsl:call-template name="example-markup"/>
    <xsl:value-of select="$para-break"/>
  </xsl:template>

  <xsl:template match="tei:forest | tei:listForest">
    <xsl:value-of select="$para-break"/>
    <xsl:apply-templates select="tei:eTree | tei:triangle | tei:eLeaf | tei:forest"/>
    <xsl:value-of select="$para-break"/>
  </xsl:template>

  <xsl:template match="tei:eTree | tei:triangle | tei:eLeaf">
    <xsl:variable name="depth" select="count(ancestor::tei:eTree | ancestor::tei:triangle)"/>
    <xsl:value-of select="$nl"/>
    <xsl:if test="$depth &gt; 0">
      <xsl:value-of select="substring('&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;', 1, 2 * $depth)"/>
    </xsl:if>
    <xsl:text>- </xsl:text>
    <xsl:choose>
      <xsl:when test="tei:label"><xsl:apply-templates select="tei:label/node()"/></xsl:when>
      <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
    </xsl:choose>
    <xsl:apply-templates select="node()[not(self::tei:label)]"/>
  </xsl:template>

  <xsl:template match="tei:formula">
    <xsl:choose>
      <xsl:when test="m:math or not(normalize-space(@notation))"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('[', normalize-space(@notation), ': ', normalize-space(.), ']')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- MathML: its tokens (identifiers, numbers, operators, text) one space apart. -->
  <xsl:template match="m:math">
    <xsl:text> </xsl:text>
    <xsl:for-each select=".//m:*/text()[normalize-space()]">
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:text> </xsl:text>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
