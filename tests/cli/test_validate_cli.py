"""`tei-edition validate`: message lines, JSON, summary and exit codes (0 valid, 1 invalid, 2 usage/I/O)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import tei.validate.validator
from conftest import DATA, find_tei_all
from tei.cli import cli
from tei.core.resources import schema_path

VALID = DATA / "validate" / "valid-telegram.xml"
EMPTY_P = DATA / "validate" / "invalid-p-not-empty.xml"
NO_ABSTRACT = DATA / "validate" / "invalid-header-abstract.xml"
LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): \[(?P<schema>\S+) (?P<rule>\S+)\] (?P<severity>error|warning): .+$")


def run(*args: str):
    return CliRunner().invoke(cli, ["validate", *args])


def test_valid_file_exits_0_with_a_summary():
    result = run(str(VALID))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip() == "1 file checked: 1 valid, 0 invalid; 0 errors, 0 warnings"


def test_invalid_file_exits_1_with_file_line_column_schema_and_rule():
    result = run(str(EMPTY_P))
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    match = LINE.match(line)
    assert match, line
    assert match["file"] == str(EMPTY_P)
    assert (match["line"], match["schema"], match["rule"], match["severity"]) == ("81", "sch", "p-not-empty", "error")
    assert "0 valid, 1 invalid; 1 error, 0 warnings" in result.stderr


def test_warnings_are_told_apart_and_do_not_fail():
    result = run(str(NO_ABSTRACT))
    assert result.exit_code == 0
    assert "[sch header-abstract] warning: " in result.stdout
    assert run("--quiet", str(NO_ABSTRACT)).stdout == ""


def test_folders_are_searched_for_xml_files():
    result = run(str(DATA / "validate"))
    assert result.exit_code == 1
    files = len(list((DATA / "validate").glob("*.xml")))
    assert result.stderr.startswith(f"{files} files checked: ")


def test_json_report():
    result = run("--format", "json", str(VALID), str(EMPTY_P))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0, "unreadable": 0}
    assert [f["valid"] for f in report["files"]] == [True, False]
    [message] = report["files"][1]["messages"]
    assert message == {"file": str(EMPTY_P), "line": 81, "column": 0, "severity": "error", "schema": "sch",
                       "rule_id": "p-not-empty", "message": "empty paragraph"}


def test_any_schema_file_can_be_given():
    result = run("--schema", str(schema_path("tei-edition.rng")), str(DATA / "validate" / "invalid-div-type.xml"))
    assert result.exit_code == 1
    assert "[tei-edition.rng attrvalid] error:" in result.stdout


@pytest.mark.parametrize("args", [
    ["no/such/file.xml"],
    ["--schema", "no-such-schema.rng", "."],
    ["--format", "yaml", "."],
    [],
])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2, result.output


def test_a_schema_of_an_unknown_kind_exits_2(tmp_path):
    schema = tmp_path / "rules.dtd"
    schema.write_text("<!ELEMENT TEI ANY>")
    result = run("--schema", str(schema), str(VALID))
    assert result.exit_code == 2
    assert "give a .rng, .xsd or .sch file" in result.stderr


def test_an_unreadable_file_exits_2(tmp_path):
    path = tmp_path / "locked.xml"
    path.write_text("<TEI/>")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as a user who can read any file")
    result = run(str(path))
    assert result.exit_code == 2
    assert "[xml unreadable] error: cannot read" in result.stdout


def test_tei_all_works_out_of_the_box_with_the_shipped_schema(tmp_path, monkeypatch):
    monkeypatch.delenv(tei.validate.validator.TEI_ALL_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = run("--schema", "tei-all", str(VALID))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert tei.validate.validator.find_tei_all().is_relative_to(Path(tei.__file__).resolve().parent.parent)


def test_a_tei_all_path_that_does_not_exist_is_a_clear_usage_error(tmp_path, monkeypatch):
    missing = tmp_path / "nowhere" / "tei_all.rng"
    monkeypatch.setenv(tei.validate.validator.TEI_ALL_ENV, str(missing))
    result = run("--schema", "tei-all", str(VALID))
    assert result.exit_code == 2
    assert f"tei_all schema not found: {missing}" in result.stderr


@pytest.fixture
def compiled_tei_all(tmp_path, monkeypatch):
    """The official tei_all.rng. The command compiles its rewrites itself (about a second, see
    tei.validate.validator.rewrite_rng), with a cache of its own here rather than the user's."""
    path = find_tei_all()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return path


def test_a_foreign_tei_lite_letter_passes_tei_all(compiled_tei_all):
    letter = DATA / "foreign" / "letter-tei-lite.xml"
    result = run("--schema", "tei-all", "--tei-all", str(compiled_tei_all), str(letter))
    assert result.exit_code == 0, result.output
    assert run(str(letter)).exit_code == 1, "the letter does not follow the project's conventions"


def test_tei_all_messages_are_labelled(compiled_tei_all):
    result = run("--schema", "tei-all", "--tei-all", str(compiled_tei_all),
                 str(DATA / "validate" / "invalid-element-outside-subset.xml"),
                 str(DATA / "validate" / "invalid-head-after-p.xml"))
    assert result.exit_code == 1
    assert [LINE.match(line)["schema"] for line in result.stdout.splitlines()] == ["tei-all"]


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
