<?xml version="1.0" encoding="UTF-8"?>
<!--
  Page images in the plain text: a pb whose @facs points at an http(s) image (common/facsimile.xsl
  says which) gives a line "[page image: URL]", the full image (an IIIF info.json as its full
  image); a pb without an allowed image gives nothing, as before.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:template match="tei:pb[@facs]">
    <xsl:variable name="url">
      <xsl:call-template name="facsimile-url"/>
    </xsl:variable>
    <xsl:if test="$url != ''">
      <xsl:variable name="iiif">
        <xsl:call-template name="iiif-base">
          <xsl:with-param name="url" select="$url"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="$nl"/>
      <xsl:text>[page image: </xsl:text>
      <xsl:choose>
        <xsl:when test="$iiif != '' and contains($url, '/info.json')">
          <xsl:value-of select="concat($iiif, '/full/max/0/default.jpg')"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
