<?xml version="1.0" encoding="UTF-8"?>
<!--
  Which page image an element's @facs points at, for the HTML and the text. The image is named,
  never loaded: lxml's XSLT reads no URL, and the page loads it lazily in the reader's browser.

  - @facs="#id" points at a surface, zone or graphic of <facsimile>: its graphic, or the graphic of
    the surface around a zone without one. Of several, the first displayable full image (not a
    rend="thumbnail", not a TIFF) is taken, else the first displayable one.
  - @facs holding an address is that image itself.
  - Only http(s) images: a relative address is refused (the published page has no file beside it)
    unless the facsimile-base parameter names where the images are; data:, javascript: and every
    other scheme are refused. The allow-list is safe-url (common/urls.xsl).
  - IIIF Image API addresses (.../full/SIZE/ROTATION/QUALITY.FORMAT, or an info.json) are shown
    as a thumbnail of at most 800 by 800 pixels, linking to the full image.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:key name="facsimile-id" match="tei:facsimile//*[@xml:id]" use="@xml:id"/>

  <!-- A surface whose @start points at the page break where its page begins (FRUS: <surface
       start="#pg_114">, the pb's own @facs naming a scan file). -->
  <xsl:key name="surface-start" match="tei:facsimile//tei:surface[@start]"
           use="substring-after(substring-before(concat(normalize-space(@start), ' '), ' '), '#')"/>

  <!-- The http(s) address of the page image @facs points at, or of the surface that starts at the
       context element, or nothing. -->
  <xsl:template name="facsimile-url">
    <xsl:variable name="pointer" select="substring-before(concat(normalize-space(@facs), ' '), ' ')"/>
    <xsl:variable name="url"><xsl:call-template name="pointed-image-url"><xsl:with-param name="pointer" select="$pointer"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$url = '' and @xml:id and key('surface-start', @xml:id)">
        <xsl:call-template name="target-image-url">
          <xsl:with-param name="target" select="key('surface-start', @xml:id)[1]"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pointed-image-url">
    <xsl:param name="pointer"/>
    <xsl:choose>
      <xsl:when test="$pointer = ''"/>
      <xsl:when test="starts-with($pointer, '#')">
        <xsl:call-template name="target-image-url">
          <xsl:with-param name="target" select="key('facsimile-id', substring($pointer, 2))[1]"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="image-url">
          <xsl:with-param name="url" select="$pointer"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The http(s) address of the image of $target (a surface, zone or graphic), or nothing. -->
  <xsl:template name="target-image-url">
    <xsl:param name="target"/>
        <xsl:variable name="graphics"
                      select="$target[self::tei:graphic]
                              | $target[not(self::tei:graphic)]/tei:graphic
                              | $target[self::tei:zone][not(tei:graphic)]/ancestor::tei:surface[1]/tei:graphic"/>
        <xsl:variable name="shown"
                      select="$graphics[not(@mimeType = 'image/tiff')
                                        and not(contains(translate(concat(normalize-space(@url), '|'), 'TIF', 'tif'), '.tif|'))
                                        and not(contains(translate(concat(normalize-space(@url), '|'), 'TIF', 'tif'), '.tiff|'))]"/>
        <xsl:variable name="full">
          <xsl:call-template name="first-image-url">
            <xsl:with-param name="graphics" select="$shown[not(@rend = 'thumbnail')]"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$full != ''"><xsl:value-of select="$full"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="first-image-url">
              <xsl:with-param name="graphics" select="$shown"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
  </xsl:template>

  <!-- The surfaces of <facsimile> that no @facs of the text points at (at the surface, one of its
       zones or one of its graphics): shown after the text, so that no page image is left out. -->
  <xsl:key name="facs-pointer" match="tei:text//*/@facs"
           use="substring-after(substring-before(concat(normalize-space(.), ' '), ' '), '#')"/>
  <xsl:variable name="unplaced-surfaces"
                select="/tei:TEI/tei:facsimile//tei:surface[not(key('facs-pointer', (. | .//tei:zone | .//tei:graphic)/@xml:id))]
                                                           [not(key('ids', substring-after(substring-before(concat(normalize-space(@start), ' '), ' '), '#'))/parent::tei:pb[ancestor::tei:text])]"/>

  <!-- Where a zone (or surface) lies on its surface, in the surface's coordinates:
       "x 120-860, y 40-300" from @ulx/@uly/@lrx/@lry, or "outline 10,10 200,10 200,90" from @points;
       nothing when it has neither. -->
  <xsl:template name="zone-position">
    <xsl:choose>
      <xsl:when test="normalize-space(@points) != ''">
        <xsl:value-of select="concat('outline ', normalize-space(@points))"/>
      </xsl:when>
      <xsl:when test="@ulx or @uly or @lrx or @lry">
        <xsl:value-of select="concat('x ', normalize-space(@ulx), '&#x2013;', normalize-space(@lrx),
                                     ', y ', normalize-space(@uly), '&#x2013;', normalize-space(@lry))"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "zone 2 (main)": what names a zone beside its position. -->
  <xsl:template name="zone-name">
    <xsl:text>zone</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''"><xsl:value-of select="concat(' ', normalize-space(@n))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(' ', count(preceding-sibling::tei:zone) + 1)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space(@type) != ''"><xsl:value-of select="concat(' (', normalize-space(@type), ')')"/></xsl:if>
  </xsl:template>

  <!-- The first of $graphics whose @url is an allowed image address. -->
  <xsl:template name="first-image-url">
    <xsl:param name="graphics"/>
    <xsl:if test="$graphics">
      <xsl:variable name="url">
        <xsl:call-template name="image-url">
          <xsl:with-param name="url" select="$graphics[1]/@url"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$url != ''"><xsl:value-of select="$url"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="first-image-url">
            <xsl:with-param name="graphics" select="$graphics[position() &gt; 1]"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- $url (resolved against facsimile-base when relative) if it is an http(s) address the
       allow-list accepts; else nothing. -->
  <xsl:template name="image-url">
    <xsl:param name="url"/>
    <xsl:variable name="trimmed" select="normalize-space($url)"/>
    <xsl:variable name="first-segment" select="substring-before(concat(translate($trimmed, '?#', '//'), '/'), '/')"/>
    <xsl:variable name="base">
      <xsl:call-template name="safe-url">
        <xsl:with-param name="url" select="$facsimile-base"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="resolved">
      <xsl:choose>
        <xsl:when test="$trimmed != '' and $base != '' and not(contains($first-segment, ':'))
                        and not(starts-with($trimmed, '/')) and not(starts-with($trimmed, '#'))">
          <xsl:value-of select="concat($base, $trimmed)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$trimmed"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="safe">
      <xsl:call-template name="safe-url">
        <xsl:with-param name="url" select="$resolved"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lower" select="translate(substring($safe, 1, 8), 'HTPS', 'htps')"/>
    <xsl:if test="starts-with($lower, 'http://') or starts-with($lower, 'https://')">
      <xsl:value-of select="$safe"/>
    </xsl:if>
  </xsl:template>

  <!-- The IIIF Image API base of $url (the address before /full/... or /info.json), or nothing
       when $url is not an IIIF image or information address. -->
  <xsl:template name="iiif-base">
    <xsl:param name="url"/>
    <xsl:variable name="path" select="substring-before(concat($url, '?'), '?')"/>
    <xsl:variable name="after" select="substring-after($path, '/full/')"/>
    <xsl:choose>
      <xsl:when test="substring($path, string-length($path) - 9) = '/info.json'">
        <xsl:value-of select="substring($path, 1, string-length($path) - 10)"/>
      </xsl:when>
      <!-- full/SIZE/ROTATION/QUALITY.FORMAT: three more segments, the last a quality and format -->
      <xsl:when test="$after != '' and not(contains($after, '/full/'))
                      and string-length($after) - string-length(translate($after, '/', '')) = 2
                      and contains(substring-after(substring-after($after, '/'), '/'), '.')">
        <xsl:variable name="quality"
                      select="substring-before(substring-after(substring-after($after, '/'), '/'), '.')"/>
        <xsl:if test="$quality = 'default' or $quality = 'native' or $quality = 'color'
                      or $quality = 'gray' or $quality = 'grey' or $quality = 'bitonal'">
          <xsl:value-of select="substring-before($path, concat('/full/', $after))"/>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
