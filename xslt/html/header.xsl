<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML: the TEI header, drawn as the page's metadata (for the reader, and as <meta> for search
  engines and for the PDF's document information), the summary and the "Cite this document" box.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <!-- <meta> elements; WeasyPrint turns author, description and keywords into the PDF's
       Author, Subject and Keywords. -->
  <xsl:template name="head-metadata">
    <xsl:variable name="authors"
        select="($title-stmt/tei:author
                 | $header/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/*[not(self::tei:date)])"/>
    <xsl:variable name="responsible" select="$title-stmt/tei:respStmt/*[not(self::tei:resp)]"/>
    <xsl:variable name="author-nodes" select="$authors | $responsible[not($authors)]"/>
    <xsl:if test="$author-nodes">
      <meta name="author">
        <xsl:attribute name="content">
          <xsl:for-each select="$author-nodes">
            <xsl:value-of select="normalize-space(.)"/>
            <xsl:if test="position() != last()">; </xsl:if>
          </xsl:for-each>
        </xsl:attribute>
      </meta>
    </xsl:if>
    <xsl:if test="normalize-space($summary)">
      <meta name="description" content="{normalize-space($summary)}"/>
    </xsl:if>
    <xsl:variable name="keywords" select="$header/tei:profileDesc/tei:textClass/tei:keywords/tei:term"/>
    <xsl:variable name="type"><xsl:call-template name="category"><xsl:with-param name="scheme" select="'document-types'"/></xsl:call-template></xsl:variable>
    <xsl:if test="$keywords or string($type)">
      <meta name="keywords">
        <xsl:attribute name="content">
          <xsl:value-of select="$type"/>
          <xsl:for-each select="$keywords">
            <xsl:if test="position() &gt; 1 or string($type)">, </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
        </xsl:attribute>
      </meta>
    </xsl:if>
    <meta name="generator" content="tei-edition"/>
  </xsl:template>

  <xsl:template name="document-header">
    <xsl:variable name="publisher" select="normalize-space($header/tei:fileDesc/tei:publicationStmt/tei:publisher[1])"/>
    <header class="document-header">
      <xsl:if test="string($header-lang)"><xsl:attribute name="lang"><xsl:call-template name="html-language"><xsl:with-param name="tag" select="$header-lang"/></xsl:call-template></xsl:attribute></xsl:if>
      <xsl:if test="$publisher"><p class="publisher"><xsl:value-of select="$publisher"/></p></xsl:if>
      <h1 id="title"><xsl:value-of select="$doc-title"/></h1>
      <dl class="metadata">
        <xsl:call-template name="metadata-fields"/>
      </dl>
      <xsl:call-template name="manuscript-description"/>
      <xsl:if test="normalize-space($summary)">
        <section class="summary" aria-labelledby="summary-title">
          <h2 id="summary-title"><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Summary')"/></h2>
          <xsl:apply-templates select="$summary/node()"/>
        </section>
      </xsl:if>
      <section class="cite" aria-labelledby="cite-title">
        <h2 id="cite-title"><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Cite this document')"/></h2>
        <p class="citation" id="citation">
          <xsl:choose>
            <xsl:when test="$citation"><xsl:apply-templates select="$citation/node()"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="built-citation"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <p class="cite-actions" hidden="">
          <button type="button" class="copy-citation" data-copy="citation"><xsl:value-of select="ed:label('Copy citation')"/></button>
          <span class="copy-status" role="status"></span>
        </p>
      </section>
    </header>
  </xsl:template>

  <xsl:template name="metadata-field">
    <xsl:param name="label"/>
    <xsl:param name="value" select="''"/>
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="href" select="''"/>
    <xsl:param name="separator" select="'; '"/>
    <!-- most fields have no address: safe-url would say nothing of an empty one -->
    <xsl:variable name="link">
      <xsl:if test="normalize-space($href)"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="$href"/></xsl:call-template></xsl:if>
    </xsl:variable>
    <!-- an empty element (<sourceDesc><p/></sourceDesc>) is no value: no bare label -->
    <xsl:variable name="shown" select="$nodes[normalize-space() or *]"/>
    <xsl:if test="normalize-space($value) or $shown">
      <div class="field">
        <dt><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label($label)"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="string($link)"><a href="{$link}"><xsl:value-of select="$value"/></a></xsl:when>
            <xsl:when test="normalize-space($value)"><xsl:value-of select="$value"/></xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="$shown">
                <xsl:apply-templates/>
                <xsl:if test="position() != last()"><xsl:value-of select="$separator"/></xsl:if>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The manuscript description beyond its identifier: each part a section, each of its
       sections a labelled block, their text drawn by the core templates. -->
  <xsl:template name="manuscript-description">
    <xsl:if test="$manuscript-parts">
      <section class="manuscript" aria-labelledby="manuscript-title">
        <h2 id="manuscript-title"><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Description of the manuscript')"/></h2>
        <xsl:apply-templates select="$manuscript-parts" mode="manuscript"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:msContents | tei:physDesc | tei:history | tei:additional | tei:msPart | tei:msFrag
                       | tei:msItem | tei:objectDesc | tei:handDesc | tei:decoDesc | tei:bindingDesc
                       | tei:sealDesc | tei:scriptDesc | tei:typeDesc | tei:adminInfo | tei:supportDesc" mode="manuscript">
    <xsl:variable name="label"><xsl:call-template name="manuscript-label"/></xsl:variable>
    <div class="ms-part tei-{local-name()}">
      <xsl:call-template name="global-attributes"/>
      <xsl:if test="string($label)"><h3 class="ms-label"><xsl:value-of select="$label"/></h3></xsl:if>
      <xsl:apply-templates select="node()" mode="manuscript"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:msDesc/tei:head" mode="manuscript">
    <p class="ms-head"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Any other section: a paragraph with its label, or its children when they are sections. -->
  <xsl:template match="*" mode="manuscript">
    <xsl:variable name="label"><xsl:call-template name="manuscript-label"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="self::tei:p or self::tei:list or self::tei:listBibl or self::tei:table">
        <xsl:apply-templates select="."/>
      </xsl:when>
      <xsl:when test="tei:p or tei:list or tei:listBibl or tei:msItem or tei:table">
        <div class="ms-part tei-{local-name()}">
          <xsl:call-template name="global-attributes"/>
          <xsl:if test="string($label)"><h4 class="ms-label"><xsl:value-of select="$label"/></h4></xsl:if>
          <xsl:apply-templates select="node()" mode="manuscript"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <!-- a field whose paragraphs are deeper down (layoutDesc/layout/p) is no HTML p -->
        <xsl:variable name="element">
          <xsl:choose>
            <xsl:when test=".//tei:p or .//tei:list or .//tei:table or .//tei:lg">div</xsl:when>
            <xsl:otherwise>p</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:element name="{$element}">
          <xsl:attribute name="class">ms-field tei-<xsl:value-of select="local-name()"/></xsl:attribute>
          <xsl:call-template name="global-attributes"/>
          <xsl:if test="string($label)"><span class="ms-label"><xsl:value-of select="$label"/>: </span></xsl:if>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="manuscript">
    <xsl:if test="normalize-space()"><xsl:value-of select="."/></xsl:if>
  </xsl:template>

  <!-- Header paragraphs (abstract, licence) are drawn as paragraphs by the core templates. -->
  <xsl:template match="tei:teiHeader//tei:ref[@target]">
    <xsl:variable name="href"><xsl:call-template name="safe-href"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($href)"><a href="{$href}"><xsl:apply-templates/></a></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
