"""The validate stage: RELAX NG, XSD, Schematron (`schematron.py`, one pass for a whole document)
and tei_all (`validator.py`).

`from tei.validate import Validator` keeps working: the validator's names are looked up on first
use, so that importing `tei.validate.schematron` alone does not load the validators.
"""

from importlib import import_module


def __getattr__(name: str):
    if not name.startswith("_"):
        try:
            return getattr(import_module(".validator", __name__), name)
        except AttributeError:
            pass
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
