"""The one URL allow-list of every output that a reader or an aggregator may follow as a link.

A URL taken from a TEI file becomes a link (an HTML `href`, a PDF link, a CMIF `@ref` or
`@target`, a Dublin Core identifier) only when it is a fragment (`#id`), or an absolute `http:`,
`https:` or `mailto:` address; a relative reference only where the caller builds it itself.
Everything else is refused, whatever its case or spacing: `javascript:`, `data:`, `vbscript:`,
`file:` and any other scheme, a protocol-relative `//host` (it reaches whatever host it names, and
`file://host` shares when printed), and anything with white space or control characters inside
(browsers drop tabs and line breaks inside a URL, so `java&#x09;script:` would run).

`xslt/common/urls.xsl` (`safe-url`) applies the same rules to the HTML, and so to the PDF made
from it; tests/core/test_url_allowlist.py checks that the two agree.
"""

from __future__ import annotations

import re

#: What XML and XPath's normalize-space() call white space: trimmed at the edges.
XML_SPACE = " \t\r\n"
_ALLOWED = re.compile(r"#|(?:https?://|mailto:)", re.IGNORECASE | re.ASCII)
_INSIDE = re.compile(r"[\x00-\x20\x7f]")


def safe_url(value: str | None, *, relative: bool = False) -> str:
    """`value` without its edge white space when the allow-list accepts it, else "".

    `relative=True` also accepts a relative reference (`page.html`, `../browse/x.html#y`, `/a`):
    no scheme before the first `/`, `?` or `#`, not `//host`, and no backslash (browsers read
    `\\` as `/`). Only addresses the edition makes itself are relative: a relative pointer in a TEI
    file names a file beside the TEI, which the published page does not have."""
    url = (value or "").strip(XML_SPACE)
    if not url or _INSIDE.search(url):
        return ""
    if _ALLOWED.match(url):
        return url
    if relative and not url.startswith("//") and "\\" not in url and ":" not in re.split(r"[/?#]", url, 1)[0]:
        return url
    return ""

