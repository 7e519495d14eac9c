<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text: the TEI header on top, as a title, "Label: value" lines, the summary and a ready
  citation.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template name="document-header">
    <xsl:value-of select="$doc-title"/>
    <xsl:value-of select="$nl"/>
    <xsl:value-of select="substring('========================================================================================================================', 1, $text-width)"/>
    <xsl:value-of select="$para-break"/>
    <xsl:call-template name="metadata-fields"/>
    <xsl:if test="$manuscript-parts">
      <xsl:value-of select="$para-break"/>
      <xsl:value-of select="ed:label('Description of the manuscript')"/>
      <xsl:apply-templates select="$manuscript-parts" mode="manuscript"/>
    </xsl:if>
    <xsl:if test="normalize-space($summary)">
      <xsl:value-of select="$para-break"/>
      <xsl:value-of select="concat(ed:label('Summary'), ': ')"/>
      <xsl:apply-templates select="$summary/node()"/>
    </xsl:if>
    <xsl:value-of select="$para-break"/>
    <xsl:value-of select="concat(ed:label('Cite as'), ': ')"/>
    <xsl:choose>
      <xsl:when test="$citation"><xsl:apply-templates select="$citation/node()"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="built-citation"/></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$para-break"/>
  </xsl:template>

  <xsl:template name="metadata-field">
    <xsl:param name="label"/>
    <xsl:param name="value" select="''"/>
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="href" select="''"/>
    <xsl:param name="separator" select="'; '"/>
    <!-- an empty element (<sourceDesc><p/></sourceDesc>) is no value: no bare label -->
    <xsl:variable name="shown" select="$nodes[normalize-space() or *]"/>
    <xsl:if test="normalize-space($value) or $shown">
      <xsl:value-of select="$nl"/>
      <xsl:value-of select="concat(ed:label($label), ': ')"/>
      <xsl:choose>
        <xsl:when test="normalize-space($value)"><xsl:value-of select="normalize-space($value)"/></xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$shown">
            <!-- as the text shows it, so that side-by-side names (<author><persName>A</persName>
                 <persName>B</persName></author>) keep a space between them -->
            <xsl:variable name="text"><xsl:apply-templates/></xsl:variable>
            <xsl:value-of select="normalize-space($text)"/>
            <xsl:if test="position() != last()"><xsl:value-of select="$separator"/></xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A manuscript description: each section on lines of its own, "Label: text". -->
  <xsl:template match="*" mode="manuscript">
    <xsl:variable name="label"><xsl:call-template name="manuscript-label"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="*[self::tei:p or self::tei:msItem or self::tei:list or self::tei:listBibl or self::tei:msContents
                        or self::tei:physDesc or self::tei:history or self::tei:additional or self::tei:objectDesc
                        or self::tei:handDesc or self::tei:decoDesc or self::tei:bindingDesc or self::tei:supportDesc
                        or self::tei:origin or self::tei:provenance or self::tei:acquisition or self::tei:adminInfo
                        or self::tei:summary or self::tei:textLang or self::tei:layoutDesc or self::tei:scriptDesc
                        or self::tei:handNote or self::tei:decoNote or self::tei:msItemStruct]">
        <xsl:value-of select="$nl"/>
        <xsl:if test="string($label)"><xsl:value-of select="concat($label, ':')"/></xsl:if>
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::*"><xsl:apply-templates select="." mode="manuscript"/></xsl:when>
            <xsl:when test="normalize-space()"><xsl:value-of select="$nl"/><xsl:apply-templates select="."/></xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$nl"/>
        <xsl:if test="string($label)"><xsl:value-of select="concat(ed:label($label), ': ')"/></xsl:if>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- In the summary and the citation, paragraphs run on and links show their address once. -->
  <xsl:template match="tei:teiHeader//tei:p">
    <xsl:apply-templates/><xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:teiHeader//tei:ref">
    <xsl:apply-templates/>
  </xsl:template>

</xsl:stylesheet>
