"""Structure inside metadata values: credits, archival signatures, published sources, document
types, classifications, and who wrote to whom.

Each function takes the text the archive gives and returns model objects; none of them guesses
more than the text says, and the value as given is always kept by the caller.
"""

from __future__ import annotations

import functools
import re

from ...core.vocabulary import CLASSIFICATIONS, DOCUMENT_TYPES  # noqa: F401 (imported from here by the reader)
from .dates import MONTH_PATTERN
from ..model import Agent, ArchivalSource, Correspondence, Document, Metadata, PublishedSource, Responsibility, text_of

#: Types whose documents are sent by someone to someone (they get a `correspDesc`).
CORRESPONDENCE_TYPES = {"Telegram", "Cable", "Letter", "Message"}

_TITLE_TYPES = [
    (r"\bmemorandum of (?:a )?conversation\b|\brecord of (?:a |the )?conversation\b|\bconversation\b", "Memorandum of Conversation"),
    (r"\btelegram\b|\bciphered telegram\b", "Telegram"),
    (r"\bcable\b", "Cable"),
    (r"\bletter\b", "Letter"),
    (r"\b(?:telephone )?message\b|\bphonogram\b", "Message"),
    (r"\bmemorandum\b|\bmemo\b", "Memorandum"),
    # "Protocol of the extraordinary meeting of ...": a meeting's record, not a treaty's protocol
    (r"\bminutes\b|\bprotocol of (?:the |a |an )?(?:[\w-]+ ){0,3}(?:meeting|session|sitting|conference|plenum)\b", "Minutes"),
    (r"\breport\b", "Report"),
    (r"\bspeech\b|\baddress by\b", "Speech"),
    (r"\bdiary\b|\bjournal\b", "Diary"),
    (r"\bresolution\b", "Resolution"),
    (r"\bdecree\b", "Decree"),
    (r"\bdirective\b", "Directive"),
    (r"\binstructions?\b", "Instruction"),
    (r"\binformation\b", "Information"),
    (r"\btranscript\b", "Transcript"),
    (r"\bstatement\b", "Statement"),
    (r"\bagreement\b|\btreaty\b", "Agreement"),
    # "Notes from a Meeting of the Politburo"; "Notes of a Conversation" is the conversation's above
    (r"\bnotes?\b", "Note"),
    # "Talks between Todor Zhivkov and John Whitehead", "Discussion between Zhou Enlai and Le Duan":
    # a conversation's record, where the title names no other kind ("Minutes of Talks ..." are minutes)
    (r"\b(?:talks|discussions?|meeting|exchange of views) between\b", "Memorandum of Conversation"),
]

_ORG_WORDS = re.compile(
    r"\b(?:Embassy|Ministry|Ministries|Committee|Department|Directorate|Direction|Party|Government|Council|"
    r"Legation|Consulate|Office|Bureau|Politburo|Secretariat|Commission|Presidium|Section|Division|"
    r"Agency|Mission|Delegation|Headquarters|Command|Army|Institute|Academy|Union|Front|Central|CC)\b"
)
_PERSON_TITLES = r"(?:Comrade|Director|Mr\.|Mrs\.|Ms\.|Dr\.|Ambassador|Minister|Chairman|Premier|President|General|Marshal|Secretary|Counselor|Counsellor)"


def parse_credits(credit: str) -> list[str]:
    """The funders named in "This document was made possible with support from X and Y"."""
    match = re.search(r"support (?:from|of)\s+(?:the\s+)?(.+?)\.?\s*$", credit, re.IGNORECASE | re.DOTALL)
    if not match:
        return []
    return split_funders(match.group(1))


