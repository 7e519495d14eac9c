"""Fuzz the reader: any bytes -> `convert_bytes`. Only the project's own errors may come out, and
what comes out must be well-formed XML.

    .venv/bin/python fuzz/fuzz_reader.py fuzz/corpus/reader -max_total_time=600   (see fuzz/README.md)
"""

import sys

import atheris

with atheris.instrument_imports(include=["tei"]):
    from lxml import etree

    from tei.convert.pipeline import convert_bytes
    from tei.core.errors import TeiEditionError


def test_one_input(data: bytes) -> None:
    try:
        tei, _ = convert_bytes(data, "fuzzed.txt")
    except TeiEditionError:
        return
    etree.fromstring(tei)  # the converter's output is always well-formed


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
