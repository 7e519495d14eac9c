"""The body of a document: from lines of text to blocks with a structure.

A diplomatic record has a recognisable shape: an opener (registry number, To/From/Subject lines,
an address, a heading), the text (paragraphs, numbered points, speech turns), a closer (signatures,
a date, "Written by"), and after it the clerks' transmission notes and handwritten annotations.
`BodyReader` finds those parts by what the lines say, and hands every block's text to the inline
parser for the editorial marks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import OPENER_KINDS, Block, DateSpan, EditorialMark, Text, block_marks, text_of
from ..speaker_labels import SHORT_NAME_DECLARED
from ...core.dates import DateValue
from ...core.registers import fold
from .dates import calendar_day, find_dates, parse_date, read_block_dates, short_year
from .marks import NOTE_NUMBER, PAGE_NUMBER, InlineParser, LAYOUT_SQUARES, page_number_mark
from .metadata import known_place

_BLANK = re.compile(r"^[\s\u00a0\u200b]*$")
_REGISTRY = re.compile(r"^(?:No\.?\s*|Nr\.?\s*|№\s*)?\d[\d/.\-]*[/.\-]\d[\d/.\-]*$|^(?:No\.|Nr\.|№)\s*\d{1,8}$"
                       # a Soviet cable's or journal's number: `Nº 143`, `No 66`, `Outgoing Nº 12`, `Incoming No. 7`
                       r"|^(?:(?:Outgoing|Incoming|Outg\.|Inc\.|Ref\.)\s+)?(?:Nº|N°|№|No\.?|Nr\.?)\s*\d{1,8}(?:/\d{1,8})?$"
                       # a Hungarian ministry's number, the year and the classification in it: `47/ 1963/ top secret`
                       r"|^\d{1,6}/\s?\d{4}/\s?(?i:(?:(?:top|strictly)\s+)?(?:secret|confidential))$")
#: A classification marking alone at the top (`Top Secret`, `SECRET`, `Strictly confidential`), or
#: before a copy number on the same line (`Top Secret Copy Nº 1`): the page's marking, no heading.
_MARKING = re.compile(
    r"^(?P<marking>(?:(?:top|strictly|most|highly)\s+)?(?:secret|confidential|restricted)"
    r"(?:\s+(?:and|&)\s+(?:personal|urgent))?|for official use only|unclassified)[.!]?"
    r"(?:(?P<gap>\s+)(?P<copy>\S.*))?$",
    re.IGNORECASE)
#: A classification marking typed at the end of a short line at the top, the column it stood in lost:
#: `in the MPR Secret` (a letterhead's last line), `EMBASSY OF THE USSR TOP SECRET`. Only the forms of
#: secret and confidential, capitalised, after a word that is no article or preposition (`of the
#: Secret`, `the Top Secret` are a name's words).
_TRAILING_MARKING = re.compile(
    r"^(?P<before>.*?\S)(?P<gap>[ \t]+)(?P<marking>(?:(?:top|strictly|most|highly)\s+)?(?:secret|confidential)"
    r"(?:\s+(?:and|&)\s+personal)?!?)$", re.IGNORECASE)
#: The words after which a marking's word is a name's own: `the Top Secret`, `of the Secret`.
_BEFORE_NAME_WORDS = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "with", "by", "from", "at"}
#: A telegram's date and time with runs of spaces between them: `8 October 1950   11.20`.
_TIME = re.compile(r"^(?:\d{1,2}[.:]\d{2}(?:\s*(?:hrs?|hours|a\.m\.|p\.m\.))?|\d{3,4}\s*(?:hrs?|hours))$", re.IGNORECASE)
#: The gap between two columns of a typed line (`Neuer` ... `Bonn, 12 September 1996`): a tab, or five
#: spaces or more. The samples' other runs of spaces inside a line are of two (after a full stop) and
#: three (a telegram's date and its time, read together by `_is_date_line`).
_WIDE_GAP = re.compile(r"[ \u00a0]*\t[ \t\u00a0]*|[ \u00a0]{5,}")
#: Initials and a surname, a signature line: `A. Khavari`, `V. M. Molotov`.
_INITIALS_NAME = re.compile(r"^(?:[A-Z]\.\s*){1,3}[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?$")
#: A copy number, the archive's count of the copies made: `Copy Nº 3`, `Copy No. 2 of 5`, `Copy #1`,
#: `Экз. № 2`, `Ex. No. 4`, `Ausfertigung Nr. 2`. The word for copy, a number sign or none, a number.
_COPY_NUMBER = re.compile(
    r"^(?:copy|ex\.?|exx?\.|expl\.?|exemplar|exemplaire|exempl\.|ausfertigung|ausf\.|egz\.|egzemplarz|"
    r"экз\.?|экземпляр|копия)\s*(?:no\.?|nº|n°|№|nr\.?|#|n\.)?\s*\d{1,4}(?:\s*(?:of|из|von)\s*\d{1,4})?\.?$"
    # the one copy made: `Single Copy`, `Only copy`, `Единственный экземпляр`
    r"|^(?:single|only|sole) copy\.?$|^единственный экземпляр\.?$",
    re.IGNORECASE)
#: Where the text comes from, the record's own statement of its kind: `From the journal of V. M.
#: Molotov`, `From the diary of ...`, `Excerpt from the notes of ...`, `Из дневника ...`, `Aus dem Tagebuch ...`.
_PROVENANCE = re.compile(
    r"^(?:(?:an? )?(?:excerpts?|extracts?) from|from) (?:the )?(?:(?:personal|official|working|daily|service) )?"
    r"(?:journal|diary|diaries|notebook|notes|papers|files|records)(?: of\b| \(| kept by\b|$)"
    r"|^из (?:служебного |рабочего )?(?:дневника|журнала|записной книжки)\b"
    r"|^aus dem (?:dienst)?(?:tagebuch|journal)\b",
    re.IGNORECASE)
_TO = re.compile(r"^(?:(?:To|TO)\b|\[(?:To|TO)\])\s*:?\s*\S")
#: A To line in lower case, as some translations of Soviet telegrams begin: `to Cde. I. V. STALIN`,
#: the form of address after it.
_TO_LOWER = re.compile(r"^to\s+(?:Comrades?|Com\.|Cde\.?)\s+\S")
_FIELDS = [
    (re.compile(r"^From\s*:", re.IGNORECASE), "from"),
    # a telegram's origin without the colon, a name alone after it: `From PEKING`, `FROM Saigon`
    (re.compile(r"^(?:From|FROM)\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}$"), "from"),
    (re.compile(r"^(?:Subject|Re|Concerning|Regarding|Topic)\s*:", re.IGNORECASE), "subject"),
    (re.compile(r"^(?:Ref|Reference|Our ref|Your ref)\s*[.:]", re.IGNORECASE), "reference"),
    (re.compile(r"^Date\s*:", re.IGNORECASE), "dateline"),
    # the page's marking as a field of the head block: `Classification: Secret`, `Secrecy: Strictly secret`
    (re.compile(r"^(?:(?:Security\s+)?Classification|Secrecy(?:\s+level)?)\s*:\s*[^\W\d_][^\W\d_ ,\-]*"
                r"(?:[ ,\-]+[^\W\d_]+){0,4}\.?$", re.IGNORECASE), "classification"),
]
_SALUTE = re.compile(
    r"^(?:(?:Dear|Esteemed|Respected|Honou?red|Comrades?|My dear)\b[^.]{0,80}[,!:]"
    # a form of address alone on its line: `Mr. Chairman,`, `Your Excellency,`, `Sir,`, `Gentlemen!`
    r"|(?:(?:Mr|Mrs|Madam|Mme|Monsieur|Herr|Frau)\.?\s+(?:Chairman|President|Prime Minister|Minister|Secretary(?:[- ]General)?|"
    r"Ambassador|Premier|Chancellor|[A-Z][\w’'\-]+)|(?:Your|His) (?:Excellency|Majesty|Highness)|Sirs?|Madam|Gentlemen|Excellency)"
    r"(?:,? [A-Z][\w’'\-]+){0,2}[,!])$")
#: A place and a date, the dateline of a letter (`Moscow, 5 March 1950`, `Bonn, den 5. März 1996`).
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_]+(?:[ \-][^\W\d_]+)?),\s+(?P<date>.*\d{4}(?:\s*г)?)\.?$")
_CLOSING_SALUTE = re.compile(r"^(?:Sincerely|Respectfully|Yours|With (?:comradely |best |warm )?(?:greetings|regards|respect))\b[^.]{0,60}[,.!]?$"
                             # `Devotedly yours,`, `Faithfully,`: the adverb alone or with `yours`, nothing after it
                             r"|^(?:Devotedly|Faithfully|Cordially|Fraternally|Truly|Very truly|Affectionately)(?: yours)?[,.!]?$",
                             re.IGNORECASE)
_BYLINE = re.compile(r"^(?:Written|Drafted|Prepared|Compiled|Typed|Recorded|Translated) by\b", re.IGNORECASE)
_SIGNED = re.compile(r"^Signed\b\s*:?\s*(?P<name>.*)$", re.IGNORECASE)
_SLASHED_NAME = re.compile(r"^/\s*(?P<name>[^/]+?)\s*/$")
#: A signer's name in spaced capitals, a typewriter's emphasis: `S H T Y K O V`. One word: a heading
#: spaced so (`M E M O R A N D U M`) is a signature only where the closer's lines follow it.
_SPACED_NAME = re.compile(r"^[A-Z](?: [A-Z]){3,}$")
#: A date written day/month-year with a two-digit year and the signer's surname after it, a cable's last
#: line: `13/5-50. Roshchin`.
_DATE_SURNAME = re.compile(
    r"^(?P<date>(?P<day>\d{1,2})/(?P<month>\d{1,2})-(?P<year>\d{2}))(?P<stop>\.?)[ \t]+(?P<name>[A-Z][a-z’'\-]+)$")
#: A cable's number under its signature, with the cipher clerk's letters: `No. 1476/sh`, `№ 28/ш`.
_SIGNATURE_NUMBER = re.compile(r"^(?:No\.?|Nº|N°|№|Nr\.?)\s*\d{1,8}(?:[/\-]\d{1,8})*(?:/[^\W\d_]{1,4})?$")
_CAPS_NAME = re.compile(r"^(?P<name>(?:[A-Z][a-z]?\.\s*){0,3}[A-Z][A-Z\-’']+(?:\s+[A-Z][A-Z\-’']+){0,2})$")
#: An institution signing on its own line: `Ministry of Foreign Affairs`, `The Embassy of the USSR in the DPRK`.
_INSTITUTION = re.compile(
    r"^(?:(?:The|[A-Z][\w’'\-]*|of|the|and|for|in|to)\s+){0,6}(?:Ministry|Committee|Embassy|Department|Office|Council|"
    r"Presidium|Secretariat|Legation|Consulate(?:[- ]General)?|Government|Bureau|Commission|Mission|Delegation|"
    r"Headquarters|Command|Directorate)(?:\s+(?:[A-Z][\w’'\-]*|of|the|and|for|in|on|to|USSR|PRC|DPRK|GDR)){0,10}$")
#: A Soviet closing line: the signer's title in capitals, then the name in parentheses or after a
#: signature's mark: `USSR AMBASSADOR IN THE REPUBLIC OF CUBA (A. ALEKSEYEV)`, `COUNSELOR OF THE
#: EMBASSY (signature) I. PETROV`, `FIRST SECRETARY [signature] P. IVANOV`.
_CAPS_TITLE_SIGNATURE = re.compile(
    r"^(?P<role>[A-Z][A-ZÀ-Þ’'\-.,]*(?:\s+[A-Z][A-ZÀ-Þ’'\-.,]*){0,15}?)[ \t]+"
    r"(?:\((?P<inner>(?:[A-Z][A-Za-z]?\.\s*){1,3}[A-Z][A-Z\-’']+(?:\s+[A-Z][A-Z\-’']+)?)\)"
    r"|[(\[](?:signature|signed|sgd\.?)[)\]][ \t]*(?P<after>(?:[A-Z][A-Za-z]?\.\s*){1,3}[A-Z][A-Z\-’']+))$")


def caps_title_signature(line: str) -> tuple[str, str] | None:
    """The title and the name of a closing line in capitals (`_CAPS_TITLE_SIGNATURE`), when the
    title names an office (`AMBASSADOR`, `COUNSELOR`, `SECRETARY`...): else None, as for a heading
    with a bracket after it (`THE SITUATION IN THE SOUTH (SUMMARY)`)."""
    match = _CAPS_TITLE_SIGNATURE.match(line.strip())
    if match is None or not _SIGNER_TITLE.match(match["role"].strip(" ,")):
        return None
    return match["role"].strip(" ,"), match["inner"] or match["after"]


#: The words a heading shares with any phrase: what `content_words` leaves out.
_FUNCTION_WORDS = frozenset(
    "a an the of on in to by and or for with from between at about as into upon over under its his her their "
    "our my your him them it this that these those which who whom".split())


#: A document's kind and what it records, opening a title or a heading: `Record of Conversation`,
#: `Notes from Conversation`, `Minutes of the Meeting`.
_DOCUMENT_KIND = re.compile(r"^(?:record|notes?|minutes|memorandum|transcript|report|protocol|account|summary|stenogram)"
                            r"\s+(?:of|from|on)\s+(?:(?:the|a|an)\s+)?(?P<what>[^\W\d_]{3,})\b", re.IGNORECASE)


def content_words(text: str) -> list[str]:
    """A text's words that carry its sense, folded so a title and a heading in other words meet:
    case, accents, a possessive's `'s` and a plural's `s` dropped (`China’s`, `Delegations`); no
    function word, number or single letter (an initial)."""
    folded = fold(text, hyphens=False).casefold()
    words = []
    for word in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", folded):
        word = re.sub(r"'s?$", "", word)
        if len(word) < 2 or word in _FUNCTION_WORDS:
            continue
        words.append(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return words


#: A closing line in mixed case: the signer's title, a signature's mark or none, the name of initials
#: and a surname, the editors' completion of a forename kept: `Ambassador of the USSR in the MPR
#: [Signature] V[asily]. Pisarev`, `Chargé d'affaires of the USSR in Hungary V. Pisarev`. The title's
#: words are capitalised or short function words, so that a sentence never has the shape.
_TITLE_MARK_NAME = re.compile(
    r"^(?P<role>[A-Z][\w’'\-]*(?:[ \t]+(?:[A-Z][\w’'\-]*|of|the|in|to|at|for|and|on|d[’']affaires)){1,14})"
    r"(?:[ \t]*\n[ \t]*|[ \t]+)(?P<mark>[(\[](?i:(?:illegible |handwritten )?(?:signature|signed)(?: illegible)?)[)\]][ \t]*\n?[ \t]*)?"
    r"(?P<name>(?:[A-Z](?:\[[a-z]+\]\.?|\.)[ \t]*){1,3}[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?)$")