def split_funders(names: str) -> list[str]:
    """"MacArthur Foundation and Henry Luce Foundation" -> the two names."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=the\s+|[A-Z])", names)
    return [re.sub(r"\s+", " ", n).strip() for n in parts if n.strip()]


#: words that end (or head) the name of a funding body
_FUNDER_WORDS = re.compile(
    r"\b(?:Foundation|Fund|Corporation|Endowment|Trust|Council|Ministry|Institute|Programme|Program|Society|"
    r"Agency|Government|Bank|University|Center|Centre|Department|Embassy|Association|Academy|Commission)\b")


def funder_line(line: str, known: list[str]) -> list[str]:
    """The funders a bare line names ("MacArthur Foundation and Henry Luce Foundation"), or [] when the
    line is not a list of funders: a sentence, a long line, or a name that is not an institution's."""
    text = re.sub(r"\s+", " ", line).strip()
    if not text or len(text.split()) > 24 or text.endswith((".", ":", ";")) or "\n" in line.strip():
        return []
    names = split_funders(text)
    if names and all(name in known or _FUNDER_WORDS.search(name) for name in names):
        return names
    return []


def normalise_doc_type(value: str) -> str:
    for name in DOCUMENT_TYPES:
        if value.strip().lower() == name.lower():
            return name
    return doc_type_from_title(value) or "Other"


#: a diary or journal the title names as where the text was kept: "Excerpts from Tsedenbal's Diary ...",
#: "From the Journal of M. G. Podol'sky, 'Record of a Conversation ...'", "Journal of Ambassador ..."
_KEPT_IN = re.compile(r"\b(?:diary|diaries|journal|notebook)\b")


def doc_type_from_title(title: str) -> str:
    """The kind of document the title names; a diary or journal named before any other kind is the
    record's kind (the conversation it records is its content)."""
    lowered = title.lower()
    kept = _KEPT_IN.search(lowered)
    if kept:
        others = [m.start() for pattern, name in _TITLE_TYPES if name != "Diary"
                  for m in [re.search(pattern, lowered)] if m]
        if not others or kept.start() < min(others):
            return "Diary"
    for pattern, name in _TITLE_TYPES:
        if re.search(pattern, lowered):
            return name
    return ""


def normalise_classification(value: str) -> str:
    cleaned = re.sub(r"[^a-z ]", "", value.lower()).strip()
    for name in sorted(CLASSIFICATIONS, key=len, reverse=True):
        if cleaned == name.lower():
            return name
    return classification_from_title(value) or value.strip().title()


#: the documents a classification may head in a title ("Confidential Report on ...")
_CLASSIFIED_NOUNS = (r"(?:Report|Telegram|Cable|Memorandum|Letter|Note|Message|Information|Record|Minutes|Directive|"
                     r"Instruction|Dispatch|Despatch|Circular|Summary|Resolution|Decision|Order)s?")


def classification_from_title(title: str) -> str:
    """A classification written in capitals in the title ("Telegram ..., SECRET, No. 61.530"), or
    in title case heading a kind of document at the start of the title or of one of its parts
    ("Confidential Report on ...", "..., Top Secret Telegram"): not "Khrushchev's Secret Speech" nor
    "on the Secret Report", which name another document. Read from a title, it is a likely reading."""
    for name in sorted(CLASSIFICATIONS, key=len, reverse=True):
        if re.search(rf"\b{name.upper()}\b", title):
            return name
    for name in sorted(CLASSIFICATIONS, key=len, reverse=True):
        if re.search(rf"(?:^|[,:;(]\s*|[\u2013\u2014-]\s+){name}\s+{_CLASSIFIED_NOUNS}\b", title.strip()):
            return name
    return ""


# -- sources -------------------------------------------------------------------------------

