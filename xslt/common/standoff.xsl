<?xml version="1.0" encoding="UTF-8"?>
<!--
  standOff: the data a file keeps beside its text (people, places, events, relations,
  annotations...), shown after the text. Which parts are lists of entries and what each list
  is called, for every output.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <!-- 'yes' for an element whose children are the entries of a list. -->
  <xsl:template name="is-standoff-list">
    <xsl:if test="starts-with(local-name(), 'list') or self::tei:spanGrp or self::tei:linkGrp
                  or self::tei:timeline or self::tei:interpGrp or self::tei:joinGrp
                  or self::tei:standOff">yes</xsl:if>
  </xsl:template>

  <xsl:template name="standoff-heading">
    <xsl:choose>
      <xsl:when test="tei:head"><xsl:value-of select="normalize-space(tei:head[1])"/></xsl:when>
      <xsl:when test="self::tei:listPerson"><xsl:value-of select="ed:label('People')"/></xsl:when>
      <xsl:when test="self::tei:listPlace"><xsl:value-of select="ed:label('Places')"/></xsl:when>
      <xsl:when test="self::tei:listOrg"><xsl:value-of select="ed:label('Organisations')"/></xsl:when>
      <xsl:when test="self::tei:listEvent"><xsl:value-of select="ed:label('Events')"/></xsl:when>
      <xsl:when test="self::tei:listBibl"><xsl:value-of select="ed:label('Bibliography')"/></xsl:when>
      <xsl:when test="self::tei:listRelation"><xsl:value-of select="ed:label('Relations')"/></xsl:when>
      <xsl:when test="self::tei:listAnnotation"><xsl:value-of select="ed:label('Annotations')"/></xsl:when>
      <xsl:when test="self::tei:listObject"><xsl:value-of select="ed:label('Objects')"/></xsl:when>
      <xsl:when test="self::tei:listNym"><xsl:value-of select="ed:label('Names')"/></xsl:when>
      <xsl:when test="self::tei:listApp"><xsl:value-of select="ed:label('Apparatus')"/></xsl:when>
      <xsl:when test="self::tei:listWit"><xsl:value-of select="ed:label('Witnesses')"/></xsl:when>
      <xsl:when test="self::tei:timeline"><xsl:value-of select="ed:label('Timeline')"/></xsl:when>
      <xsl:when test="self::tei:standOff"><xsl:value-of select="ed:label('Stand-off data')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@type and not(tei:head)"> (<xsl:value-of select="@type"/>)</xsl:if>
  </xsl:template>

  <!-- An entry that holds no text (a relation, a link, a span) is described by its name and the
       values of its attributes: "relation: parent #mws #ps". -->
  <xsl:template name="standoff-attributes">
    <xsl:value-of select="local-name()"/>
    <xsl:text>:</xsl:text>
    <xsl:for-each select="@*[not(local-name() = 'id')]">
      <xsl:value-of select="concat(' ', normalize-space(.))"/>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
