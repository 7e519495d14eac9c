<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML: notes. Footnotes (which notes are, and their numbers: common/common.xsl) are either
  numbered references linked both ways to a list after the text ($footnotes = 'end'), or the note
  itself at its reference point, which the print style sheet floats to the page foot ('page').
  Transmission lines of the clerks are small blocks at the end of the document.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template name="footnote-reference">
    <xsl:choose>
      <xsl:when test="$footnotes = 'page'">
        <span class="footnote"><xsl:call-template name="note-kind"/><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="label"><xsl:call-template name="note-label"/></xsl:variable>
        <a class="noteref" role="doc-noteref" aria-label="Note {$label}">
          <xsl:attribute name="id"><xsl:call-template name="noteref-id"/></xsl:attribute>
          <xsl:attribute name="href">#<xsl:call-template name="note-id"/></xsl:attribute>
          <sup><xsl:value-of select="$label"/></sup>
        </a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text of a note printed at the page foot has its white space collapsed (a space kept at
       either edge where there was one): WeasyPrint stops on a page-foot note whose text has a space
       before a line end ("A431-I1092 \n in the Riverside", TEI's test file testms.xml). The
       pattern has no predicate: text()[ancestor::tei:note] made libxslt read each text's siblings. -->
  <xsl:template match="tei:note//text()">
    <xsl:choose>
      <xsl:when test="$footnotes = 'page'">
        <xsl:variable name="between" select="normalize-space(concat('x', ., 'x'))"/>
        <xsl:call-template name="text-beside-word-break">
          <xsl:with-param name="collapsed" select="substring($between, 2, string-length($between) - 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="text-beside-word-break"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="footnote-list">
    <xsl:if test="$footnotes != 'page' and $footnote-notes">
      <section class="footnotes" role="doc-endnotes" aria-labelledby="footnotes-title">
        <h2 id="footnotes-title"><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Notes')"/></h2>
        <ol>
          <xsl:for-each select="$footnote-notes">
            <xsl:variable name="label"><xsl:call-template name="note-label"/></xsl:variable>
            <xsl:variable name="division-title">
              <xsl:call-template name="footnote-division-title"><xsl:with-param name="place" select="position()"/></xsl:call-template>
            </xsl:variable>
            <xsl:if test="string($division-title)">
              <li class="fn-division" role="presentation"><h3><xsl:value-of select="$division-title"/></h3></li>
            </xsl:if>
            <li>
              <xsl:attribute name="id"><xsl:call-template name="note-id"/></xsl:attribute>
              <span class="fn-label"><xsl:value-of select="$label"/></span>
              <div class="fn-body">
                <xsl:variable name="note-direction"><xsl:call-template name="own-direction"/></xsl:variable>
                <xsl:if test="$note-direction = 'rtl'"><xsl:attribute name="dir">rtl</xsl:attribute></xsl:if>
                <xsl:call-template name="note-kind"/>
                <xsl:apply-templates/>
                <xsl:text> </xsl:text>
                <a class="fn-back" role="doc-backlink" aria-label="Back to the reference of note {$label}">
                  <xsl:attribute name="href">#<xsl:call-template name="noteref-id"/></xsl:attribute>
                  <xsl:text>↩</xsl:text>
                </a>
              </div>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Paragraphs inside a note at the page foot stay inline, so the note can sit in a p. -->
  <xsl:template match="tei:note//tei:p">
    <xsl:choose>
      <xsl:when test="$footnotes = 'page'"><span class="tei-p"><xsl:apply-templates/></span></xsl:when>
      <xsl:otherwise><p class="tei-p"><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:note[@type='transmission']">
    <xsl:variable name="block"><xsl:call-template name="in-block-context"/></xsl:variable>
    <xsl:variable name="element">
      <xsl:choose><xsl:when test="$block = 'yes'">p</xsl:when><xsl:otherwise>span</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:attribute name="class">tei-note type-transmission</xsl:attribute>
      <xsl:attribute name="title"><xsl:value-of select="ed:label('Transmission line of the original (clerks’ record)')"/></xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