_RESP_SENTENCE = re.compile(
    r"(?P<what>(?:Obtained|Translated|Contributed|Donated|Transcribed|Edited|Provided)"
    r"(?:(?:,\s*|,?\s+and\s+)(?:translated|obtained|transcribed|edited|contributed))*)"
    r"(?:\s+for\s+(?P<org>[A-Z][\w&.\- ]*?))?\s+by\s+(?P<who>(?:[A-Z]\.\s*)*[^.;]+?(?:\s[A-Z]\.)*[^.;]*?)"
    r"(?:(?=\s+and\s+(?:translated|obtained|transcribed|edited)\s)|(?<!\s[A-Z])\.|;|$)",
    re.IGNORECASE,
)
_UNIT = re.compile(
    r"^(?:f|fond|fonds|op|opis|d|delo|ll?|list|listy|folder|matter|file|box|dossier|a\.e|ae|"
    r"arkhivna edinitsa|inv|inventory|vol|volume|reel|series|sheet|fasc|folio|fol|t|k|ed\. khr|"
    r"sig|signature|sygn|no|nr|record group|rg|record|opis'|razdel|papka|fascicle)(?![a-z])\.?\s*[\w\-/]*\d",
    re.IGNORECASE,
)
_PAGES = re.compile(r"^(?:pp?\.|pages?)\s*[\dIVXivx][\w\-–, ]*$", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"^(?P<author>[^,()]+?),\s*(?P<title>.+?)\s*\((?P<place>[^:()]+):\s*(?P<publisher>[^()]+?),\s*(?P<date>\d{4})\)"
    r"(?:,\s*(?P<pages>(?:pp?\.|pages?)\s*[\w\-–, ]+?))?\.?$"
)
_COPY = re.compile(r"\b(?:A copy (?:may )?(?:also )?(?:be )?(?:is )?accessible in|A copy (?:is )?(?:also )?(?:held |kept )?in|Also (?:available )?in|Copy in)\s+", re.IGNORECASE)


def parse_source(meta: Metadata, archive: str) -> None:
    """Fill responsibilities and the archival or published source from the source text."""
    text = meta.source_text
    if not text:
        if meta.original_archive:
            meta.archival_source = ArchivalSource(repository=meta.original_archive)
        return
    for match in _RESP_SENTENCE.finditer(text):
        what = match.group("what").lower()
        org = (match.group("org") or "").strip()
        for who in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("who")):
            who = who.strip().rstrip(".")
            if not who:
                continue
            for resp in re.split(r",\s*(?:and\s+)?|\s+and\s+", what):
                meta.responsibilities.append(Responsibility(resp=resp.strip().capitalize() + " by", name=who, for_org=org))
    description = _source_description(text, archive)
    published = _PUBLISHED.match(description)
    if published:
        meta.published_source = PublishedSource(
            author=published.group("author").strip(), title=published.group("title").strip(),
            place=published.group("place").strip(), publisher=published.group("publisher").strip(),
            date=published.group("date"), pages=(published.group("pages") or "").strip(),
        )
        if meta.original_archive:
            meta.archival_source = ArchivalSource(repository=meta.original_archive)
    elif description or meta.original_archive:
        meta.archival_source = parse_archival(description, meta.original_archive)


#: the names the archive's citations have gone by, besides today's: the earlier site's
#: "History and Public Policy Program Digital Archive", the older "Cold War International History Project"
_ARCHIVE_NAMES = re.compile(r"\b(?:History and Public Policy Program|Cold War International History Project)"
                            r"(?: \(CWIHP\))?,? Digital Archive\b")


def _source_description(text: str, archive: str) -> str:
    """The archive's description of the original: the citation without its title, date,
    archive name, responsibility sentences and URL."""
    text = re.sub(r"<?https?://\S+>?", "", text)
    if archive in text:
        text = text.split(archive, 1)[1].lstrip(" ,")
    else:
        named = _ARCHIVE_NAMES.search(text)
        if named:
            text = text[named.end():].lstrip(" ,")
    first_resp = _RESP_SENTENCE.search(text)
    if first_resp:
        text = text[: first_resp.start()]
    return re.sub(r"\s+", " ", text).strip(" .,;")


