<?xml version="1.0" encoding="UTF-8"?>
<!--
  Page images in the plain text: a pb whose @facs points at an http(s) image (common/facsimile.xsl
  says which) gives a line "[page image: URL]", the full image (an IIIF info.json as its full
  image); a pb without an allowed image gives its page marker, as a pb without @facs does.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template match="tei:pb[@facs or @xml:id]">
    <xsl:variable name="url">
      <xsl:call-template name="facsimile-url"/>
    </xsl:variable>
    <xsl:if test="$url != ''">
      <xsl:variable name="iiif">
        <xsl:call-template name="iiif-base">
          <xsl:with-param name="url" select="$url"/>
        </xsl:call-template>
      </xsl:variable>
      <!-- the page's number too, which the HTML gives as the image's caption -->
      <xsl:if test="normalize-space(@n)"><xsl:call-template name="page-break-mark"/></xsl:if>
      <xsl:value-of select="$nl"/>
      <xsl:value-of select="concat('[', ed:label('page image'), ': ')"/>
      <xsl:choose>
        <xsl:when test="$iiif != '' and contains($url, '/info.json')">
          <xsl:value-of select="concat($iiif, '/full/max/0/default.jpg')"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:if test="$url = ''"><xsl:call-template name="page-break-mark"/></xsl:if>
  </xsl:template>

  <!-- The page images of <facsimile> that the text never points at: a line each, with its zones. -->
  <xsl:template name="unplaced-surfaces-section">
    <xsl:if test="$unplaced-surfaces">
      <xsl:call-template name="rule"/>
      <xsl:value-of select="ed:label('Page images not placed in the text')"/>
      <xsl:for-each select="$unplaced-surfaces">
        <xsl:variable name="url">
          <xsl:call-template name="target-image-url"><xsl:with-param name="target" select="."/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="$para-break"/>
        <xsl:text>[</xsl:text>
        <xsl:choose>
          <xsl:when test="normalize-space(@n) != ''">surface <xsl:value-of select="normalize-space(@n)"/></xsl:when>
          <xsl:when test="normalize-space(tei:label) != ''"><xsl:value-of select="normalize-space(tei:label)"/></xsl:when>
          <xsl:otherwise>surface <xsl:value-of select="position()"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$url != ''"><xsl:value-of select="concat(': ', $url)"/></xsl:if>
        <xsl:text>]</xsl:text>
        <xsl:for-each select=".//tei:zone[@points or @ulx or @uly or @lrx or @lry]">
          <xsl:value-of select="$nl"/>
          <xsl:text>[</xsl:text><xsl:call-template name="zone-name"/>: <xsl:call-template name="zone-position"/><xsl:text>]</xsl:text>
        </xsl:for-each>
        <xsl:if test="tei:desc"><xsl:value-of select="$nl"/><xsl:apply-templates select="tei:desc/node()"/></xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
