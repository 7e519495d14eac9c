<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text: the page order (header, text, notes) and the core TEI text structures.

  Blocks are written as paragraphs ("para": a blank line around) or lines ("line": starting on
  a new line); text nodes are written with their white space collapsed. Runs of blank lines are
  squeezed and long lines wrapped by the renderer. An element no template knows keeps its text.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="para-break" select="'&#10;&#10;'"/>
  <xsl:variable name="nbsp" select="'&#160;'"/>
  <!-- U+FDD0, a noncharacter: where the continuation lines of a wrapped line start (plaintext.py) -->
  <xsl:variable name="continuation-indent" select="'&#xFDD0;'"/>
  <!-- U+FDD1 to U+FDD6, noncharacters too: where a table, a row (a label row) and a cell start, the
       table ends, and a cell's @cols and @rows end (plaintext.py lays the table out) -->
  <xsl:variable name="table-start" select="'&#xFDD1;'"/>
  <xsl:variable name="table-end" select="'&#xFDD2;'"/>
  <xsl:variable name="row-start" select="'&#xFDD3;'"/>
  <xsl:variable name="label-row-start" select="'&#xFDD4;'"/>
  <xsl:variable name="cell-start" select="'&#xFDD5;'"/>
  <xsl:variable name="cell-field" select="'&#xFDD6;'"/>

  <xsl:template match="/">
    <xsl:call-template name="document-header"/>
    <xsl:call-template name="rule"/>
    <xsl:apply-templates select="/tei:TEI/tei:text"/>
    <xsl:if test="/tei:TEI/tei:sourceDoc">
      <xsl:call-template name="rule"/>
      <xsl:value-of select="ed:label('The document as written')"/>
      <xsl:apply-templates select="/tei:TEI/tei:sourceDoc"/>
    </xsl:if>
    <xsl:call-template name="unplaced-surfaces-section"/>
    <xsl:call-template name="standoff-section"/>
    <xsl:call-template name="footnote-list"/>
    <xsl:if test="normalize-space($rights)">
      <xsl:call-template name="rule"/>
      <xsl:text>Rights: </xsl:text>
      <xsl:apply-templates select="$rights/node()"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="rule">
    <xsl:value-of select="$para-break"/>
    <xsl:value-of select="substring('------------------------------------------------------------------------------------------------------------------------', 1, $text-width)"/>
    <xsl:value-of select="$para-break"/>
  </xsl:template>

  <xsl:template name="para">
    <xsl:param name="prefix" select="''"/>
    <xsl:value-of select="$para-break"/>
    <xsl:value-of select="$prefix"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$para-break"/>
  </xsl:template>

  <!-- A line starts on a new line; what follows it starts its own line or paragraph. -->
  <xsl:template name="line">
    <xsl:param name="prefix" select="''"/>
    <xsl:value-of select="$nl"/>
    <xsl:value-of select="$prefix"/>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Text with its white space collapsed; a space kept at either edge where there was one: the
       text is collapsed between two letters, which keep the spaces at its edges, then left out. -->
  <xsl:template match="text()">
    <xsl:variable name="between" select="normalize-space(concat('x', ., 'x'))"/>
    <xsl:call-template name="text-beside-word-break">
      <xsl:with-param name="collapsed" select="substring($between, 2, string-length($between) - 2)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ blocks -->

  <xsl:template match="tei:p | tei:ab | tei:head | tei:opener | tei:closer | tei:address
                       | tei:postscript | tei:argument | tei:epigraph | tei:trailer | tei:lg
                       | tei:titlePage | tei:castList">
    <xsl:call-template name="para"/>
  </xsl:template>

  <!-- The parts of a title page (the title's parts, a byline, an imprint, a date, an edition):
       each a paragraph, as a title page sets them apart; the same parts inside another (a date
       in an imprint, an author in a byline) stay lines of it. -->
  <xsl:template match="tei:titlePage/tei:docTitle | tei:docTitle/tei:titlePart | tei:titlePage/tei:titlePart
                       | tei:titlePage/tei:byline | tei:titlePage/tei:docAuthor | tei:titlePage/tei:docImprint
                       | tei:titlePage/tei:docDate | tei:titlePage/tei:docEdition | tei:titlePage/tei:imprimatur">
    <xsl:call-template name="para"/>
  </xsl:template>

  <!-- A stage direction: a paragraph of its own between speeches, in the flow inside a line or a
       paragraph (drama's <l>Go <stage>Exit</stage></l>); in its brackets where @rend has them. -->
  <xsl:template match="tei:stage">
    <xsl:variable name="inline" select="parent::tei:p or parent::tei:l or parent::tei:ab or parent::tei:seg"/>
    <xsl:if test="not($inline)"><xsl:value-of select="$para-break"/></xsl:if>
    <xsl:value-of select="ed:stage-open()"/><xsl:apply-templates/><xsl:value-of select="ed:stage-close()"/>
    <xsl:if test="not($inline)"><xsl:value-of select="$para-break"/></xsl:if>
  </xsl:template>

  <!-- A dictionary's entries are paragraphs; a superEntry only groups them. -->
  <xsl:template match="tei:entry | tei:entryFree">
    <xsl:call-template name="para"/>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:variable name="number"><xsl:call-template name="division-number"/></xsl:variable>
    <xsl:if test="string($number)">
      <xsl:value-of select="$para-break"/>
      <xsl:value-of select="$number"/>
      <xsl:value-of select="$para-break"/>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:table/tei:head | tei:figure/tei:head | tei:list/tei:head | tei:lg/tei:head">
    <xsl:call-template name="line"/>
  </xsl:template>

  <xsl:template match="tei:seg[parent::tei:opener or parent::tei:closer] | tei:dateline | tei:salute
                       | tei:signed | tei:byline | tei:addrLine | tei:docAuthor | tei:docDate
                       | tei:titlePart | tei:opener/tei:idno | tei:fw | tei:castItem">
    <xsl:call-template name="line"/>
  </xsl:template>

  <!-- A verse line; in a group with numbered lines, after a margin as wide as the file's longest
       line number and two more columns, holding its number where one is shown ("  5  The enmity..."),
       kept by the renderer as no-break spaces. The margin ends in $continuation-indent: a line
       too long for the width goes on under its own text, not under the numbers. -->
  <xsl:template match="tei:l">
    <xsl:variable name="numbering"><xsl:call-template name="line-group-numbering"/></xsl:variable>
    <xsl:call-template name="line">
      <xsl:with-param name="prefix">
        <xsl:if test="string($numbering)"><xsl:call-template name="line-margin"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="line-margin">
    <xsl:variable name="number"><xsl:call-template name="line-number"/></xsl:variable>
    <xsl:variable name="spaces" select="'&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;'"/>
    <xsl:value-of select="concat(substring($spaces, 1, $line-number-width - string-length($number)), $number, $nbsp, $nbsp, $continuation-indent)"/>
  </xsl:template>

  <!-- A speech turn: "Speaker: first paragraph", then its other paragraphs. -->
  <!-- A stage direction right after the speaker is said with the label: "Speaker [laughing]: ...". -->
  <xsl:template match="tei:sp">
    <xsl:variable name="direction" select="tei:speaker/following-sibling::*[1][self::tei:stage]"/>
    <xsl:variable name="first" select="*[not(self::tei:speaker)][count(. | $direction) != count($direction)][1]"/>
    <xsl:value-of select="$para-break"/>
    <xsl:apply-templates select="tei:speaker/node()"/>
    <xsl:for-each select="$direction">
      <xsl:text> </xsl:text>
      <xsl:value-of select="ed:stage-open()"/><xsl:apply-templates/><xsl:value-of select="ed:stage-close()"/>
    </xsl:for-each>
    <xsl:text> </xsl:text>
    <xsl:for-each select="$first[self::tei:l]">  <!-- a shown line number is said after the line -->
      <xsl:apply-templates/>
      <xsl:variable name="number"><xsl:call-template name="line-number"/></xsl:variable>
      <xsl:if test="string($number)"><xsl:value-of select="concat($nbsp, $nbsp, '[', $number, ']')"/></xsl:if>
    </xsl:for-each>
    <xsl:apply-templates select="$first[not(self::tei:l)]/node()"/>
    <!-- after a first verse line the next starts on the next line, with no blank line between -->
    <xsl:if test="not($first[self::tei:l])"><xsl:value-of select="$para-break"/></xsl:if>
    <xsl:apply-templates select="*[not(self::tei:speaker)][count(. | $direction) != count($direction)][position() &gt; 1]"/>
  </xsl:template>

  <!-- An utterance of a transcript: "Speaker: what is said"; its segments are its paragraphs. -->
  <xsl:template match="tei:u">
    <xsl:variable name="speaker"><xsl:call-template name="utterance-speaker"/></xsl:variable>
    <xsl:call-template name="para">
      <xsl:with-param name="prefix"><xsl:if test="string($speaker)"><xsl:value-of select="concat($speaker, ': ')"/></xsl:if></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:u/tei:seg">
    <xsl:call-template name="para"/>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:choose>
      <xsl:when test="ed:inside-word()"/>
      <xsl:when test="$view='reading' and (ancestor::tei:p or ancestor::tei:ab)"><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise><xsl:value-of select="$nl"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Layout space: indentation in the diplomatic view, a blank line between blocks or when
       vertical, a space within a line. -->
  <xsl:template match="tei:space">
    <xsl:choose>
      <xsl:when test="@quantity and @unit='chars' and $view='diplomatic'">
        <xsl:value-of select="substring('&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;&#160;', 1, @quantity)"/>
      </xsl:when>
      <xsl:when test="@quantity and not(@dim='vertical')"><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="block"><xsl:call-template name="in-block-context"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="$block = 'yes' or @dim='vertical'"><xsl:value-of select="$para-break"/></xsl:when>
          <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ the document as written -->

  <!-- sourceDoc: each surface a section headed "[surface n]", each zone a paragraph, each line a line. -->
  <xsl:template match="tei:sourceDoc//tei:surface">
    <xsl:value-of select="$para-break"/>
    <xsl:text>[surface</xsl:text>
    <xsl:if test="@n"><xsl:value-of select="concat(' ', @n)"/></xsl:if>
    <xsl:text>]</xsl:text>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:zone">
    <xsl:variable name="position"><xsl:call-template name="zone-position"/></xsl:variable>
    <xsl:if test="$position != ''">
      <xsl:value-of select="$para-break"/>
      <xsl:text>[</xsl:text><xsl:call-template name="zone-name"/>: <xsl:value-of select="$position"/><xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:call-template name="para"/>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:surface/tei:desc">
    <xsl:call-template name="para"/>
  </xsl:template>

  <xsl:template match="tei:sourceDoc//tei:line">
    <xsl:call-template name="line"/>
  </xsl:template>

  <!-- ================================================================ lists, tables, figures -->

  <xsl:template match="tei:list | tei:listBibl">
    <xsl:value-of select="$para-break"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:variable name="items-tree">
      <xsl:for-each select="*[self::tei:item or self::tei:bibl]"><list-item node="{generate-id()}" place="{position()}"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="items" select="exsl:node-set($items-tree)" xmlns:exsl="http://exslt.org/common"/>
    <!-- an item's label is the one the gloss table (common.xsl) gives it; a label glossing no item
         is a line of its own -->
    <xsl:variable name="gloss-tree"><xsl:if test="tei:label"><xsl:call-template name="gloss-table"/></xsl:if></xsl:variable>
    <xsl:variable name="gloss" select="exsl:node-set($gloss-tree)" xmlns:exsl="http://exslt.org/common"/>
    <xsl:for-each select="*[not(self::tei:head)]">
      <xsl:variable name="member" select="generate-id()"/>
      <xsl:variable name="kind"><xsl:call-template name="list-member-kind"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="self::tei:label">
          <!-- the table is read only where the next element is not the item it glosses -->
          <xsl:variable name="after" select="following-sibling::*[1]"/>
          <xsl:if test="not($after[self::tei:item])">
            <xsl:variable name="lone"><xsl:for-each select="$gloss"><xsl:value-of select="key('gloss', $member)/@lone"/></xsl:for-each></xsl:variable>
            <xsl:if test="$lone != ''"><xsl:call-template name="line"/></xsl:if>
          </xsl:if>
        </xsl:when>
        <!-- a page break or note between entries stays where it is, at the end of the entry before -->
        <xsl:when test="$kind = 'between'"><xsl:apply-templates select="."/></xsl:when>
        <xsl:when test="$kind = 'entry'">
          <xsl:call-template name="line"><xsl:with-param name="prefix" select="'- '"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="before" select="preceding-sibling::*[1]"/>
          <xsl:variable name="label">
            <xsl:for-each select="$before[self::tei:label]"><xsl:value-of select="generate-id()"/></xsl:for-each>
            <xsl:if test="not($before[self::tei:label])"><xsl:for-each select="$gloss"><xsl:value-of select="key('gloss', $member)/@label"/></xsl:for-each></xsl:if>
          </xsl:variable>
          <xsl:variable name="marked"><xsl:call-template name="item-has-marker"/></xsl:variable>
          <xsl:call-template name="line">
            <xsl:with-param name="prefix">
              <xsl:choose>
                <xsl:when test="$marked = 'yes'"/>
                <xsl:when test="$label != ''">
                  <xsl:value-of select="normalize-space(key('label', $label))"/><xsl:text>: </xsl:text>
                </xsl:when>
                <xsl:when test="../@type='ordered' or ../@type='numbered'">
                  <xsl:for-each select="$items"><xsl:value-of select="key('list-item', $member)/@place"/></xsl:for-each>. </xsl:when>
                <xsl:otherwise>- </xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:value-of select="$para-break"/>
  </xsl:template>
  <xsl:key name="list-item" match="list-item" use="@node"/>

  <!-- A group of roles: each role on its line, then what the group's roleDesc says of them. -->
  <xsl:template match="tei:castGroup/tei:head | tei:castGroup/tei:roleDesc">
    <xsl:call-template name="line"/>
  </xsl:template>

  <!-- A table: its head above, then its rows and cells between the markers plaintext.py lays out
       as a grid (columns aligned, spans drawn, label rows ruled off). Each cell's marker carries its
       @cols and @rows. A table inside a cell, which a grid cell cannot hold, keeps one line a row,
       its cells " | " apart. -->
  <xsl:template match="tei:table">
    <xsl:value-of select="$para-break"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:cell">
        <xsl:for-each select="tei:row">
          <xsl:value-of select="$nl"/>
          <xsl:for-each select="tei:cell">
            <xsl:apply-templates/>
            <xsl:if test="position() != last()"> | </xsl:if>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($nl, $table-start)"/>
        <xsl:for-each select="tei:row">
          <xsl:choose>
            <xsl:when test="@role='label'"><xsl:value-of select="$label-row-start"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$row-start"/></xsl:otherwise>
          </xsl:choose>
          <xsl:for-each select="tei:cell">
            <xsl:value-of select="concat($cell-start, normalize-space(@cols), $cell-field, normalize-space(@rows), $cell-field)"/>
            <xsl:apply-templates/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:value-of select="$table-end"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$para-break"/>
  </xsl:template>

  <!-- A figure reads "[Figure: title. Description.]"; one with neither is named by its images'
       addresses ("[Figure: URL]"), and one with none of these is "[Figure]". -->
  <xsl:template match="tei:figure">
    <xsl:variable name="images" select="tei:graphic[normalize-space(@url)]"/>
    <xsl:value-of select="$para-break"/>
    <xsl:value-of select="concat('[', ed:label('Figure'))"/>
    <xsl:if test="tei:head or tei:figDesc or $images">: </xsl:if>
    <!-- the title and the description are sentences apart, as the HTML sets them on lines apart -->
    <xsl:for-each select="tei:head | tei:figDesc">
      <xsl:apply-templates/>
      <xsl:if test="position() != last()">
        <xsl:variable name="words" select="normalize-space()"/>
        <xsl:if test="not(contains('.:;!?', substring($words, string-length($words))))">.</xsl:if>
        <xsl:text> </xsl:text>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="not(tei:head or tei:figDesc)">
      <xsl:for-each select="$images">
        <xsl:value-of select="normalize-space(@url)"/>
        <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
      </xsl:for-each>
    </xsl:if>
    <xsl:text>]</xsl:text>
    <xsl:apply-templates select="*[not(self::tei:head or self::tei:figDesc or self::tei:graphic)]"/>
    <xsl:value-of select="$para-break"/>
  </xsl:template>

  <!-- Ruby: the base, then its gloss in brackets ("東京(とうきょう)"). -->
  <xsl:template match="tei:ruby"><xsl:apply-templates select="tei:rb | tei:rt"/></xsl:template>
  <xsl:template match="tei:rb"><xsl:apply-templates/></xsl:template>
  <xsl:template match="tei:rt">(<xsl:apply-templates/>)</xsl:template>

  <!-- An image outside a figure: its address (a figure names its own, above). -->
  <xsl:template match="tei:graphic">
    <xsl:if test="normalize-space(@url)">
      <xsl:value-of select="concat(' [', ed:label('image'), ': ', normalize-space(@url), ']')"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ inline -->

  <xsl:template match="tei:q | tei:quote | tei:said | tei:soCalled">
    <xsl:choose>
      <xsl:when test="tei:p or tei:lg or tei:l"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise>“<xsl:apply-templates/>”</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link's address is written after its text, where the text does not already show it. -->
  <xsl:template match="tei:ref">
    <xsl:apply-templates/>
    <xsl:variable name="target" select="normalize-space(@target)"/>
    <xsl:if test="(starts-with($target, 'http://') or starts-with($target, 'https://'))
                  and normalize-space(.) != $target">
      <xsl:value-of select="concat(' &lt;', $target, '&gt;')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:ptr">
    <xsl:variable name="note" select="key('ids', substring-after(@target, '#'))/parent::tei:note"/>
    <xsl:choose>
      <xsl:when test="$note">[note <xsl:for-each select="$note"><xsl:call-template name="note-label"/></xsl:for-each>]</xsl:when>
      <xsl:otherwise>&lt;<xsl:value-of select="@target"/>&gt;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Anything else: its text and children, never lost. Highlighting (hi) too: plain text has no
       underline or italics. -->
  <xsl:template match="tei:hi | *">
    <xsl:apply-templates/>
    <xsl:call-template name="space-before-next-element"/>
  </xsl:template>

</xsl:stylesheet>
