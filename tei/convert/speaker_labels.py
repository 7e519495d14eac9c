"""The wording of a speaker's label that more than one step of the conversion reads.

The body reader (`readers/body.py`) uses it to give a speaker's later turns the full name, and the
name tagger (`names.py`) to keep the declared short name out of the names it tags; both take it
from here, so the tagger depends on no reader.
"""

from __future__ import annotations

import re

#: The parenthesis of a turn's label that declares the short name of its later turns:
#: `Deng Xiaoping (to be abbreviated as Deng): ...`, then `Deng: ...`.
SHORT_NAME_DECLARED = re.compile(
    r"(?:to be |hereafter |henceforth |hereinafter )?(?:abbreviated as|referred to as|called)\s+(?P<short>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2})")
