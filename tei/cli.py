"""The `tei-edition` command: parses options, calls the library, maps errors to exit codes.

Each command body is a thin layer over one library call; heavy modules are imported inside the
commands so that `tei-edition --help` stays fast.
"""

from __future__ import annotations

import sys

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-edition")
def cli() -> None:
    """Turn archival document exports into a TEI P5 digital edition."""


def main() -> None:
    cli(prog_name="tei-edition")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