def title_mark_name(text: str) -> tuple[str, str] | None:
    """The title and the name of a closing block in mixed case (`_TITLE_MARK_NAME`), on one line or the
    title above the name, when the title names an office and who it serves (`Ambassador of ...`):
    else None."""
    match = _TITLE_MARK_NAME.match(text.strip())
    if match is None:
        return None
    role = match["role"]
    if role.isupper() or not _SIGNER_TITLE.match(role) or not re.search(r"\s(?:of|in|to|at|for)\s", role):
        return None
    return role, match["name"]


_ROLE_COLON = re.compile(r"^[A-Z][^.!?]{2,120}:$")
#: The signer's title on its own line, above the name: `Ambassador of the USSR in the DPRK`,
#: `USSR Chargé d’Affaires in Hungary`, `First Secretary of the Embassy`.
_SIGNER_TITLE = re.compile(
    r"^(?:[A-Z][\w’'\-]*\s+){0,2}(?:(?:Acting|Deputy|First|Second|Third|Temporary)\s+)*"
    r"(?:Ambassador|Minister|Charg[eé] d[’']Affaires|Chairman|Secretary|Head|Director|Consul(?:[- ]General)?|"
    r"Counsel+or|Attach[eé]|Envoy|Commander|Chief)\b[^.!?:;]{0,100}$", re.IGNORECASE)
_TRANSMISSION = re.compile(
    r"^(?:sent|received|dispatched|transmitted|decoded|deciphered|encoded|enciphered|typed|printed|"
    r"copied|checked|distributed|delivered)\b(?: by| at| on|:)|^\d+ cop(?:y|ies)\b|^copies\b|^distribution\b",
    re.IGNORECASE,
)
#: A list item's marker: a bullet, a letter or a number (`• text`, `- text`, `a) text`, `(b) text`, `2. text`).
_ITEM = re.compile(r"^[ \t\u00a0]*(?:(?P<bullet>[•·▪◦‣●○■*\-])|(?P<dash>[–—])|\(?(?P<letter>[a-z])[).]|\(?(?P<num>\d{1,2})[.)])[ \t\u00a0]+\S")
#: A table of contents line: an entry, a dot leader (`…`, `....`, `. . .`) and a page number.
_PAGE_AT_END = re.compile(r"(?<!\d)\d{1,4}$")


def _contents_page(line: str) -> str | None:
    """The page number of a contents line (`Title ........ 33`, `Title … 33`), read from its end: text,
    a dot leader (an ellipsis, or two dots or more, spaced or not), the number. (A pattern over the
    whole line backtracked quadratically over a long run of spaces.)"""
    stripped = line.rstrip(" \t")
    page = _PAGE_AT_END.search(stripped)
    if page is None:
        return None
    before = stripped[:page.start()].rstrip(" \t")
    end = len(before)
    while end and (before[end - 1] in ".…" or (before[end - 1] == " " and end > 1 and before[end - 2] in ".…")):
        end -= 1
    leader = before[end:]
    if not ("…" in leader or leader.count(".") >= 2) or not before[:end].strip():
        return None
    return page.group()
#: A postscript: `P.S.`, `PS:`, `P.P.S.`, `Postscript:` at the start of a block.
_POSTSCRIPT = re.compile(r"^[ \t]*(?:P\.\s?(?:P\.\s?)?S\.|PS\b:?|PPS\b:?|Post[- ]?scriptum\b|Postscript\b)", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})[.)]\s+\S")
#: A bracket right after a speaker's name, before the colon or full stop that ends the label
#: (`GORBACHEV [laughing]: ...`, `Chebrikov [KGB chairman]. ...`): the editors' words on the turn, part of
#: its label. One bracket of words (a footnote's `[1]` is not one), no bracket inside.
_ASIDE = r"(?:\s*\[(?P<aside>(?=[^\]\n]*[^\W\d_])[^\[\]\n]{1,80})\])?"
#: The words of a label's bracket that say how the turn is spoken, not who speaks: a short phrase in lower
#: case opening with a participle or an adverb (`laughing`, `interrupting`, `jokingly`), a preposition of
#: manner or address (`to Kohl`, `in English`, `with a smile`) or a verb of the speaker's doing (`laughs`);
#: `KGB chairman`, `Chancellor`, `interpreter`, `of the KGB` name the speaker and stay in the label.
_STAGE_DIRECTION = re.compile(
    r"^(?:[a-z]{2,}ing|[a-z]{3,}ly|to|in|into|with|without|after|before|through|under|towards?|aside|"
    r"laughs|smiles|interrupts|reads|continues|pauses|sighs|shouts|whispers|nods|applause|laughter|pause)"
    r"(?:[ ,][^\[\]\n]*)?$")
#: A speech turn: `Gorbachev: ...`, `Mr. X (Country): ...`, and in verbatim records after a
#: paragraph number, `72. Mr. AIKEN (Ireland): ...` (the number is kept as @n). A forename the
#: editors supplied may stand before the name, `[Stepan] Chervonenko: ...`: part of the label, not
#: of the name the turn is the speaker's by.
_SPEAKER = re.compile(
    r"^(?P<label>(?:(?P<num>\d{1,4})\.\s*)?(?:\[[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}\]\s*)?(?P<name>[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|von|van|al-|bin|ibn)){0,4})"
    r"(?:\s*\[[^\[\]\n]{1,80}\](?=\s*\())?(?:\s*\((?P<country>[^()\n]{1,60})\))?" + _ASIDE + r")\s*:\s+(?=\S)")
#: The first word of a label that is no name (`The Soviet side:`, `Dear Comrades:`).
_NOT_A_NAME = re.compile(r"^(?:The|A|An|Our|Their|This|These|Those|In|On|At|For|As|By|Dear|Re|Note|Item|Point)\b")
#: A speaker's name alone on its line with a colon, the speech in the paragraphs after it
#: (`Erich Honecker:`); the words of `_SPEAKER`'s label, nothing after the colon.
_NAME_LINE_SPEAKER = re.compile(
    r"^(?P<label>(?P<name>[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|de|von|van|al-|bin|ibn)){0,4})"
    r"(?:\s*\((?P<country>[^()\n]{1,60})\))?" + _ASIDE + r"\s*:)\s*$")
#: A speech turn of working notes and minutes: the surname in capitals and a full stop, `BREZHNEV. As
#: you know, ...`, `YU. V. ANDROPOV. I think ...`; read as a turn only where the text has others.
_CAPS_SPEAKER = re.compile(
    r"^(?P<label>(?P<name>(?:[A-Z][A-Za-z]?\.\s*){0,3}[A-Z][A-Z\-’']{2,}(?:\s+[A-Z][A-Z\-’']{2,}){0,2})" + _ASIDE + r"\.)\s+"
    r"(?=[A-Z\"“‘(\[])")
#: A speech turn of notes in mixed case: a surname (initials before it allowed) and a full stop before
#: a capitalised sentence, `Ligachev. Arguably, ...`; read only for names `_mixed_turn_names` accepts,
#: since `Moscow. The talks ...` has the same shape.
_MIXED_SPEAKER = re.compile(
    r"^(?P<label>(?P<name>(?:[A-Z][a-z]?\.\s*){0,3}[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?)" + _ASIDE + r"\.)\s+(?=[A-Z\"“‘(\[…]|\.\.\.)")
#: The line that names a meeting's participants: `Present: ...`, `Also participating: ...`.
_PARTICIPANTS = re.compile(
    r"^(?:(?:also|those)\s+)?(?:present|participating|participants|attending|attended by|taking part)\b[^:\n]{0,40}:",
    re.IGNORECASE)
_NOT_SPEAKERS = {
    "to", "from", "subject", "re", "date", "signed", "note", "source", "summary", "copy", "copies",
    "attention", "attachment", "enclosure", "ref", "reference", "p.s", "ps", "tel", "cc", "top secret",
    "secret", "confidential", "place", "time", "present", "participants", "agenda", "translator’s note",
    "translator's note", "minister of foreign affairs",
    # the plural nouns of a document's parts that `_PLURAL_NOUN` does not know by their ending
    "proposals", "results", "points", "issues", "tasks", "measures", "topics", "items", "findings", "objectives",
    "goals", "requests", "answers", "contents", "annexes", "appendices", "minutes",
}
#: The plural of an English noun by its ending (`Conclusions`, `Decisions`, `Agreements`): a label of
#: it alone leads a part of the text (`Conclusions:`), the turns around it repeating their speakers or
#: not; no name ends so (`-ings` does: `Jennings`, `Hastings`).
_PLURAL_NOUN = re.compile(r"^[A-Z][a-z]{2,}(?:tion|sion|ment|ness|ship)s$")
#: The labels of a record's fields, `Label: value` lines that are no speech turn (`Sending: Rio`,
#: `Received: 5.XI 62. at 18.45`, `Location: Residence of ...`).
_FIELD_LABELS = {
    "time", "date", "place", "location", "venue", "present", "participants", "subject", "sending", "sent",
    "received", "completed", "dispatched", "delivered", "transmitted", "deciphered", "decoded", "typed",
    "printed", "no", "nr", "number", "copy", "copies", "attachment", "attachments", "enclosure", "enclosures",
    "distribution", "classification", "priority", "origin", "destination", "cipher", "duration", "pages",
    "file", "archive", "fond", "registration", "topic", "agenda", "purpose", "occasion", "via", "route",
    "urgency", "approved", "remark", "remarks", "notes", "comment", "comments", "addressee", "sender",
    "recipient", "meeting", "telegram", "telephone", "phone", "fax", "telex", "address", "city",
    "country", "year", "month", "day", "hour", "hours", "beginning", "end", "start", "begin", "finish",
}
#: The endings of an ordinary English word (`Sending`, `Location`, `Attachment`): a label
#: of one such word that heads no other turn is a field's, no speaker's.
_ENGLISH_WORD = re.compile(r"^[A-Z][a-z]{2,}(?:ing|tion|sion|ment|ness|ship)$")
#: Superscript digits, read as the digits they stand for (a footnote reference `word¹`).
SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")
#: A footnote reference glued to its word: digits right after a lower-case letter (`tests1`), or
#: superscript digits after a letter or a closing mark (`tests¹`, `said.¹`). `1950`, `Article 5`,
#: `MiG15` and `B52` are not references: a digit before, a space before, a capital before.
#: (Each branch starts with the digit it consumes and looks behind it and its letter: a pattern that
#: starts with a look-behind is tried at every character, one that starts with a character class only
#: where that class matches, which made the lossless check's two passes about three times faster.)
GLUED_REFERENCE = re.compile(
    r"(?:(?P<digits>\d(?<=[a-z\u00df-\u00ff\u0430-\u044f]\d)\d{0,2})"
    r"|(?P<sup>[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]"
    r"(?<=(?:[^\W\d_]|[.,;:!?)”’\"'])[\u2070\u00b9\u00b2\u00b3\u2074-\u2079])[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{0,2}))"
    r"(?![\w\u2070\u00b9\u00b2\u00b3\u2074-\u2079])")
#: The first line of a footnote at the end of a text: `1. Text`, `1) Text`, `1 Text`, `¹ Text`, `[1] Text`.
_END_NOTE_LINE = re.compile(
    r"^[ \t\u00a0]*(?:\[(?P<bracketed>" + NOTE_NUMBER + r")\]|(?P<plain>\d{1,3})(?:[.)]|(?=[ \t]))|"
    r"(?P<sup>[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,3}))[ \t\u00a0]*(?P<text>\S.*)$")
#: A typewritten footnote marker where it refers, right after its word or mark: `Filippov [Stalin].x/`,
#: `R. Berthold*`, `Berthold**`, `Berthold1)`. A marker with a space before it is none (`1950 *`,
#: the `x/` of `box/` has a letter before it).
TYPED_REFERENCE = re.compile(
    r"(?:x(?<=[^\w\s/]x)x{0,2}/(?![\w/])|\*(?<=[^\s*]\*)\*{0,2}(?![\w*])|\d(?<=[^\W\d_]\d)\d?\)(?![\w)]))")
#: The line of a typewritten footnote: the marker, a space, the note (`x/ Pseudonym I.V. Stalin.`).
_TYPED_NOTE_LINE = re.compile(r"^[ \t\u00a0]*(?P<marker>x{1,3}/|\*{1,3}|\d{1,2}\))[ \t\u00a0]+(?P<text>\S.*)$")
_FOOTNOTE_TEXT = re.compile(r"^[ \t\u00a0]*\[(?P<n>" + NOTE_NUMBER + r")\]\s*(?P<text>.+)$", re.DOTALL)
_FOOTNOTE_LINE = re.compile(r"^[ \t\u00a0]*\[" + NOTE_NUMBER + r"\]\s*\S", re.MULTILINE)
_ROLE_WORDS = re.compile(
    r"^(?P<role>(?:(?:Comrade|Ambassador|Minister|Minister-counselor|Counselor|Counsellor|Chairman|Secretary|"
    r"General|Director|Chargé d’Affaires|Charge d’Affaires|Consul|Premier|President|Deputy|First|Head)\s+)+)(?P<name>.+)$"
)


