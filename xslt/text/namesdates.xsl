<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text: names and dates are their words. A name that points to an entry elsewhere in the
  document (FRUS's persName/@corresp) stays as written: plain text has no links, and the entry
  itself is rendered where it stands.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:roleName
                       | tei:geogName | tei:rs | tei:date | tei:time">
    <xsl:apply-templates/>
    <!-- names side by side (<author><persName>A</persName><persName>B</persName></author>) do not
         run together; a mark or note right after a name stays against it -->
    <xsl:choose>
      <!-- an entry of standOff is its parts side by side (<persName/><birth/>), as in the HTML -->
      <xsl:when test="ancestor::tei:standOff"><xsl:call-template name="space-before-next-element"/></xsl:when>
      <xsl:when test="following-sibling::node()[1][self::tei:persName or self::tei:placeName or self::tei:orgName
                                                   or self::tei:name or self::tei:roleName or self::tei:rs
                                                   or self::tei:geogName]">
        <xsl:text> </xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