#: The commas of a date (`September 23, 1978`, `Saturday, September 23, 1978`, `Sept. 23rd, 1978`): the
#: text up to the comma and the text after it; a comma between them is no part's end.
_DATE_BEFORE_COMMA = re.compile(rf"\b(?:{MONTH_PATTERN}\s*\d{{1,2}}(?:st|nd|rd|th)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$")
_DATE_AFTER_COMMA = re.compile(rf"\s*(?:\d{{4}}\b|{MONTH_PATTERN}\s*\d{{1,2}}\b)")


def _in_a_date(text: str, comma: int) -> bool:
    """The comma at `comma` is a date's (`September 23, 1978`), not one between two parts."""
    return bool(_DATE_BEFORE_COMMA.search(text, max(0, comma - 30), comma) and _DATE_AFTER_COMMA.match(text, comma + 1))


def _split_commas(text: str) -> list[str]:
    """The parts of a citation between its commas, not those inside brackets, quotes or a date."""
    parts, depth, current = [], 0, []
    quoted = False
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in '"\u201c\u201d':
            # A quoted title may hold commas ("Documents on Irish Foreign Policy,"): one part.
            quoted = char == "\u201c" or (char == '"' and not quoted)
        if char == "," and depth == 0 and not quoted and not _in_a_date(text, index):
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def parse_archival(description: str, repository: str = "") -> ArchivalSource:
    """`RGASPI, f. 558, op. 11, d. 109, ll. 0113` -> repository and idno, and so on. A `repository` the
    page names ("Original Archive") is the repository; where the description names it too, in full or
    by the abbreviation in its brackets ("BArch" for "German Federal Archives (BArch)"), that part is not
    repeated in the collection."""
    main, *copies = _COPY.split(description, maxsplit=1)
    source = _archival_parts(main.strip(" .,;"), repository)
    for copy in copies:
        source.alternates.append(_archival_parts(copy.strip(" .,;")))
    return source


#: a signature without a unit word: capitals, digits and separators, with a digit ("A/PV.751", "B 136/59748")
_SIGNATURE = re.compile(r"(?=[^a-z]*\d)[A-Z\d][A-Z\d./\- ]{0,24}")
#: an abbreviated archive followed by its signature: "PRC FMA 118-01082-04"
_ABBREVIATED_REPOSITORY = re.compile(r"(?P<repository>(?:[A-Z][A-Za-z]*[A-Z]\s+)*[A-Z][A-Za-z]*[A-Z])\s+(?P<idno>\d[\d./\-]*)")


def _names_repository(part: str, repository: str) -> bool:
    folded = part.strip().lower()
    abbreviations = [a.strip().lower() for a in re.findall(r"\(([^()]+)\)", repository)]
    return folded == repository.strip().lower() or folded in abbreviations


def _archival_parts(text: str, repository: str = "") -> ArchivalSource:
    parts = _split_commas(text)
    source = ArchivalSource()
    if repository:
        source.repository = repository
        parts = ["", *(part for part in parts if not _names_repository(part, repository))]
    if not parts:
        return source
    if not repository:
        abbreviated = _ABBREVIATED_REPOSITORY.fullmatch(parts[0])
        if abbreviated:
            source.repository = abbreviated.group("repository")
            parts = ["", abbreviated.group("idno"), *parts[1:]]
        else:
            source.repository = parts[0]
    idno, collection = [], []
    for index, part in enumerate(parts[1:], start=1):
        if not part:
            continue
        if _PAGES.match(part):
            source.pages = part
        elif _UNIT.match(part) or _SIGNATURE.fullmatch(part):
            idno.append(part)
        elif index == 1 and re.fullmatch(r"[A-Z][a-zà-ž\-]+(?: [A-Z][a-zà-ž\-]+)?", part):
            source.settlement = part
        else:
            collection.append(part)
    source.idno = ", ".join(idno)
    if collection:
        source.collection = [", ".join(collection)]
    return source


# -- correspondence ------------------------------------------------------------------------