def _typed_notes_kept(texts: list[str], notes: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The blocks without the note blocks all of whose markers `notes` has, and the notes of those."""
    kept: list[str] = []
    taken: dict[str, str] = {}
    for text in texts:
        markers = [m.group("marker") for line in text.split("\n") if (m := _TYPED_NOTE_LINE.match(line))]
        if _TYPED_NOTE_LINE.match(text.split("\n", 1)[0]) and all(m in notes for m in markers):
            taken.update((m, notes[m]) for m in markers)
        else:
            kept.append(text)
    return kept, taken


def _each_content(blocks: list[Block], walk) -> None:
    """`block.content = walk(block.content)` for every block and its children, in reading order."""
    for block in blocks:
        block.content = walk(block.content)
        _each_content(block.children, walk)


def _marked_references(text: str, pattern: re.Pattern, mark_for) -> list:
    """`text` in pieces, each match of `pattern` that `mark_for(match)` makes a footnote mark of
    replaced by the mark (None: the match stays text)."""
    out: list = []
    pos = 0
    for match in pattern.finditer(text):
        mark = mark_for(match)
        if mark is None:
            continue
        if match.start() > pos:
            out.append(text[pos:match.start()])
        out.append(mark)
        pos = match.end()
    if text[pos:] or pos == 0:
        out.append(text[pos:] if pos else text)
    return out


def _is_stage_direction(words: str) -> bool:
    """The bracket after a speaker's name is a stage direction (`_STAGE_DIRECTION`, at most eight words)."""
    words = " ".join(words.split())
    return len(words.split()) <= 8 and bool(_STAGE_DIRECTION.match(words))


def _is_sentence(line: str) -> bool:
    """A line of running text: more than ten words, or a clause that ends with its stop (`Since
    you touched upon this issue, let me say a few words.`), never a signer's title."""
    line = line.strip()
    return _words(line) > 10 or bool(_SENTENCE_END.search(line) and _CLAUSE.search(line) and _words(line) > 3)


def _unbracketed(line: str) -> str:
    """The line with the editors' words supplied in it read as words: `[Chinese] Embassy in [North] Vietnam`."""
    return re.sub(r"\[([^\[\]\s]+)\]", r"\1", line)


def _date_surname(line: str) -> re.Match | None:
    """`_DATE_SURNAME`, where its day and month are a day of the year."""
    match = _DATE_SURNAME.match(line)
    if match is None or not (1 <= int(match["day"]) <= 31 and 1 <= int(match["month"]) <= 12):
        return None
    return match


def _signature_lines(text: str) -> bool:
    """A block of the lines under a signature, each a registry number, a date or a clerk's line:
    `No. 1476/sh`, `14 October 1950`, `Typed by Bantsekina on 10/14/50 at 13:30 p.m.`."""
    lines = [LAYOUT_SQUARES.sub("", line).strip() for line in text.strip().split("\n")]
    return all(_SIGNATURE_NUMBER.match(line) or _is_date_line(line) or _TRANSMISSION.match(line) or _CLERK.match(line)
               for line in lines) and any(not _TRANSMISSION.match(line) for line in lines)


def _name_lines_after(text: str) -> bool:
    """The lines after a name in capitals are a signature's (a title, a date, a mark), not a
    sentence: `TODOR ZHIVKOV` then `Since you ... .` is a speaker's turn, no signature."""
    return not any(_is_sentence(line) for line in text.split("\n")[1:])


def _participant_names(texts: list[str]) -> set[str]:
    """The capitalised words (in lower case) of a meeting's participants' lines (`Present: ...`):
    the names a speech turn may be headed by."""
    return {word.lower() for text in texts if _PARTICIPANTS.match(text)
            for word in re.findall(r"[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?", text)}


def _opens_with_title_and_name(text: str) -> bool:
    """The block opens with a signer's title and name (`title_mark_name`, on up to three lines) and
    no sentence follows them."""
    lines = text.strip().split("\n")
    return any(title_mark_name("\n".join(lines[:end])) and not any(_is_sentence(line) for line in lines[end:])
               for end in range(1, min(len(lines), 3) + 1))


def _is_date_line(text: str) -> bool:
    if "\n" in text:
        return False
    if parse_date(text) is not None:
        return True
    parts = re.split(r"\s{3,}", text.strip())
    return len(parts) >= 2 and parse_date(parts[0]) is not None and all(_TIME.match(p) for p in parts[1:])


#: The hour a record's session began or ended, in parentheses on its line: `(Begin: 1535 Hours)`,
#: `(Start: 10.30)`, `(End of the session: 18:00 hrs)`.
_TIME_NOTE = re.compile(r"^\([^()\n]*?\b(?:\d{1,2}[.:]\d{2}|\d{3,4}\s*(?i:hrs?|hours))\b[^()\n]*\)$")
#: A part of the day before a date alone on its line: `Evening 5 November 1962`, `Morning, 3 May 1950`.
_PART_OF_DAY = re.compile(r"^(?:(?:early |late )?(?:morning|forenoon|afternoon|evening|night))\b,?\s*", re.IGNORECASE)


def _is_top_date_line(text: str) -> bool:
    """A dateline at the top: a date alone (`_is_date_line`, with its weekday: `Tuesday, 9 March
    1982`), a part of the day before a date (`Evening 5 November 1962`), or one date of running
    text filling the line (`“15” January 1963`, the day in quotation marks as Soviet forms print it)."""
    if "\n" in text.strip():
        return False
    text = text.strip()
    rest = text[_PART_OF_DAY.match(text).end():] if _PART_OF_DAY.match(text) else text
    if _is_date_line(rest):
        return True
    dates = find_dates(rest)
    return len(dates) == 1 and dates[0][0] == 0 and dates[0][1] == len(rest.rstrip("."))


def _dated(block: Block) -> Block:
    """The block with the date its line gives, for a dateline or a closing date: the encoder writes
    it as `date` and reads no text itself."""
    if block.kind in ("dateline", "closing-date"):
        date = parse_date(text_of(block.content))
        block.date = date if date is not None and date.known else None
        _hold_year_first_date(block)
    return block


def _hold_year_first_date(block: Block) -> None:
    """A dateline of a place and a date written year first (`Budapest, 1957. március 3.`) holds the
    date it was read as, which the reader of running text does not find."""
    if len(block.content) != 1 or not isinstance(block.content[0], str) or getattr(block.content[0], "dates", ()):
        return
    text = block.content[0]
    if not _is_year_first_place_date(text):
        return
    match = _YEAR_FIRST_PLACE_DATE.match(text.strip())
    offset = len(text) - len(text.lstrip())
    block.content = [Text(text, [DateSpan(offset + match.start("date"), offset + match.end("date"),
                                          parse_date(match["date"]))])]


#: The end of a sentence: a full stop, a question or an exclamation mark, a colon or a semicolon,
#: a closing quote or bracket after it.
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*\s*$")


#: A place and a date written year first, as Hungarian writes it: `Budapest, 1957. március 3.`
_YEAR_FIRST_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_]+(?:[ \-][^\W\d_]+)?),\s+(?P<date>\d{4}\.\s+[^\W\d_]+\s+\d{1,2}\.?)$")


def _is_year_first_place_date(text: str) -> bool:
    """`Budapest, 1957. március 3.`: a place of one or two capitalised words and a whole day written
    year, month name, day, the month a name of one language only (`parse_date` reads none that two
    languages give different months)."""
    match = _YEAR_FIRST_PLACE_DATE.match(text.strip()) if "\n" not in text.strip() else None
    if match is None or not all(w[0].isupper() and w[1:].islower() for w in re.split(r"[ \-]", match["place"]) if w):
        return False
    date = parse_date(match["date"])
    return date is not None and len(date.when) == 10


def _is_place_date(text: str) -> bool:
    """`Moscow, 5 March 1950`: one line, a place of one or two capitalised words, a date."""
    if _is_year_first_place_date(text):
        return True
    match = _PLACE_DATE.match(text.strip()) if "\n" not in text.strip() else None
    # each word of the place capitalised, in any script: `Moscow`, `Москва`, `Łódź`, `Nizhny Novgorod`
    return (bool(match) and all(w[0].isupper() and w[1:].islower() for w in re.split(r"[ \-]", match["place"]) if w)
            and parse_date(match.group("date")) is not None)


def _columns(text: str) -> list[tuple[str, str]] | None:
    """The columns of a one-line block and the gap after each (`[("Neuer", "   ..."), ("Bonn, 12
    September 1996", "")]`): parts across a wide gap (`_WIDE_GAP`), each an item of the opener on its
    own; a gap inside square brackets is a mark's, a gap after a colon the label's. None for a line without such a gap, and for a
    dateline as a whole (`Moscow,      5 May 1950`, a date and its time): one item, as its rule
    reads it."""
    if "\n" in text:
        return None
    start = len(text) - len(text.lstrip())
    gaps, depth, seen = [], 0, 0  # depth: brackets opened minus closed before the gap, counted once
    for gap in _WIDE_GAP.finditer(text, start):
        depth += text.count("[", seen, gap.start()) - text.count("]", seen, gap.start())
        seen = gap.start()
        # not inside a mark (`[stamp:      Secret]`), nor between a label and its value, which typed
        # forms align in a column of their own (`To:      Comrade Kim Il Sung`)
        if gap.end() < len(text) and depth <= 0 and not text[:gap.start()].endswith(":"):
            gaps.append(gap)
    if not gaps or _is_date_line(text) or _is_place_date(text):
        return None
    ends = [gap.start() for gap in gaps] + [len(text)]
    starts = [0] + [gap.end() for gap in gaps]
    return [(text[a:b], text[b:c]) for a, b, c in zip(starts, ends, starts[1:] + [len(text)])]


def _marking_parts(text: str) -> list[tuple[str, str, str]] | None:
    """A classification marking's line at the top as the opener's items, each with the space after
    it: `Top Secret` alone, or with the copy number it is typed beside (`Top Secret Copy Nº 1`: the
    marking and the copy number). None for any other line: a marking before other words is text."""
    if "\n" in text.strip():
        return None
    match = _MARKING.match(text.strip())
    if match is None:
        return None
    if match["copy"] is None:
        return [("classification", text.strip(), "")]
    if not _COPY_NUMBER.match(match["copy"]):
        return None
    return [("classification", text.strip()[:match.start("gap")], match["gap"]), ("copy-number", match["copy"], "")]


def _leading_markings(text: str) -> tuple[list[tuple[str, str, str]], str]:
    """The first lines of a heading's block at the top that are a classification marking or a copy
    number of their own (`Top Secret` / `Only copy` / `Working transcript`, the page's one paragraph
    of three lines): the opener's items, each as its line reads it, and the lines after them, the
    heading. No items where the first line is neither; the last line is always the heading's."""
    lines = text.strip().split("\n")
    items: list[tuple[str, str, str]] = []
    taken = 0
    for line in lines[:-1]:
        if _COPY_NUMBER.match(line.strip()):
            items.append(("copy-number", line.strip(), ""))
        elif (parts := _marking_parts(line)) is not None:
            items += parts
        else:
            break
        taken += 1
    return items, "\n".join(lines[taken:])


def trailing_marking(line: str) -> tuple[str, str, str] | None:
    """A short line at the top with a classification marking typed at its end (`_TRAILING_MARKING`):
    the words before it, the space between and the marking; None for any other line."""
    match = _TRAILING_MARKING.match(line.rstrip())
    if (match is None or not match["marking"][0].isupper() or _words(match["before"]) > 10
            or match["before"].split()[-1].lower() in _BEFORE_NAME_WORDS or _MARKING.match(match["before"].strip())):
        return None
    return match["before"], match["gap"], match["marking"]


def marking_line(text: str) -> str:
    """The classification marking a line at the top holds (`Top Secret` of `Top Secret Copy Nº 1`),
    else the line."""
    parts = _marking_parts(text)
    return parts[0][1] if parts else text


#: The name a provenance line cut after its last word goes on with: `A. I. ALEKSEYEV`, `V. M. Molotov`.
_KEEPER_NAME = re.compile(r"^(?:[A-Z][A-Za-z]?\.\s*){1,3}[A-Z][\w’'\-]+$|^[A-Z][A-Z\-’']+(?:\s+[A-Z][A-Z\-’']+){0,2}$")


def _goes_on_with_keeper(provenance: str, line: str) -> bool:
    """Whether `line` is the keeper's name a provenance line was cut before: after its `of`
    (`from the journal of` / `A. I. ALEKSEYEV`) or before it (`FROM THE JOURNAL` / `OF M. G. PODOL’SKY`)."""
    provenance, line = provenance.rstrip(), line.strip()
    if re.search(r"\b(?:of|by)$", provenance, re.IGNORECASE):
        return bool(_KEEPER_NAME.match(line))
    of = re.match(r"(?:of|by|kept by)\s+(.+)$", line, re.IGNORECASE)
    return bool(of and _PROVENANCE.match(provenance) and _KEEPER_NAME.match(of[1]))


#: The words a heading's line in capitals goes on with: `RECORD OF CONVERSATION WITH PRIME MINISTER` /
#: `OF THE MPR c. TSEDENBAL`.
_CAPS_GOING_ON = re.compile(r"^(?:OF|WITH|ON|TO|FOR|AND|BETWEEN|IN|THE)\s+\S")


def _mostly_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 4 >= len(letters) * 3


def _goes_on_in_capitals(last: str, line: str) -> bool:
    """A heading's line in capitals ending with a word, and the next in capitals opening with a
    preposition, a conjunction or an article: one heading cut in two."""
    last_line = last.rstrip().rsplit("\n", 1)[-1]
    return bool(_mostly_capitals(last_line) and re.search(r"[^\W\d_]$", last_line)
                and _CAPS_GOING_ON.match(line.strip()) and _mostly_capitals(line))


#: The words a heading's block goes on with in the next block: `Stenographic Transcript` / `of the
#: Official Talks between ...`.
_HEAD_GOING_ON = re.compile(r"^(?:of|with|on|to|for|and|between|in|the|a|an|from|at|by|about|concerning|regarding)\s+\S")


#: the last words of a heading that its next block in lower case goes on (`Minutes of` / `conversation ...`)
_HEAD_ENDS_GOING_ON = _BEFORE_NAME_WORDS | {"between"}


def _goes_on_heading(head: str, text: str) -> bool:
    """A heading with no stop at its end, and a block of one line opening with a preposition, a
    conjunction or an article in lower case and with no stop at its end either: the heading's
    words going on after a blank line, however long (`Stenographic Transcript` / `of the Official
    Talks between the General Secretary ... in Berlin`); or any block in lower case after a heading
    that ends with such a word (`Minutes of` / `conversation between ...`)."""
    last_word = head.rstrip().rsplit(None, 1)[-1].lower() if head.strip() else ""
    return ("\n" not in text.strip()
            and bool(_HEAD_GOING_ON.match(text.strip())
                     or text.strip()[:1].islower() and last_word in _HEAD_ENDS_GOING_ON)
            and not re.search(r"[.:;!?,]$", head.rstrip()) and not _SENTENCE_END.search(text)
            and "[" not in text)


#: The addressee's name with the form of address, a To line's last line: `Comrade Gromyko`, `Mr. J. Smith`.
_ADDRESSED_NAME = re.compile(r"^(?:Comrades?|Com\.|Cdes?\.?|Cds\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Herr|Frau|Monsieur|Madame)\s+"
                             r"(?:[A-Z]\.\s*){0,3}[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?$")


