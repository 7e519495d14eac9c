"""The archive samples beyond the seeds: the project's samples/, else ../shared/samples (or
$TEI_EDITION_SAMPLES); tests that use them skip when there are none."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import ROOT


def samples_folder() -> Path | None:
    candidates = [os.environ.get("TEI_EDITION_SAMPLES"), ROOT / "samples", ROOT.parent / "shared" / "samples",
                  ROOT.parent.parent / "shared" / "samples"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.txt")):
            return Path(candidate)
    return None


def sample_paths() -> list[Path]:
    folder = samples_folder()
    return sorted(folder.glob("*.txt")) if folder else []
