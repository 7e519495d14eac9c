"""The language of a document's text: the archive's pages are mostly English translations, but a
page may give the original itself (a German memorandum, a Russian transcript), and saying
`xml:lang="en"` of German text is wrong in every file made from it.

The page's `Contents:` label decides where it names a translation or a language; otherwise the
text's language is told by lingua (a statistical detector), among English and the original
languages the page states, or, where it states none, among the archive's usual languages. Only
English is taken without a mark: another language is a reading of the text, given with
`@cert="medium"` so that the review list shows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import langcodes

#: the languages of the archive's originals, looked among when the page names none (ISO 639-1)
ARCHIVE_LANGUAGES = ("en", "ru", "de", "fr", "es", "zh", "ko", "ja", "pl", "cs", "hu", "ro", "bg", "it",
                     "vi", "sr", "uk", "mn", "fa", "ar", "pt")
#: the text read for its language: enough for a sure reading, bounded for long documents
SAMPLE = 2000
#: below this confidence a reading is not taken at all: the text stays the archive's usual English
LEAST_CONFIDENCE = 0.5
_TRANSLATION = re.compile(r"\btranslat", re.IGNORECASE)


def text_language(text: str, stated: list[str], contents: str) -> tuple[str, str]:
    """The language of `text` as (English name, cert); ("", "") for English, the archive's usual
    case, which the encoder writes as it always has."""
    named = _contents_language(contents)
    if named is not None:
        return ("", "") if named == "en" else (_name(named), "")
    sample = text[:SAMPLE]
    if sum(ch.isalpha() for ch in sample) < 40:
        return "", ""  # too little text to tell: the archive's usual English
    candidates = {"en"} | {tag for tag in map(_base_tag, stated) if tag in _supported()}
    if len(candidates) == 1:
        candidates = set(ARCHIVE_LANGUAGES)
    reading = _detector(frozenset(candidates)).compute_language_confidence_values(sample)
    best = reading[0] if reading else None
    if best is None or best.value < LEAST_CONFIDENCE:
        return "", ""
    tag = best.language.iso_code_639_1.name.lower()
    return ("", "") if tag == "en" else (_name(tag), "medium")


def _contents_language(contents: str) -> str | None:
    """The tag of the language `Contents:` gives the text in: `English Translation` -> "en",
    `Transcript - Russian` -> "ru"; None when it names none (`Original Scan`)."""
    if not contents.strip():
        return None
    languages = [tag for tag in map(_base_tag, re.findall(r"[^\W\d_]+", contents)) if tag]
    if _TRANSLATION.search(contents):
        # the page gives a translation (beside a transcript, maybe: `Transcript - Russian Translation - English`)
        return "en" if "en" in languages or not languages else languages[-1]
    return languages[0] if len(set(languages)) == 1 else None


_NOT_LANGUAGES = frozenset({"original", "scan", "transcript", "transcription", "translation"})


def _base_tag(name: str) -> str:
    """The ISO 639-1 code of a language's English name ("Russian" -> "ru"); "" for other words."""
    name = name.strip()
    if name.lower() == "english":
        return "en"
    if not name or name.lower() in _NOT_LANGUAGES or not name[0].isupper():
        return ""
    try:
        found = langcodes.find(name)
    except LookupError:
        return ""
    return found.language if found.language and len(found.language) == 2 else ""


def _name(tag: str) -> str:
    return langcodes.get(tag).display_name("en")


@lru_cache(maxsize=1)
def _supported() -> frozenset[str]:
    from lingua import Language
    return frozenset(language.iso_code_639_1.name.lower() for language in Language.all())


@lru_cache(maxsize=16)
def _detector(tags: frozenset[str]):
    """A detector among these languages: lingua loads a language's model on first use, a few MB
    each, so a process converting German originals pays for German and English only."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder
    codes = [getattr(IsoCode639_1, tag.upper()) for tag in sorted(tags)]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()