def _goes_on_addressee(to: str, line: str) -> bool:
    """A To line with no stop at its end, and a heading's line after it going on in lower case
    (`To the Minister of Foreign Affairs of the Union` / `of Soviet Socialist Republics`), or the
    addressee's name with the form of address (`Comrade Gromyko`), or, after a To line ending with
    a comma, the addressee's title (`To: Comrade N. Ghenea,` / `Deputy Foreign Minister`): the To
    line's own lines."""
    line = line.strip()
    return (not re.search(r"[.:;!?]$", to.rstrip())
            and (line[:1].islower() or bool(_ADDRESSED_NAME.match(line))
                 or to.rstrip().endswith(",") and bool(_SIGNER_TITLE.match(line)) and _words(line) <= 12))


def _join_cut_top_lines(items: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The lines at the top a page of one paragraph a line cut: a provenance line ending with
    `of` and the keeper's name on the next (`from the journal of` / `A. I. ALEKSEYEV`) are one
    provenance line; a heading and the next going on in lower case (`RECORD OF A CONVERSATION` /
    `with Fidel CASTRO RUZ, Prime Minister` / `of the Republic of Cuba`), or in capitals opening
    with a preposition (`_goes_on_in_capitals`), one heading, its line breaks kept."""
    out: list[tuple[str, str, str]] = []
    for kind, text, gap in items:
        if out and not out[-1][2] and "\n" not in text:
            last_kind, last_text, _ = out[-1]
            keeper = last_kind == "provenance" and kind == "head" and _goes_on_with_keeper(last_text, text)
            addressee = last_kind == "to" and kind == "head" and _goes_on_addressee(last_text, text)
            going_on = (last_kind == "head" and kind == "head" and not re.search(r"[.:;!?]$", last_text.rstrip())
                        and (text.strip()[:1].islower() or _goes_on_in_capitals(last_text, text)
                             or last_text.rstrip().rsplit(None, 1)[-1] in _BEFORE_NAME_WORDS))
            if keeper or going_on or addressee:
                out[-1] = (last_kind, last_text + "\n" + text, gap)
                continue
        out.append((kind, text, gap))
    return out


def _with_addressee(blocks: list[Block]) -> list[Block]:
    """The opener's blocks, a telegram's addressee read: a name-shaped line alone (`_ADDRESSEE`),
    read so far as a heading, after the office's lines (`Sent by ...`, `Distribution ...`) and with
    only items of the opener after it, up to the text, is the To line (`to`); the name is a likely
    reading of a person, the place in parentheses the addressee's."""
    office = {"transmission-line", "distribution", "handling"}
    for index, block in enumerate(blocks):
        if block.kind != "head" or not any(b.kind in office for b in blocks[:index]):
            continue
        if any(b.kind == "head" for b in blocks[index + 1:]):
            continue  # a heading follows: this one heads the text or a part of the top
        text = "".join(i if isinstance(i, str) else i.raw for i in block.content).strip()  # the brackets as written
        match = _ADDRESSEE.match(text)
        if match is None or any(w.lower() in _NOT_ADDRESSEE_WORDS for w in re.findall(r"[^\W\d_]+", match["name"])):
            continue
        blocks[index] = Block("to", block.content, speaker=match["name"], speaker_cert="medium",
                              place=match["place"] or "")
    return blocks


#: The items a line of the top may hold two of, typed run together: the office's own lines.
_RUN_TOGETHER_KINDS = frozenset({"registry", "copy-number", "classification", "transmission-line", "distribution",
                                 "handling"})


def _column_kind(kind: str | None) -> str:
    """The kind of one column of a line: what its own text says among the opener's items, else
    `column` (a heading stands on a line of its own: a column is not one)."""
    return kind if kind in OPENER_KINDS else "column"


#: At most this many kinds and indentations in one list (its levels of nesting are fewer).
MAX_LIST_LEVELS = 6


def _indent(line: str) -> int:
    """The width of a line's leading white space (a tab counts four)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _words(text: str) -> int:
    return len(text.split())


def _short(text: str) -> bool:
    return all(_words(line) <= 16 for line in text.split("\n"))


#: Marks that are layout, not text: a block of nothing else stands between paragraphs.
_LAYOUT_MARKS = {"layout-space", "page-break"}


@lru_cache(maxsize=64)
def _items(text: str) -> tuple:
    """The block's marks and text, without the white space between them. Kept for the last blocks
    read: an opener's block is asked whether it is layout, a stamp or editors' marks alone, and one
    parse answers all three (the items are only looked at, never put in the document)."""
    return tuple(i for i in InlineParser().parse(text) if not (isinstance(i, str) and not i.strip()))


def _layout_only(text: str) -> bool:
    """Only layout squares and page breaks (`□□`, `[page break]`): no words of the document."""
    if "[" not in text:
        return bool(LAYOUT_SQUARES.search(text)) and not LAYOUT_SQUARES.sub("", text).strip()
    items = _items(text)
    return bool(items) and all(isinstance(i, EditorialMark) and i.kind in _LAYOUT_MARKS for i in items)


def _stamp_only(text: str) -> bool:
    """A block of a stamp's mark and nothing else (`[Stamp: TOP SECRET]`, `[CPSU CC stamp]`): the
    archive's description of a stamp on the page, not a heading."""
    if "[" not in text:
        return False
    items = _items(text)
    kinds = {i.kind for i in items if isinstance(i, EditorialMark)}
    return (bool(items) and all(isinstance(i, EditorialMark) for i in items)
            and "stamp" in kinds and kinds <= {"stamp"} | _LAYOUT_MARKS)


def marks_only(text: str) -> bool:
    """A block of the editors' marks and nothing else (`[…]`, `[Translation from the Russian]`): no
    word of the document outside its brackets, so not a heading of it."""
    if "[" not in text:
        return False
    outside, count = text, 1
    while count:
        outside, count = re.subn(r"\[[^\[\]]*\]", "", outside)
    if re.search(r"\w", outside) or "[" in outside or "]" in outside:
        return False  # a word of the document's own (`[handwritten] Copy sent`), or a bracket left open
    items = _items(text)
    return bool(items) and all(isinstance(i, EditorialMark) for i in items)


def _dedented(text: str) -> str:
    """The block without the indentation all its lines share (`  1. The declaration ...`, as the
    web page's numbered lists are exported): layout, not the text's, and no bar to its number."""
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()]
    common = min(indents, default=0)
    return "\n".join(line[common:] for line in lines) if common else text


def _place_line_above_date(signed: list[str]) -> str | None:
    """The signature's last line where it is a place the register knows alone (`Kim Il Sung` /
    `Pyongyang` / `31 August 1950`): where the letter was signed, the dateline's, not the signer's
    title. Taken off `signed`; never the signature's only line (`Pyongyang` alone may be its signer's office)."""
    if not signed:
        return None
    lines = signed[-1].rstrip("\n").split("\n")
    if len(lines) < 2 and len(signed) < 2:
        return None
    last = lines[-1].strip()
    if not re.fullmatch(r"[^\W\d_][\w’'\-]*(?: [^\W\d_][\w’'\-]*)?", last) or not known_place(last):
        return None
    if len(lines) > 1:
        signed[-1] = "\n".join(lines[:-1])
    else:
        signed.pop()
    return last


def _closes_later(lines: list[str], start: int, depth: int, limit: int) -> bool:
    """Whether the `depth` brackets left open are closed within `limit` lines from `start`."""
    for line in lines[start:start + limit]:
        depth += line.count("[") - line.count("]")
        if depth <= 0:
            return True
    return False


def _join_cut_sentences(blocks: list[Block]) -> list[Block]:
    """A paragraph, a page's number, a paragraph: where the first does not end its sentence and the
    second goes on in lower case, the page cut one paragraph, which holds the number where it stood."""
    out: list[Block] = []
    for block in blocks:
        if block.children:
            block.children = _join_cut_sentences(block.children)
        if (block.kind == "p" and not block.n and len(out) >= 2 and out[-1].kind == "page-number"
                and out[-2].kind == "p" and text_of(block.content)[:1].islower()
                and not _SENTENCE_END.search(text_of(out[-2].content))):
            number = out.pop()
            out[-1].content += [" ", page_number_mark(text_of(number.content).strip()), " "] + block.content
            continue
        out.append(block)
    return out


#: A place and a date written year, month, day with a two-digit year: `PYONGYANG, 80. 10. 02.`
_SHORT_YEAR_PLACE_DATE = re.compile(
    r"^(?P<place>[^\W\d_]+(?:[ \-][^\W\d_]+)?),[ \t]+"
    r"(?P<date>(?P<year>\d{2})\.[ \t]?(?P<month>\d{1,2})\.[ \t]?(?P<day>\d{1,2})\.?)$")
#: A clerk's line at the top of a telegram, `Created by Se 14.30`, `Checked by [...]`: the text, no heading.
_CLERK = re.compile(r"^(?:(?:written|drafted|prepared|compiled|typed|recorded|created|made|checked|ciphered|"
                    r"deciphered|encoded|decoded|written out|copied) by)\b", re.IGNORECASE)
#: The telegraph office's record of a telegram at its top, a line opening with the office's verb
#: and a preposition: `Sent by wire on 10/14/50 at 03:15 a.m.`, `Received in Moscow on ...`,
#: `Arrived at the 8D/GS on ...`, `Deciphered by Morozov on ...`, `Came in to the Decoding
#: Department…30.5.63 at 14:00 hours`, or the form's leader dots after `From` (`From…Saigon……
#: dispatched on 29.5.63`). A time or a date is on the line: a sentence of the text has none as a rule.
_OFFICE_LINE = re.compile(
    r"^(?:(?:sent|received|arrived|dispatched|transmitted|telegraphed|decoded|deciphered|decrypted|encoded|"
    r"enciphered|ciphered|delivered|handed in|came in|filed)\b(?:\s+(?:by|in|at|on|to|from|via)\b|\s*[:…]|\s*\.{2,})"
    r"|from\s*(?:…|\.{2,}))(?=.*\d)",
    re.IGNORECASE)
#: A telegram's receipt by an office, no time or date on the line: `Received from the Indonesian Desk`,
#: `Cabled Received by the [Chinese] Foreign Ministry`, the office's last word (`Desk`, `Ministry`);
#: or the office's count of the telegrams in (`Foreign Ministry Incoming (65) Chen (1096)`, `Foreign
#: Telegram Received (62)`). `Received by the minister` names no office.
_OFFICE_WORD = (r"(?:ministry|desk|department|office|embassy|consulate|section|directorate|bureau|division|"
                r"centre|center|secretariat|legation|mission|chancellery|registry|service)")
_RECEIPT_LINE = re.compile(
    r"^(?:(?:cabled|telegraphed|wired)\s+)?(?:received|sent|cabled|arrived)\s+(?:by|from|at|in)\s+"
    r"(?:the\s+)?[^.;:!?]{0,60}?\b" + _OFFICE_WORD + r"\]?$", re.IGNORECASE)
_COUNT_LINE = re.compile(
    r"^[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}\s+(?:Incoming|Outgoing|Received|Sent)\s*\(\d+\)"
    r"(?:\s+[A-Z][\w’'\-]*\s*\(\d+\))*$")
#: A telegram's precedence, a field of the office: `Level: Urgent`, `Urgency: Immediate`, `Priority: Flash`.
_PRECEDENCE_LINE = re.compile(r"^(?:(?:precedence|urgency|priority)(?: level)?|level)\s*:\s*[^\W\d_][\w ,\-]{0,30}\.?$",
                              re.IGNORECASE)
#: Who gets a copy, a line at the top: `Distribution list - 11 copies: Stalin - 2, ...`, `Copies to:
#: ...`, `FYI: Trojanowski, Thee`, `Sent to: ...`. The word, then a dash or a colon and the names.
_DISTRIBUTION_LINE = re.compile(
    r"^(?:distribution(?: list)?|distributed to|copies(?: to)?|copy to|cc|fyi|for information|sent to|"
    r"\d+ cop(?:y|ies))\b[^:\n]{0,40}?(?:\s[-–—]\s|:)\s*\S",
    re.IGNORECASE)
#: The copies an office made and where they went, a line at the top: `Written: in four copies`,
#: `Made in 3 copies`; `three to Center`, `one to Embassy`, `2 copies to the Ministry`.
_COPY_WORD = r"(?i:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_COPIES_LINE = re.compile(
    r"^(?:(?i:written|made|printed|typed|prepared|produced)\s*:?\s+in\s+" + _COPY_WORD + r"\s+cop(?:y|ies)"
    r"|" + _COPY_WORD + r"(?:\s+cop(?:y|ies))?\s+to\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})\.?$")
#: A clerk's line at the top naming the clerk alone, the office's record of who made the copy:
#: `Typed by Elemérné Vajda`, `Checked by A. Kovács`.
_CLERK_NAME = re.compile(r"^(?i:typed|created|checked|ciphered|deciphered|encoded|decoded|copied|written out) by\s+"
                         r"(?:[A-Z][\w’'\-]*\.?\s*){1,4}$")
#: How the telegram is to be handled, a line at the top: `Making copies is forbidden`, `Copying
#: prohibited`, `For immediate report to comrade Filippov`, `To be returned to ...`.
_HANDLING_LINE = re.compile(
    r"^(?:(?:making|taking|the making of) (?:copies|extracts)|copying|(?:reproduction|duplication)(?: of [\w ]{1,30})?)"
    r" (?:is )?(?:strictly )?(?:forbidden|prohibited|not permitted)\b"
    r"|^(?:not to be (?:copied|reproduced)|to be returned to)\b"
    r"|^for (?:immediate |urgent )?(?:report|reporting|delivery|handing|transmission|submission) to\b",
    re.IGNORECASE)
#: The addressee of a telegram on a line of its own between the office's lines and the text: one
#: to three capitalised words, then the editors' identification in brackets (`FENG XI [STALIN]`)
#: or the place in parentheses (`Spasowski (Warsaw)`). No digits, no full stops: `II. Miscellaneous`
#: is a heading.
_ADDRESSEE = re.compile(
    r"^(?P<name>[A-Z][^\W\d_]*(?:[’'\-][^\W\d_]+)*(?:\s+[A-Z][^\W\d_]*(?:[’'\-][^\W\d_]+)*){0,2})"
    r"(?:\s+\[[^\[\]\d]+\]|\s+\((?P<place>[A-Z][^\W\d_]+(?:[ \-][A-Z][^\W\d_]+)?)\))?$")
