"""The interface's one message catalogue: the site's templates (and the labels the site writes
from Python) are written in English and translated through gettext catalogues, one per language,
in tei/locale/LANG/LC_MESSAGES/messages.po.

The .po files are read directly (through Babel), so that a new or edited translation needs no
compilation step, in a checkout as in an installed package.
"""

from __future__ import annotations

import functools
import gettext
import io
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


def interface_languages() -> tuple[str, ...]:
    """The languages the interface can be shown in: English and every language with a catalogue."""
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
