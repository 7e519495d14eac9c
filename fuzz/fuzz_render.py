"""Fuzz the render path: any bytes -> `parse_untrusted` -> HTML and plain text through `tei.render`.
Only the project's own errors may come out.

Random bytes are rarely well-formed TEI, so half the inputs (first byte odd) are spliced into the
body of a real TEI document: that way the stylesheets, not only the parser, see strange markup.

    .venv/bin/python fuzz/fuzz_render.py WORK-DIR tests/golden -dict=fuzz/tei.dict -max_total_time=600
"""

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["tei"]):
    from tei.core.errors import TeiEditionError
    from tei.render import render

ROOT = Path(__file__).resolve().parent.parent
HOST_BEFORE, _, HOST_AFTER = (ROOT / "tests" / "golden" / "000_f425829870b8b895.xml").read_bytes().partition(b"<body>")
#: `render` reads a file (its folder bounds what document() may read): one private folder per run.
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-render-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
DOCUMENT = FOLDER / "fuzzed.xml"


def document_of(data: bytes) -> bytes:
    if data[:1] and data[0] % 2:
        return HOST_BEFORE + b"<body>" + data[1:] + HOST_AFTER
    return data


def test_one_input(data: bytes) -> None:
    DOCUMENT.write_bytes(document_of(data))
    for to in ("html", "txt"):
        try:
            render(DOCUMENT, to)
        except TeiEditionError:
            return


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