#: a function, then a person's initials and surname: "First Secretary of the ... Central Committee A. Khavari"
_ROLE_AND_PERSON = re.compile(r"(?P<role>.+?)\s+(?P<name>(?:[A-Z]\.\s*){1,3}[A-Z][\w'\u2019\-]+)")


def classify_agent(name: str) -> Agent:
    name = name.strip(" ,.;")
    role_and_person = _ROLE_AND_PERSON.fullmatch(name)
    if role_and_person:
        # The office names an organisation, but the party is the person holding it.
        return Agent(name=role_and_person.group("name"), kind="persName", role=role_and_person.group("role"))
    if _ORG_WORDS.search(name):
        return Agent(name=name, kind="orgName")
    if re.fullmatch(r"[A-Z][a-z\-]+", name):
        # One word is a town ("from Pyongyang") as often as a surname ("from Shtykov"): a place only
        # when the places register knows it, else a name of unknown kind (rs), never a guessed one.
        return Agent(name=name, kind="placeName" if name.casefold() in _known_places() else "rs")
    if re.fullmatch(r"[A-Z][A-Z\-]+(?: [A-Z][A-Z\-]+)?", name) and name.casefold() in _known_places():
        # a telegram's From line in capitals, `FROM: PYONGYANG`: the town it was sent from
        return Agent(name=name, kind="placeName")
    return Agent(name=name, kind="persName")


def known_place(name: str) -> bool:
    """Whether the places register knows the name (a main or variant form, case folded)."""
    return name.casefold() in _known_places()


@functools.lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """Every name (main and variant) of the package's places register, case-folded."""
    from ...core.registers import Registers

    places = (e for e in Registers.package().entries.values() if e.kind == "place")
    return frozenset(form.casefold() for entry in places for form in entry.forms + entry.generic)


def _place_of(agent_name: str) -> str:
    match = re.search(r"\b(?:in|at)\s+([A-Z][a-z\-]+(?: [A-Z][a-z\-]+)?)$", agent_name)
    return match.group(1) if match else ""


#: a party of the title with the place it wrote from or was in: "Maneli (Saigon)"
_PARTY_AND_PLACE = re.compile(r"(?P<party>.+?)\s*\((?P<place>[A-Z][a-z\-]+(?: [A-Z][a-z\-]+)?)\)")


def _party_and_place(name: str) -> tuple[str, str]:
    """"Maneli (Saigon)" -> Maneli, Saigon: a town in brackets after the party (not a title, not an
    organisation's word); the party and no place otherwise."""
    match = _PARTY_AND_PLACE.fullmatch(name.strip())
    if match is None or re.fullmatch(_PERSON_TITLES, match.group("place")) or _ORG_WORDS.search(match.group("place")):
        return name, ""
    return match.group("party"), match.group("place")


def _title_parties(title: str) -> tuple[str, str | None] | None:
    # A party never runs over a comma or into a quoted title ("..., 'Instruction to Diplomatic Posts'").
    sender = r"((?:(?!,|(?<!\w)['\u2018\"\u201c]).)+?)"
    recipient = r"((?:(?![,(]|(?<!\w)['\u2018\"\u201c]).)+?)"
    match = re.search(rf"\bfrom\s+{sender}\s+to\s+{recipient}(?:,|\s*\(|$|\s*['\u2018\"\u201c])", title)
    if not match:
        match = re.search(rf",\s*{sender}\s+to\s+{recipient}(?:,|\s*\(|$)", title)
    if not match:
        # "Cable from the Chinese Foreign Ministry, 'Instruction to ...'": a sender, no recipient
        alone = re.search(rf"\bfrom\s+{sender}(?:,|\s*\(|$|\s*['\u2018\"\u201c])", title)
        return (alone.group(1).strip(), None) if alone else None
    return match.group(1).strip(), match.group(2).strip()


