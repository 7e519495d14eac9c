<?xml version="1.0" encoding="UTF-8"?>
<!--
  egXML (the TEI examples namespace): the example written out as the markup it is, tags,
  attributes, comments and text, for every output to show as code. The example's elements are
  never rendered as TEI (they are an example of it) and their xml:ids are not the file's.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:eg="http://www.tei-c.org/ns/Examples"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="eg str">

  <!-- The markup of an egXML's content; the white space that only indents the first and last tag
       of the example is left out. -->
  <xsl:template name="example-markup">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::text()[not(normalize-space())] and (position() = 1 or position() = last())"/>
        <xsl:otherwise><xsl:apply-templates select="." mode="example"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="example">
    <xsl:text>&lt;</xsl:text>
    <xsl:value-of select="name()"/>
    <!-- a namespace other than its parent's is declared where it starts -->
    <xsl:if test="namespace-uri() != namespace-uri(..) and namespace-uri() != 'http://www.tei-c.org/ns/Examples'">
      <xsl:text> xmlns</xsl:text>
      <xsl:if test="contains(name(), ':')"><xsl:value-of select="concat(':', substring-before(name(), ':'))"/></xsl:if>
      <xsl:text>="</xsl:text><xsl:value-of select="namespace-uri()"/><xsl:text>"</xsl:text>
    </xsl:if>
    <xsl:for-each select="@*">
      <xsl:value-of select="concat(' ', name(), '=&quot;')"/>
      <xsl:call-template name="escape-markup"><xsl:with-param name="text" select="."/><xsl:with-param name="quote" select="'yes'"/></xsl:call-template>
      <xsl:text>"</xsl:text>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">
        <xsl:text>&gt;</xsl:text>
        <xsl:apply-templates mode="example"/>
        <xsl:value-of select="concat('&lt;/', name(), '&gt;')"/>
      </xsl:when>
      <xsl:otherwise><xsl:text>/&gt;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="example">
    <xsl:call-template name="escape-markup"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>

  <xsl:template match="comment()" mode="example">
    <xsl:value-of select="concat('&lt;!--', ., '--&gt;')"/>
  </xsl:template>

  <xsl:template match="processing-instruction()" mode="example">
    <xsl:value-of select="concat('&lt;?', name(), ' ', ., '?&gt;')"/>
  </xsl:template>

  <!-- Text as it is written in XML: &amp; and &lt; (and &quot; in an attribute) escaped, by
       EXSLT's str:replace in one pass each (a recursive template would nest once per character). -->
  <xsl:template name="escape-markup">
    <xsl:param name="text"/>
    <xsl:param name="quote" select="'no'"/>
    <xsl:variable name="escaped" select="str:replace(str:replace(string($text), '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;')"/>
    <xsl:choose>
      <xsl:when test="$quote = 'yes'"><xsl:value-of select="str:replace($escaped, '&quot;', '&amp;quot;')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$escaped"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
