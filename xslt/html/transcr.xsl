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

  <!-- A key to the marks that occur in this document, below the text: exactly the marks the text
       uses, each in the form it has there ("[sic!]" where the text has "[sic!]"), with the meaning
       its own explanation gives. One element of each kind and attributes (the key below) is drawn
       again to read its brackets and explanation, so the key costs little however many marks. -->
  <xsl:key name="mark-kind" match="tei:text//tei:sic[not(parent::tei:choice)] | tei:text//tei:gap | tei:text//tei:space
                                   | tei:text//tei:add | tei:text//tei:note[@type='annotation'] | tei:text//tei:supplied
                                   | tei:text//tei:unclear[not(parent::tei:choice)] | tei:text//tei:del | tei:text//tei:damage
                                   | tei:text//tei:surplus | tei:text//tei:term[@type='original'] | tei:text//tei:stamp
                                   | tei:text//tei:pb | tei:text//tei:choice | tei:text//tei:app"
           use="concat(local-name(), '|', @type, '|', @subtype, '|', @place, '|', @rend, '|', @reason, '|', @hand, '|',
                       @cert, '|', @quantity, '|', @unit, '|', normalize-space(tei:desc), '|', local-name(*[1]), '|', local-name(*[2]),
                       '|', count(tei:rdg), '|', normalize-space(tei:rdg/@wit))"/>

  <xsl:template name="marks-key">
    <xsl:variable name="t" select="/tei:TEI/tei:text"/>
    <xsl:variable name="drawn">
      <xsl:for-each select="$t//*[count(. | key('mark-kind', concat(local-name(), '|', @type, '|', @subtype, '|', @place, '|',
                              @rend, '|', @reason, '|', @hand, '|', @cert, '|', @quantity, '|', @unit, '|', normalize-space(tei:desc),
                              '|', local-name(*[1]), '|', local-name(*[2]), '|', count(tei:rdg), '|', normalize-space(tei:rdg/@wit)))[1]) = 1]
                            | $t//tei:note[not(@type='annotation')]">
        <xsl:apply-templates select="."/>
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
            <xsl:when test="$choice"><i>text</i> [<i>editors’ form</i>]</xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$open"/>
              <xsl:if test="$content">
                <xsl:if test="$close and not($open)"><i>text</i><xsl:text> </xsl:text></xsl:if>
                <xsl:if test="$open"><i>text</i></xsl:if>
                <xsl:if test="not($open) and not($close)"><i>text</i></xsl:if>
              </xsl:if>
              <xsl:value-of select="normalize-space($close)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <entry key="{normalize-space($form)}|{normalize-space($meaning)}" meaning="{normalize-space($meaning)}">
          <xsl:copy-of select="$form"/>
        </entry>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="used" select="exsl:node-set($entries)/entry[not(@key = preceding-sibling::entry/@key)]" xmlns:exsl="http://exslt.org/common"/>
    <xsl:if test="$used">
      <section class="marks-key" aria-labelledby="marks-key-title">
        <h2 id="marks-key-title">Editorial marks</h2>
        <p>Square brackets are the translator’s and the editors’, not the original’s. Each mark explains
          itself when you point at it, tab to it or tap it; the reading view hides the brackets of
          corrections and expansions.</p>
        <dl>
          <xsl:for-each select="$used">
            <dt><xsl:copy-of select="node()"/></dt>
            <dd><xsl:value-of select="@meaning"/></dd>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
