"""A build or a conversion never deletes, overwrites or publishes what it did not make (regression
tests of the data-loss faults: output folders, typos, links, special files, modes, empty inputs)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from tei.cli import cli

SEED = SEEDS[4]


def run(*args, cwd: Path | None = None):
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def work(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    (tmp_path / "thesis.md").write_text("my thesis")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_into_the_current_folder_deletes_nothing(work):
    before = snapshot(work)
    result = run("build", "src", "-o", ".", "--formats", "html,txt", cwd=work)
    assert result.exit_code != 0 and "error" in result.output.lower()
    assert snapshot(work) == before


def test_build_into_the_source_folder_deletes_no_source(work):
    before = snapshot(work)
    result = run("build", work / "src", "-o", work / "src", "--formats", "html,txt")
    assert result.exit_code != 0
    assert snapshot(work) == before


def test_build_never_follows_a_symlinked_output(work):
    target = work / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    (work / "link").symlink_to(target)
    result = run("build", work / "src", "-o", work / "link", "--formats", "html,txt")
    assert result.exit_code != 0
    assert (target / "keep.txt").read_text() == "keep" and len(list(target.iterdir())) == 1


def test_a_typo_in_the_sources_leaves_the_previous_site_as_it_was(work):
    site = work / "site"
    assert run("build", work / "src", "-o", site, "--formats", "html,txt").exit_code == 0
    before = snapshot(site)
    result = run("build", work / "nosuchdir", "-o", site, "--formats", "html,txt")
    assert result.exit_code != 0 and "nosuchdir" in result.output
    assert snapshot(site) == before


def test_a_second_build_replaces_a_site_it_made(work):
    site = work / "site"
    assert run("build", work / "src", "-o", site, "--formats", "html,txt").exit_code == 0
    assert run("build", work / "src", "-o", site, "--formats", "html,txt").exit_code == 0


def test_a_link_out_of_the_source_folder_is_not_published(work):
    secret = work / "secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8").replace("Pyongyang", "SECRETWORD"))
    (work / "src" / "secret.txt").symlink_to(secret)
    site = work / "site"
    result = run("build", work / "src", "-o", site, "--formats", "html,txt")
    assert result.exit_code == 0, result.output
    assert not any(b"SECRETWORD" in data for data in snapshot(site).values())


def test_convert_output_respects_the_umask(work):
    old = os.umask(0o022)
    try:
        assert run("convert", work / "src", "-o", work / "out").exit_code == 0
    finally:
        os.umask(old)
    [output] = (work / "out").iterdir()
    assert stat.S_IMODE(output.stat().st_mode) == 0o644


@pytest.mark.parametrize("command", [["convert", "-o", "out"], ["render", "--to", "txt", "-o", "out"], ["validate"]])
def test_an_empty_folder_is_named_and_fails(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(command[0], empty, *command[1:], cwd=tmp_path)
    assert result.exit_code == 1
    assert "empty" in result.output and "no " in result.output
