<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML: names and dates. A name that points into the document (@ref or @corresp "#id", as FRUS
  does with its list of persons) becomes a link whose tooltip is the entry it points to.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:template match="tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName
                       | tei:text//tei:name | tei:text//tei:roleName | tei:text//tei:geogName
                       | tei:text//tei:rs | tei:text//tei:gloss">
    <xsl:variable name="pointer" select="normalize-space((@ref | @corresp | @target)[1])"/>
    <xsl:variable name="first" select="concat(substring-before(concat($pointer, ' '), ' '), '')"/>
    <!-- Only "#id" points into this file: the id after the '#' of "javascript:...#id" is no reason to link. -->
    <xsl:variable name="target" select="key('ids', substring-after($first, '#'))/parent::*[starts-with($first, '#')]"/>
    <xsl:variable name="prefix" select="substring-before($first, ':')"/>
    <xsl:variable name="href">
      <xsl:choose>
        <xsl:when test="$target"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="$first"/></xsl:call-template></xsl:when>
        <xsl:when test="$name-index != '' and $prefix != '' and translate($prefix, 'abcdefghijklmnopqrstuvwxyz', '') = ''
                        and not(contains($first, '/'))">
          <xsl:call-template name="safe-url">
            <xsl:with-param name="url" select="concat($name-index, $prefix, '.html#', $prefix, '-', substring-after($first, ':'))"/>
            <xsl:with-param name="relative" select="'yes'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="safe-href"><xsl:with-param name="target" select="$pointer"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="class" select="concat('name tei-', local-name())"/>
    <xsl:choose>
      <xsl:when test="string($href)">
        <a class="{$class}" href="{$href}">
          <xsl:if test="$target"><xsl:attribute name="title"><xsl:value-of select="normalize-space($target)"/></xsl:attribute></xsl:if>
          <xsl:call-template name="global-attributes"/>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date with a machine-readable value that HTML accepts (YYYY, YYYY-MM, YYYY-MM-DD). -->
  <xsl:template match="tei:text//tei:date | tei:text//tei:time">
    <xsl:variable name="when" select="normalize-space(@when)"/>
    <xsl:variable name="shape" select="translate($when, '0123456789', '9999999999')"/>
    <xsl:choose>
      <xsl:when test="$shape = '9999' or $shape = '9999-99' or $shape = '9999-99-99'">
        <time class="tei-date" datetime="{$when}"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-date"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
