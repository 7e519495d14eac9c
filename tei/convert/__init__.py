"""The convert stage: source text → document model (`readers/`, `model.py`) → TEI (`encoder.py`),
names linked to the registers (`names.py`), the lossless check (`lossless.py`) and the review list
(`review.py`); `pipeline.py` sequences them over one text or many files.

`from tei.convert import convert_bytes` keeps working: the pipeline's names are looked up on first
use, so that importing `tei.convert.model` alone does not load the whole stage.
"""

from importlib import import_module


def __getattr__(name: str):
    if not name.startswith("_"):
        try:
            return getattr(import_module(".pipeline", __name__), name)
        except AttributeError:
            pass
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