#: Words of a heading or of the apparatus, never of an addressee's name: `MEMORANDUM`, `Urgent`.
_NOT_ADDRESSEE_WORDS = frozenset((
    "memorandum", "telegram", "ciphergram", "cable", "cipher", "ciphered", "report", "note", "notes", "record",
    "minutes", "letter", "information", "summary", "conversation", "urgent", "immediate", "priority", "flash",
    "secret", "confidential", "personal", "translation", "appendix", "annex", "attachment", "enclosure", "draft",
    "protocol", "statement", "resolution", "decision", "directive", "instructions", "excerpt", "copy", "copies",
    "introduction", "conclusion", "conclusions", "background", "contents", "text", "original", "declassified",
    "outgoing", "incoming", "reply", "answer", "communique", "declaration", "agenda", "speech", "transcript",
    "proposal", "proposals", "message", "part", "chapter", "section", "supplement", "the", "of", "and"))
#: A classification marking or a form of address on its own line: never a heading.
_NOT_HEAD = re.compile(r"^(?:(?:top|strictly|most)\s+)?(?:secret|confidential|restricted)\b|^(?:comrades?|cde?s?\.?|mr|mrs|ms|dr)\b",
                       re.IGNORECASE)


#: A clause's words: a personal pronoun opening it, a form of be, have or a modal verb in it.
_CLAUSE = re.compile(r"^(?:I|We|He|She|They|It|You|This|That|There)\b|\b(?:am|is|are|was|were|be|been|has|have|had|"
                     r"will|would|shall|should|can|could|may|might|must|did|does|do|said|says)\b")


def _shaped_as_head(text: str) -> bool:
    """A heading in mixed case (`II. Miscellaneous`, `Hungarian–Korean relations`) by its shape: one
    short line opening with a capital (after a Roman or Arabic section number), with no final stop
    or comma, no editors' brackets and nothing another rule reads (a date, a salute, a signature, a
    list item, a name with its title, a classification). `BodyReader._middle` asks for more: blank
    lines around it, a finished sentence before it and a paragraph after it (docs/encoding.md)."""
    text = text.strip()
    if not text or "\n" in text or _words(text) > 12 or len(text) > 90 or "[" in text or "]" in text:
        return False
    if re.search(r"\s{3,}|\t", text):
        return False  # a row of a table, columns of a typed line
    words = re.sub(r"^(?:[IVXLC]{1,6}|\d{1,2}|[A-Z])\.\s+", "", text)
    if words == text and re.match(r"^(?:[IVXLC]{1,6}|\d{1,3})[.)]", text):
        return False  # a number with no words after it
    if not words[:1].isupper() or not any(c.islower() for c in words):
        return False  # lower case goes on a sentence; capitals alone are `_is_heading`'s
    if re.search(r"[.,:;!?…\-–—/]$|[.,:;!?…][\"'”’»)]$", text) or PAGE_NUMBER.fullmatch(text):
        return False
    if _CLAUSE.search(words):
        return False  # a sentence that lost its stop (`I thanked him`), not a heading's noun phrase
    return not (_NOT_HEAD.match(text) or _is_date_line(text) or _is_place_date(text) or _SALUTE.match(text)
                or _CLOSING_SALUTE.match(text) or BodyReader.is_closer_line(text) or _COPY_NUMBER.match(text)
                or _PROVENANCE.match(text) or _SIGNER_TITLE.match(text) or _ROLE_WORDS.match(text)
                or _INITIALS_NAME.match(text) or _SPEAKER.match(text) or _ITEM.match(text) or _contents_page(text)
                or _TRANSMISSION.match(text) or _BYLINE.match(text) or _SIGNED.match(text))


def _entry_date(item: str | Block) -> DateValue | None:
    """The day a line gives when it is a date alone (`22 February 1960`, `3.II.1960`): the line that
    opens a journal's entry. A month, a range, a place and date or a date and time open none."""
    if isinstance(item, Block):
        if item.kind != "dateline":
            return None
        item = text_of(item.content)
    text = item.strip()
    if not text or "\n" in text or ":" in text:
        return None  # `Date: 5 May 1950` is a memorandum's field, no journal's day
    date = parse_date(text)
    return date if date is not None and len(date.when) == 10 and not date.cert else None


def _entry_starts(texts: list[str], opening: DateValue | None) -> dict[int, DateValue]:
    """The indices of a journal's entry dates and their days: lines of a date alone (`_entry_date`),
    two or more counting `opening` (the day of an entry opened before the texts), each with text
    after it, the days in order (a journal runs forward). Nothing otherwise: one date alone is a
    date of the text, and dates out of order or with nothing after them are no journal's."""
    starts = {i: date for i, text in enumerate(texts) if (date := _entry_date(text)) is not None}
    days = ([opening] if opening is not None and 0 not in starts else []) + list(starts.values())
    if len(days) < 2 or any(a.when > b.when for a, b in zip(days, days[1:])):
        return {}
    if any(i + 1 >= len(texts) or i + 1 in starts or not texts[i + 1].strip() for i in starts):
        return {}
    return starts


def _entries(blocks: list[Block]) -> list[Block]:
    """Each `entry` block with the blocks up to the next entry as its children: one day of a
    journal. The blocks before the first entry stay where they are."""
    out: list[Block] = []
    entry: Block | None = None
    for block in blocks:
        if block.kind == "entry":
            entry = block
            out.append(entry)
        elif entry is not None:
            entry.children.append(block)
        else:
            out.append(block)
    return out


