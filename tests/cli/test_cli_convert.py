"""`tei-edition convert` as a user runs it: files, folders, standard input, reports and exit codes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import SEEDS
from tei.cli import cli


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_convert_a_folder_writes_one_tei_per_document(tmp_path):
    result = run("convert", str(SEEDS[0].parent), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.xml"))) == len(SEEDS)
    assert f"{len(SEEDS)} converted, 0 with warnings, 0 failed" in result.output


def test_json_report_and_exit_code_for_a_batch_with_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    result = run("convert", str(SEEDS[1]), str(bad), "-o", str(tmp_path / "out"), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"converted": 1, "warnings": 0, "failed": 1}
    assert report["documents"][1]["error"].startswith("is not a text document")
    assert report["documents"][0]["record_id"] == "176345"


def test_error_lines_name_the_file_and_the_problem(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("convert", str(empty), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{empty}: error: is empty" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_missing_input_is_an_error(tmp_path):
    result = run("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "no such file" in result.output


def test_standard_input_to_standard_output():
    result = run("convert", "-", input=SEEDS[4].read_bytes())
    assert result.exit_code == 0
    assert result.stdout.startswith("<?xml") and "Kim Il Sung" in result.stdout


def test_standard_input_that_is_not_text_fails_cleanly():
    result = run("convert", "-", input=b"")
    assert result.exit_code == 1
    assert "<stdin>: is empty" in result.output and "<?xml" not in result.stdout


def test_output_path_that_is_a_file(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    result = run("convert", str(SEEDS[0]), "-o", str(blocker))
    assert result.exit_code == 2 and "is a file" in result.output
