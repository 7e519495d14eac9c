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
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template name="mark">
    <xsl:param name="kind"/>
    <xsl:param name="explanation"/>
    <xsl:param name="open" select="''"/>
    <xsl:param name="close" select="''"/>
    <xsl:param name="quiet" select="'yes'"/>
    <xsl:param name="reading" select="'show'"/>
    <xsl:param name="content" select="'yes'"/>
    <xsl:param name="block" select="''"/>
    <xsl:param name="hand" select="''"/>
    <xsl:variable name="doubled" select="ed:double-bracketed($open, $close)"/>
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
        <xsl:if test="string($hand)"> hand hand-<xsl:value-of select="translate($hand, ' .:', '---')"/></xsl:if>
      </xsl:attribute>
      <xsl:attribute name="title"><xsl:value-of select="normalize-space($explanation)"/></xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:if test="string($open)"><span class="ed-label"><xsl:if test="$doubled">[</xsl:if><xsl:value-of select="$open"/><xsl:if test="$doubled and not(string($close))">]</xsl:if></span></xsl:if>
      <xsl:if test="$content = 'yes'"><xsl:apply-templates/></xsl:if>
      <xsl:if test="string($close)"><span class="ed-label"><xsl:value-of select="$close"/><xsl:if test="$doubled and string($close)">]</xsl:if></span></xsl:if>
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

  <!-- A key to the marks that occur in this document, below the text: exactly the marks the text
       uses, each in the form it has there ("[sic!]" where the text has "[sic!]"), with the meaning
       its own explanation gives. One element of each kind and attributes is drawn again to read
       its brackets and explanation. Duplicates are found by sorting and comparing neighbours, in
       time n log n: a key() lookup copies its whole group, which made many marks quadratic. -->
  <xsl:key name="mark-by-id" match="tei:text//*" use="generate-id()"/>

  <xsl:template name="marks-key">
    <xsl:variable name="t" select="/tei:TEI/tei:text"/>
    <xsl:variable name="candidates">
      <xsl:for-each select="$t//tei:sic[not(parent::tei:choice)] | $t//tei:gap | $t//tei:space | $t//tei:add
                            | $t//tei:note | $t//tei:supplied | $t//tei:unclear[not(parent::tei:choice)]
                            | $t//tei:del | $t//tei:damage | $t//tei:surplus | $t//tei:term[@type='original'] | $t//tei:stamp
                            | $t//tei:pb | $t//tei:choice | $t//tei:app | $t//tei:metamark | $t//tei:retrace
                            | $t//tei:mod | $t//tei:addSpan | $t//tei:delSpan | $t//tei:handShift">
        <xsl:variable name="footnote"><xsl:if test="self::tei:note"><xsl:call-template name="is-footnote"/></xsl:if></xsl:variable>
        <xsl:if test="$footnote != 'yes'">
          <mark-candidate group="{concat(local-name(), '|', @type, '|', @subtype, '|', @place, '|', @rend, '|', @reason, '|', @hand, '|', @cert, '|', @quantity, '|', @unit, '|', normalize-space(tei:desc), '|', local-name(*[1]), '|', local-name(*[2]), '|', count(tei:rdg), '|', normalize-space(tei:rdg/@wit))}" id="{generate-id()}" order="{position()}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="first-of-each">
      <xsl:call-template name="first-of-each">
        <xsl:with-param name="items" select="exsl:node-set($candidates)/*" xmlns:exsl="http://exslt.org/common"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="drawn">
      <xsl:for-each select="exsl:node-set($first-of-each)/*" xmlns:exsl="http://exslt.org/common">
        <xsl:sort select="@order" data-type="number"/>
        <xsl:variable name="id" select="@id"/>
        <xsl:for-each select="$t"><xsl:apply-templates select="key('mark-by-id', $id)"/></xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="entries">
      <xsl:for-each select="exsl:node-set($drawn)//*[contains(concat(' ', @class, ' '), ' ed ') and @title]" xmlns:exsl="http://exslt.org/common">
        <xsl:variable name="labels" select="*[@class='ed-label']"/>
        <xsl:variable name="open" select="node()[1][@class='ed-label']"/>
        <xsl:variable name="close" select="node()[last()][@class='ed-label'][count($labels) = 2 or not($open)]"/>
        <xsl:variable name="content" select="node()[not(@class='ed-label') and (self::* or normalize-space())]"/>
        <xsl:variable name="choice" select="contains(concat(' ', @class, ' '), ' ed-choice ')"/>
        <xsl:variable name="meaning">
          <xsl:choose>
            <xsl:when test="$choice and contains(@title, ';')"><xsl:value-of select="substring-before(@title, ';')"/></xsl:when>
            <xsl:when test="$choice and contains(@title, ':')"><xsl:value-of select="substring-before(@title, ':')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="form">
          <xsl:choose>
            <xsl:when test="$choice"><i><xsl:value-of select="ed:label('text')"/></i> [<i><xsl:value-of select="ed:label('editors’ form')"/></i>]</xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$open"/>
              <xsl:if test="$content">
                <i><xsl:value-of select="ed:label('text')"/></i>
                <xsl:if test="$close and not($open)"><xsl:text> </xsl:text></xsl:if>
              </xsl:if>
              <xsl:value-of select="normalize-space($close)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <mark-entry group="{normalize-space($form)}|{normalize-space($meaning)}" order="{position()}"
                    meaning="{normalize-space($meaning)}"><xsl:copy-of select="$form"/></mark-entry>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="used-tree">
      <xsl:call-template name="first-of-each">
        <xsl:with-param name="items" select="exsl:node-set($entries)/*" xmlns:exsl="http://exslt.org/common"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="used" select="exsl:node-set($used-tree)/*" xmlns:exsl="http://exslt.org/common"/>
    <xsl:if test="$used">
      <section class="marks-key" aria-labelledby="marks-key-title">
        <xsl:call-template name="interface-lang"/>
        <h2 id="marks-key-title"><xsl:value-of select="ed:label('Editorial marks')"/></h2>
        <p><xsl:value-of select="ed:label('Square brackets are the translator’s and the editors’, not the original’s.')"/><span class="screen-only"><xsl:text> </xsl:text><xsl:value-of select="ed:label('Each&#10;          mark explains itself when you point at it, tab to it or tap it; the reading view hides the brackets of&#10;          corrections and expansions.')"/></span></p>
        <dl>
          <xsl:for-each select="$used">
            <xsl:sort select="@order" data-type="number"/>
            <dt><xsl:copy-of select="node()"/></dt>
            <dd><xsl:value-of select="@meaning"/></dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Of items with @group and @order, the first (lowest order) of each group: sorted by group
       and order, an item is the first of its group when its neighbour before it is of another. -->
  <xsl:template name="first-of-each">
    <xsl:param name="items"/>
    <xsl:variable name="sorted">
      <xsl:for-each select="$items">
        <xsl:sort select="@group"/>
        <xsl:sort select="@order" data-type="number"/>
        <xsl:copy-of select="."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:copy-of select="exsl:node-set($sorted)/*[not(@group = preceding-sibling::*[1]/@group)]" xmlns:exsl="http://exslt.org/common"/>
  </xsl:template>

</xsl:stylesheet>
