<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML: the file's standOff, as a section after the text: each list a subsection headed by what
  it lists, each entry a list item that keeps its id (names in the text that point at it link
  to it) and all its words.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template name="standoff-section">
    <xsl:if test="/tei:TEI/tei:standOff">
      <section id="standoff" class="standoff" aria-labelledby="standoff-title">
        <h2 id="standoff-title"><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Stand-off data')"/></h2>
        <xsl:for-each select="/tei:TEI/tei:standOff">
          <xsl:apply-templates select="*" mode="standoff"/>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="standoff">
    <xsl:variable name="list"><xsl:call-template name="is-standoff-list"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="self::tei:head"/>
      <xsl:when test="$list = 'yes'">
        <section class="standoff-list tei-{local-name()}">
          <xsl:call-template name="global-attributes"/>
          <xsl:variable name="depth" select="count(ancestor::*) - 2"/>
          <xsl:element name="{concat('h', substring('3456', 1 + ($depth &gt; 0) + ($depth &gt; 1) + ($depth &gt; 2), 1))}">
            <xsl:call-template name="standoff-heading"/>
          </xsl:element>
          <xsl:for-each select="tei:desc"><p class="standoff-desc"><xsl:apply-templates/></p></xsl:for-each>
          <xsl:apply-templates select="*[not(self::tei:head or self::tei:desc)]" mode="standoff-entry"/>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <div class="standoff-entries"><xsl:apply-templates select="." mode="standoff-entry"/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="standoff-entry">
    <xsl:variable name="list"><xsl:call-template name="is-standoff-list"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$list = 'yes'"><xsl:apply-templates select="." mode="standoff"/></xsl:when>
      <xsl:otherwise>
        <div class="standoff-entry tei-{local-name()}">
          <xsl:call-template name="global-attributes"/>
          <xsl:choose>
            <xsl:when test="normalize-space()"><xsl:apply-templates/></xsl:when>
            <xsl:otherwise><xsl:call-template name="standoff-attributes"/></xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
