"""Fuzz the validator: any bytes -> `Validator.validate_file` with the project's schemas and tei_all.
Validation reports every problem as a message, so nothing at all may be raised, and every message
must name the file and a line.

As in `fuzz_render.py`, half the inputs (first byte odd) are spliced into the body of a real TEI
document, so that the RELAX NG, XSD and Schematron checks, not only the parser, see strange markup.

    .venv/bin/python fuzz/fuzz_validate.py WORK-DIR tests/golden -dict=fuzz/tei.dict -max_total_time=600
"""

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["tei"]):
    from tei.core.errors import SchemaError
    from tei.validate.validator import PROJECT, Validator, find_tei_all

ROOT = Path(__file__).resolve().parent.parent
HOST_BEFORE, _, HOST_AFTER = (ROOT / "tests" / "golden" / "000_f425829870b8b895.xml").read_bytes().partition(b"<body>")
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-validate-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
DOCUMENT = FOLDER / "fuzzed.xml"


def _validators() -> list[Validator]:
    """The project's schemas always; tei_all too where it can be found (it is not in the package)."""
    try:
        find_tei_all()
    except SchemaError:  # no tei_all here: fuzz the project's schemas alone
        return [Validator([PROJECT])]
    return [Validator([PROJECT]), Validator(["tei-all"])]


VALIDATORS = _validators()


def document_of(data: bytes) -> bytes:
    if data[:1] and data[0] % 2:
        return HOST_BEFORE + b"<body>" + data[1:] + HOST_AFTER
    return data


def test_one_input(data: bytes) -> None:
    DOCUMENT.write_bytes(document_of(data))
    for validator in VALIDATORS:
        for message in validator.validate_file(DOCUMENT):
            if message.file != str(DOCUMENT) or not isinstance(message.line, int) or "\n" in message.message:
                raise AssertionError(f"malformed message: {message!r}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
