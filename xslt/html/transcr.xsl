<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML: editorial and transcription marks (sic, gap, add, del, supplied, unclear, choice, ...).

  What each mark says is decided in common/common.xsl; here it is drawn. Every mark is an element
  with class "ed ed-KIND" and a title (the tooltip); its brackets and labels are real text in
  class "ed-label", so that screen readers read them and copying keeps them. The reading view
  (class "view-reading" on body, see edition.css) hides the labels of quiet marks visually only,
  and hides dropped content (deletions, the original side of a choice).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:template name="mark">
    <xsl:param name="kind"/>
    <xsl:param name="explanation"/>
    <xsl:param name="open" select="''"/>
    <xsl:param name="close" select="''"/>
    <xsl:param name="quiet" select="'yes'"/>
    <xsl:param name="reading" select="'show'"/>
    <xsl:param name="content" select="'yes'"/>
    <xsl:param name="block" select="''"/>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="$block = 'yes'">div</xsl:when>
        <xsl:when test="$kind = 'del'">del</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:attribute name="class">
        <xsl:value-of select="concat('ed ed-', $kind)"/>
        <xsl:if test="$quiet = 'yes'"> ed-quiet</xsl:if>
        <xsl:if test="$reading = 'drop'"> ed-drop</xsl:if>
        <xsl:if test="$block = 'yes'"> ed-block</xsl:if>
      </xsl:attribute>
      <xsl:attribute name="title"><xsl:value-of select="normalize-space($explanation)"/></xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:if test="string($open)"><span class="ed-label"><xsl:value-of select="$open"/></span></xsl:if>
      <xsl:if test="$content = 'yes'"><xsl:apply-templates/></xsl:if>
      <xsl:if test="string($close)"><span class="ed-label"><xsl:value-of select="$close"/></span></xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template name="alternatives">
    <xsl:param name="orig"/>
    <xsl:param name="reg"/>
    <xsl:param name="explanation"/>
    <span class="ed ed-choice ed-quiet" title="{normalize-space($explanation)}">
      <span class="orig"><xsl:apply-templates select="$orig/node()"/></span>
      <span class="ed-label"> [</span>
      <span class="reg"><xsl:apply-templates select="$reg/node()"/></span>
      <span class="ed-label">]</span>
    </span>
  </xsl:template>

  <!-- A key to the marks that occur in this document, below the text. -->
  <xsl:template name="marks-key">
    <xsl:variable name="t" select="/tei:TEI/tei:text"/>
    <xsl:if test="$t//tei:sic or $t//tei:term[@type='original'] or $t//tei:gap or $t//tei:add or $t//tei:del or $t//tei:supplied
                  or $t//tei:unclear or $t//tei:choice or $t//tei:space[tei:desc or @type='blank']
                  or $t//tei:note[@type='annotation']">
      <section class="marks-key" aria-labelledby="marks-key-title">
        <h2 id="marks-key-title">Editorial marks</h2>
        <p>Square brackets are the translator’s and the editors’, not the original’s.<span class="screen-only"> Point at a
          mark for its meaning; the reading view hides the brackets of corrections and expansions.</span></p>
        <dl>
          <xsl:if test="$t//tei:sic[not(parent::tei:choice)]"><dt>[sic]</dt><dd>thus in the original</dd></xsl:if>
          <xsl:if test="$t//tei:gap[@reason='omitted' or not(@reason)]"><dt>[…]</dt><dd>text left out by the editors</dd></xsl:if>
          <xsl:if test="$t//tei:gap[@reason and @reason!='omitted']"><dt>[illegible], [signature]</dt><dd>text or sign not transcribed</dd></xsl:if>
          <xsl:if test="$t//tei:add"><dt>[inserted by hand: …]</dt><dd>added in the original, in another hand or place</dd></xsl:if>
          <xsl:if test="$t//tei:del"><dt>[deleted: …]</dt><dd>struck out in the original</dd></xsl:if>
          <xsl:if test="$t//tei:note[@type='annotation'] or $t//tei:add[@type='annotation']"><dt>[handwritten: …]</dt><dd>handwritten annotation</dd></xsl:if>
          <xsl:if test="$t//tei:space[tei:desc or @type='blank']"><dt>[date left blank]</dt><dd>space left blank in the original</dd></xsl:if>
          <xsl:if test="$t//tei:supplied"><dt>[words]</dt><dd>supplied by the translator or editors</dd></xsl:if>
          <xsl:if test="$t//tei:unclear"><dt>[unclear: …]</dt><dd>uncertain reading</dd></xsl:if>
          <xsl:if test="$t//tei:term[@type='original']"><dt>[<i>original word</i>]</dt><dd>a word of the original language, given by the translator</dd></xsl:if>
          <xsl:if test="$t//tei:choice"><dt>abbr. [expansion]</dt><dd>abbreviation expanded, or error corrected, by the editors</dd></xsl:if>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
