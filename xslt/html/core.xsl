<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML: the page, and the core TEI text structures (divisions, paragraphs, lists, tables,
  figures, verse, drama, openers and closers, highlighting, links).

  An element no template knows is rendered by the last template here: its text is kept.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- ================================================================ the page -->

  <xsl:template match="/">
    <html>
      <xsl:attribute name="lang"><xsl:call-template name="html-language"><xsl:with-param name="tag" select="$doc-lang"/></xsl:call-template></xsl:attribute>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$doc-title"/></title>
        <xsl:call-template name="head-metadata"/>
        <link rel="icon" href="data:,"/>
        <xsl:choose>
          <xsl:when test="$css">
            <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
          </xsl:when>
          <xsl:otherwise><link rel="stylesheet" href="edition.css"/></xsl:otherwise>
        </xsl:choose>
        <xsl:variable name="page-size">
          <xsl:choose>
            <xsl:when test="translate($paper, 'LETR', 'letr') = 'letter'">letter</xsl:when>
            <xsl:otherwise>A4</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- "wide": the landscape pages of tables with many columns (paged.css) -->
        <style>@page { size: <xsl:value-of select="$page-size"/>; } @page wide { size: <xsl:value-of select="$page-size"/> landscape; }</style>
      </head>
      <body class="view-{$view} footnotes-{$footnotes}">
        <a class="skip-link" href="#text"><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Skip to the text')"/></a>
        <p class="running-title" aria-hidden="true"><xsl:value-of select="$short-title"/></p>
        <main id="main">
          <article class="edition">
            <xsl:call-template name="document-header"/>
            <xsl:call-template name="view-switch"/>
            <section id="text" class="text" aria-label="{ed:label('Text of the document')}">
              <xsl:if test="$text-direction = 'rtl'"><xsl:attribute name="dir">rtl</xsl:attribute></xsl:if>
              <xsl:apply-templates select="/tei:TEI/tei:text"/>
            </section>
            <xsl:if test="/tei:TEI/tei:sourceDoc">
              <section id="source-document" class="source-document" aria-label="{ed:label('The document as written')}">
                <h2><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('The document as written')"/></h2>
                <xsl:apply-templates select="/tei:TEI/tei:sourceDoc"/>
              </section>
            </xsl:if>
            <xsl:call-template name="unplaced-surfaces-section"/>
            <xsl:call-template name="standoff-section"/>
            <xsl:call-template name="footnote-list"/>
            <xsl:call-template name="marks-key"/>
          </article>
        </main>
        <footer class="colophon">
          <xsl:if test="normalize-space($rights)">
            <div class="rights"><h2><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Rights')"/></h2><xsl:apply-templates select="$rights/node()"/></div>
          </xsl:if>
          <p>
            <xsl:call-template name="interface-lang"/>
            <xsl:value-of select="ed:label('Reading edition generated from the TEI P5 source')"/>
            <xsl:if test="$source-name"><xsl:text> </xsl:text><code><xsl:value-of select="$source-name"/></code></xsl:if>
            <xsl:text> </xsl:text><xsl:value-of select="ed:label('by tei-edition.')"/>
          </p>
          <xsl:variable name="manifest">
            <xsl:call-template name="safe-url">
              <xsl:with-param name="url" select="$iiif-manifest"/>
              <xsl:with-param name="relative" select="'yes'"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:if test="$manifest != ''">
            <p class="iiif-manifest">Page images for IIIF viewers: <a href="{$manifest}" type="application/ld+json">IIIF manifest</a></p>
          </xsl:if>
        </footer>
        <xsl:choose>
          <xsl:when test="$js">
            <script><xsl:value-of select="$js" disable-output-escaping="yes"/></script>
          </xsl:when>
          <xsl:otherwise><script src="edition.js"></script></xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

  <!-- The switch between the two views; hidden until the script shows it, so that a page read
       without scripts shows the diplomatic view and no control that does nothing. -->
  <xsl:template name="view-switch">
    <div class="view-switch" role="group" aria-label="{ed:label('How to show the text')}" hidden="">
      <xsl:call-template name="interface-lang"/>
      <span class="view-switch-label"><xsl:value-of select="ed:label('View:')"/></span>
      <button type="button" data-view="diplomatic" aria-pressed="{$view='diplomatic'}"
              title="{ed:label('Every intervention of the editors visible, as in the source')}"><xsl:value-of select="ed:label('Diplomatic')"/></button>
      <button type="button" data-view="reading" aria-pressed="{$view='reading'}"
              title="{ed:label('Clean text: expansions and corrections in place, brackets quiet')}"><xsl:value-of select="ed:label('Reading')"/></button>
    </div>
  </xsl:template>

  <!-- ================================================================ shared attributes -->

  <!-- id, lang and dir of the output element, from xml:id, xml:lang and a right-to-left
       language, script, @rend or @style (common/direction.xsl). -->
  <xsl:template name="global-attributes">
    <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang"><xsl:call-template name="html-language"><xsl:with-param name="tag" select="@xml:lang"/></xsl:call-template></xsl:attribute>
    </xsl:if>
    <xsl:call-template name="direction"/>
  </xsl:template>

  <!-- A block element: class "tei-NAME" plus the type, and the global attributes. -->
  <xsl:template name="block">
    <xsl:param name="element" select="'div'"/>
    <xsl:param name="class" select="''"/>
    <xsl:param name="number" select="''"/>
    <xsl:element name="{$element}">
      <xsl:attribute name="class">
        <xsl:value-of select="concat('tei-', local-name())"/>
        <xsl:if test="$class"><xsl:text> </xsl:text><xsl:value-of select="$class"/></xsl:if>
        <xsl:if test="@type"> type-<xsl:value-of select="@type"/></xsl:if>
      </xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:if test="string($number)"><p class="division-number"><xsl:value-of select="$number"/></p></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A TEI paragraph that holds lists, tables, verse or quotations cannot be an HTML p. -->
  <xsl:template name="paragraph-element">
    <xsl:choose>
      <xsl:when test=".//tei:list or .//tei:table or .//tei:lg or .//tei:figure or .//tei:p
                      or .//*[self::tei:quote or self::tei:q or self::tei:said][tei:p or tei:lg or tei:l or tei:floatingText or tei:quote[tei:p]]
                      or .//tei:cit or .//tei:floatingText or .//tei:castList or .//tei:sp
                      or .//tei:note[@type='annotation'][not(ancestor::tei:note)]
                      or .//eg:egXML or .//tei:forest or .//tei:eTree
                      or .//tei:formula[contains(@rend, 'display')]" xmlns:eg="http://www.tei-c.org/ns/Examples">div</xsl:when>
      <xsl:otherwise>p</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ divisions and blocks -->

  <xsl:template match="tei:text | tei:group">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:opener | tei:closer | tei:postscript
                       | tei:argument | tei:epigraph | tei:trailer | tei:titlePage | tei:docTitle
                       | tei:floatingText | tei:lg | tei:sp | tei:fw | tei:address
                       | tei:superEntry | tei:entry | tei:entryFree">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:call-template name="block">
      <xsl:with-param name="number"><xsl:call-template name="division-number"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- An utterance of a transcript: who speaks, then what is said; its segments are its paragraphs. -->
  <xsl:template match="tei:u">
    <div class="tei-u">
      <xsl:call-template name="global-attributes"/>
      <xsl:variable name="speaker"><xsl:call-template name="utterance-speaker"/></xsl:variable>
      <xsl:if test="string($speaker)"><span class="tei-speaker"><xsl:value-of select="$speaker"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:u/tei:seg">
    <xsl:call-template name="block">
      <xsl:with-param name="element"><xsl:call-template name="paragraph-element"/></xsl:with-param>
      <xsl:with-param name="class" select="'tei-p'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <xsl:call-template name="block">
      <xsl:with-param name="element"><xsl:call-template name="paragraph-element"/></xsl:with-param>
      <xsl:with-param name="class"><xsl:if test="self::tei:ab">tei-p</xsl:if></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:variable name="depth" select="count(ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2
                                             | ancestor::tei:div3 | ancestor::tei:div4)"/>
    <xsl:choose>
      <xsl:when test="parent::tei:table or parent::tei:figure or parent::tei:list or parent::tei:castList">
        <!-- drawn by the parent, as a caption -->
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="block">
          <xsl:with-param name="element">
            <xsl:choose>
              <xsl:when test="$depth &lt; 5">h<xsl:value-of select="$depth + 2 - number($depth &gt; 0)"/></xsl:when>
              <xsl:otherwise>h6</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lines of openers, closers and title pages: phrasing elements drawn as lines. -->
  <xsl:template match="tei:seg | tei:dateline | tei:salute | tei:signed | tei:byline | tei:addrLine
                       | tei:docAuthor | tei:docDate | tei:docImprint | tei:titlePart
                       | tei:speaker | tei:label | tei:opener/tei:idno | tei:role | tei:roleDesc">
    <span>
      <xsl:attribute name="class">
        <xsl:value-of select="concat('tei-', local-name())"/>
        <xsl:if test="@type"> type-<xsl:value-of select="@type"/></xsl:if>
      </xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- A stage direction, in italics (edition.css), in its brackets where @rend has them. -->
  <xsl:template match="tei:stage">
    <span class="tei-stage">
      <xsl:if test="@type"><xsl:attribute name="class">tei-stage type-<xsl:value-of select="@type"/></xsl:attribute></xsl:if>
      <xsl:call-template name="global-attributes"/>
      <xsl:value-of select="ed:stage-open()"/><xsl:apply-templates/><xsl:value-of select="ed:stage-close()"/>
    </span>
  </xsl:template>

  <!-- A verse line, with its number at the end of the line where one is shown (common.xsl). -->
  <xsl:template match="tei:l">
    <xsl:variable name="number"><xsl:call-template name="line-number"/></xsl:variable>
    <span>
      <xsl:attribute name="class">
        <xsl:text>tei-l</xsl:text>
        <xsl:if test="@type"> type-<xsl:value-of select="@type"/></xsl:if>
        <xsl:if test="string($number)"> numbered</xsl:if>
      </xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates/>
      <xsl:if test="string($number)"><span class="line-number"><xsl:value-of select="$number"/></span></xsl:if>
    </span>
  </xsl:template>

  <!-- A line break; none before the first line of a block (diplomatic pages number every line).
       The breaks before the first text or element (other than lb, pb, cb) of their parent are
       found once for the whole file: looking back from each lb took time quadratic in the lines. -->
  <xsl:key name="leading-lb" match="leading-lb" use="@lb"/>
  <xsl:variable name="leading-lbs-tree">
    <xsl:for-each select="//*[tei:lb]">
      <xsl:variable name="first-content"
          select="node()[self::*[not(self::tei:lb or self::tei:pb or self::tei:cb)]
                         or self::text()[normalize-space()]][1]"/>
      <xsl:for-each select="tei:lb[not($first-content)] | $first-content/preceding-sibling::tei:lb">
        <leading-lb lb="{generate-id()}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="leading-lbs" select="exsl:node-set($leading-lbs-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <xsl:template match="tei:lb">
    <xsl:variable name="lb" select="generate-id()"/>
    <xsl:variable name="leading">
      <xsl:for-each select="$leading-lbs"><xsl:if test="key('leading-lb', $lb)">yes</xsl:if></xsl:for-each>
    </xsl:variable>
    <xsl:if test="$leading != 'yes'">
      <br class="lb"/>
    </xsl:if>
    <xsl:if test="not(ed:inside-word())"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:call-template name="text-beside-word-break"/>
  </xsl:template>

  <!-- Layout space: the export drew indentation with squares; it is layout, not text. A space
       within a line still separates words (Montag<space/>Abds), so it holds a space character;
       between blocks, or vertical, it is a blank line. -->
  <xsl:template match="tei:space">
    <xsl:variable name="block"><xsl:call-template name="in-block-context"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="@quantity and @unit='chars'">
        <span class="layout-space" style="width: {number(@quantity) div 2}em"><xsl:text> </xsl:text></span>
      </xsl:when>
      <xsl:when test="$block = 'yes' or @dim='vertical'"><span class="layout-space block-space"></span></xsl:when>
      <xsl:otherwise><span class="layout-space"><xsl:text> </xsl:text></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:milestone | tei:cb | tei:anchor">
    <span class="tei-{local-name()}"><xsl:call-template name="global-attributes"/></span>
  </xsl:template>

  <!-- ================================================================ the document as written -->

  <!-- sourceDoc: each surface a page, its zones and lines in order; additions and deletions are
       drawn by their mark templates (deletions struck through, additions raised). -->
  <xsl:template match="tei:sourceDoc | tei:surfaceGrp">
    <div class="tei-{local-name()}"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:surface">
    <section class="tei-surface">
      <xsl:call-template name="global-attributes"/>
      <h3 class="surface-label">
        <xsl:text>Surface</xsl:text>
        <xsl:if test="@n"><xsl:value-of select="concat(' ', @n)"/></xsl:if>
      </h3>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:surface/tei:desc | tei:sourceDoc//tei:zone/tei:desc">
    <p class="surface-desc"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:zone">
    <div class="tei-zone"><xsl:call-template name="global-attributes"/><xsl:call-template name="zone-label"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:line">
    <div>
      <xsl:attribute name="class">
        <xsl:text>tei-line</xsl:text>
        <xsl:if test="@rend"><xsl:value-of select="concat(' rend-', translate(normalize-space(@rend), ' ', '-'))"/></xsl:if>
      </xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- ================================================================ lists, tables, figures -->

  <!-- A gloss list: each item under the label the gloss table (common.xsl) gives it; a label
       glossing no item is a term of its own, the last one with an empty description. -->
  <xsl:template match="tei:list | tei:listBibl | tei:castList">
    <xsl:if test="tei:head">
      <p class="list-head"><xsl:apply-templates select="tei:head/node()"/></p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@type='gloss' or tei:label">
        <!-- labels that only number or letter their items ("(1)", "b.") stand beside them -->
        <xsl:variable name="long-labels"><xsl:for-each select="tei:label"><xsl:if test="string-length(normalize-space()) &gt; 5">x</xsl:if></xsl:for-each></xsl:variable>
        <dl>
          <xsl:attribute name="class">tei-list type-gloss<xsl:if test="tei:label and not(string($long-labels))"> short-labels</xsl:if></xsl:attribute>
          <xsl:call-template name="global-attributes"/>
          <xsl:variable name="gloss-tree"><xsl:call-template name="gloss-table"/></xsl:variable>
          <xsl:variable name="gloss" select="exsl:node-set($gloss-tree)" xmlns:exsl="http://exslt.org/common"/>
          <!-- what stands before the first item gets an empty term: a dl opens with a dt -->
          <xsl:variable name="first-item" select="count(tei:item[1]/preceding-sibling::*[not(self::tei:head)]) + 1"/>
          <xsl:for-each select="*[not(self::tei:head)]">
            <xsl:variable name="member" select="generate-id()"/>
            <xsl:choose>
              <xsl:when test="self::tei:item">
                <!-- the table is read only where the label is not the element just before -->
                <xsl:variable name="before" select="preceding-sibling::*[1]"/>
                <xsl:variable name="label">
                  <xsl:for-each select="$before[self::tei:label]"><xsl:value-of select="generate-id()"/></xsl:for-each>
                  <xsl:if test="not($before[self::tei:label])"><xsl:for-each select="$gloss"><xsl:value-of select="key('gloss', $member)/@label"/></xsl:for-each></xsl:if>
                </xsl:variable>
                <dt><xsl:apply-templates select="key('label', $label)/node()"/></dt>
                <dd><xsl:call-template name="global-attributes"/><xsl:apply-templates/></dd>
              </xsl:when>
              <xsl:when test="self::tei:label">
                <xsl:variable name="after" select="following-sibling::*[1]"/>
                <xsl:if test="not($after[self::tei:item])">
                  <xsl:variable name="lone"><xsl:for-each select="$gloss"><xsl:value-of select="key('gloss', $member)/@lone"/></xsl:for-each></xsl:variable>
                  <xsl:if test="$lone != ''"><dt><xsl:apply-templates/></dt></xsl:if>
                  <xsl:if test="$lone = 'last'"><dd class="list-empty"/></xsl:if>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise>
                <xsl:if test="position() &lt; $first-item"><dt class="list-between"/></xsl:if>
                <dd class="list-between"><xsl:apply-templates select="."/></dd>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element">
          <xsl:choose>
            <xsl:when test="@type='ordered' or @type='numbered' or contains(@rend, 'numbered')">ol</xsl:when>
            <xsl:otherwise>ul</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:element name="{$element}">
          <!-- items that carry their own markers ("1. Trade") are shown without a second one -->
          <xsl:variable name="marked"><xsl:for-each select="tei:item[1]"><xsl:call-template name="item-has-marker"/></xsl:for-each></xsl:variable>
          <xsl:attribute name="class">tei-list<xsl:if test="@type"> type-<xsl:value-of select="@type"/></xsl:if><xsl:if test="$marked = 'yes'"> marked</xsl:if></xsl:attribute>
          <xsl:call-template name="global-attributes"/>
          <xsl:call-template name="list-members"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list's members, each an li: an item is one, what else the list holds is put in one (an
       entry of another kind as an entry, a page break or note between entries with no bullet). -->
  <xsl:template name="list-members">
    <xsl:param name="members" select="*[not(self::tei:head)]"/>
    <xsl:for-each select="$members">
      <xsl:variable name="kind"><xsl:call-template name="list-member-kind"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="$kind = 'member' or self::tei:castGroup"><xsl:apply-templates select="."/></xsl:when>
        <xsl:otherwise><li class="list-{$kind}"><xsl:apply-templates select="."/></li></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A group of roles: its head, its roles as a list, then what the group's roleDesc says of them. -->
  <xsl:template match="tei:castGroup">
    <li class="cast-group">
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates select="tei:head/node()"/>
      <ul class="tei-list">
        <xsl:call-template name="list-members">
          <xsl:with-param name="members" select="*[not(self::tei:head or self::tei:roleDesc)]"/>
        </xsl:call-template>
      </ul>
      <xsl:for-each select="tei:roleDesc"><xsl:text> </xsl:text><xsl:apply-templates select="."/></xsl:for-each>
    </li>
  </xsl:template>

  <xsl:template match="tei:item | tei:bibl[parent::tei:listBibl] | tei:castItem">
    <li><xsl:call-template name="global-attributes"/><xsl:apply-templates/></li>
  </xsl:template>

  <!-- A table of many columns is printed smaller, on a landscape page of its own (paged.css). -->
  <xsl:template match="tei:table">
    <xsl:variable name="columns">
      <xsl:for-each select="tei:row">
        <xsl:sort select="count(tei:cell)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="count(tei:cell)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <table class="tei-table">
      <xsl:if test="$columns &gt;= 8"><xsl:attribute name="class">tei-table many-columns</xsl:attribute></xsl:if>
      <xsl:call-template name="global-attributes"/>
      <xsl:if test="tei:head">
        <caption><xsl:apply-templates select="tei:head/node()"/></caption>
      </xsl:if>
      <tbody><xsl:apply-templates select="tei:row"/></tbody>
    </table>
  </xsl:template>

  <xsl:template match="tei:row">
    <tr><xsl:call-template name="global-attributes"/><xsl:apply-templates select="tei:cell"/></tr>
  </xsl:template>

  <!-- A cell spans at most the table's columns, and at most 1,000 (browsers' own limit): a span of
       100,000 columns took the PDF over two minutes for one cell. The table's columns are its
       widest row, each cell counted at most as wide as the longest row has cells; they are
       counted once per table ($table-widths). Rows span at most 65,534 (the limit of HTML). -->
  <xsl:key name="table-width" match="table-width" use="@table"/>
  <xsl:variable name="table-widths-tree">
    <xsl:for-each select="//tei:table[tei:row/tei:cell[@cols &gt; 1]]">
      <xsl:variable name="table" select="generate-id()"/>
      <xsl:variable name="most-cells">
        <xsl:for-each select="tei:row">
          <xsl:sort select="count(tei:cell)" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="count(tei:cell)"/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="widths">
        <xsl:for-each select="tei:row">
          <xsl:variable name="wide" select="tei:cell[@cols &gt; $most-cells]"/>
          <xsl:variable name="spanning" select="tei:cell[@cols &gt; 1 and not(@cols &gt; $most-cells)][@cols = floor(@cols)]"/>
          <width><xsl:value-of select="count(tei:cell) + count($wide) * ($most-cells - 1)
                                       + sum($spanning/@cols) - count($spanning)"/></width>
        </xsl:for-each>
      </xsl:variable>
      <xsl:for-each select="exsl:node-set($widths)/width" xmlns:exsl="http://exslt.org/common">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><table-width table="{$table}" width="{.}"/></xsl:if>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="table-widths" select="exsl:node-set($table-widths-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <xsl:template name="column-span">
    <xsl:variable name="table" select="generate-id(ancestor::tei:table[1])"/>
    <xsl:variable name="width">
      <xsl:for-each select="$table-widths"><xsl:value-of select="key('table-width', $table)/@width"/></xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="number(@cols) &lt;= $width and number(@cols) &lt;= 1000"><xsl:value-of select="@cols"/></xsl:when>
      <xsl:when test="$width &lt; 1000"><xsl:value-of select="$width"/></xsl:when>
      <xsl:otherwise>1000</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:variable name="header" select="@role='label' or ../@role='label'"/>
    <xsl:variable name="element">
      <xsl:choose><xsl:when test="$header">th</xsl:when><xsl:otherwise>td</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:if test="$header">
        <xsl:attribute name="scope">
          <xsl:choose><xsl:when test="../@role='label'">col</xsl:when><xsl:otherwise>row</xsl:otherwise></xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@cols &gt; 1"><xsl:attribute name="colspan"><xsl:call-template name="column-span"/></xsl:attribute></xsl:if>
      <xsl:if test="@rows &gt; 1">
        <xsl:attribute name="rowspan">
          <xsl:choose>
            <xsl:when test="@rows &gt; 65534">65534</xsl:when>
            <xsl:otherwise><xsl:value-of select="@rows"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:figure">
    <figure class="tei-figure">
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates select="*[not(self::tei:head or self::tei:figDesc)]"/>
      <xsl:if test="tei:head or tei:figDesc">
        <figcaption>
          <xsl:for-each select="tei:head | tei:figDesc">
            <span class="tei-{local-name()}"><xsl:apply-templates/></span>
            <xsl:text> </xsl:text>
          </xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- Images are named by their address, never loaded: the page must not reach the network. One
       without an address is nothing to show, as in the text output. -->
  <xsl:template match="tei:graphic">
    <xsl:if test="normalize-space(@url)">
      <span class="tei-graphic">[<xsl:value-of select="ed:label('image')"/>: <xsl:value-of select="normalize-space(@url)"/>]</span>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ quotation and highlighting -->

  <xsl:template match="tei:quote | tei:q | tei:said | tei:cit">
    <xsl:choose>
      <xsl:when test="tei:p or tei:lg or tei:l or tei:floatingText or tei:quote[tei:p] or self::tei:cit">
        <xsl:call-template name="block"><xsl:with-param name="element" select="'blockquote'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="own"><xsl:call-template name="own-direction"/></xsl:variable>
        <xsl:variable name="around"><xsl:call-template name="inherited-direction"/></xsl:variable>
        <xsl:choose>
          <!-- a quotation written the other way (Hebrew in English): its marks are the sentence's,
               drawn outside it, where they would else stand mirrored at its ends (”שלום“) -->
          <xsl:when test="$own != $around">
            <span class="quoted-across"><q class="tei-{local-name()}"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></q></span>
          </xsl:when>
          <xsl:otherwise>
            <q class="tei-{local-name()}"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></q>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="concat(' ', normalize-space(translate(@rend, ',;', '  ')), ' ')"/>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="contains($rend, ' italic ') or contains($rend, ' italics ')">i</xsl:when>
        <xsl:when test="contains($rend, ' bold ') or contains($rend, ' strong ')">b</xsl:when>
        <xsl:when test="contains($rend, ' superscript ') or contains($rend, ' sup ')">sup</xsl:when>
        <xsl:when test="contains($rend, ' subscript ') or contains($rend, ' sub ')">sub</xsl:when>
        <xsl:when test="contains($rend, ' underline ')">u</xsl:when>
        <xsl:when test="contains($rend, ' strikethrough ')">s</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:attribute name="class">
        <xsl:value-of select="normalize-space(concat('tei-hi ', $rend))"/>
      </xsl:attribute>
      <xsl:call-template name="global-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:emph"><em><xsl:call-template name="global-attributes"/><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:foreign | tei:term | tei:mentioned">
    <i class="tei-{local-name()}"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></i>
  </xsl:template>
  <xsl:template match="tei:text//tei:title">
    <cite class="tei-title"><xsl:call-template name="global-attributes"/><xsl:apply-templates/></cite>
  </xsl:template>
  <xsl:template match="tei:soCalled">
    <span class="tei-soCalled">“<xsl:apply-templates/>”</span>
  </xsl:template>
  <xsl:template match="tei:code"><code><xsl:apply-templates/></code></xsl:template>
  <!-- Ruby: the gloss above its base (furigana), in brackets where a browser cannot draw it. -->
  <xsl:template match="tei:ruby"><ruby><xsl:call-template name="global-attributes"/><xsl:apply-templates select="tei:rb | tei:rt"/></ruby></xsl:template>
  <xsl:template match="tei:rb"><xsl:apply-templates/></xsl:template>
  <xsl:template match="tei:rt"><rp>(</rp><rt><xsl:call-template name="global-attributes"/><xsl:apply-templates/></rt><rp>)</rp></xsl:template>

  <!-- ================================================================ links -->

  <!-- A target the URL allow-list (common/urls.xsl) refuses is shown, not linked. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="href"><xsl:call-template name="safe-href"/></xsl:variable>
    <xsl:variable name="note" select="key('ids', substring-after($href, '#'))/parent::tei:note"/>
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="self::tei:ref"/>
        <xsl:when test="$note">note <xsl:for-each select="$note"><xsl:call-template name="note-label"/></xsl:for-each></xsl:when>
        <xsl:otherwise><xsl:value-of select="@target"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($href)">
        <a class="tei-{local-name()}" href="{$href}"><xsl:apply-templates/><xsl:value-of select="$label"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-{local-name()}" title="{@target}"><xsl:apply-templates/><xsl:value-of select="$label"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ unknown elements -->

  <!-- Anything else: its text and children, never lost. -->
  <xsl:template match="*">
    <xsl:apply-templates/>
    <xsl:call-template name="space-before-next-element"/>
  </xsl:template>

</xsl:stylesheet>
