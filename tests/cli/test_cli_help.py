"""Every command documents itself with an example, and `--help` needs none of the heavy modules."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from tei.cli import cli


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"tei-edition {name}" in result.output


def test_help_does_not_load_the_pipeline():
    code = "import sys, tei.cli; print(sorted(m for m in sys.modules if m.startswith(('tei.', 'lxml', 'weasyprint'))))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # the table of formats gives the commands their choices; it imports nothing but dataclasses
    assert loaded.strip() == "['tei.cli', 'tei.core', 'tei.core.formats']"
