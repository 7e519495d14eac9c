<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral templates shared by every output (HTML, plain text).

  What a TEI file *means* is decided here once: which notes are footnotes and their numbers, the
  title and metadata of a document, and for each editorial mark its label and explanation. The
  templates here call named templates that each output implements in its own folder:

    mark              an editorial intervention: a span/line with brackets, an explanation,
                      and whether the reading view keeps, quiets or drops it
    alternatives      a choice between an original and an editorial form (abbr/expan, sic/corr)
    metadata-field    one label and value of the metadata block

  The bracketed labels follow docs/encoding.md, column "recovered as".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                xmlns:func="http://exslt.org/functions"
                extension-element-prefixes="func"
                exclude-result-prefixes="tei ed">

  <!-- The elements by xml:id: `key('ids', ID)/..` (the key holds the attributes, which are found
       in half the time of elements with a predicate). -->
  <xsl:key name="ids" match="@xml:id" use="."/>

  <!-- ================================================================ interface words -->

  <!-- The words of the interface (headings, labels, explanations) in $interface-language: the
       renderer serves the message catalogue's translations (tei/core/locale) as the document
       "interface-labels:LANG", <labels><label msgid="Date">Datum</label>...</labels>. In English,
       the stylesheets' own words, so no document is read (a global variable is evaluated on
       every run, and reading even document('') parses a stylesheet again each time). -->
  <xsl:variable name="interface-labels-tree">
    <xsl:if test="$interface-language != 'en'">
      <xsl:copy-of select="document(concat('interface-labels:', substring($interface-language, 1, 50)))/labels/label"/>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="interface-labels" select="exsl:node-set($interface-labels-tree)/label"
                xmlns:exsl="http://exslt.org/common"/>

  <!-- lang on an element of the interface when its words are not in the document's language (the
       page's lang is the document's): screen readers then read "Datum" as German, and "Summary"
       on the page of a German text as English. -->
  <xsl:template name="interface-lang">
    <xsl:if test="ed:primary-language($interface-language) != ed:primary-language($doc-lang)">
      <xsl:attribute name="lang"><xsl:value-of select="$interface-language"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- `text` in the interface language: its translation, looked up by its words (spaces
       normalised), else `text` itself, spaces and all. In English there is nothing to look up. -->
  <func:function name="ed:label">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="not($interface-labels)"><func:result select="string($text)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="translation" select="$interface-labels[@msgid = normalize-space($text)]"/>
        <xsl:choose>
          <xsl:when test="$translation"><func:result select="string($translation[1])"/></xsl:when>
          <xsl:otherwise><func:result select="string($text)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- A stage direction's bracket and the label's stop after it, as the source had them (@rend tokens
       "bracket", "colon", "full-stop": GORBACHEV [laughing]:); nothing for one whose text holds its
       own brackets, as drama's (aside) does. -->
  <func:function name="ed:stage-open">
    <func:result select="substring('[', 1, number(ed:rend-has('bracket')))"/>
  </func:function>
  <func:function name="ed:stage-close">
    <func:result select="concat(substring(']', 1, number(ed:rend-has('bracket'))),
                                substring(':', 1, number(ed:rend-has('colon'))),
                                substring('.', 1, number(ed:rend-has('full-stop'))))"/>
  </func:function>

  <!-- Whether the context lb breaks a word: @break="no", or EpiDoc's older @type="inWord". The white
       space the source writes before or after it is then no space of the text ("be\n  <lb
       break="no"/>ta" reads "beta"): the texts beside such a break are found once, through keys,
       and only in a file that has such a break. -->
  <func:function name="ed:inside-word">
    <func:result select="@break = 'no' or (not(@break) and @type = 'inWord')"/>
  </func:function>
  <xsl:key name="text-before-word-break" match="tei:lb[@break = 'no' or (not(@break) and @type = 'inWord')]"
           use="generate-id(preceding-sibling::node()[1])"/>
  <xsl:key name="text-after-word-break" match="tei:lb[@break = 'no' or (not(@break) and @type = 'inWord')]"
           use="generate-id(following-sibling::node()[1])"/>

  <!-- The context text with the white space at an edge beside a word-internal line break left
       out, the rest as `collapsed` (the text with its white space collapsed, or as it is). -->
  <xsl:variable name="word-breaks" select="boolean(//tei:lb[@break = 'no' or (not(@break) and @type = 'inWord')])"/>
  <xsl:template name="text-beside-word-break">
    <xsl:param name="collapsed" select="."/>
    <xsl:choose>
      <xsl:when test="$word-breaks and (key('text-before-word-break', generate-id()) or key('text-after-word-break', generate-id()))">
        <xsl:variable name="id" select="generate-id()"/>
        <xsl:variable name="core" select="normalize-space(.)"/>
        <xsl:if test="not(key('text-after-word-break', $id)) and $core and normalize-space(substring(., 1, 1)) = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="$core"/>
        <xsl:if test="not(key('text-before-word-break', $id)) and $core and normalize-space(substring(., string-length(.))) = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$collapsed"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether the context element's @rend, a list of words, holds `token` ("sic! double-bracket"). -->
  <func:function name="ed:rend-has">
    <xsl:param name="token"/>
    <func:result select="contains(concat(' ', normalize-space(@rend), ' '), concat(' ', $token, ' '))"/>
  </func:function>

  <!-- Whether the mark in context stood in double brackets in the source ([[illegible signature]],
       @rend="double-bracket") and its labels `open` and `close` are brackets, to be doubled. -->
  <func:function name="ed:double-bracketed">
    <xsl:param name="open"/>
    <xsl:param name="close"/>
    <func:result select="ed:rend-has('double-bracket')
                         and starts-with($open, '[') and (substring($close, string-length($close)) = ']'
                              or not(string($close)) and substring($open, string-length($open)) = ']')"/>
  </func:function>

  <!-- ================================================================ notes -->

  <!-- Notes rendered as numbered footnotes. The others stay in place: handwritten annotations,
       clerks' transmission lines, bracketed remarks of the editors, margin and inline notes. -->
  <xsl:variable name="footnote-notes"
      select="//tei:text//tei:note[not(@type='annotation' or @type='transmission'
                                      or (@type='editorial' and @subtype)
                                      or @place='inline' or @place='margin')]
                                  [not($inline-notes='yes'
                                       and (@type='translator' or @type='editorial'))]
                                  [@place='foot' or @place='bottom' or @place='end'
                                   or not(ancestor::tei:u or key('utterances-parent', generate-id(..)))]"/>

  <!-- A transcript of speech (ParlaMint, TEI "Transcriptions of Speech"): the notes in an
       utterance (u) or between utterances are the record's asides (applause, the time, who
       enters), read in their place, not footnotes. The elements that hold utterances are found
       once, each by its children (asking each note's parent for them took time quadratic in the
       notes of a paragraph). -->
  <xsl:key name="utterances-parent" match="*[tei:u]" use="generate-id()"/>

  <!-- The number of every note, found once in a few passes over the notes: counting the notes
       before each note took time cubic in their number. A note's number is one more than the
       footnotes before it in document order, leaving out the notes it sits in, so a note inside
       a footnote shares its number and a remark in the text has the number of the next footnote.
       For each note (by generate-id) the tables hold: its place among the footnotes ($footnote-
       places), its place among all notes and how many footnotes hold it ($note-places), and its
       number ($note-numbers, with footnote="yes" for a footnote). -->
  <xsl:key name="note-place" match="note-place" use="@note"/>
  <xsl:key name="note-number" match="note-number" use="@note"/>

  <xsl:variable name="footnote-places-tree">
    <xsl:for-each select="$footnote-notes">
      <note-place note="{generate-id()}" place="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="footnote-places" select="exsl:node-set($footnote-places-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <xsl:variable name="note-places-tree">
    <xsl:for-each select="//tei:note">
      <xsl:variable name="note" select="generate-id()"/>
      <xsl:variable name="holders">
        <xsl:for-each select="ancestor::tei:note">
          <xsl:variable name="holder" select="generate-id()"/>
          <xsl:for-each select="$footnote-places">
            <xsl:if test="key('note-place', $holder)">x</xsl:if>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:variable>
      <note-place note="{$note}" place="{position()}" holders="{string-length($holders)}">
        <xsl:for-each select="$footnote-places">
          <xsl:attribute name="footnote"><xsl:value-of select="key('note-place', $note)/@place"/></xsl:attribute>
        </xsl:for-each>
      </note-place>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="note-places" select="exsl:node-set($note-places-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <xsl:variable name="note-numbers-tree">
    <xsl:for-each select="$note-places/note-place[string(@footnote)]">
      <note-number note="{@note}" number="{@footnote - @holders}" footnote="yes"/>
    </xsl:for-each>
    <!-- the footnotes before a remark: the notes before it less the remarks before it -->
    <xsl:for-each select="$note-places/note-place[not(string(@footnote))]">
      <note-number note="{@note}" number="{@place - position() + 1 - @holders}" footnote="no"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="note-numbers" select="exsl:node-set($note-numbers-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <!-- Where the source numbers its notes anew in each division (a volume of documents, each with
       its notes 1, 2, ...: FRUS), one number is shown for several notes; the list of notes then
       says, before each run of notes of one division, which division they belong to (its head),
       for a reader to tell them apart. Found once: whether two footnotes share their @n (sorted,
       each compared with the one before: counting the notes of each number would take time
       quadratic in the notes that share it), and each footnote's division by its place. -->
  <xsl:key name="footnote-division" match="footnote-division" use="@place"/>

  <xsl:variable name="footnote-labels-tree">
    <xsl:for-each select="$footnote-notes[normalize-space(@n)]">
      <xsl:sort select="normalize-space(@n)"/>
      <footnote-label n="{normalize-space(@n)}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="footnote-labels-repeat">
    <xsl:for-each select="exsl:node-set($footnote-labels-tree)/footnote-label[position() &gt; 1]"
                  xmlns:exsl="http://exslt.org/common">
      <xsl:variable name="before" select="preceding-sibling::footnote-label[1]"/>
      <xsl:if test="@n = $before/@n">x</xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <xsl:variable name="footnote-divisions-tree">
    <xsl:if test="string($footnote-labels-repeat)">
      <xsl:for-each select="$footnote-notes">
        <footnote-division place="{position()}" division="{generate-id(ancestor::*[self::tei:div or self::tei:div1
                                                            or self::tei:div2 or self::tei:div3][1])}"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="footnote-divisions" select="exsl:node-set($footnote-divisions-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <!-- The title of the division whose notes begin at the context footnote, the $place-th in the
       list, where the notes' numbers repeat; nothing otherwise. -->
  <xsl:template name="footnote-division-title">
    <xsl:param name="place"/>
    <xsl:if test="string($footnote-labels-repeat)">
      <xsl:variable name="starts">
        <xsl:for-each select="$footnote-divisions">
          <xsl:if test="string(key('footnote-division', $place)/@division)
                        and string(key('footnote-division', $place)/@division) != string(key('footnote-division', $place - 1)/@division)">x</xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="string($starts)">
        <xsl:for-each select="ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3][1]">
          <xsl:call-template name="division-title"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A division's title in words: its head without its notes and the source's side of a choice,
       or its number. -->
  <xsl:template name="division-title">
    <xsl:variable name="words">
      <xsl:for-each select="tei:head[1]//text()[not(ancestor::tei:note)
                            and not(ancestor::*[parent::tei:choice][self::tei:sic or self::tei:orig or self::tei:abbr])]">
        <xsl:value-of select="."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($words)"><xsl:value-of select="normalize-space($words)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="division-number"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The footnote number of the context note (1, 2, ...), in document order. -->
  <xsl:template name="note-number">
    <xsl:variable name="note" select="generate-id()"/>
    <xsl:for-each select="$note-numbers">
      <xsl:value-of select="key('note-number', $note)/@number"/>
    </xsl:for-each>
  </xsl:template>

  <!-- "yes" when the context note is a footnote. -->
  <xsl:template name="is-footnote">
    <xsl:variable name="note" select="generate-id()"/>
    <xsl:for-each select="$note-numbers">
      <xsl:value-of select="key('note-number', $note)/@footnote"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A division's number when it has no head to say it (<div type="chapter" n="4">, as in
       editions of classical texts): its @n, if that is a short label and not an identifier
       (a CTS URN such as "urn:cts:greekLit:tlg0006.tlg001:1" names the division, it does not
       number it). -->
  <xsl:template name="division-number">
    <xsl:variable name="n" select="normalize-space(@n)"/>
    <xsl:if test="$n and not(tei:head) and not(contains($n, ':')) and not(contains($n, ' '))
                  and string-length($n) &lt;= 12">
      <xsl:value-of select="$n"/>
    </xsl:if>
  </xsl:template>

  <!-- Verse line numbers, from the lines' own @n (TEI: a line's @n is its number; the edition
       does not count lines the source left unnumbered). Where every line of a group (lg, sp,
       div) carries @n, every fifth is shown (its number, or the last part of "1.1.5", a
       multiple of 5); where only some do, the source numbered those to be seen: all of them
       are. Which groups number all their lines is found once per file. -->
  <xsl:key name="numbered-group" match="numbered-group" use="@group"/>
  <xsl:variable name="numbered-groups-tree">
    <xsl:for-each select="/tei:TEI/tei:text//*[tei:l/@n]">
      <numbered-group group="{generate-id()}" every="{count(tei:l) = count(tei:l[@n])}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="numbered-groups" select="exsl:node-set($numbered-groups-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <!-- "true" or "false" when the context line is in a group with numbered lines ("true": all are). -->
  <xsl:template name="line-group-numbering">
    <xsl:variable name="group" select="generate-id(..)"/>
    <xsl:for-each select="$numbered-groups"><xsl:value-of select="key('numbered-group', $group)/@every"/></xsl:for-each>
  </xsl:template>

  <!-- The length of the longest line number of the file (at most 12), for a margin that lines up. -->
  <xsl:variable name="line-number-width">
    <xsl:for-each select="/tei:TEI/tei:text//tei:l[@n]">
      <xsl:sort select="string-length(normalize-space(@n))" data-type="number" order="descending"/>
      <xsl:if test="position() = 1">
        <xsl:choose>
          <xsl:when test="string-length(normalize-space(@n)) &gt; 12">12</xsl:when>
          <xsl:otherwise><xsl:value-of select="string-length(normalize-space(@n))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <!-- The number to show beside the context line (l), or nothing. -->
  <xsl:template name="line-number">
    <xsl:variable name="n" select="normalize-space(@n)"/>
    <xsl:if test="$n and string-length($n) &lt;= 12 and not(contains($n, ':')) and not(contains($n, ' '))">
      <xsl:variable name="numbering"><xsl:call-template name="line-group-numbering"/></xsl:variable>
      <xsl:variable name="last-part"><xsl:call-template name="last-dotted-part"><xsl:with-param name="text" select="$n"/></xsl:call-template></xsl:variable>
      <xsl:if test="$numbering = 'false' or (number($last-part) = floor($last-part) and $last-part mod 5 = 0 and $last-part &gt; 0)">
        <xsl:value-of select="$n"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="last-dotted-part">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '.')">
        <xsl:call-template name="last-dotted-part"><xsl:with-param name="text" select="substring-after($text, '.')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The number shown to the reader: the source's own @n when it has one. -->
  <xsl:template name="note-label">
    <xsl:choose>
      <xsl:when test="normalize-space(@n)"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="note-number"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Anchor of a footnote and of its reference point. -->
  <xsl:template name="note-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise>fn-<xsl:call-template name="note-number"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="noteref-id">fnref-<xsl:call-template name="note-number"/></xsl:template>

  <!-- A word that tells whose note it is, put before the text of a footnote. -->
  <xsl:template name="note-kind">
    <xsl:choose>
      <xsl:when test="@type='translator'"><xsl:value-of select="ed:label('Translator’s note:')"/><xsl:text> </xsl:text></xsl:when>
      <xsl:when test="@type='editorial'"><xsl:value-of select="ed:label('Editors’ note:')"/><xsl:text> </xsl:text></xsl:when>
      <xsl:when test="@type='source'"/>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ document metadata -->

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="title-stmt" select="$header/tei:fileDesc/tei:titleStmt"/>

  <xsl:variable name="doc-title">
    <xsl:variable name="main"
        select="($title-stmt/tei:title[@type='main' or @type='complete' or not(@type)])[1]"/>
    <xsl:choose>
      <xsl:when test="$main"><xsl:value-of select="normalize-space($main)"/></xsl:when>
      <xsl:when test="$title-stmt/tei:title"><xsl:value-of select="normalize-space($title-stmt/tei:title[1])"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="ed:label('Untitled document')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="short-title">
    <xsl:choose>
      <xsl:when test="$title-stmt/tei:title[@type='short']">
        <xsl:value-of select="normalize-space($title-stmt/tei:title[@type='short'][1])"/>
      </xsl:when>
      <xsl:when test="string-length($doc-title) &lt;= $short-title-length">
        <xsl:value-of select="$doc-title"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cut-at-word">
          <xsl:with-param name="text" select="substring($doc-title, 1, $short-title-length)"/>
        </xsl:call-template>
        <xsl:text>…</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Drop the last (possibly cut) word of $text, and any comma or colon before it. -->
  <xsl:template name="cut-at-word">
    <xsl:param name="text"/>
    <xsl:param name="kept" select="''"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="cut-at-word">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="kept" select="concat($kept, substring-before($text, ' '), ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="trimmed" select="normalize-space($kept)"/>
        <xsl:variable name="last" select="substring($trimmed, string-length($trimmed))"/>
        <xsl:choose>
          <xsl:when test="contains(',;:–-', $last)">
            <xsl:value-of select="substring($trimmed, 1, string-length($trimmed) - 1)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$trimmed"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="doc-lang">
    <xsl:choose>
      <xsl:when test="/tei:TEI/tei:text/@xml:lang"><xsl:value-of select="/tei:TEI/tei:text/@xml:lang"/></xsl:when>
      <xsl:when test="/tei:TEI/@xml:lang"><xsl:value-of select="/tei:TEI/@xml:lang"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The language of the header's words where it differs from the text's (a German original
       described in English: teiHeader xml:lang="en"), else empty. -->
  <xsl:variable name="header-lang">
    <xsl:variable name="given" select="($header/@xml:lang | /tei:TEI/@xml:lang)[last()]"/>
    <xsl:if test="$given and ed:primary-language($given) != ed:primary-language($doc-lang)">
      <xsl:value-of select="$given"/>
    </xsl:if>
  </xsl:variable>

  <xsl:variable name="doc-date"
      select="($header/tei:profileDesc/tei:creation/tei:date
               | $header/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:date)[1]"/>

  <xsl:variable name="record-url"
      select="normalize-space($header/tei:fileDesc/tei:publicationStmt/tei:idno[@type='URI'][1])"/>

  <xsl:variable name="citation"
      select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='citation'][1]"/>

  <xsl:variable name="summary" select="$header/tei:profileDesc/tei:abstract"/>

  <!-- Rights and licence: small print at the end of every output. -->
  <xsl:variable name="rights" select="$header/tei:fileDesc/tei:publicationStmt/tei:availability"/>

  <!-- The catDesc of the category a catRef points to in the given taxonomy. -->
  <xsl:template name="category">
    <xsl:param name="scheme"/>
    <xsl:variable name="ref"
        select="$header/tei:profileDesc/tei:textClass/tei:catRef[@scheme=concat('#', $scheme)][1]"/>
    <xsl:variable name="id" select="substring-after(normalize-space($ref/@target), '#')"/>
    <xsl:value-of select="normalize-space(key('ids', $id)/../tei:catDesc)"/>
  </xsl:template>

  <xsl:template name="date-text">
    <xsl:param name="date" select="."/>
    <xsl:choose>
      <xsl:when test="normalize-space($date)"><xsl:value-of select="normalize-space($date)"/></xsl:when>
      <xsl:when test="$date/@when"><xsl:value-of select="$date/@when"/></xsl:when>
      <xsl:when test="$date/@notBefore">
        <xsl:value-of select="concat($date/@notBefore, ' – ', $date/@notAfter)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The list of metadata fields, in reading order; each output draws them its own way. -->
  <xsl:template name="metadata-fields">
    <xsl:variable name="file" select="$header/tei:fileDesc"/>
    <xsl:variable name="profile" select="$header/tei:profileDesc"/>
    <xsl:variable name="source" select="$file/tei:sourceDesc"/>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Date'"/>
      <xsl:with-param name="value"><xsl:call-template name="date-text"><xsl:with-param name="date" select="$doc-date"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Type'"/>
      <xsl:with-param name="value"><xsl:call-template name="category"><xsl:with-param name="scheme" select="'document-types'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Classification'"/>
      <xsl:with-param name="value"><xsl:call-template name="category"><xsl:with-param name="scheme" select="'classifications'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <!-- Every correspAction of the TEI Guidelines, in the order the message went: sent, passed on
         by an intermediary ("Cable, X to Y [via Z]"), received, then redirected or forwarded. -->
    <xsl:variable name="actions" select="$profile/tei:correspDesc/tei:correspAction"/>
    <xsl:call-template name="correspondent-fields">
      <xsl:with-param name="label" select="'From'"/>
      <xsl:with-param name="action" select="$actions[@type='sent']"/>
    </xsl:call-template>
    <xsl:call-template name="correspondent-fields">
      <xsl:with-param name="label" select="'Via'"/>
      <xsl:with-param name="action" select="$actions[@type='transmitted']"/>
    </xsl:call-template>
    <xsl:call-template name="correspondent-fields">
      <xsl:with-param name="label" select="'To'"/>
      <xsl:with-param name="action" select="$actions[@type='received']"/>
    </xsl:call-template>
    <xsl:call-template name="correspondent-fields">
      <xsl:with-param name="label" select="'Redirected by'"/>
      <xsl:with-param name="action" select="$actions[@type='redirected']"/>
    </xsl:call-template>
    <xsl:call-template name="correspondent-fields">
      <xsl:with-param name="label" select="'Forwarded by'"/>
      <xsl:with-param name="action" select="$actions[@type='forwarded']"/>
    </xsl:call-template>
    <!-- Another project's actions of no type, or of a type of its own ("delivered"), after those:
         each under its type as written, or "Correspondence". -->
    <xsl:variable name="other-actions"
        select="$actions[not(@type='sent' or @type='transmitted' or @type='received'
                             or @type='redirected' or @type='forwarded')]"/>
    <xsl:for-each select="$other-actions[normalize-space(@type)]">
      <xsl:call-template name="correspondent-fields">
        <xsl:with-param name="label" select="normalize-space(@type)"/>
        <xsl:with-param name="action" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:variable name="untyped-actions" select="$other-actions[not(normalize-space(@type))]"/>
    <xsl:if test="$untyped-actions">
      <xsl:call-template name="correspondent-fields">
        <xsl:with-param name="label" select="'Correspondence'"/>
        <xsl:with-param name="action" select="$untyped-actions"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Author'"/>
      <xsl:with-param name="nodes" select="$file/tei:titleStmt/tei:author"/>
    </xsl:call-template>
    <!-- The archive writes "Russian (original language)": the label says it already. -->
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Original language'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="$profile/tei:langUsage/tei:language[@ident != $doc-lang]">
          <xsl:variable name="name" select="normalize-space(.)"/>
          <xsl:choose>
            <xsl:when test="contains($name, ' (original language)')">
              <xsl:value-of select="substring-before($name, ' (original language)')"/>
            </xsl:when>
            <xsl:when test="$name"><xsl:value-of select="$name"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@ident"/></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="position() != last()"><xsl:text>; </xsl:text></xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <!-- The source as the archive gave it, when there is one; else its structured parts. -->
    <xsl:variable name="as-given" select="$source/tei:bibl[@type='source']"/>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Archive'"/>
      <xsl:with-param name="nodes" select="($source/tei:msDesc/tei:msIdentifier/*[not(self::tei:altIdentifier)]
                                           | $source/tei:msDesc/tei:msContents/tei:msItem/tei:locus)[not($as-given)]"/>
      <xsl:with-param name="separator" select="', '"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'A copy may also be in'"/>
      <xsl:with-param name="nodes" select="$source/tei:msDesc/tei:msIdentifier/tei:altIdentifier"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Source'"/>
      <xsl:with-param name="nodes" select="$as-given
                                           | ($source/tei:bibl[not(@type='citation')] | $source/tei:biblStruct
                                              | $source/tei:p)[not($as-given)]"/>
    </xsl:call-template>
    <!-- "Obtained for NKIDP by: Eliza Gheorghe": an organisation the label names is not repeated
         as a value, as long as someone else is named. -->
    <xsl:for-each select="$file/tei:titleStmt/tei:respStmt">
      <xsl:variable name="resp" select="normalize-space(tei:resp)"/>
      <xsl:variable name="agents" select="*[not(self::tei:resp or self::tei:note)]"/>
      <xsl:variable name="named-in-label" select="$agents[self::tei:orgName][contains($resp, normalize-space(.))]"/>
      <xsl:call-template name="metadata-field">
        <xsl:with-param name="label" select="$resp"/>
        <xsl:with-param name="nodes" select="$agents[not(count(. | $named-in-label) = count($named-in-label)
                                                         and count($agents) &gt; count($named-in-label))]"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Editor'"/>
      <xsl:with-param name="nodes" select="$file/tei:titleStmt/tei:editor"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Made possible with support from'"/>
      <xsl:with-param name="nodes" select="$file/tei:titleStmt/tei:funder"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Publisher'"/>
      <xsl:with-param name="nodes" select="$file/tei:publicationStmt/tei:publisher"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Record ID'"/>
      <xsl:with-param name="nodes" select="$file/tei:publicationStmt/tei:idno[@type='record']"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Record'"/>
      <xsl:with-param name="value" select="$record-url"/>
      <xsl:with-param name="href" select="$record-url"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Uploaded'"/>
      <xsl:with-param name="value" select="normalize-space($file/tei:publicationStmt/tei:date[@type='uploaded'][1]/@when)"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Topics'"/>
      <xsl:with-param name="nodes" select="$profile/tei:textClass/tei:keywords[@scheme='#topics']/tei:term"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="'Places'"/>
      <xsl:with-param name="nodes" select="$profile/tei:textClass/tei:keywords[@scheme='#places']/tei:term"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Sender, intermediary or addressee: the people under the label itself, their offices under "(office)" and the
       places under "(place)"; offices alone are the correspondents, under the label. -->
  <xsl:template name="correspondent-fields">
    <xsl:param name="label"/>
    <xsl:param name="action"/>
    <xsl:variable name="agents" select="$action/*[not(self::tei:date or self::tei:placeName or self::tei:note)]"/>
    <xsl:variable name="people" select="$agents[not(self::tei:orgName)]"/>
    <xsl:variable name="offices" select="$agents[self::tei:orgName]"/>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="$label"/>
      <xsl:with-param name="nodes" select="$people | $offices[not($people)]"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="concat($label, ' (office)')"/>
      <xsl:with-param name="nodes" select="$offices[$people]"/>
    </xsl:call-template>
    <xsl:call-template name="metadata-field">
      <xsl:with-param name="label" select="concat($label, ' (place)')"/>
      <xsl:with-param name="nodes" select="$action/tei:placeName"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The parts of a manuscript description drawn as a description, beyond its identifier (the
       Archive field): contents, physical description, history, additional information, parts.
       Contents that only give the folios (shown in the Archive field), the language and the
       document's own title (shown above them) are not repeated: that is all the converter writes
       there. -->
  <xsl:variable name="manuscript-parts"
      select="$header/tei:fileDesc/tei:sourceDesc/tei:msDesc/*[self::tei:msContents
                  [*[not(self::tei:msItem)]
                   or tei:msItem/*[not(self::tei:locus or self::tei:textLang
                                       or self::tei:title[normalize-space() = normalize-space($title-stmt/tei:title[1])])]
                   or tei:msItem/text()[normalize-space()] or text()[normalize-space()]]
              or self::tei:physDesc
              or self::tei:history or self::tei:additional or self::tei:msPart or self::tei:msFrag
              or self::tei:head or self::tei:p]"/>

  <!-- The heading of one part or section of a manuscript description ('' when it needs none). -->
  <xsl:template name="manuscript-label">
    <xsl:choose>
      <xsl:when test="self::tei:msContents"><xsl:value-of select="ed:label('Contents')"/></xsl:when>
      <xsl:when test="self::tei:physDesc"><xsl:value-of select="ed:label('Physical description')"/></xsl:when>
      <xsl:when test="self::tei:history"><xsl:value-of select="ed:label('History')"/></xsl:when>
      <xsl:when test="self::tei:additional"><xsl:value-of select="ed:label('Additional information')"/></xsl:when>
      <xsl:when test="self::tei:msPart"><xsl:value-of select="ed:label('Part')"/><xsl:if test="tei:msIdentifier/tei:idno"><xsl:value-of select="concat(' ', normalize-space(tei:msIdentifier/tei:idno[1]))"/></xsl:if></xsl:when>
      <xsl:when test="self::tei:msFrag"><xsl:value-of select="ed:label('Fragment')"/></xsl:when>
      <xsl:when test="self::tei:msItem"><xsl:value-of select="ed:label('Item')"/><xsl:if test="@n"><xsl:value-of select="concat(' ', @n)"/></xsl:if></xsl:when>
      <xsl:when test="self::tei:summary"><xsl:value-of select="ed:label('Summary')"/></xsl:when>
      <xsl:when test="self::tei:textLang"><xsl:value-of select="ed:label('Language')"/></xsl:when>
      <xsl:when test="self::tei:objectDesc"><xsl:value-of select="ed:label('Object')"/></xsl:when>
      <xsl:when test="self::tei:supportDesc"><xsl:value-of select="ed:label('Support')"/></xsl:when>
      <xsl:when test="self::tei:layoutDesc"><xsl:value-of select="ed:label('Layout')"/></xsl:when>
      <xsl:when test="self::tei:handDesc"><xsl:value-of select="ed:label('Hands')"/></xsl:when>
      <xsl:when test="self::tei:scriptDesc"><xsl:value-of select="ed:label('Script')"/></xsl:when>
      <xsl:when test="self::tei:typeDesc"><xsl:value-of select="ed:label('Type')"/></xsl:when>
      <xsl:when test="self::tei:musicNotation"><xsl:value-of select="ed:label('Music notation')"/></xsl:when>
      <xsl:when test="self::tei:decoDesc"><xsl:value-of select="ed:label('Decoration')"/></xsl:when>
      <xsl:when test="self::tei:additions"><xsl:value-of select="ed:label('Additions')"/></xsl:when>
      <xsl:when test="self::tei:bindingDesc"><xsl:value-of select="ed:label('Binding')"/></xsl:when>
      <xsl:when test="self::tei:sealDesc"><xsl:value-of select="ed:label('Seals')"/></xsl:when>
      <xsl:when test="self::tei:accMat"><xsl:value-of select="ed:label('Accompanying material')"/></xsl:when>
      <xsl:when test="self::tei:origin"><xsl:value-of select="ed:label('Origin')"/></xsl:when>
      <xsl:when test="self::tei:provenance"><xsl:value-of select="ed:label('Provenance')"/></xsl:when>
      <xsl:when test="self::tei:acquisition"><xsl:value-of select="ed:label('Acquisition')"/></xsl:when>
      <xsl:when test="self::tei:adminInfo"><xsl:value-of select="ed:label('Administrative information')"/></xsl:when>
      <xsl:when test="self::tei:surrogates"><xsl:value-of select="ed:label('Surrogates')"/></xsl:when>
      <xsl:when test="self::tei:listBibl"><xsl:value-of select="ed:label('Bibliography')"/></xsl:when>
      <xsl:when test="self::tei:msIdentifier"><xsl:value-of select="ed:label('Identifier')"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Measurements of a manuscript: " 150 × 100 mm" (height × width × depth, in their order). -->
  <xsl:template match="tei:dimensions">
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="*">
        <xsl:for-each select="*">
          <xsl:if test="position() &gt; 1"> × </xsl:if>
          <xsl:apply-templates/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@unit"><xsl:value-of select="concat(' ', @unit)"/></xsl:if>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- A ready citation when the header has none: "Title", date, archive, URL. -->
  <xsl:template name="built-citation">
    <xsl:text>“</xsl:text><xsl:value-of select="$doc-title"/><xsl:text>”</xsl:text>
    <xsl:if test="$doc-date">
      <xsl:text>, </xsl:text>
      <xsl:call-template name="date-text"><xsl:with-param name="date" select="$doc-date"/></xsl:call-template>
    </xsl:if>
    <xsl:variable name="stmt" select="$header/tei:fileDesc/tei:publicationStmt"/>
    <xsl:variable name="publisher" select="normalize-space(($stmt/tei:publisher | $stmt/tei:distributor | $stmt/tei:authority)[normalize-space()][1])"/>
    <xsl:choose>
      <xsl:when test="$publisher"><xsl:text>, </xsl:text><xsl:value-of select="$publisher"/></xsl:when>
      <xsl:when test="normalize-space($archive-name)"><xsl:text>, </xsl:text><xsl:value-of select="$archive-name"/></xsl:when>
    </xsl:choose>
    <xsl:if test="$record-url"><xsl:text>, </xsl:text><xsl:value-of select="$record-url"/></xsl:if>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- After an element no template knows: a space when another element follows with no text
       between (<role>Boatman</role><roleDesc>an old man</roleDesc>), so words do not run together.
       Tokens (w, pc...) that say they are written together (@join, TEI att.linguistic: "right" or
       "both" on the first, "left" or "both" on the next) get none, and nor does punctuation that
       closes (<w>Kata</w><pc>,</pc>) or follows an opening one. -->
  <xsl:template name="space-before-next-element">
    <!-- the next node alone: a predicate after [1] made each element read all the nodes after it -->
    <xsl:variable name="next" select="following-sibling::node()[1]"/>
    <xsl:if test="$next[self::*]
                  and not(@join = 'right' or @join = 'both' or $next/@join = 'left' or $next/@join = 'both')
                  and not($next[self::tei:pc][string-length(normalize-space()) = 1]
                          and contains(',.;:!?)]}&#187;&#8221;&#8217;&#8230;', normalize-space($next)))
                  and not(self::tei:pc[string-length(normalize-space()) = 1]
                          and contains('([{&#171;&#8220;&#8216;&#8222;&#191;&#161;', normalize-space()))">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ editorial marks -->

  <!-- " in another hand" (or " by another hand", with `by`), and the hand's note when it has one -->
  <xsl:template name="hand-text">
    <xsl:param name="by" select="false()"/>
    <xsl:variable name="note" select="normalize-space(key('ids', substring-after(@hand, '#'))/..)"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$by"><xsl:value-of select="ed:label('by another hand')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="ed:label('in another hand')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$note"> (<xsl:value-of select="$note"/>)</xsl:if>
  </xsl:template>

  <!-- Elements that render as blocks when they stand between blocks, as inline marks in a line. -->
  <xsl:template name="in-block-context">
    <xsl:if test="parent::tei:div or parent::tei:body or parent::tei:closer or parent::tei:opener
                  or parent::tei:postscript or parent::tei:back or parent::tei:front
                  or parent::tei:sp or parent::tei:lg">yes</xsl:if>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'sic'"/>
      <xsl:with-param name="explanation" select="ed:label('sic: thus in the original (the error is the source’s)')"/>
      <!-- the label after the word, its bracket doubled where the source doubled it ([[sic!]]) -->
      <xsl:with-param name="close">
        <xsl:variable name="doubled" select="number(ed:rend-has('double-bracket'))"/>
        <xsl:value-of select="concat(' [', substring('[', 1, $doubled), 'sic', substring('!', 1, number(ed:rend-has('sic!'))),
                                     ']', substring(']', 1, $doubled))"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:variable name="desc" select="normalize-space(tei:desc)"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'gap'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="@reason='omitted'"><xsl:value-of select="ed:label('Omission: the archive’s editors left out text here')"/></xsl:when>
          <xsl:when test="@reason='redacted'"><xsl:value-of select="ed:label('Redacted: withheld by the holder of the original')"/></xsl:when>
          <xsl:when test="@reason='illegible'"><xsl:value-of select="ed:label('Illegible in the original')"/></xsl:when>
          <xsl:when test="@reason='missing'"><xsl:value-of select="ed:label('Missing from the copy')"/></xsl:when>
          <xsl:when test="@reason='undeciphered'"><xsl:value-of select="ed:label('Not deciphered: the decrypt does not recover this text')"/></xsl:when>
          <xsl:when test="@reason='signature'"><xsl:value-of select="ed:label('Signature in the original, not transcribed')"/></xsl:when>
          <xsl:when test="@reason='stamp'"><xsl:value-of select="ed:label('Stamp in the original, not transcribed')"/></xsl:when>
          <xsl:when test="@reason='not included'"><xsl:value-of select="ed:label('Not included: the file points here to another file (XInclude), which is never fetched')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="ed:label('Gap: text not transcribed')"/><xsl:if test="@reason"> (<xsl:value-of select="@reason"/>)</xsl:if></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@quantity"> — <xsl:value-of select="concat(@quantity, ' ', @unit)"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:text>[</xsl:text>
        <xsl:choose>
          <xsl:when test="$desc"><xsl:value-of select="$desc"/></xsl:when>
          <xsl:when test="@rend"><xsl:value-of select="@rend"/></xsl:when>
          <xsl:when test="@reason='omitted' or not(@reason)">…</xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="@reason"/>
            <xsl:if test="@quantity">: <xsl:value-of select="concat(@quantity, ' ', @unit)"/></xsl:if>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>]</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="content" select="'no'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:space[tei:desc or @type='blank' or @reason='blank']">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'space'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation" select="ed:label('Blank space left in the original')"/>
      <xsl:with-param name="open">
        <xsl:text>[</xsl:text>
        <xsl:choose>
          <xsl:when test="normalize-space(tei:desc)"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
          <xsl:otherwise>blank</xsl:otherwise>
        </xsl:choose>
        <xsl:text>]</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="content" select="'no'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind">
        <xsl:choose>
          <xsl:when test="@type='annotation'">annotation</xsl:when>
          <xsl:otherwise>add</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="quiet">
        <xsl:choose>
          <xsl:when test="@type='annotation' or @place='margin'">no</xsl:when>
          <xsl:otherwise>yes</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="@type='annotation'"><xsl:value-of select="ed:label('Handwritten annotation')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="ed:label('Added')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@hand"><xsl:call-template name="hand-text"/></xsl:if>
        <xsl:if test="@place"> (<xsl:value-of select="translate(@place, '-_', '  ')"/>)</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:choose>
          <xsl:when test="@type='annotation'">[handwritten: </xsl:when>
          <xsl:when test="@hand and (@type='insertion' or not(@place))">[inserted by hand: </xsl:when>
          <xsl:when test="@place='margin'">[added in the margin: </xsl:when>
          <xsl:when test="@place">[added <xsl:value-of select="translate(@place, '-_', '  ')"/>: </xsl:when>
          <xsl:otherwise>[added: </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="close" select="']'"/>
      <!-- in the document as written, the hands are told apart (the text names them in its explanation) -->
      <xsl:with-param name="hand"><xsl:if test="ancestor::tei:sourceDoc"><xsl:call-template name="hand-name"/></xsl:if></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:note[@type='annotation']">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'annotation'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:value-of select="ed:label('Handwritten annotation')"/>
        <xsl:if test="@hand"><xsl:call-template name="hand-text"/></xsl:if>
        <xsl:if test="@place"> (<xsl:value-of select="@place"/>)</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open" select="'[handwritten: '"/>
      <xsl:with-param name="close" select="']'"/>
      <xsl:with-param name="block"><xsl:call-template name="in-block-context"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A note: a footnote reference (each output draws it), or a bracketed remark that stays in
       the running text. Annotations and transmission lines have templates of their own. -->
  <xsl:template match="tei:note">
    <xsl:variable name="footnote"><xsl:call-template name="is-footnote"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = 'yes'">
        <xsl:call-template name="footnote-reference"/>
      </xsl:when>
      <xsl:when test="ancestor::tei:u or key('utterances-parent', generate-id(..))">
        <xsl:call-template name="transcript-note"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="inline-note"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An aside of a transcript, in brackets unless the record gave its own: "[Applause]",
       "(The sitting opens at 10.05.)"; a block between utterances, inline within one. -->
  <xsl:template name="transcript-note">
    <xsl:param name="what" select="ed:label('Remark of the transcript, not spoken')"/>
    <xsl:variable name="said" select="normalize-space(.)"/>
    <xsl:variable name="first" select="substring($said, 1, 1)"/>
    <xsl:variable name="last" select="substring($said, string-length($said))"/>
    <xsl:variable name="bracketed" select="($first = '(' and $last = ')') or ($first = '[' and $last = ']')"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'transcript-note'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:value-of select="$what"/>
        <xsl:if test="@type"> (<xsl:value-of select="translate(@type, '-_', '  ')"/>)</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open"><xsl:if test="not($bracketed)">[</xsl:if></xsl:with-param>
      <xsl:with-param name="close"><xsl:if test="not($bracketed)">]</xsl:if></xsl:with-param>
      <xsl:with-param name="block">
        <xsl:choose>
          <xsl:when test="parent::tei:u[tei:seg]">yes</xsl:when>  <!-- between the paragraphs (seg) of an utterance -->
          <xsl:otherwise><xsl:call-template name="in-block-context"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- What a spoken text records besides the words (the Guidelines' "Vocal, Kinesic, Incident"):
       a sound, a gesture, an event, told in its desc, is an aside like the transcript's remarks,
       "[laughs]", wherever it is. One that describes nothing has nothing to show. -->
  <xsl:template match="tei:vocal | tei:kinesic | tei:incident">
    <xsl:if test="normalize-space(.)">
      <xsl:call-template name="transcript-note">
        <xsl:with-param name="what">
          <xsl:choose>
            <xsl:when test="self::tei:vocal"><xsl:value-of select="ed:label('A sound, not a word')"/></xsl:when>
            <xsl:when test="self::tei:kinesic"><xsl:value-of select="ed:label('A gesture, not spoken')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="ed:label('Something that happened, not spoken')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Who speaks an utterance: the name of the person its @who points to in the file, else the
       pointer itself ("#Smith" -> "Smith"; ParlaMint keeps its people in another file). -->
  <xsl:template name="utterance-speaker">
    <xsl:variable name="who" select="normalize-space(@who)"/>
    <xsl:variable name="first">
      <xsl:choose>
        <xsl:when test="contains($who, ' ')"><xsl:value-of select="substring-before($who, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$who"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="id" select="substring-after($first, '#')"/>
    <xsl:variable name="person" select="key('ids', $id)/.."/>
    <xsl:variable name="name" select="($person/tei:persName | $person/tei:orgName | $person/tei:name)[1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($name)"><xsl:value-of select="normalize-space($name)"/></xsl:when>
      <xsl:when test="$id"><xsl:value-of select="$id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="inline-note">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'note'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="@subtype='rendition'"><xsl:value-of select="ed:label('Editors’ note on the look of the original')"/></xsl:when>
          <xsl:when test="@subtype='unknown'"><xsl:value-of select="ed:label('Bracketed remark of the source’s editors')"/></xsl:when>
          <xsl:when test="@type='translator'"><xsl:value-of select="ed:label('Translator’s note')"/></xsl:when>
          <xsl:when test="@place='margin'"><xsl:value-of select="ed:label('Note in the margin')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="ed:label('Editors’ note')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:choose>
          <xsl:when test="@subtype">[</xsl:when>
          <xsl:when test="@type='translator'">[Translator’s note: </xsl:when>
          <xsl:when test="@place='margin'">[in the margin: </xsl:when>
          <xsl:otherwise>[Note: </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="close" select="']'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'supplied'"/>
      <xsl:with-param name="explanation">
        <xsl:value-of select="ed:label('Supplied by the translator or editors; not in the original')"/>
        <xsl:if test="@reason and @reason != 'clarification'"> (<xsl:value-of select="@reason"/>)</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open" select="'['"/>
      <xsl:with-param name="close" select="']'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An uncertain reading in the form the source gave it: a doubt (@cert="low") as the
       translator wrote it, with a question mark (`[Kim?]`), any other with its label. -->
  <xsl:template match="tei:unclear[not(parent::tei:choice)]">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'unclear'"/>
      <xsl:with-param name="explanation">
        <xsl:value-of select="ed:label('Uncertain reading')"/>
        <xsl:if test="@cert='low'"><xsl:text> </xsl:text><xsl:value-of select="ed:label('(low certainty)')"/></xsl:if>
        <xsl:if test="@reason"> (<xsl:value-of select="@reason"/>)</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open">
        <xsl:choose>
          <xsl:when test="@cert='low'">[</xsl:when>
          <xsl:otherwise>[unclear: </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="close">
        <xsl:choose>
          <xsl:when test="@cert='low'">?]</xsl:when>
          <xsl:otherwise>]</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A deletion is left out of the reading view, unless it is all there is to read of its block
       (a paragraph, a verse line, a whole text struck out): the reading view then shows it,
       struck through and labelled, rather than an empty block. The blocks with something left to
       read (text, or a block of their own, outside any deletion) are found once per file, and
       only in a file with deletions: each block looks at what is inside it and belongs to no
       nearer block, so that the work is the file's size times the depth of its blocks. (Not a
       key: libxslt makes all of a stylesheet's keys on the first key() asked, for every file.)
       A footnote is a block of its own, but is not what its paragraph shows. -->
  <xsl:key name="block-with-text" match="block-with-text" use="@block"/>
  <!-- The blocks the reading view shows, and those a deletion can be all of (with the containers
       around blocks, and a note, which is a block of its own), as lists of local names. -->
  <xsl:variable name="reading-blocks" select="' p ab l head item cell lg sp list table div u figure '"/>
  <xsl:variable name="deletion-blocks" select="concat($reading-blocks, 'note body front back text ')"/>
  <xsl:variable name="blocks-with-text-tree">
    <xsl:if test="/tei:TEI/tei:text//tei:del">
      <xsl:for-each select="/tei:TEI/tei:text//tei:*[contains($deletion-blocks, concat(' ', local-name(), ' '))]">
        <xsl:variable name="block" select="generate-id()"/>
        <xsl:if test="(.//text()[normalize-space()] | .//tei:*[contains($reading-blocks, concat(' ', local-name(), ' '))])
                        [not(ancestor::tei:del)]
                        [generate-id(ancestor::tei:*[contains($deletion-blocks, concat(' ', local-name(), ' '))][1]) = $block]">
          <block-with-text block="{$block}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="blocks-with-text" select="exsl:node-set($blocks-with-text-tree)"
                xmlns:exsl="http://exslt.org/common"/>

  <!-- "yes" when the context del is all its block has to read, or holds whole blocks itself. -->
  <xsl:template name="deletion-is-whole-block">
    <xsl:variable name="block" select="ancestor::tei:*[contains($deletion-blocks, concat(' ', local-name(), ' '))][1]"/>
    <xsl:variable name="block-id" select="generate-id($block)"/>
    <xsl:variable name="kept"><xsl:for-each select="$blocks-with-text"><xsl:if test="key('block-with-text', $block-id)">yes</xsl:if></xsl:for-each></xsl:variable>
    <xsl:if test="tei:p or tei:ab or tei:l or tei:lg or tei:sp or tei:list or tei:table or tei:div or tei:u
                  or ($block and $kept != 'yes')">yes</xsl:if>
  </xsl:template>

  <xsl:template match="tei:del">
    <xsl:variable name="whole"><xsl:if test="not(ancestor::tei:sourceDoc)"><xsl:call-template name="deletion-is-whole-block"/></xsl:if></xsl:variable>
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'del'"/>
      <xsl:with-param name="quiet"><xsl:choose><xsl:when test="$whole = 'yes'">no</xsl:when><xsl:otherwise>yes</xsl:otherwise></xsl:choose></xsl:with-param>
      <xsl:with-param name="explanation">
        <xsl:value-of select="ed:label('Deleted in the original')"/>
        <xsl:if test="@hand"><xsl:call-template name="hand-text"><xsl:with-param name="by" select="true()"/></xsl:call-template></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="open" select="'[deleted: '"/>
      <xsl:with-param name="close" select="']'"/>
      <xsl:with-param name="reading"><xsl:choose><xsl:when test="$whole = 'yes'">show</xsl:when><xsl:otherwise>drop</xsl:otherwise></xsl:choose></xsl:with-param>
      <!-- in the document as written, the hands are told apart (the text names them in its explanation) -->
      <xsl:with-param name="hand"><xsl:if test="ancestor::tei:sourceDoc"><xsl:call-template name="hand-name"/></xsl:if></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:damage | tei:surplus">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="local-name()"/>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="self::tei:damage"><xsl:value-of select="ed:label('Damaged in the original')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="ed:label('Superfluous in the original')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="open" select="concat('[', local-name(), ': ')"/>
      <xsl:with-param name="close" select="']'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A word of the original language that the translator gave in brackets. -->
  <xsl:template match="tei:term[@type='original']">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'original'"/>
      <xsl:with-param name="explanation" select="ed:label('The original’s own word, given by the translator')"/>
      <xsl:with-param name="open" select="'['"/>
      <xsl:with-param name="close" select="']'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A stamp; one that opens with the editors' own words for it ([CPSU CC stamp: ...], a supplied
       first) needs no "stamp:" of ours. -->
  <xsl:template match="tei:stamp">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'stamp'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation" select="ed:label('Stamp in the original')"/>
      <xsl:with-param name="open">
        <xsl:choose>
          <xsl:when test="node()[not(self::text()[not(normalize-space())])][1][self::tei:supplied]">[</xsl:when>
          <xsl:otherwise>[stamp: </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="close" select="']'"/>
      <xsl:with-param name="block"><xsl:call-template name="in-block-context"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A page break's marker; also of a pb whose @facs names no image that can be shown (FRUS's
       facs="0145", a scan's file name), which each output's facsimile template hands back. -->
  <xsl:template match="tei:pb" name="page-break-mark">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'pb'"/>
      <xsl:with-param name="quiet" select="'no'"/>
      <xsl:with-param name="explanation" select="ed:label('Page break in the original')"/>
      <xsl:with-param name="open">
        <xsl:text>[</xsl:text>
        <xsl:choose>
          <xsl:when test="@rend"><xsl:value-of select="@rend"/></xsl:when>
          <xsl:when test="@n">page <xsl:value-of select="@n"/></xsl:when>
          <xsl:otherwise>page break</xsl:otherwise>
        </xsl:choose>
        <xsl:text>]</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="content" select="'no'"/>
      <xsl:with-param name="block"><xsl:call-template name="in-block-context"/></xsl:with-param>
    </xsl:call-template>
    <!-- a break between words ("15th <pb/>Session": the space before it, the next page's first
         word after it) keeps the words apart after the marker -->
    <xsl:variable name="before" select="preceding-sibling::node()[1]"/>
    <xsl:variable name="after" select="following-sibling::node()[1]"/>
    <xsl:if test="$before[self::text()] and $after[self::text()]
                  and normalize-space(substring($before, string-length($before))) = ''
                  and normalize-space(substring($after, 1, 1)) != ''">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Forme work inside a line (a typed page's number where the page cut a paragraph): the words as
       typed, small, in the flow of the sentence; between blocks it is a line of its own (core.xsl). -->
  <xsl:template match="tei:fw[ancestor::tei:p or ancestor::tei:ab or ancestor::tei:l or ancestor::tei:item
                              or ancestor::tei:head or ancestor::tei:seg]">
    <xsl:call-template name="mark">
      <xsl:with-param name="kind" select="'fw'"/>
      <xsl:with-param name="explanation">
        <xsl:choose>
          <xsl:when test="@type='pageNum'"><xsl:value-of select="ed:label('Page number typed in the original')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="ed:label('Running head or foot of the original’s page')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A critical apparatus: the lemma in the text, each other reading as a bracketed variant; the
       readings of a group (rdgGrp, two levels deep) too. A reading with no text says it omits
       ("[B: omitted]"); an apparatus whose words end in a space keeps one after its last bracket. -->
  <xsl:template match="tei:app">
    <xsl:apply-templates select="tei:lem | tei:rdgGrp/tei:lem | tei:rdgGrp/tei:rdgGrp/tei:lem"/>
    <xsl:for-each select="tei:rdg | tei:rdgGrp/tei:rdg | tei:rdgGrp/tei:rdgGrp/tei:rdg">
      <xsl:variable name="omits" select="not(normalize-space()) and not(*)"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="mark">
        <xsl:with-param name="kind" select="'rdg'"/>
        <xsl:with-param name="explanation">
          <xsl:value-of select="ed:label('Variant reading')"/>
          <xsl:if test="@wit"><xsl:value-of select="concat(' ', ed:label('of'), ' ', translate(normalize-space(@wit), '#', ''))"/></xsl:if>
        </xsl:with-param>
        <xsl:with-param name="open">
          <xsl:text>[</xsl:text>
          <xsl:if test="@wit"><xsl:value-of select="translate(normalize-space(@wit), '#', '')"/>: </xsl:if>
          <xsl:if test="$omits"><xsl:value-of select="ed:label('omitted')"/></xsl:if>
        </xsl:with-param>
        <xsl:with-param name="close" select="']'"/>
        <xsl:with-param name="reading" select="'drop'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="string() and translate(substring(., string-length()), ' &#9;&#10;&#13;', '') = ''"><xsl:text> </xsl:text></xsl:if>
    <!-- the apparatus's own notes (EpiDoc: an app with only a note), and what it says of witnesses -->
    <xsl:apply-templates select="tei:note"/>
    <xsl:for-each select="tei:witDetail | tei:wit">
      <xsl:text> </xsl:text>
      <xsl:call-template name="mark">
        <xsl:with-param name="kind" select="'rdg'"/>
        <xsl:with-param name="explanation" select="ed:label('What the apparatus says of a witness')"/>
        <xsl:with-param name="open">
          <xsl:text>[</xsl:text>
          <xsl:if test="@wit"><xsl:value-of select="translate(normalize-space(@wit), '#', '')"/>: </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="close" select="']'"/>
        <xsl:with-param name="reading" select="'drop'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:variable name="orig" select="(tei:abbr | tei:sic | tei:orig | tei:unclear)[1]"/>
    <xsl:variable name="reg" select="(tei:expan | tei:corr | tei:reg | tei:unclear[2])[1]"/>
    <xsl:choose>
      <xsl:when test="$orig and $reg">
        <xsl:call-template name="alternatives">
          <xsl:with-param name="orig" select="$orig"/>
          <xsl:with-param name="reg" select="$reg"/>
          <xsl:with-param name="explanation">
            <xsl:choose>
              <xsl:when test="tei:abbr"><xsl:value-of select="ed:label('Abbreviation expanded by the editors')"/></xsl:when>
              <xsl:when test="tei:sic"><xsl:value-of select="ed:label('Corrected by the editors; the original reads “')"/><xsl:value-of select="normalize-space($orig)"/>”</xsl:when>
              <xsl:when test="tei:orig"><xsl:value-of select="ed:label('Regularised by the editors; the original reads “')"/><xsl:value-of select="normalize-space($orig)"/>”</xsl:when>
              <xsl:otherwise><xsl:value-of select="ed:label('Two possible readings')"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="normalize-space($reg)"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <!-- 'yes' when the list item in hand begins with its own marker, as the converter keeps it from the
       source ("1. Trade", "(a) one", "- point"): the outputs then add no second number or bullet. -->
  <xsl:template name="item-has-marker">
    <xsl:variable name="lead" select="normalize-space(substring(node()[1][self::text()], 1, 16))"/>
    <xsl:if test="(@n and (starts-with($lead, concat(@n, '.')) or starts-with($lead, concat(@n, ')'))
                           or starts-with($lead, concat('(', @n, ')'))))
                  or (not(@n) and substring($lead, 2, 1) = ' '
                      and contains('-*&#x2022;&#x2013;&#x2014;&#x00B7;&#x25AA;&#x25E6;&#x2023;', substring($lead, 1, 1)))">yes</xsl:if>
  </xsl:template>

  <!-- What a list holds besides its items and labels, for the outputs to keep: 'between' for what
       stands between two entries (a page break, milestone, anchor, note), 'entry' for another kind
       of entry (a listBibl's biblStruct, msDesc or nested listBibl, a castList's castGroup). -->
  <!-- A gloss list's labels, one table per list (called on the list): an item is glossed by the
       nearest label before it, found as its place among the labels and items less its place among
       the items (looking back from each item took time quadratic in the items after one label).
       A label that glosses no item, because another label or the list's end comes before the next
       item, is lone="yes" (or "last", when no label or item follows), for each output to show it
       on its own rather than lose it. Read with key('gloss', generate-id()) inside the table. -->
  <xsl:key name="gloss" match="gloss" use="@node"/>
  <xsl:key name="label" match="tei:label" use="generate-id()"/>
  <xsl:key name="gloss-member" match="gloss-member" use="@node"/>
  <xsl:key name="gloss-member-place" match="gloss-member" use="@place"/>
  <xsl:key name="gloss-label-place" match="gloss-label" use="@place"/>

  <xsl:template name="gloss-table">
    <xsl:variable name="members-tree">
      <!-- one step with a predicate: a union (tei:label | tei:item) is merged in time quadratic in its nodes -->
      <xsl:for-each select="*[self::tei:label or self::tei:item]">
        <gloss-member node="{generate-id()}" place="{position()}" item="{count(self::tei:item)}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="members" select="exsl:node-set($members-tree)" xmlns:exsl="http://exslt.org/common"/>
    <xsl:variable name="labels-tree">
      <xsl:for-each select="tei:label"><gloss-label node="{generate-id()}" place="{position()}"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="labels" select="exsl:node-set($labels-tree)" xmlns:exsl="http://exslt.org/common"/>
    <xsl:for-each select="tei:item">
      <xsl:variable name="item" select="generate-id()"/>
      <xsl:variable name="item-place" select="position()"/>
      <xsl:for-each select="$members">
        <xsl:variable name="labels-before" select="key('gloss-member', $item)/@place - $item-place"/>
        <xsl:for-each select="$labels">
          <gloss node="{$item}" label="{key('gloss-label-place', $labels-before)/@node}"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="$members/gloss-member[@item = 0]">
      <xsl:variable name="next" select="key('gloss-member-place', @place + 1)"/>
      <xsl:choose>
        <xsl:when test="not($next)"><gloss node="{@node}" lone="last"/></xsl:when>
        <xsl:when test="$next/@item = 0"><gloss node="{@node}" lone="yes"/></xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="list-member-kind">
    <xsl:choose>
      <xsl:when test="self::tei:item or self::tei:label or self::tei:head
                      or self::tei:bibl[parent::tei:listBibl] or self::tei:castItem">member</xsl:when>
      <xsl:when test="self::tei:pb or self::tei:cb or self::tei:lb or self::tei:gb or self::tei:milestone
                      or self::tei:anchor or self::tei:note or self::tei:fw or self::tei:index">between</xsl:when>
      <xsl:otherwise>entry</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