#: an editor's addition in square brackets after a party of the title ("Stalin [via Kuznetsov]")
_BRACKETED = re.compile(r"\s*\[([^\[\]]*)\]")
#: who passed a message on: "via Kuznetsov", "through the Embassy"
_VIA = re.compile(r"(?:via|through|c/o|care of)\s+(?P<name>\S.*)", re.IGNORECASE)


def _party_and_intermediaries(name: str) -> tuple[str, list[str]]:
    """A party of the title without the editor's bracketed additions, which are not part of its name,
    and the intermediaries they or the words after `via` name: "Stalin [via Kuznetsov]" -> Stalin, [Kuznetsov]."""
    intermediaries = []
    for addition in _BRACKETED.findall(name):
        via = _VIA.fullmatch(addition.strip())
        if via:
            intermediaries.append(via.group("name").strip(" ,.;"))
    party, _, intermediary = _BRACKETED.sub("", name).strip().partition(" via ")
    intermediaries.insert(0, intermediary.strip(" ,.;"))
    return party.strip(), [i for i in intermediaries if i]


def _same_person(agent: Agent, other: Agent) -> bool:
    """Whether a fuller form names the same party ("F. Kuznetsov" and "Kuznetsov"): the same last word."""
    last, other_last = agent.name.split()[-1:], other.name.split()[-1:]
    return bool(last) and last[0].casefold() == "".join(other_last).casefold()


#: An office alone, no name with it: `Deputy Foreign Minister`, `Ambassador of the USSR in the DPRK`.
_OFFICE_ALONE = re.compile(
    r"^(?:[A-Z][\w’'\-]*\s+){0,2}(?:(?:Acting|Deputy|First|Second|Third|Vice)[\s\-]+)*"
    r"(?:Ambassador|Minister|Charg[eé] d[’']Affaires|Chairman|Secretary|Head|Director|Consul(?:[- ]General)?|"
    r"Counsel+or|Attach[eé]|Envoy|Commander|Chief|President|Premier)(?:\s+(?:of|in|to|at|for)\s.*)?$",
    re.IGNORECASE | re.DOTALL)


def _names_in_address(line: str) -> list[Agent]:
    """`To Direction I Relations, to Comrade Director Ion Ciubotaru` -> the org and the person; the
    office after a person's name (`To: Comrade N. Ghenea, Deputy Foreign Minister`, on the next
    line or the same) is that person's, no second addressee."""
    line = re.sub(r"^(?:To|to)\s*:?\s*", "", line.strip())
    agents: list[Agent] = []
    for part in re.split(r",\s*(?:to\s+)?|\s+(?=Comrade\b)", line):
        part = part.strip(" ,.:\n")  # `To the Foreign Ministry:`: the colon ends the line, not the name
        if not part:
            continue
        if agents and agents[-1].kind == "persName" and _OFFICE_ALONE.match(part):
            agents[-1].role = agents[-1].role or " ".join(part.split())
            continue
        person = re.search(rf"(?:{_PERSON_TITLES}\s+)+(?P<name>(?:[A-Z][\w.\-’']*\s*){{1,4}})$", part)
        if person:
            agents.append(Agent(name=person.group("name").strip(), kind="persName"))
        else:
            agents.append(classify_agent(re.sub(r"^the\s+", "", part, flags=re.IGNORECASE)))
    return agents


def _merge_agents(known: list[Agent], found: list[Agent]) -> list[Agent]:
    """Add agents from the text; a fuller form ("... (First Directorate)") replaces a shorter one."""
    merged = list(known)
    for agent in found:
        if not agent.name:
            continue
        merged = [a for a in merged if not agent.name.startswith(a.name)]
        if not any(a.name.startswith(agent.name) for a in merged):
            merged.append(agent)
    return merged


