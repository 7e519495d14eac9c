<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every parameter of the reading-edition stylesheets, with its meaning and default.

  Set them from the command line with `tei-edition render ... -\-param NAME=VALUE`, or with
  `xsltproc -\-stringparam NAME VALUE html.xsl FILE`. The renderer (tei/render/) fills `css`,
  `js`, `source-name` and `text-width` itself; the others are for the reader to choose.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- View shown first: 'diplomatic' (every editorial intervention visible, as the source had it)
       or 'reading' (clean text: expansions and corrections in place, brackets quiet).
       HTML pages carry both views and a switch; the plain text is rendered in one view. -->
  <xsl:param name="view" select="'diplomatic'"/>

  <!-- Where footnotes go in HTML: 'end' (a numbered list after the text, linked both ways) or
       'page' (each note at its reference point, floated to the foot of the page by the print
       style sheet; used for PDF). -->
  <xsl:param name="footnotes" select="'end'"/>

  <!-- 'yes': translators' and editors' notes stay in the running text as bracketed notes, as in
       the source ("[Translator's note: ...]"); 'no': they become numbered footnotes. The renderer
       sets 'yes' for the diplomatic plain text. -->
  <xsl:param name="inline-notes" select="'no'"/>

  <!-- Paper size of the print style sheet and the PDF: 'A4' or 'letter'. -->
  <xsl:param name="paper" select="'A4'"/>

  <!-- Longest running head, in characters; longer titles are cut at a word and end with '…'.
       A title[@type='short'] in the titleStmt is used as it is. -->
  <xsl:param name="short-title-length" select="60"/>

  <!-- Publisher named in the ready citation when the header has no citation and its
       publicationStmt names no publisher, distributor or authority (set by whoever publishes
       the file). Empty (the default): the citation names no publisher, so another project's
       TEI is never attributed to anyone it does not name itself. -->
  <xsl:param name="archive-name" select="''"/>

  <!-- Line width of the plain text; the renderer wraps the lines and draws the rules with it. -->
  <xsl:param name="text-width" select="72"/>

  <!-- The CSS and the script inlined into each HTML page (the renderer reads xslt/edition.css and
       xslt/edition.js). Empty: the page links to edition.css and edition.js beside it instead. -->
  <xsl:param name="css" select="''"/>
  <xsl:param name="js" select="''"/>

  <!-- File name of the TEI source, shown in the colophon and given to the PDF's attachment
       (default: the input's file name; set it when rendering a temporary copy). -->
  <xsl:param name="source-name" select="''"/>

  <!-- Where the page images named by relative addresses in <facsimile> are published, ending in
       '/' (an http or https address). Empty (the default): relative image addresses are not
       shown, since the published page has no file beside it. -->
  <xsl:param name="facsimile-base" select="''"/>

  <!-- The IIIF Presentation 3 manifest of the document's page images that the page links to.
       render writes NAME.manifest.json beside NAME.html when the document has page images and
       sets this to that name; give the http(s) address the manifest will be published at to make
       it the manifest's id (tei/render/iiif.py). Empty: no link. -->
  <xsl:param name="iiif-manifest" select="''"/>

  <!-- Where names that point into the edition's registers link to. A name with
       ref="PREFIX:ID" (person:kim-il-sung, place:pyongyang, org:cpsu) links to
       {name-index}PREFIX.html#PREFIX-ID: the edition site sets '../browse/', whose index pages
       list every document naming the entry. Empty (the default): such names are not links. -->
  <xsl:param name="name-index" select="''"/>

  <!-- Language of the interface's words (headings, labels, the marks' explanations), not of the
       text: 'en' (the default, the stylesheets' own words) or a language with a message catalogue
       in tei/core/locale (the renderer serves its translations; see common/common.xsl). -->
  <xsl:param name="interface-language" select="'en'"/>

</xsl:stylesheet>
