"""One date value for every stage: the text as written and what could be read from it.

The reader makes them (`readers/dates.py`), the encoder writes them into the TEI, and the exports
read them back from a header (`DateValue.from_element`). Their TEI attributes are computed here
only (`attributes`), so the writer and the exports cannot disagree on how a date is dated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True)
class DateValue:
    """A date as written, with ISO 8601 values for TEI's att.datable (`when`, `notBefore`/`notAfter`,
    `from`/`to`) and `cert` "low" when the text could be read another way (`05.04.1973`: day and
    month may be swapped)."""

    text: str = ""
    when: str = ""
    not_before: str = ""
    not_after: str = ""
    from_: str = ""
    to: str = ""
    cert: str = ""

    @classmethod
    def from_element(cls, element: etree._Element | None) -> "DateValue | None":
        """The value of a TEI `date` (or any att.datable element); None for None."""
        if element is None:
            return None
        return cls(" ".join("".join(element.itertext()).split()), element.get("when", ""),
                   element.get("notBefore", ""), element.get("notAfter", ""), element.get("from", ""),
                   element.get("to", ""), element.get("cert", ""))

    @property
    def known(self) -> bool:
        """Whether anything could be read from the text (a day, or a start of a range)."""
        return bool(self.when or self.not_before or self.from_)

    def attributes(self, *, cert: bool = True) -> dict[str, str]:
        """The TEI attributes, in the order they are written; empty ones left out. `cert=False`
        leaves out the certainty, for formats whose schema has no place for it."""
        pairs = {"when": self.when, "notBefore": self.not_before, "notAfter": self.not_after,
                 "from": self.from_, "to": self.to, "cert": self.cert if cert else ""}
        return {name: value for name, value in pairs.items() if value}

    @property
    def iso(self) -> str:
        """One ISO 8601 value: the day, or the month/year a range covers, or `start/end`."""
        if self.when:
            return self.when
        start, end = self.not_before or self.from_, self.not_after or self.to
        if re.fullmatch(r"\d{4}-01-01", start) and end == start[:4] + "-12-31":
            return start[:4]
        if re.fullmatch(r"\d{4}-\d{2}-01", start) and end[:7] == start[:7] and end[8:] in ("28", "29", "30", "31"):
            return start[:7]
        if start and end:
            return f"{start}/{end}"
        return start or end

    @property
    def sort_key(self) -> str:
        """The earliest date the value gives, for sorting; "" when none was read."""
        return self.when or self.not_before or self.from_ or self.not_after or self.to
