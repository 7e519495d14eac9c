<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text: the file's standOff after the text, each list under its heading, each entry a line
  starting "- ".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template name="standoff-section">
    <xsl:if test="/tei:TEI/tei:standOff">
      <xsl:call-template name="rule"/>
      <xsl:value-of select="ed:label('Stand-off data')"/>
      <xsl:for-each select="/tei:TEI/tei:standOff">
        <xsl:apply-templates select="*" mode="standoff"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="standoff">
    <xsl:variable name="list"><xsl:call-template name="is-standoff-list"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="self::tei:head"/>
      <xsl:when test="$list = 'yes'">
        <xsl:value-of select="$para-break"/>
        <xsl:call-template name="standoff-heading"/>
        <xsl:for-each select="tei:desc"><xsl:call-template name="line"/></xsl:for-each>
        <xsl:apply-templates select="*[not(self::tei:head or self::tei:desc)]" mode="standoff-entry"/>
        <xsl:value-of select="$para-break"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="standoff-entry"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="standoff-entry">
    <xsl:variable name="list"><xsl:call-template name="is-standoff-list"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$list = 'yes'"><xsl:apply-templates select="." mode="standoff"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$nl"/>
        <xsl:text>- </xsl:text>
        <xsl:choose>
          <xsl:when test="normalize-space()"><xsl:apply-templates/></xsl:when>
          <xsl:otherwise><xsl:call-template name="standoff-attributes"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
