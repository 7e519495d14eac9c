<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML: what is shown as something other than prose: markup examples (egXML) as code, trees
  (eTree, eLeaf, triangle, forest) as nested lists, formulas as MathML or as code in their notation.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:eg="http://www.tei-c.org/ns/Examples"
                xmlns:m="http://www.w3.org/1998/Math/MathML"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei eg m ed">

  <!-- ================================================================ markup examples -->

  <xsl:template match="eg:egXML">
    <pre class="tei-egXML" title="{ed:label('Example of TEI markup')}"><code><xsl:call-template name="example-markup"/></code></pre>
  </xsl:template>

  <!-- ================================================================ trees -->

  <!-- A forest holds trees; each tree is a list item labelled by its label, its children a list
       inside it, so that the nesting is the tree's. -->
  <xsl:template match="tei:forest | tei:listForest">
    <div class="tei-{local-name()}">
      <xsl:call-template name="global-attributes"/>
      <ul class="tree"><xsl:apply-templates select="tei:eTree | tei:triangle | tei:eLeaf | tei:forest"/></ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:eTree | tei:triangle | tei:eLeaf">
    <xsl:choose>
      <xsl:when test="parent::tei:forest or parent::tei:eTree or parent::tei:triangle">
        <xsl:call-template name="tree-node"/>
      </xsl:when>
      <xsl:otherwise>
        <ul class="tree"><xsl:call-template name="tree-node"/></ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tree-node">
    <xsl:variable name="children" select="tei:eTree | tei:triangle | tei:eLeaf | tei:forest"/>
    <li class="tei-{local-name()}">
      <xsl:call-template name="global-attributes"/>
      <span class="tree-label">
        <xsl:choose>
          <xsl:when test="tei:label"><xsl:apply-templates select="tei:label/node()"/></xsl:when>
          <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
        </xsl:choose>
      </span>
      <xsl:apply-templates select="node()[not(self::tei:label or self::tei:eTree or self::tei:triangle
                                              or self::tei:eLeaf or self::tei:forest)]"/>
      <xsl:if test="$children">
        <ul><xsl:apply-templates select="$children"/></ul>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ================================================================ formulas -->

  <!-- A formula in a notation other than MathML (TeX, LaTeX, AsciiMath...) is code, named by its
       notation; one with MathML shows it; one with neither is its text. -->
  <xsl:template match="tei:formula">
    <xsl:variable name="display" select="contains(@rend, 'display') or contains(@rend, 'block')
                                         or parent::tei:div or parent::tei:body or parent::tei:figure"/>
    <xsl:choose>
      <xsl:when test="m:math or not(normalize-space(@notation))">
        <span class="tei-formula">
          <xsl:if test="$display"><xsl:attribute name="class">tei-formula display</xsl:attribute></xsl:if>
          <xsl:call-template name="global-attributes"/>
          <xsl:apply-templates/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-formula notation" title="Formula in {@notation} notation">
          <xsl:if test="$display"><xsl:attribute name="class">tei-formula notation display</xsl:attribute></xsl:if>
          <xsl:call-template name="global-attributes"/>
          <span class="formula-notation"><xsl:value-of select="concat(normalize-space(@notation), ': ')"/></span>
          <code><xsl:value-of select="."/></code>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- MathML is copied as MathML, written without a namespace: an HTML parser puts math and what
       it holds into the MathML namespace. The file is anyone's: only elements of the MathML
       namespace and attributes of presentation are kept, never a link, an event or a style. -->
  <xsl:template match="m:math">
    <xsl:apply-templates select="." mode="mathml"/>
  </xsl:template>

  <xsl:template match="m:*" mode="mathml">
    <xsl:element name="{local-name()}">
      <xsl:for-each select="@*[namespace-uri() = '' and contains(
          ' display mathvariant mathsize dir open close separators fence separator stretchy symmetric largeop movablelimits accent accentunder form lspace rspace linethickness numalign denomalign bevelled columnalign rowalign columnspan rowspan columnlines rowlines frame scriptlevel displaystyle notation encoding alttext width height depth ',
          concat(' ', local-name(), ' '))]">
        <xsl:attribute name="{local-name()}"><xsl:value-of select="."/></xsl:attribute>
      </xsl:for-each>
      <xsl:apply-templates mode="mathml"/>
    </xsl:element>
  </xsl:template>

  <!-- anything that is not MathML (HTML or SVG in an annotation, a script) is not copied -->
  <xsl:template match="*" mode="mathml"/>
  <xsl:template match="comment() | processing-instruction()" mode="mathml"/>

</xsl:stylesheet>
