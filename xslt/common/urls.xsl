<?xml version="1.0" encoding="UTF-8"?>
<!--
  The one URL allow-list: every href the HTML takes from the TEI goes through safe-url, and the
  PDF's links are the HTML's. The same rules as tei/core/urls.py (safe_url), which the exports use:

  - accepted: a fragment "#id"; an absolute http://, https:// or mailto: address (any case);
    with relative='yes' (addresses the stylesheet builds itself), also a relative reference;
  - refused: every other scheme (javascript:, data:, vbscript:, file:, ...), a protocol-relative
    "//host", a backslash in a relative reference, and white space (or DEL) inside the URL:
    browsers drop tabs and line breaks in a URL, so "java&#x09;script:" would run. White space at
    the edges is trimmed, as browsers do. (XML holds no other control characters.)
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <!-- The URL, trimmed, when the allow-list accepts it; else nothing. -->
  <xsl:template name="safe-url">
    <xsl:param name="url"/>
    <xsl:param name="relative" select="'no'"/>
    <xsl:variable name="trimmed" select="normalize-space($url)"/>
    <!-- the scheme is all that is read in lower case: its first eight characters ("https://") -->
    <xsl:variable name="lower" select="translate(substring($trimmed, 1, 8), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <!-- A relative reference has no ':' before its first '/', '?' or '#'. -->
    <xsl:variable name="first-segment" select="substring-before(concat(translate($trimmed, '?#', '//'), '/'), '/')"/>
    <xsl:if test="$trimmed != '' and not(contains($trimmed, ' ')) and not(contains($trimmed, '&#x7F;'))
                  and (starts-with($trimmed, '#') or starts-with($lower, 'http://') or starts-with($lower, 'https://')
                       or starts-with($lower, 'mailto:')
                       or ($relative = 'yes' and not(contains($first-segment, ':'))
                           and not(starts-with($trimmed, '//')) and not(contains($trimmed, '\'))))">
      <xsl:value-of select="$trimmed"/>
    </xsl:if>
  </xsl:template>

  <!-- A TEI pointer attribute (a white-space separated list) as a link: its first pointer, through
       safe-url. Only page anchors and web or mail addresses become links: a relative pointer names
       a file beside the TEI, which the published page does not have, and an anchor to an
       identifier the file does not hold (a document of the same volume left out of this file:
       FRUS's "#d12") would lead nowhere. -->
  <xsl:template name="safe-href">
    <xsl:param name="target" select="@target"/>
    <xsl:variable name="first" select="substring-before(concat(normalize-space($target), ' '), ' ')"/>
    <xsl:if test="not(starts-with($first, '#')) or key('ids', substring($first, 2))">
      <xsl:call-template name="safe-url">
        <xsl:with-param name="url" select="$first"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
