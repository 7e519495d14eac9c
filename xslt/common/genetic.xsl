<?xml version="1.0" encoding="UTF-8"?>
<!--
  Genetic marks (how the writing was made, in a sourceDoc or a text): metamarks, retracing,
  modifications, the ends of added and deleted passages (addSpan, delSpan and their anchor), and
  changes of hand. What each says, for every output; each output draws it with its `mark`
  template. The words they hold are always kept; in HTML a mark made in a hand carries the
  class "hand hand-ID", so that hands can be told apart.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:key name="span-end" match="tei:addSpan | tei:delSpan" use="substring-after(normalize-space(@spanTo), '#')"/>

  <!-- The hand a pointer names, as a class name: "#MWS" gives "MWS". -->
  <xsl:template name="hand-name">
    <xsl:param name="pointer" select="@hand"/>
    <xsl:variable name="first" select="substring-before(concat(normalize-space($pointer), ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="starts-with($first, '#')"><xsl:value-of select="substring($first, 2)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="by-hand">
    <xsl:if test="@hand"><xsl:call-template name="hand-text"/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:metamark">
    <xsl:variable name="function" select="normalize-space(@function)"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'metamark'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:value-of select="ed:label('A mark the writer made about the writing')"/>
        <xsl:if test="$function"> (<xsl:value-of select="$function"/>)</xsl:if>
        <xsl:call-template name="by-hand"/>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:text>[metamark</xsl:text>
        <xsl:if test="$function"><xsl:value-of select="concat(', ', $function)"/></xsl:if>
        <xsl:if test="normalize-space()">: </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="close" select="']'"/>
      <xsl:with-param name="hand"><xsl:call-template name="hand-name"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:retrace">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'retrace'"/>
      <xsl:with-param name="explanation"><xsl:value-of select="ed:label('Written over again (retraced) in the original')"/><xsl:call-template name="by-hand"/></xsl:with-param>
      <xsl:with-param name="open" select="'[retraced: '"/>
      <xsl:with-param name="close" select="']'"/>
      <xsl:with-param name="hand"><xsl:call-template name="hand-name"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:mod">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'mod'"/>
      <xsl:with-param name="explanation">
        <xsl:value-of select="ed:label('Changed in the original')"/>
        <xsl:if test="normalize-space(@type)"> (<xsl:value-of select="normalize-space(@type)"/>)</xsl:if>
        <xsl:call-template name="by-hand"/>
      </xsl:with-param>
      <xsl:with-param name="open" select="'[changed: '"/>
      <xsl:with-param name="close" select="']'"/>
      <xsl:with-param name="hand"><xsl:call-template name="hand-name"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:addSpan | tei:delSpan">
    <xsl:variable name="added" select="self::tei:addSpan"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="$added"><xsl:value-of select="ed:label('An added passage begins')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="ed:label('A deleted passage begins')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="by-hand"/>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:choose>
          <xsl:when test="$added">[added passage:</xsl:when>
          <xsl:otherwise>[deleted passage:</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@hand"> <xsl:text> </xsl:text><xsl:call-template name="hand-name"/></xsl:if>
        <xsl:text>]</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="content" select="'no'"/>
      <xsl:with-param name="hand"><xsl:call-template name="hand-name"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The anchor where an added or deleted passage ends. -->
  <xsl:template match="tei:anchor[@xml:id and key('span-end', @xml:id)]">
    <xsl:variable name="added" select="key('span-end', @xml:id)[1][self::tei:addSpan]"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'span-end'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="$added"><xsl:value-of select="ed:label('The added passage ends')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="ed:label('The deleted passage ends')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:choose>
          <xsl:when test="$added">[end of added passage]</xsl:when>
          <xsl:otherwise>[end of deleted passage]</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="content" select="'no'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:handShift">
    <xsl:variable name="hand"><xsl:call-template name="hand-name"><xsl:with-param name="pointer" select="@new"/></xsl:call-template></xsl:variable>
    <xsl:variable name="note" select="normalize-space(key('ids', $hand)/..)"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'handShift'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:value-of select="ed:label('Another hand writes from here')"/>
        <xsl:if test="$note"> (<xsl:value-of select="$note"/>)</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:text>[hand</xsl:text>
        <xsl:if test="string($hand)"><xsl:value-of select="concat(': ', $hand)"/></xsl:if>
        <xsl:text>]</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="content" select="'no'"/>
      <xsl:with-param name="hand" select="$hand"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
