"""How long `tei-edition validate` takes on 1,000 files: schemas compiled once, then per file.

    .venv/bin/python bench/validate_1000.py [--tei-all]

Copies tests/data/validate/valid-telegram.xml and the golden files to 1,000 files in a temporary
folder and runs the command's library path (Validator.validate_paths) over them.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from tei.validate.validator import Summary, Validator

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "tests/data/validate/valid-telegram.xml", *sorted((ROOT / "tests/golden").glob("*.xml"))]


def main() -> None:
    schemas = ["tei-all"] if "--tei-all" in sys.argv else ["tei-edition"]
    with tempfile.TemporaryDirectory() as folder:
        for i, source in enumerate(islice(cycle(SOURCES), 1000)):
            shutil.copy(source, Path(folder) / f"{i:04}.xml")
        started = time.perf_counter()
        validator = Validator(schemas)
        compiled = time.perf_counter()
        summary = Summary()
        for _, messages in validator.validate_paths([folder]):
            summary.add(messages)
        done = time.perf_counter()
    print(f"{schemas[0]}: compile {compiled - started:.1f} s, 1,000 files {done - compiled:.1f} s "
          f"({(done - compiled):.1f} ms per file); {summary}")


if __name__ == "__main__":
    main()