def parse_correspondence(doc: Document, body) -> Correspondence | None:
    """Sender and recipient of a telegram, letter or message, from its title, its To/From lines
    and its signature; None for other document types or when nobody is named."""
    meta = doc.metadata
    if meta.doc_type not in CORRESPONDENCE_TYPES:
        return None
    corr = Correspondence()
    parties = _title_parties(meta.title)
    if parties:
        for name, found, side in zip(parties, (corr.senders, corr.recipients), ("sent", "received")):
            if not name:
                continue
            name, intermediaries = _party_and_intermediaries(name)
            name, place = _party_and_place(name)
            for party, into in ((name, found), *((i, corr.intermediaries) for i in intermediaries)):
                if party:
                    agent = classify_agent(re.sub(r"^the\s+", "", party))
                    agent.cert = "medium"  # "from X to Y" in a title: a likely reading
                    if place and into is found and agent.kind == "rs":
                        agent.kind = "persName"  # "Maneli (Saigon)": one who is at a place
                    into.append(agent)
            if place and side == "sent":
                corr.sent_place = place
            elif place:
                corr.received_place = place
        corr.source = "title"
    for block in doc.body:
        text = text_of(block.content)
        if block.kind == "from":
            agent = classify_agent(re.sub(r"^From\s*:?\s*(?:the\s+)?", "", text, flags=re.IGNORECASE))
            corr.senders = _merge_agents(corr.senders, [agent])
        elif block.kind == "to" and block.speaker:
            # an addressee read from the shape of its line (`FENG XI [STALIN]`): a likely reading,
            # the title's form kept where it names the same one
            if not any(a.name.casefold() == block.speaker.casefold() for a in corr.recipients):
                corr.recipients = _merge_agents(corr.recipients, [Agent(block.speaker, "persName", cert="medium")])
            corr.received_place = corr.received_place or block.place
        elif block.kind == "to":
            if corr.recipients and all(a.kind == "placeName" for a in corr.recipients):
                corr.received_place = corr.received_place or corr.recipients[0].name
                corr.recipients = []
            addressed = _names_in_address(text)
            # the To line of a message sent through someone names the intermediary: a fuller form of the title's
            passing = [a for a in addressed if any(_same_person(a, i) for i in corr.intermediaries)]
            for agent in passing:
                agent.cert = "medium"  # the title says what part the person had
                corr.intermediaries = [agent if _same_person(agent, i) else i for i in corr.intermediaries]
            corr.recipients = _merge_agents(corr.recipients, [a for a in addressed if a not in passing])
        elif block.kind == "address":
            last = re.sub("[\u25a1\\s]+", " ", text.split("\n")[-1]).strip()
            if re.fullmatch(r"[A-Z][a-z\-]+(?: [A-Z][a-z\-]+)?", last):
                corr.received_place = corr.received_place or last
    signers = [b.speaker for b in doc.body if b.kind == "signed" and b.speaker]
    for agents, side in ((corr.senders, "sent_place"), (corr.recipients, "received_place")):
        places = [a for a in agents if a.kind == "placeName"]
        if places and len(places) < len(agents):
            # a person and a place (`Shtykov` in the title, `FROM: PYONGYANG`): the place is where
            # the person sent it from or received it, no party of its own
            setattr(corr, side, getattr(corr, side) or places[0].name)
            agents[:] = [a for a in agents if a.kind != "placeName"]
    if corr.senders and all(a.kind == "placeName" for a in corr.senders):
        corr.sent_place = corr.senders[0].name
        corr.senders = [Agent(name=s, kind="persName", cert="medium") for s in signers]  # the signer sent it
    if corr.recipients and all(a.kind == "placeName" for a in corr.recipients):
        corr.received_place = corr.recipients[0].name
        corr.recipients = []
    for agent in corr.senders:
        corr.sent_place = corr.sent_place or _place_of(agent.name)
    for agent in corr.recipients:
        corr.received_place = corr.received_place or _place_of(agent.name)
    if not (corr.senders or corr.recipients or corr.sent_place or corr.received_place):
        return None
    return corr
