"""The interface's one message catalogue: the site's templates (and the labels the site writes
from Python) are written in English and translated through gettext catalogues, one per language,
in tei/core/locale/LANG/LC_MESSAGES/messages.po.

The reading editions' stylesheets (xslt/) take their words from the same catalogues: each word
they translate is written `ed:label('...')`, or passed as a metadata field's label, and
`extract_stylesheet_words` finds them for `pybabel extract` (tei/core/locale/babel.cfg).

The .po files are read directly (through Babel), so that a new or edited translation needs no
compilation step, in a checkout as in an installed package.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
#: The language the templates are written in: it needs no catalogue.
SOURCE_LANGUAGE = "en"


def catalogue_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.lru_cache(maxsize=None)
def interface_languages() -> tuple[str, ...]:
    """The languages the interface can be shown in: English and every language with a catalogue
    (the catalogues are package data: listed once a process, not for every page that asks)."""
    found = sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *[lang for lang in found if lang != SOURCE_LANGUAGE])


def read_catalogue(language: str):
    """The language's catalogue as Babel reads it (a babel.messages.Catalog)."""
    with open(catalogue_path(language), "rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


@functools.lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    """gettext translations for `language`; English (the templates' own) translates nothing."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, read_catalogue(language))
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@functools.lru_cache(maxsize=None)
def labels_document(language: str) -> bytes:
    """The catalogue's translations as the XML the stylesheets read for their interface words
    (xslt/common/common.xsl, `ed:label`): <labels><label msgid="Date">Datum</label>...</labels>.
    Untranslated and plural messages are left out; the stylesheets then keep their English."""
    from lxml import etree

    root = etree.Element("labels", language=language)
    if language != SOURCE_LANGUAGE:
        for message in read_catalogue(language):
            if message.id and isinstance(message.id, str) and message.string and not message.fuzzy:
                etree.SubElement(root, "label", msgid=" ".join(message.id.split())).text = message.string
    return etree.tostring(root, encoding="utf-8")


#: What the stylesheets translate: an ed:label('...') call, a metadata field's label, and the
#: labels of a correspondent's offices and places that xslt/common/common.xsl makes from it.
_STYLESHEET_WORD = re.compile(r"""ed:label\('([^']+)'\)|<xsl:with-param name="label" select="'([^']+)'"/>""")
_CORRESPONDENT_LABEL = re.compile(r"""<xsl:call-template name="correspondent-fields">\s*<xsl:with-param name="label" select="'([^']+)'"/>""")
CORRESPONDENT_PARTS = (" (office)", " (place)")


def extract_stylesheet_words(fileobj, keywords, comment_tags, options):
    """Babel extractor for xslt/*.xsl: (line, None, message, []) for each word the stylesheet
    translates, its spaces normalised as the stylesheets look it up."""
    text = fileobj.read().decode("utf-8")
    for match in _STYLESHEET_WORD.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield line, None, " ".join((match.group(1) or match.group(2)).replace("&#10;", " ").split()), []
    for match in _CORRESPONDENT_LABEL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        for part in CORRESPONDENT_PARTS:
            yield line, None, match.group(1) + part, []
