<?xml version="1.0" encoding="UTF-8"?>
<!--
  Page images beside the text: a pb whose @facs points at an http(s) image (common/facsimile.xsl
  says which) is shown as a figure, "page N", with the image loaded lazily by the reader's
  browser and never by the renderer; an IIIF image as an 800-pixel thumbnail linking to the full
  image. A pb without an allowed image shows its page marker, as a pb without @facs does. The PDF hides the images
  (paged.css): printing is done without a network.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:ed="urn:x-tei-edition:interface"
                exclude-result-prefixes="tei ed">

  <xsl:template match="tei:pb[@facs or @xml:id]">
    <xsl:variable name="url">
      <xsl:call-template name="facsimile-url"/>
    </xsl:variable>
    <xsl:if test="$url != ''">
      <xsl:variable name="iiif">
        <xsl:call-template name="iiif-base">
          <xsl:with-param name="url" select="$url"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="full">
        <xsl:choose>
          <xsl:when test="$iiif != '' and contains($url, '/info.json')">
            <xsl:value-of select="concat($iiif, '/full/max/0/default.jpg')"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <!-- A figure between blocks; inside a paragraph or line (where a figure would end the
           paragraph) the same as spans with the figure role. -->
      <xsl:variable name="between-blocks"
                    select="parent::tei:body or parent::tei:front or parent::tei:back or parent::tei:div
                            or starts-with(local-name(..), 'div') or parent::tei:group"/>
      <xsl:choose>
        <xsl:when test="$between-blocks">
          <figure class="tei-facsimile">
            <xsl:call-template name="facsimile-image"><xsl:with-param name="url" select="$url"/><xsl:with-param name="iiif" select="$iiif"/><xsl:with-param name="full" select="$full"/></xsl:call-template>
            <figcaption><xsl:call-template name="facsimile-caption"/></figcaption>
          </figure>
        </xsl:when>
        <xsl:otherwise>
          <span class="tei-facsimile" role="figure">
            <xsl:call-template name="facsimile-image"><xsl:with-param name="url" select="$url"/><xsl:with-param name="iiif" select="$iiif"/><xsl:with-param name="full" select="$full"/></xsl:call-template>
            <span class="tei-facsimile-caption"><xsl:call-template name="facsimile-caption"/></span>
          </span>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:if test="$url = ''"><xsl:call-template name="page-break-mark"/></xsl:if>
  </xsl:template>

  <xsl:template name="facsimile-image">
    <xsl:param name="url"/>
    <xsl:param name="iiif"/>
    <xsl:param name="full"/>
    <xsl:variable name="page" select="normalize-space(@n)"/>
    <a href="{$full}">
      <img loading="lazy" decoding="async" referrerpolicy="no-referrer">
        <xsl:attribute name="src">
          <xsl:choose>
            <xsl:when test="$iiif != ''"><xsl:value-of select="concat($iiif, '/full/!800,800/0/default.jpg')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="alt">
          <xsl:choose>
            <xsl:when test="$page != ''"><xsl:value-of select="ed:label('Facsimile of page')"/><xsl:text> </xsl:text><xsl:value-of select="$page"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="ed:label('Facsimile of the page')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </img>
    </a>
  </xsl:template>

  <!-- A zone's name and position ("zone 1 (main): x 120-860, y 40-300"), where it has one. -->
  <xsl:template name="zone-label">
    <xsl:variable name="position"><xsl:call-template name="zone-position"/></xsl:variable>
    <xsl:if test="$position != ''">
      <p class="zone-position"><xsl:call-template name="zone-name"/>: <xsl:value-of select="$position"/></p>
    </xsl:if>
  </xsl:template>

  <!-- The page images of <facsimile> that the text never points at, each with its zones. -->
  <xsl:template name="unplaced-surfaces-section">
    <xsl:if test="$unplaced-surfaces">
      <section id="page-images" class="page-images" aria-label="{ed:label('Page images not placed in the text')}">
        <h2><xsl:call-template name="interface-lang"/><xsl:value-of select="ed:label('Page images not placed in the text')"/></h2>
        <xsl:for-each select="$unplaced-surfaces">
          <xsl:variable name="url">
            <xsl:call-template name="target-image-url"><xsl:with-param name="target" select="."/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="label">
            <xsl:choose>
              <xsl:when test="normalize-space(@n) != ''">surface <xsl:value-of select="normalize-space(@n)"/></xsl:when>
              <xsl:when test="normalize-space(tei:label) != ''"><xsl:value-of select="normalize-space(tei:label)"/></xsl:when>
              <xsl:otherwise>surface <xsl:value-of select="position()"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <figure class="tei-facsimile tei-surface">
            <xsl:call-template name="global-attributes"/>
            <xsl:if test="$url != ''">
              <xsl:variable name="iiif">
                <xsl:call-template name="iiif-base"><xsl:with-param name="url" select="$url"/></xsl:call-template>
              </xsl:variable>
              <a href="{$url}">
                <img loading="lazy" decoding="async" referrerpolicy="no-referrer" alt="Facsimile of {$label}">
                  <xsl:attribute name="src">
                    <xsl:choose>
                      <xsl:when test="$iiif != ''"><xsl:value-of select="concat($iiif, '/full/!800,800/0/default.jpg')"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:attribute>
                </img>
              </a>
            </xsl:if>
            <figcaption>
              <xsl:value-of select="$label"/>
              <xsl:if test="tei:desc"><xsl:text>: </xsl:text><xsl:apply-templates select="tei:desc/node()"/></xsl:if>
              <xsl:if test=".//tei:zone[@points or @ulx or @uly or @lrx or @lry]">
                <ul class="zone-positions">
                  <xsl:for-each select=".//tei:zone[@points or @ulx or @uly or @lrx or @lry]">
                    <li><xsl:call-template name="zone-name"/>: <xsl:call-template name="zone-position"/></li>
                  </xsl:for-each>
                </ul>
              </xsl:if>
            </figcaption>
          </figure>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="facsimile-caption">
    <xsl:variable name="page" select="normalize-space(@n)"/>
    <xsl:choose>
      <xsl:when test="$page != ''">page <xsl:value-of select="$page"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="ed:label('page image')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