class BodyReader:
    """Splits the body's lines into blocks and classifies them. Compact exports put one paragraph
    a line; the others separate paragraphs with blank lines and keep line breaks inside them."""

    def __init__(self, compact: bool = False, page_date: DateValue | None = None, title: str = ""):
        self.compact = compact
        #: the archive's title of the page: a heading at the top repeats it, however long its line
        self.title_words = title.casefold().split()
        #: the title's words of sense (`content_words`), and those of a part in quotes (`Cable ..., 'Reaction ...'`)
        self.title = title
        self.title_content = set(content_words(title))
        quoted = re.search(r"(?:^|[\s,(])[‘'“\"](.+)[’'”\"]", title)
        self.quoted_title_content = set(content_words(quoted.group(1))) if quoted else set()
        #: the date the archive's page gives the document: what a dateline's two-digit year must agree with
        self.page_date = page_date
        self.warnings: list[str] = []
        self.speakers: list[str] = []
        self._inline = InlineParser()
        #: the surnames accepted as speakers in mixed case in the text being read (`_mixed_turn_names`)
        self._mixed_names: set[str] = set()
        #: the top's blocks of the text being read: a heading there names the text's speakers too
        self._top_text = ""

    def read(self, lines: list[str]) -> list[Block]:
        """The blocks of the body, with the dates of their running text recorded (`model.Text`)."""
        blocks = self._read(lines)
        read_block_dates(blocks, self.page_date)
        return blocks

    def _read(self, lines: list[str]) -> list[Block]:
        texts = self._split(lines)
        texts, typed_notes = self._take_typed_notes(texts)
        texts, footnotes = self._take_footnotes(texts)
        body, end_notes = self._take_end_notes(texts)
        if end_notes:
            warnings, speakers = len(self.warnings), list(self.speakers)
            blocks = self._blocks(body, dict(footnotes))
            if self._link_glued_references(blocks, end_notes):
                self._link_typed_references(blocks, typed_notes)
                self._unanswered_references(blocks)
                self.warnings.extend(self._inline.warnings)
                return blocks
            del self.warnings[warnings:]
            self.speakers, self._inline = speakers, InlineParser()
        blocks = self._blocks(texts, footnotes)
        self._link_typed_references(blocks, typed_notes)
        self._unanswered_references(blocks)
        self.warnings.extend(self._inline.warnings)
        return blocks

    def _blocks(self, texts: list[str], footnotes: dict[str, str]) -> list[Block]:
        texts, postscripts = self._take_postscripts(texts)
        opener_end = self._opener_before_heading_turns(texts, self._opener_end(texts))
        closer_start = self._closer_after_heading_turns(texts, opener_end, self._closer_start(texts, opener_end))
        blocks = self._opener(texts[:opener_end])
        self._top_text = "\n".join(texts[:opener_end])
        # a journal's first entry may open right after the opener's items, its date read as the dateline
        opening = blocks[-1] if blocks and _entry_date(blocks[-1]) else None
        middle = self._middle(texts[opener_end:closer_start], _entry_date(opening) if opening else None)
        if middle and middle[0].kind == "entry" and not middle[0].content and opening is not None:
            blocks.pop()
            middle[0].content = opening.content
        blocks += _entries(middle)
        blocks += self._closer(texts[closer_start:])
        blocks += [Block("postscript", self._inline.parse(text)) for text in postscripts]
        self._attach_footnotes(blocks, footnotes)
        return blocks

    # -- splitting ------------------------------------------------------------------------

    def _split(self, lines: list[str]) -> list[str]:
        """Blocks of text; a bracket left open at the end of a line keeps the block going, over
        blank lines too, but only up to the line that closes it: a bracket the translator never
        closed (`Liaise [with the ministries;`) ends its block at the next blank line (in a compact
        export, at its line), or it would glue the paragraphs after it into one."""
        blocks: list[list[str]] = []
        current: list[str] = []
        depth = 0  # brackets opened minus closed in `current`, kept as we go: a long block stays linear
        lines = [line.rstrip() for line in lines]
        for index, line in enumerate(lines):
            if _BLANK.match(line) and not (depth > 0 and len(current) < 60
                                           and _closes_later(lines, index + 1, depth, 60 - len(current))):
                if current:
                    blocks.append(current)
                    current, depth = [], 0
                continue
            current.append(line)
            depth += line.count("[") - line.count("]")
            if self.compact and (depth <= 0 or not _closes_later(lines, index + 1, depth, 60 - len(current))):
                blocks.append(current)
                current, depth = [], 0
        if current:
            blocks.append(current)
        return ["\n".join(block).strip("\n") for block in blocks]

    def _take_footnotes(self, texts: list[str]) -> tuple[list[str], dict[str, str]]:
        """`[1] Footnote text` blocks (indented or not, at the end or right after their paragraph),
        when an earlier block refers to them; a block of several footnote lines gives several."""
        footnotes: dict[str, str] = {}
        kept: list[str] = []
        for text in texts:
            if not _FOOTNOTE_TEXT.match(text):
                kept.append(text)
                continue
            starts = [m.start() for m in _FOOTNOTE_LINE.finditer(text)]
            parts = [text[a:b].strip("\n") for a, b in zip(starts, starts[1:] + [len(text)])]
            found = [_FOOTNOTE_TEXT.match(part) for part in parts]
            if not all(found) or not all(
                    f"[{m.group('n')}]" in "\n".join(kept) and m.group("n") not in footnotes for m in found):
                kept.append(text)
                continue
            for match in found:
                footnotes[match.group("n")] = match.group("text")
        return kept, footnotes

    @staticmethod
    def _take_end_notes(texts: list[str]) -> tuple[list[str], dict[str, str]]:
        """Footnotes numbered 1, 2, ... in the last blocks of the text (`1. Text`, `1 Text`, `¹ Text`):
        the blocks before them and the notes by number. A line that does not open the next number
        continues the note before it. Nothing when the last blocks are not such a run."""
        start = len(texts)
        while start > 1 and _END_NOTE_LINE.match(texts[start - 1].split("\n", 1)[0]):
            start -= 1
        notes: dict[str, str] = {}
        for text in texts[start:]:
            for line in text.split("\n"):
                match = _END_NOTE_LINE.match(line)
                number = match and (match.group("bracketed") or match.group("plain")
                                    or match.group("sup").translate(SUPERSCRIPTS))
                if number == str(len(notes) + 1):
                    notes[number] = match.group("text")
                elif notes and line.strip():
                    notes[str(len(notes))] += "\n" + line.strip()
                else:
                    return texts, {}
        return (texts[:start], notes) if notes else (texts, {})

    def _link_glued_references(self, blocks: list[Block], notes: dict[str, str]) -> bool:
        """Turn glued references (`tests1`, `tests¹`) into footnote marks holding their note, and give
        bracketed ones (`[1]`) without a note theirs, only when the text's references (glued and
        bracketed) are exactly 1, 2, ... of the notes, in order and each once:
        a number that is not a reference would otherwise become a wrong note."""
        found: list[str] = []

        def walk(items: list, replace: bool) -> list:
            def glued(match: re.Match) -> EditorialMark | None:
                number = (match.group("digits") or match.group("sup").translate(SUPERSCRIPTS)).lstrip("0")
                found.append(number)
                return EditorialMark("footnote", raw=match.group(), variant=number,
                                     content=self._inline.parse(notes[number])) if replace else None

            out: list = []
            for item in items:
                if not isinstance(item, EditorialMark):
                    out += _marked_references(item, GLUED_REFERENCE, glued)
                    continue
                if item.kind == "footnote" and not item.content and item.variant.isdigit():
                    # a bracketed reference (`[1]`) whose note is a numbered line at the end
                    found.append(item.variant.lstrip("0"))
                    if replace:
                        item.content = self._inline.parse(notes[found[-1]])
                else:
                    item.content = walk(item.content, replace)
                out.append(item)
            return out

        _each_content(blocks, lambda items: walk(items, False))
        if found != [str(i) for i in range(1, len(notes) + 1)]:
            return False
        found.clear()
        _each_content(blocks, lambda items: walk(items, True))
        return True

    @staticmethod
    def _take_postscripts(texts: list[str]) -> tuple[list[str], list[str]]:
        """A `P.S.` among the last three blocks (not the first block): it and what follows it."""
        for index in range(len(texts) - 1, max(0, len(texts) - 3) - 1, -1):
            if index > 0 and _POSTSCRIPT.match(texts[index]):
                return texts[:index], texts[index:]
        return texts, []

    def _attach_footnotes(self, blocks: list[Block], footnotes: dict[str, str]) -> None:
        marks = [m for b in blocks for m in block_marks(b) if m.kind == "footnote"]
        for mark in marks:
            if mark.variant in footnotes:
                mark.content = self._inline.parse(footnotes.pop(mark.variant))
        for number, text in footnotes.items():
            self.warnings.append(f"footnote [{number}] is never referred to: kept at the end")
            blocks.append(Block("p", self._inline.parse(f"[{number}] {text}")))

    @staticmethod
    def _take_typed_notes(texts: list[str]) -> tuple[list[str], dict[str, str]]:
        """Typewritten footnotes (`x/ Pseudonym I.V. Stalin.`, `* Before arrival in Hanoi ...`,
        `1) ...`): the blocks without them and the notes by marker. Only where marker and note pair
        up unambiguously: each note's marker opens one line of the text and follows a word once, in
        a block before the note; numbered markers (`1)`) only where every line they open is a note
        of a run 1, 2, ..., each referred to, so that a numbered list is never read as notes. A line after a note's line is part of it."""
        def references(marker: str, before: list[str]) -> int:
            return sum(1 for text in before for m in TYPED_REFERENCE.finditer(text) if m.group() == marker)

        openings: dict[str, int] = {}
        for text in texts:
            for line in text.split("\n"):
                match = _TYPED_NOTE_LINE.match(line)
                if match:
                    openings[match.group("marker")] = openings.get(match.group("marker"), 0) + 1
        notes: dict[str, str] = {}
        kept: list[str] = []
        for text in texts:
            match = _TYPED_NOTE_LINE.match(text.split("\n", 1)[0])
            if not match:
                kept.append(text)
                continue
            parts: list[tuple[str, str]] = []
            for line in text.split("\n"):
                line_match = _TYPED_NOTE_LINE.match(line)
                if line_match:
                    parts.append((line_match.group("marker"), line_match.group("text")))
                else:
                    parts[-1] = (parts[-1][0], parts[-1][1] + "\n" + line.strip())
            if all(openings[marker] == 1 and marker not in notes and references(marker, kept) == 1
                   for marker, _ in parts):
                notes.update(parts)
            else:
                kept.append(text)
        numbered = [marker for marker in notes if marker[0].isdigit()]
        if numbered and (sorted(int(m[:-1]) for m in numbered) != list(range(1, len(numbered) + 1))
                         or any(m[0].isdigit() and m not in notes for m in openings)
                         or any(references(f"{n})", kept) != 1 for n in range(1, len(numbered) + 1))):
            # not a run of notes: the numbered lines are kept where they stood
            return _typed_notes_kept(texts, {m: t for m, t in notes.items() if not m[0].isdigit()})
        return kept, notes

    def _link_typed_references(self, blocks: list[Block], notes: dict[str, str]) -> None:
        """Put each typewritten note at its marker (`R. Berthold*`), the marker kept as `@n`."""
        def typed(match: re.Match) -> EditorialMark | None:
            if match.group() not in notes:
                return None
            return EditorialMark("footnote", raw=match.group(), variant=match.group(),
                                 content=self._inline.parse(notes.pop(match.group())))

        def walk(items: list) -> list:
            out: list = []
            for item in items:
                if isinstance(item, EditorialMark):
                    item.content = walk(item.content)
                    out.append(item)
                else:
                    out += _marked_references(item, TYPED_REFERENCE, typed)
            return out

        if notes:
            _each_content(blocks, walk)
        for marker, text in notes.items():  # a marker the reading took apart: the note stays text
            blocks.append(Block("p", self._inline.parse(f"{marker} {text}")))

    @staticmethod
    def _unanswered_references(blocks: list[Block]) -> None:
        """A bracketed number no note answers (`[Ung Van Khiem][1]Minister`, the web page's
        footnote reference without its footnote) stays a reference that points nowhere; a Roman
        numeral no note answers is a letter the translator supplied, as before."""
        for mark in (m for b in blocks for m in block_marks(b) if m.kind == "footnote" and not m.content):
            if mark.variant.isdigit():
                mark.label = "unanswered"
            else:
                mark.kind = "supplied"
                mark.content = [mark.raw[1:-1]]

    # -- the opener -------------------------------------------------------------------------

    def _short_year_date(self, text: str) -> DateSpan | None:
        """The date of a dateline written year, month, day with a two-digit year (`PYONGYANG, 80. 10.
        02.`, as Hungarian telegrams date them), where it is the page's date: only that tells the
        order of its numbers and the century. None for any other line, and where the page's date differs."""
        match = _SHORT_YEAR_PLACE_DATE.match(text)
        page = self.page_date
        if match is None or page is None or len(page.when) != 10:
            return None
        when = f"{page.when[:2]}{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"
        if when != page.when:
            return None
        return DateSpan(match.start("date"), match.end("date"), DateValue(match["date"], when))

    def _opener_kind(self, text: str, index: int, whole: bool = True) -> str | None:
        """What a block of the top is among the opener's items, a heading, or None where the text
        begins; `whole`: the block is a line of its own, which may hold two items run together."""
        first = text.split("\n", 1)[0].strip()
        if _REGISTRY.match(first) and "\n" not in text:
            return "registry"
        if _COPY_NUMBER.match(first) and "\n" not in text:
            return "copy-number"
        if _marking_parts(text):
            return "classification"
        if _PROVENANCE.match(first) and "\n" not in text.strip() and _words(first) <= 12 and not first.endswith((",", ";")):
            return "provenance"
        if _stamp_only(text):
            return "stamp"
        if _TO.match(first) or _TO_LOWER.match(first) and "\n" not in text.strip():
            return "to"
        if "\n" not in text.strip() and _words(first) <= 40:
            if _OFFICE_LINE.match(first):
                return "transmission-line"
            if _DISTRIBUTION_LINE.match(first):
                return "distribution"
            if _HANDLING_LINE.match(first) or (_PRECEDENCE_LINE.match(first) and _words(first) <= 6):
                return "handling"
            if (_RECEIPT_LINE.match(first) or _COUNT_LINE.match(first)) and _words(first) <= 12:
                return "transmission-line"
            if _COPIES_LINE.match(first):
                return "distribution"
            if _CLERK_NAME.match(first):
                return "transmission-line"
        for pattern, kind in _FIELDS:
            if pattern.match(first):
                return kind
        if first.startswith("to ") and "\n" in text:
            return "address"
        if _SALUTE.match(text):
            return "salute"
        if _is_top_date_line(text) or _is_place_date(text) or self._short_year_date(text):
            return "dateline"
        if _layout_only(text):
            return "space"
        if PAGE_NUMBER.fullmatch(text.strip()):
            return None  # the text has begun: a page's number is read with it
        if _TIME_NOTE.match(text.strip()):
            return None  # the hour a session began, the record's first words
        if whole and self._run_together(text):
            return "run-together"
        lines = text.split("\n")
        if (len(lines) <= 3 and all(_words(l) <= 10 or self._title_start(l) for l in lines) and not text.rstrip().endswith((".", ":", ";", ","))
                and not _SPEAKER.match(text) and not _NUMBERED.match(text)
                and not _TRANSMISSION.match(first) and not _CLERK.match(first)):
            # the shape of a heading; of the editors' words alone, no heading of the document
            return "editorial" if marks_only(text) else "head"
        if (self._repeats_title(text)
                and not _TRANSMISSION.match(first) and not _CLERK.match(first)):
            return "head"  # the page title in the document's own words, however long its lines
        return None

    def _run_together(self, text: str) -> list[tuple[str, str, str]] | None:
        """The two items of a line of the top whose columns were typed run together, a space between
        (`47/ 1963/ top secret Written: in four copies`, `Typed by Elemérné Vajda three to Center`): a
        registry number, a copy number, a marking or an office's line on each side, each read on its
        own. None for any other line, and for a line that is one item as a whole."""
        text = text.strip()
        if "\n" in text or _words(text) > 16 or "[" in text:
            return None
        for space in re.finditer(r"(?<=\S) +(?=\S)", text):  # between two words: at most 15 places to try
            left, right = text[:space.start()], text[space.end():]
            kinds = (self._opener_kind(left, 0, whole=False), self._opener_kind(right, 0, whole=False))
            if (all(kind in _RUN_TOGETHER_KINDS or kind == "dateline" for kind in kinds) and kinds.count("dateline") < 2
                    and not _TIME.match(right)):  # `Created by Se 14.30`
                return [(kinds[0], left, space.group()), (kinds[1], right, "")]
        return None

    def _repeats_title(self, text: str) -> bool:
        """Whether a block of the top is the document's heading saying the page title in other words:
        at least three words of sense (`content_words`), seven in ten of them the title's, or seven in
        ten of the title's (or its quoted part's) its own where it says more (`Report on the results of
        the 19-21 October visit` / `to the USSR by ... delegation, headed by Y. Arafat, ...`). A sentence
        is none: no stop inside the block, a stop at its end only on a short one with no verb of a
        clause, no request, no speech turn or numbered point, at most four lines and forty words. A
        short block naming the document's kind and what it records as the title does (`Notes from
        Conversation ...` for `Record of Conversation ...`) is the heading too."""
        if _SPEAKER.match(text) or _NUMBERED.match(text):
            return False
        text = text.strip()
        words = content_words(text)
        if len(words) < 3 or _words(text) > 40 or text.count("\n") > 3 or "[" in text:
            return False
        if re.search(r"[^\W\d_]{3,}[.!?;:][\"'”’»)]*\s+\S", text) or text.endswith((":", ";", ",")):
            return False
        if _SENTENCE_END.search(text) and (_words(text) > 15 or _CLAUSE.search(text)):
            return False
        if re.match(r"please\b", text, re.IGNORECASE):
            return False  # a request (`Please report on ...`): a sentence to the reader, though it lost its stop
        shared = sum(word in self.title_content for word in words)
        if shared >= 0.7 * len(words):
            return True
        kind, title_kind = _DOCUMENT_KIND.match(text), _DOCUMENT_KIND.match(self.title)
        if (kind and title_kind and _words(text) <= 15 and not _CLAUSE.search(text)
                and content_words(kind["what"]) == content_words(title_kind["what"])):
            return True  # a short block naming the document's kind as the title does: `Notes from Conversation ...`
        said = set(words)
        return any(len(title) >= 3 and len(title & said) >= 0.7 * len(title) and len(words) <= 3 * len(title)
                   for title in (self.title_content, self.quoted_title_content))

    def _title_start(self, line: str) -> bool:
        """Whether a line of more than a heading's ten words is the page title's start, at least its
        first eleven words: the heading the page's title repeats, cut where the page cut it."""
        words = line.casefold().split()
        return len(words) > 10 and self.title_words[:len(words)] == words

    def _opener_kinds(self, texts: list[str]) -> list[str]:
        """The kinds of the blocks of the top, up to the first of the text; a block going on the
        heading before it (`_goes_on_heading`) is that heading's."""
        kinds: list[str] = []
        for index, text in enumerate(texts):
            kind = self._opener_kind(text, index)
            if kind is None and kinds and kinds[-1] == "head" and _goes_on_heading(texts[index - 1], text):
                kind = "head"
            if kind is None:
                break
            kinds.append(kind)
        return kinds

    def _opener_end(self, texts: list[str]) -> int:
        index = len(self._opener_kinds(texts))
        # A document of headings only is text, not an opener.
        return index if index < len(texts) else 0

    def _opener(self, texts: list[str]) -> list[Block]:
        """Opener blocks; a short line right after an address (`□□□□Pyongyang`) ends the address;
        a line of columns is a block for each column, the gap kept after the column before it."""
        kinds = self._opener_kinds(texts)
        kinds += ["p"] * (len(texts) - len(kinds))
        merged: list[tuple[str, str, str]] = []  # (kind, text, the gap after it on its line)
        for index, (kind, text) in enumerate(zip(kinds, texts)):
            columns = _columns(text)
            marking = _marking_parts(text) if kind == "classification" and not columns else None
            if kind == "head" and "\n" in text.strip() and not columns:
                # the marking and the copy number above a heading in its block: items of their own
                leading, text = _leading_markings(text)
                merged += leading
            trailing = trailing_marking(text.rstrip().rsplit("\n", 1)[-1]) if kind == "head" and not columns else None
            if marking:
                merged += marking
            elif trailing:
                # the letterhead's last line with the marking typed at its end: the heading, then the marking
                before, gap, marking_words = trailing
                head = text.rstrip()
                merged += [("head", head[:len(head) - len(gap) - len(marking_words)], gap),
                           ("classification", marking_words, "")]
            elif kind == "run-together" and not columns:
                merged += self._run_together(text)
            elif columns:
                merged += [(_column_kind(self._opener_kind(column, index)), column, gap) for column, gap in columns]
            elif merged and merged[-1][0] == "address" and kind == "head" and "\n" not in text:
                merged[-1] = ("address", merged[-1][1] + "\n" + text, "")
            else:
                merged.append((kind, text, ""))
        merged = _join_cut_top_lines(merged)
        blocks = [_dated(Block(kind, self._opener_content(kind, text), gap_after=gap)) for kind, text, gap in merged]
        return _with_addressee(blocks)

    def _opener_content(self, kind: str, text: str) -> list:
        """The block's inline content; a dateline with a two-digit year holds the date it was read as."""
        span = self._short_year_date(text) if kind == "dateline" else None
        return [Text(text, [span])] if span is not None else self._inline.parse(text)

    # -- the middle ---------------------------------------------------------------------------

    def _speaker_match(self, text: str) -> re.Match | None:
        match = _SPEAKER.match(text) or _CAPS_SPEAKER.match(text) or _NAME_LINE_SPEAKER.match(text)
        if match is None and self._mixed_names:
            mixed = _MIXED_SPEAKER.match(text)
            if mixed and mixed.group("name").split()[-1].lower() in self._mixed_names:
                return mixed
        return match

    @staticmethod
    def _mixed_turn_names(texts: list[str]) -> set[str]:
        """The surnames (in lower case) that open speech turns in mixed case (`Ligachev. ...`): those
        a participants' line names (`Present: ...`) and those that open two turns or more; none
        unless two names or more are accepted, so that a place opening sentences is never a speaker."""
        listed = _participant_names(texts)
        counts: dict[str, int] = {}
        for text in texts:
            match = _MIXED_SPEAKER.match(text)
            if match and not (_SPEAKER.match(text) or _CAPS_SPEAKER.match(text)):
                surname = match.group("name").split()[-1].lower()
                if surname not in _NOT_SPEAKERS:
                    counts[surname] = counts.get(surname, 0) + 1
        names = {name for name, count in counts.items() if count >= 2 or name in listed}
        return names if len(names) >= 2 else set()

    def _heading_turns(self, texts: list[str], skip: set[int]) -> dict[int, tuple[str, str]]:
        """The speech turns headed by a name in capitals on a line of its own (`TODOR ZHIVKOV`, the
        turn's text on the next lines of its block or in the next block): index → (name, the text of
        the turn). A report's headings have that shape too (`INTRODUCTION`), so a name is read only
        where a participants' line names its surname, or where the text has three such headings or
        more of two names or more, one of them heading two turns, or where the same name heads a turn
        with a colon elsewhere in the text. `skip`: blocks that are no text
        (lists, journal days)."""
        candidates: dict[int, tuple[str, str]] = {}
        with_colon = {match.group("name").upper() for text in texts if (match := _SPEAKER.match(text.strip()))}
        for index, text in enumerate(texts):
            if index in skip or not text.strip():
                continue
            first, _, rest = text.strip().partition("\n")
            match = _CAPS_NAME.match(first.strip())
            if match is None or match.group("name").lower() in _NOT_SPEAKERS:
                continue
            if not rest.strip():  # the turn's text is the next block
                after = texts[index + 1] if index + 1 < len(texts) and index + 1 not in skip else ""
                if (not after.strip() or _layout_only(after) or PAGE_NUMBER.fullmatch(after.strip())
                        or _CAPS_NAME.match(after.strip().split("\n", 1)[0].strip()) or self._is_heading(after)):
                    continue
                rest = after
            elif _CAPS_NAME.match(rest.strip().split("\n", 1)[0].strip()) or self._is_heading(rest.strip()):
                continue
            said = rest.strip().split("\n", 1)[0].strip()
            # the text of a speaker named with a colon elsewhere may be cut off before its stop
            # (the page's end): a long text is no signer's title all the same
            cut_turn = match.group("name").upper() in with_colon and _words(rest) >= 12
            if (not (_SENTENCE_END.search(rest) or cut_turn) or self.is_closer_line(said) or _SIGNER_TITLE.match(said)
                    or _INSTITUTION.match(said)):
                continue  # a signature: the name, then a title or the institution
            candidates[index] = (match.group("name"), rest)
        if not candidates:
            return {}
        listed = _participant_names(texts)
        names = [name for name, _ in candidates.values()]
        repeated = {name for name in names if names.count(name) >= 2}
        # a name that heads a turn with a colon elsewhere in the text is that speaker's, alone too
        # (`TODOR ZHIVKOV:` above, `TODOR ZHIVKOV` with its colon left out below)
        if with_colon and any(name.upper() in with_colon for name in names):
            return {index: turn for index, turn in candidates.items() if turn[0].upper() in with_colon}
        if len(names) >= 3 and len(set(names)) >= 2 and repeated:
            # a name of one word heading one turn only where listed (`MEMORANDUM` above the text)
            accepted = {name for name in names if name in repeated or " " in name or name.lower() in listed}
        else:
            accepted = {name for name in names if name.split()[-1].lower() in listed}
            if len(accepted) < 2:
                return {}
        return {index: turn for index, turn in candidates.items() if turn[0] in accepted}

    def _speaker(self, text: str) -> str:
        match = self._speaker_match(text)
        if not match:
            return ""
        name = match.group("name")
        if name.lower() in _NOT_SPEAKERS or name.lower() in _FIELD_LABELS or _PLURAL_NOUN.match(name) or len(name) > 60:
            return ""
        if match.re is _NAME_LINE_SPEAKER and (_SALUTE.match(text.strip()) or _NOT_A_NAME.match(name)):
            return ""
        if match.groupdict().get("num") and not (match.group("country") or re.match(r"(?:Mr|Mrs|Ms|Miss|Sir|Dr|Mme|M)\.?\s", name)
                                       or re.search(r"\b[A-Z]{2,}\b", name)):
            # `2. Agriculture: ...` is a numbered point; a numbered turn names a delegate.
            return ""
        return name

    def _turn_labels(self, texts: list[str], skip: set[int]) -> list[str]:
        """The speaker of each block that opens a speech turn, "" for the others. A field's label is
        none (`_FIELD_LABELS`; a word of English heading one turn only, `Sending: Rio`; a run of
        `Label: short value` lines at the top, labels all different, one of them a field's); a name
        alone on its line opens a turn only before the speech; a name a turn's label declares short
        (`Deng Xiaoping (to be abbreviated as Deng):`) is that speaker's in the later turns."""
        labels = [self._speaker(text) if index not in skip else "" for index, text in enumerate(texts)]
        abbreviations = {}
        for index, label in enumerate(labels):
            match = self._speaker_match(texts[index]) if label else None
            declared = SHORT_NAME_DECLARED.fullmatch(match.groupdict().get("country") or "") if match else None
            if declared:
                abbreviations.setdefault(declared["short"], label)
        labels = [abbreviations.get(label, label) for label in labels]
        for index, label in enumerate(labels):
            if label and _NAME_LINE_SPEAKER.match(texts[index]):
                after = texts[index + 1] if index + 1 < len(texts) and index + 1 not in skip else ""
                if (not after.strip() or not _SENTENCE_END.search(after) or self._speaker_match(after)
                        or self._is_heading(after.strip())):
                    labels[index] = ""
        counts = {label: labels.count(label) for label in labels if label}
        repeated = any(count >= 2 for count in counts.values())
        for index, label in enumerate(labels):
            # a word alone on its line heading one turn is a lead (`Proposals:`) unless the text's
            # speakers speak more than once (`Honecker:`, `Arafat:`, `Honecker:`)
            if label and counts[label] == 1 and (_ENGLISH_WORD.match(label) or " " not in label and not repeated
                                                 and _NAME_LINE_SPEAKER.match(texts[index])):
                labels[index] = ""
        fields: list[int] = []
        for index, text in enumerate(texts):
            if not text.strip():
                continue
            if "\n" in text.strip() or _words(text) > 12 or index in skip:
                break
            match = _SPEAKER.match(text.strip())
            if match is None:
                continue
            name, value = match.group("name"), text.strip()[match.end():]
            if ("(" in match.group("label") or "[" in match.group("label") or counts.get(abbreviations.get(name, name), 1) > 1
                    or _words(value) > 8 or value.rstrip().endswith(("?", "!"))):
                break
            fields.append(index)
        names = [_SPEAKER.match(texts[index].strip()).group("name") for index in fields]
        if len(set(names)) == len(names) >= 2 and any(
                name.lower() in _FIELD_LABELS or _ENGLISH_WORD.match(name) for name in names):
            for index in fields:
                labels[index] = ""
        return labels

    def _turn_by_its_form(self, texts: list[str], index: int) -> bool:
        """The block opens a speech turn though the text has no other: a full name alone on its line
        (`Erich Honecker:`), or initials and a surname in capitals (`O. DORTICOS. We have ...`),
        that the text names elsewhere (`Com. Dorticos said ...`), its top's headings too."""
        text = texts[index].strip()
        others = "\n".join([self._top_text] + texts[:index] + texts[index + 1:])
        line = _NAME_LINE_SPEAKER.match(text)
        if line:
            name = line.group("name")
            return len(name.split()) >= 2 and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", others) is not None
        caps = _CAPS_SPEAKER.match(text)
        if caps and "." in caps.group("name") and not re.match(r"(?:U\.\s?[SNK]|N\.\s?B|P\.\s?S)\.", caps.group("name")):
            surname = caps.group("name").split()[-1].split(".")[-1].strip()
            return bool(surname) and re.search(r"(?<!\w)" + re.escape(surname.title()) + r"(?!\w)", others) is not None
        return False

    @staticmethod
    def _item_kind(text: str) -> tuple[str, str] | None:
        """(`bulleted•`|`dashed—`|`lettered`|`numbered`|`contents`, n) for a one-line list item."""
        if "\n" in text:
            return None
        page = _contents_page(text)
        if page is not None:
            return "contents", page
        match = _ITEM.match(text)
        if not match:
            return None
        if match.group("bullet"):  # the marker is part of the kind: a run keeps its marker
            return "bulleted" + match.group("bullet"), ""
        if match.group("dash"):
            return "dashed" + match.group("dash"), ""
        if match.group("letter"):
            return "lettered", match.group("letter")
        return "numbered", match.group("num")

    def _list_tree(self, lines: list[str], lead: bool, same_block: bool) -> Block | None:
        """The list of item lines, nested by form: a line indented deeper than the item before it, or
        of another kind at the same indentation than the first kind there (`1.` then `a)`), is a
        sublist of that item. None unless every level is a run of one kind: letters in order from
        a, numbers in order from 1, at least two items at the top. Dashes need a lead ending with a
        colon and no item ending as a sentence (`– Yes, he said.` is dialogue); numbered one-line
        blocks need the lead too and never end with a full stop (a report's numbered paragraphs)."""
        kinds = [self._item_kind(line) for line in lines]
        if len(lines) < 2 or not all(kinds):
            return None
        indents = [_indent(line) for line in lines]
        first_seen: dict[tuple[int, str], int] = {}
        for indent, (kind, _) in zip(indents, kinds):
            first_seen.setdefault((indent, kind), len(first_seen))
        order = list(first_seen)
        if len(order) > MAX_LIST_LEVELS:
            return None  # no real list has so many levels: text, and no deep nesting to recurse over
        rank = {key: level for level, key in enumerate(sorted(order, key=lambda k: (k[0], first_seen[k])))}
        if not same_block and len({indent for indent, _ in order}) != len(order):
            return None  # blocks of their own nest by indentation only
        if rank[(indents[0], kinds[0][0])] != 0:
            return None
        root = Block("list", role=kinds[0][0])
        stack: list[tuple[int, Block]] = [(0, root)]  # (level, the list at that level)
        for line, indent, (kind, n) in zip(lines, indents, kinds):
            level = rank[(indent, kind)]
            while stack[-1][0] > level:
                stack.pop()
            if stack[-1][0] < level:  # deeper: a sublist of the item before
                sub = Block("list", role=kind)
                stack[-1][1].children[-1].children.append(sub)
                stack.append((level, sub))
            if stack[-1][1].role != kind:
                return None
            stack[-1][1].children.append(Block("item", [line.strip()], n=n))  # parsed once the list holds
        if len(root.children) < 2:
            return None

        def valid(block: Block) -> bool:
            ns = [item.n for item in block.children]
            if block.role == "lettered" and ns != [chr(ord("a") + i) for i in range(len(ns))]:
                return False
            if block.role == "numbered" and (ns != [str(i + 1) for i in range(len(ns))] or not (same_block or lead)
                                             or not same_block and any(text_of(i.content).rstrip().endswith(".")
                                                                       for i in block.children)):
                return False
            if block.role.startswith("dashed") and (not lead or any(  # dialogue: `– Yes, he said.`
                    text_of(i.content).rstrip().endswith((".", "!", "?")) for i in block.children)):
                return False
            return all(valid(sub) for item in block.children for sub in item.children)

        def dashes_are_bullets(block: Block) -> None:
            block.role = "bulleted" if block.role.startswith(("bulleted", "dashed")) else block.role
            for sub in (sub for item in block.children for sub in item.children):
                dashes_are_bullets(sub)

        def parse(block: Block) -> None:
            for item in block.children:
                item.content = self._inline.parse(item.content[0])
                for sub in item.children:
                    parse(sub)

        if not valid(root):
            return None
        dashes_are_bullets(root)
        parse(root)
        return root

    def _lists(self, texts: list[str]) -> list[str | Block]:
        """Runs of list items: the lines of one block (after a lead line ending with a colon, which
        stays a paragraph), or consecutive one-line blocks (`_list_tree` says which)."""
        out: list[str | Block] = []
        pending: list[str] = []

        def lead_before() -> bool:
            return bool(out) and isinstance(out[-1], str) and out[-1].rstrip().endswith(":")

        def flush() -> None:
            tree = self._list_tree(pending, lead_before(), False) if pending else None
            if tree is not None:
                out.append(tree)
            else:
                out.extend(pending)
            pending.clear()

        for text in texts:
            lines = text.split("\n")
            head = lines[0] if len(lines) > 2 and not self._item_kind(lines[0]) and lines[0].rstrip().endswith(":") else None
            items = lines[1:] if head is not None else lines
            tree = self._list_tree(items, head is not None or lead_before(), True) if len(items) > 1 else None
            if tree is not None:
                flush()
                if head is not None:
                    out.append(head)
                out.append(tree)
            elif "\n" not in text and self._item_kind(text):
                if pending and self._item_kind(pending[0])[0] != self._item_kind(text)[0] and _indent(text) <= _indent(pending[0]):
                    flush()
                pending.append(text)
            else:
                flush()
                out.append(text)
        flush()
        return out

    def _middle(self, texts: list[str], opening: DateValue | None = None) -> list[Block]:
        """The text's blocks; a journal's entry dates (`_entry_starts`) are `entry` blocks, the
        date of an entry that opens before these texts (`opening`, the opener's last dateline)
        standing for the first when the texts do not open with one."""
        grouped = self._lists(texts)
        lists = {i: b for i, b in enumerate(grouped) if isinstance(b, Block)}
        texts = [b if isinstance(b, str) else "" for b in grouped]
        entries = _entry_starts(texts, opening)
        heads = set() if self.compact else {
            i for i in range(1, len(texts) - 1)
            if i not in lists and i + 1 not in lists and i not in entries and _shaped_as_head(texts[i])
            and (i - 1 in lists or _SENTENCE_END.search(texts[i - 1]))
            and _SENTENCE_END.search(texts[i + 1]) and _words(texts[i + 1]) >= max(4, _words(texts[i]))
            and not _shaped_as_head(texts[i + 1])}
        self._mixed_names = self._mixed_turn_names(texts)
        title_heads = set() if self.compact else self._title_heads(texts, set(lists) | set(entries))
        heads |= title_heads
        labels = self._turn_labels(texts, set(lists) | set(entries))
        named = [label for label in labels if label]
        conversation = len(named) >= 3 or (len(named) >= 2 and len(set(named)) >= 2)
        alone = set() if conversation else {index for index, label in enumerate(labels)
                                            if label and self._turn_by_its_form(texts, index)}
        heading_turns = self._heading_turns(texts, set(lists) | set(entries))
        # a heading turn whose text is the next block takes that block
        taken = {index + 1 for index, text in enumerate(texts) if index in heading_turns and "\n" not in text.strip()}
        blocks: list[Block] = []
        turn: Block | None = None
        if entries and opening is not None and 0 not in entries:
            blocks.append(Block("entry", date=opening))  # its date line is the opener's, put in by the caller
        for index, (text, speaker) in enumerate(zip(texts, labels)):
            if index in lists:
                turn = None
                blocks.append(lists[index])
                continue
            if index in entries:
                turn = None  # a new day: no speech goes on across its date
                blocks.append(Block("entry", self._inline.parse(text), date=entries[index]))
                continue
            if _layout_only(text):
                blocks.append(Block("space", self._inline.parse(text)))
                continue
            if PAGE_NUMBER.fullmatch(text.strip()):
                # the typed page's own number: a speech goes on across it
                (turn.children if turn is not None else blocks).append(Block("page-number", self._inline.parse(text)))
                continue
            if index in taken:
                continue
            if index in heading_turns:
                # a name in capitals alone on its line, read from its shape: a likely reading
                name, said = heading_turns[index]
                turn = Block("sp", speaker=name, role=text.strip().split("\n", 1)[0].strip(), role_cert="medium")
                turn.children.append(Block("p", self._inline.parse(said.strip())))
                if name not in self.speakers:
                    self.speakers.append(name)
                blocks.append(turn)
                continue
            if speaker and (conversation or index in alone):
                match = self._speaker_match(text)
                label = match.group(0)
                turn = Block("sp", speaker=speaker, role=label.rstrip(), n=match.groupdict().get("num") or "")
                aside = match.groupdict().get("aside")
                marks = self._inline.parse(f"[{aside}]") if aside else []
                if (len(marks) == 1 and isinstance(marks[0], EditorialMark) and marks[0].kind == "supplied"
                        and _is_stage_direction(aside)):
                    # `GORBACHEV [laughing]:`: how the turn is spoken, a stage direction after the name
                    turn.role = label[:match.start("aside") - 1].rstrip()
                    turn.stage = marks[0].content
                    stop = label[match.end("aside") + 1:].strip()
                    turn.stage_rend = "bracket" + {":": " colon", ".": " full-stop"}.get(stop, "")
                elif aside or "[" in label:
                    # the label's bracket is a mark as any other (`[KGB chairman]`, a supplied
                    # forename `[Stepan]`), read in it
                    turn.content = self._inline.parse(label.rstrip())
                if text[len(label):].strip():  # a name alone on its line: the speech is in the next blocks
                    turn.children.append(Block("p", self._inline.parse(text[len(label):])))
                if speaker not in self.speakers:
                    self.speakers.append(speaker)
                blocks.append(turn)
                continue
            if (index in title_heads and not speaker and blocks and blocks[-1].kind == "head"
                    and _goes_on_heading(texts[index - 1], text)):
                # the title's words going on the heading above (`JOURNAL` / `of Soviet Ambassador ...`): one heading
                blocks[-1] = Block("head", self._inline.parse(texts[index - 1].rstrip() + "\n" + text.strip()),
                                   cert=blocks[-1].cert)
                continue
            if index in heads and not speaker:
                # a heading in mixed case, read from its shape alone: a likely reading
                turn = None
                blocks.append(Block("head", self._inline.parse(text), cert="medium"))
                continue
            numbered = _NUMBERED.match(text.lstrip())
            if turn is not None and (not numbered or turn.n) and not self._is_heading(text):
                # In a verbatim record the speaker's numbered paragraphs go on until the next speaker.
                turn.children.append(Block("p", self._inline.parse(text), n=numbered.group("n") if numbered else ""))
                continue
            turn = None
            blocks.append(self._paragraph(text))
        return _join_cut_sentences(blocks)

    def _title_heads(self, texts: list[str], skip: set[int]) -> set[int]:
        """The blocks before the text's first paragraph of prose (a sentence of more than eight
        words) that say the page title (`_repeats_title`): the heading below the lines of the top no
        rule names (`Level: Urgent` / `Received from the Indonesian Desk` / `Reaction to ...`)."""
        found = set()
        for index, text in enumerate(texts):
            if index in skip:
                break
            if _SENTENCE_END.search(text) and _words(text) > 8:
                break
            if self._repeats_title(text) and not self._speaker_match(text):
                found.add(index)
        return found

    @staticmethod
    def _is_heading(text: str) -> bool:
        if "\n" in text or _words(text) > 10 or text.endswith(".") or caps_title_signature(text):
            return False
        letters = [c for c in text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)

    def _paragraph(self, text: str) -> Block:
        if self._is_heading(text):
            return Block("head", self._inline.parse(text))
        text = _dedented(text)  # the indentation the web page gave its numbered points (`  1. ...`) is layout
        numbered = _NUMBERED.match(text)
        block = Block("p", self._inline.parse(text))
        if numbered:
            block.n = numbered.group("n")
        return block

    # -- the closer ---------------------------------------------------------------------------

    @classmethod
    def is_head_line(cls, text: str) -> bool:
        """A line read as a heading, in capitals or by its mixed-case shape (`II. Miscellaneous`)."""
        return cls._is_heading(text.strip()) or _shaped_as_head(text)

    @staticmethod
    def is_closer_line(text: str) -> bool:
        """A signature, a byline, a closing salute or a date: how a document's text ends."""
        first = text.split("\n", 1)[0].strip()
        return bool(
            _SIGNED.match(first) and _words(first) <= 8
            or first.lower() in ("[signature]", "[signed]")
            or _BYLINE.match(first)
            or _CAPS_NAME.match(first) and _name_lines_after(text)
            or caps_title_signature(first) is not None
            or _ROLE_COLON.match(first) and _words(first) <= 14
            or _SLASHED_NAME.match(first)
            or "\n" not in text.strip() and _date_surname(first) is not None
            or _opens_with_title_and_name(text)
            or _INITIALS_NAME.match(first) and all(  # a name, then its title or date lines
                _words(line) <= 10 and not line.rstrip().endswith((".", ":", ";")) for line in text.split("\n")[1:])
            or _CLOSING_SALUTE.match(first)
            or _is_date_line(text)
            or _is_place_date(text)
            or "\n" not in text.strip() and _INSTITUTION.match(_unbracketed(first)) and _words(first) <= 14
        )

    def _closer_start(self, texts: list[str], opener_end: int) -> int:
        """The first block from which everything to the end is short and closer-like."""
        start = len(texts)
        for index in range(len(texts) - 1, opener_end - 1, -1):
            text = texts[index]
            if self._is_annotation(text):
                continue
            first = LAYOUT_SQUARES.sub("", text.split("\n", 1)[0]).strip()
            sentence = text.rstrip().endswith((".", "?", "!")) and not (
                self.is_closer_line(text) or _TRANSMISSION.match(first) or _signature_lines(text))
            if not _short(text) or sentence:
                break
            if self.is_closer_line(text) or start == index + 1 and "\n" not in text.strip() and (
                    _SIGNER_TITLE.match(first) and _words(first) <= 12
                    # a name in spaced capitals with the signature's lines after it (`S H T Y K O V`)
                    or _SPACED_NAME.match(first) and start < len(texts) and _signature_lines(texts[start])) or (
                    start == index + 1 and _signature_lines(text) and index > opener_end
                    and _SPACED_NAME.match(texts[index - 1].strip())):
                # the signer's title on the line above the name is the signature's
                start = index
        # Keep the closer from swallowing the whole text: the body needs at least one block.
        return start if start > opener_end or start == len(texts) else min(len(texts), opener_end + 1)

    def _opener_before_heading_turns(self, texts: list[str], opener_end: int) -> int:
        """The opener's end moved back to the first turn headed by a name in capitals
        (`_heading_turns`), which has the shape of a heading at the top."""
        if not opener_end:
            return opener_end
        turns = self._heading_turns(texts, set())
        first = min(turns, default=opener_end)
        return first if first < opener_end else opener_end

    def _closer_after_heading_turns(self, texts: list[str], opener_end: int, closer_start: int) -> int:
        """The closer's start moved past the last turn headed by a name in capitals (`_heading_turns`):
        a last turn is short and opens with a name, as a signature does."""
        turns = self._heading_turns(texts[opener_end:], set())
        if not turns:
            return closer_start
        last = opener_end + max(turns)
        end = last + (1 if "\n" in texts[last].strip() else 2)
        return max(closer_start, min(end, len(texts))) if closer_start <= last + 1 else closer_start

    def _is_annotation(self, text: str) -> bool:
        items = InlineParser().parse(text)
        marks = [i for i in items if not (isinstance(i, str) and not i.strip())]
        return len(marks) == 1 and isinstance(marks[0], EditorialMark) and marks[0].kind == "annotation"

    def _closer(self, texts: list[str]) -> list[Block]:
        blocks: list[Block] = []
        signed: list[str] = []
        transmission: list[str] = []

        def close_signed() -> None:
            if signed:
                blocks.append(self._signed_block(signed))
                signed.clear()

        for text in texts:
            first = text.split("\n", 1)[0].strip()
            if self._is_annotation(text):
                close_signed()
                blocks.append(Block("annotation", self._inline.parse(text)))
            elif transmission or _TRANSMISSION.match(LAYOUT_SQUARES.sub("", first)):
                close_signed()
                if not transmission:
                    blocks.append(Block("transmission"))
                transmission.append(text)
            elif _is_date_line(text) or _is_place_date(text):
                place = _place_line_above_date(signed) if _is_date_line(text) else None
                if place is not None:
                    text = place + "\n" + text.strip("\n")
                close_signed()
                blocks.append(_dated(Block("closing-date", self._inline.parse(text))))
            elif "\n" not in text.strip() and _date_surname(first):
                close_signed()
                blocks += self._date_and_surname(text)
            elif _BYLINE.match(first):
                close_signed()
                blocks.append(Block("byline", self._inline.parse(text)))
            elif _CLOSING_SALUTE.match(first):
                close_signed()
                blocks.append(Block("salute", self._inline.parse(text)))
            elif _layout_only(text):
                close_signed()
                blocks.append(Block("space", self._inline.parse(text)))
            elif not any(c.isalnum() for c in text):
                # a typed rule (`——————`, `* * *`) under the signature: nobody's name
                close_signed()
                blocks.append(Block("closing-rule", self._inline.parse(text)))
            elif signed and _signature_lines(text) and "\n" in text.strip():
                # the lines under the name: its number and date stay in the signature, a clerk's
                # line (`Typed by ...`) and the lines after it are the transmission note
                lines = text.split("\n")
                clerk = next((i for i, line in enumerate(lines)
                              if _TRANSMISSION.match(LAYOUT_SQUARES.sub("", line).strip())), len(lines))
                if clerk:
                    signed.append("\n".join(lines[:clerk]))
                if clerk < len(lines):
                    close_signed()
                    blocks.append(Block("transmission"))
                    transmission.append("\n".join(lines[clerk:]))
            elif (_SIGNED.match(first) or _ROLE_COLON.match(first) or _CAPS_NAME.match(first)
                  or _SPACED_NAME.match(first) or caps_title_signature(first)) and not (
                    signed and _SIGNED.match(signed[-1]) and not _SIGNED.match(first)):
                close_signed()
                signed.append(text)
            else:
                signed.append(text)
        close_signed()
        for block in blocks:
            if block.kind == "transmission":
                block.content = self._inline.parse("\n".join(transmission))
        # Transmission notes and annotations come after the closer proper.
        order = {"transmission": 1, "annotation": 1}
        return sorted(blocks, key=lambda b: order.get(b.kind, 0))

    def _date_and_surname(self, text: str) -> list[Block]:
        """`13/5-50. Roshchin`: the closer's dateline and the signature. The year has two digits, so
        the date is read only where the page's date has them: it alone tells the century."""
        line = text.strip()
        match = _date_surname(line)
        date_text = match["date"] + match["stop"]
        content: list = self._inline.parse(date_text)
        year = short_year(match["year"], self.page_date)
        value = None if year is None else calendar_day(match["date"], year, int(match["month"]), int(match["day"]))
        if value is not None:  # a day the calendar has: `31/2-50` stays text, with no date read
            content = [Text(date_text, [DateSpan(0, len(match["date"]), value)])]
        gap = line[len(date_text):match.start("name")]
        dateline = Block("closing-date", content, gap_after=gap)
        signed = self._signed_block([match["name"]])
        signed.speaker_cert = "medium"  # a surname after the date, the cable's signer: a likely reading
        return [dateline, signed]

    def _signed_block(self, texts: list[str]) -> Block:
        text = "\n".join(texts)
        block = Block("signed", self._inline.parse(text))
        lines = [LAYOUT_SQUARES.sub("", l).strip() for l in text.split("\n")]
        # The certainty of each reading (docs/encoding.md, Certainty): a name between slashes or after
        # "Signed:" is explicit; a line in capitals, a role before a colon, a title before a name or the
        # line after a bare "Signed" is a likely reading; any other line taken as the name is a guess.
        name, role, name_cert, role_cert = "", "", "", ""
        labelled = False
        titled_above = False
        taken = 0  # the lines a title and a name read together end at
        for number, line in enumerate(lines):
            if number < taken:
                continue
            slashed = _SLASHED_NAME.match(line)
            signed = _SIGNED.match(line)
            titled_caps = caps_title_signature(line) if not name and not role else None
            titled_mixed = None
            if not name and not role and not titled_caps:
                # the title and the name on one line, or the title on the line above the name
                for end in (number + 1, number + 2, number + 3):
                    if end <= len(lines) and (titled_mixed := title_mark_name("\n".join(lines[number:end]))):
                        taken = end
                        break
            if titled_caps or titled_mixed:
                # the title and the name after it, a signature's mark between or none: both likely readings
                role, name = titled_caps or titled_mixed
                role_cert = name_cert = "medium"
            elif slashed:
                name, name_cert = slashed.group("name"), ""
            elif signed and signed.group("name"):
                name, name_cert = signed.group("name"), ""
            elif (_CAPS_NAME.match(line) or _SPACED_NAME.match(line)) and not name:
                name, name_cert = line, "medium"
            elif _ROLE_COLON.match(line):
                role, role_cert = line[:-1].strip(), "medium"
            elif _is_date_line(line) or _is_place_date(line) or _SIGNATURE_NUMBER.match(line):
                continue  # the signature's date or number: a date, never the signer's name or title
            elif (not name and not role and number < len(lines) - 1 and _SIGNER_TITLE.match(line)
                    and re.search(r"\s(?:of|in|to|at|for)\s", line)):
                # the title above the name (`Ambassador of the USSR in the DPRK`): the next line is the name
                role, role_cert, titled_above = line, "medium", True
            elif line and not signed and (not line.startswith("[") or _INSTITUTION.match(_unbracketed(line))):
                titled = _ROLE_WORDS.match(line)
                if name and not role:
                    if _is_sentence(line):
                        continue  # a sentence after the name is no title of the signer's
                    role, role_cert = line, "medium"
                elif titled and not name:
                    role, name = titled.group("role").strip(), titled.group("name").strip()
                    name_cert = role_cert = "medium"
                elif not name:
                    name, name_cert = line, "medium" if labelled or titled_above else "low"
            labelled = bool(signed) and not signed.group("name")
        name = name.strip(" ,.")
        if _INSTITUTION.match(_unbracketed(name)) and not role:
            block.org = name  # an institution signs: an orgName, never a person
            block.org_cert = name_cert
        else:
            block.speaker, block.role = name, role
            block.speaker_cert = name_cert if block.speaker else ""
            block.role_cert = role_cert if role else ""
        return block

