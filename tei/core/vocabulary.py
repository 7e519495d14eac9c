"""The closed lists of docs/encoding.md and the ids of their categories in the TEI header."""

from __future__ import annotations

from .tei import slug

#: The document types, in the archive's own words.
DOCUMENT_TYPES = (
    "Telegram", "Cable", "Letter", "Message", "Memorandum", "Memorandum of Conversation", "Minutes",
    "Report", "Note", "Speech", "Diary", "Record", "Resolution", "Decree", "Directive",
    "Instruction", "Information", "Transcript", "Statement", "Agreement", "Other",
)
#: The security classifications.
CLASSIFICATIONS = (
    "Unclassified", "Restricted", "Confidential", "Secret", "Top Secret", "Strictly Secret",
    "Of Special Importance",
)
#: The xml:ids of the two taxonomies of `classDecl`.
DOCTYPE_TAXONOMY = "document-types"
CLASSIFICATION_TAXONOMY = "classifications"


def doctype_id(label: str) -> str:
    """'Memorandum of Conversation' -> 'doctype-memorandum-of-conversation'."""
    return f"doctype-{slug(label)}"


def classification_id(label: str) -> str:
    return f"classification-{slug(label)}"


def category_id(taxonomy: str, label: str) -> str:
    """The xml:id of `label`'s category in `taxonomy` (one of the two above)."""
    return doctype_id(label) if taxonomy == DOCTYPE_TAXONOMY else classification_id(label)
