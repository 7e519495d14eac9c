"""A build or a conversion never deletes, overwrites or publishes what it did not make (regression
tests of the data-loss faults: output folders, typos, links, special files, modes, empty inputs)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from tei.cli import cli

sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import make_corpus  # noqa: E402

SEED = SEEDS[4]
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.xml"))[0]


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
    # the counts are true: nothing was built, so none is "unchanged" and no empty site is announced
    assert "nothing was built" in result.output
    assert not re.search(r"\d+ (unchanged|published|rebuilt)|0 documents", result.output), result.output


def test_a_second_build_replaces_a_site_it_made(work):
    site = work / "site"
    assert run("build", work / "src", "-o", site, "--formats", "html,txt").exit_code == 0
    assert run("build", work / "src", "-o", site, "--formats", "html,txt").exit_code == 0


def test_a_link_out_of_the_source_folder_is_not_published(work):
    secret = work / "secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8").replace("Pyongyang", "SECRETWORD"))
    make_corpus.links_out_of(work / "src", [secret])
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


# -- two builds at once, and what a killed build leaves ---------------------------------------------

#: A build in a child process that stops just before it publishes its new site, holding the lock,
#: with its staging site and cache entries written, until the test lets it go on.
PAUSED_BUILD = """
import sys, time
from pathlib import Path
import tei.site.build
started, go = Path(sys.argv[1]), Path(sys.argv[2])
publish = tei.site.build._publish
def paused(staging, out, *args, **kwargs):
    started.write_text(str(staging))
    while not go.exists():
        time.sleep(0.05)
    return publish(staging, out, *args, **kwargs)
tei.site.build._publish = paused
from tei.cli import cli
cli(sys.argv[3:], prog_name="tei-edition")
"""


def test_a_second_build_of_the_same_site_says_one_is_running_and_deletes_nothing(work):
    site = work / "site"
    assert run("build", work / "src", "-o", site, "--formats", "html,txt", "-q").exit_code == 0
    (work / "src" / "second.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    started, go = work / "started", work / "go"
    first = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, started, go, "build", work / "src", "-o", site,
                              "--formats", "html,txt", "-j", "1", "-q"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 300
        while not started.exists():
            assert first.poll() is None, first.communicate()[0]
            assert time.monotonic() < deadline, "the first build never got to its swap"
            time.sleep(0.1)
        staging = Path(started.read_text())
        cache = work / ".site.cache"
        before = {"site": snapshot(site), "staging": snapshot(staging), "cache": snapshot(cache)}
        second = run("build", work / "src", "-o", site, "--formats", "html,txt", "-q")
        assert second.exit_code == 1, second.output
        assert second.output.splitlines() == [f"Error: {site}: another build of this site is running; "
                                              "try again when it has finished"], second.output
        assert {"site": snapshot(site), "staging": snapshot(staging), "cache": snapshot(cache)} == before
        assert first.poll() is None  # the first build was running all along
    finally:
        go.touch()
        output = first.communicate(timeout=300)[0]
    assert first.returncode == 0, output
    assert (site / "index.html").is_file() and not staging.exists()
    assert len(list((site / "documents").glob("*.txt"))) == 2


def test_what_a_killed_build_left_is_cleaned_up_by_the_next(work):
    site = work / "site"
    assert run("build", work / "src", "-o", site, "--formats", "html,txt", "-q").exit_code == 0
    cache = work / ".site.cache"
    leftovers = make_corpus.killed_build_leftovers(site, cache)
    unrelated = work / ".other.staging-1"  # another site's: not this build's to remove
    unrelated.mkdir()
    before = snapshot(site)
    assert run("build", work / "src", "-o", site, "--formats", "html,txt", "-q").exit_code == 0
    assert [folder for folder in leftovers if folder.exists()] == []
    assert unrelated.is_dir() and snapshot(site) == before


def test_a_build_killed_between_moving_the_old_site_aside_and_the_new_in_gets_the_old_back(work):
    site = work / "site"
    assert run("build", work / "src", "-o", site, "--formats", "html,txt", "-q").exit_code == 0
    before = snapshot(site)
    os.replace(site, work / ".site.old-999999")  # as a build killed inside its swap leaves it
    bad = work / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    result = run("build", bad, "-o", site, "--formats", "html,txt", "-q")  # publishes nothing
    assert result.exit_code == 1 and "left as it was" in result.output, result.output
    assert snapshot(site) == before and not (work / ".site.old-999999").exists()


# -- outputs are never inputs, names, modes -----------------------------------------------------------

def test_a_build_into_a_folder_inside_its_sources_is_refused_and_writes_nothing(work):
    # it once read its own renderings and cache as sources on the next run ("15 failed")
    before = snapshot(work)
    for _ in range(2):
        result = run("build", "src", "-o", "src/site", "--formats", "html,txt", "-q", cwd=work)
        assert result.exit_code == 1 and "inside the source folder" in result.output, result.output
    assert snapshot(work) == before and sorted(p.name for p in (work / "src").iterdir()) == [SEED.name]


def test_a_bag_inside_its_source_folder_is_not_read_as_sources_by_the_next_export(work):
    shutil.copy(GOLDEN, work / "src" / GOLDEN.name)
    outputs = []
    for _ in range(2):
        result = run("export", "bagit", "src", "-o", "src/bag", "--force", cwd=work)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
        payload = sorted(p.name for p in (work / "src" / "bag" / "data").rglob("*") if p.is_file())
        assert len(payload) == 2, payload  # the TEI of the text source and the TEI file, not the bag's own copies
    assert outputs[0] == outputs[1] and "2 documents exported" in outputs[1]


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664)])
def test_render_output_respects_the_umask(work, mask, mode):
    # convert and render once wrote 0600 whatever the umask (temporary files renamed into place)
    old = os.umask(mask)
    try:
        for to in ("txt", "html"):
            assert run("render", GOLDEN, "--to", to, "-o", work / "out").exit_code == 0
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (work / "out").iterdir()}
    assert len(modes) == 2 and set(modes.values()) == {mode}, modes


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664)])
def test_export_files_and_folders_respect_the_umask(work, mask, mode):
    # an export's folder was made 0755 whatever the umask (a group-writable edition lost its g+w)
    old = os.umask(mask)
    try:
        assert run("export", "json", GOLDEN, "-o", work / "catalogue.json").exit_code == 0
        assert run("export", "dc", GOLDEN, "-o", work / "dc").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((work / "catalogue.json").stat().st_mode) == mode
    assert stat.S_IMODE((work / "dc").stat().st_mode) == mode | 0o111
    assert {stat.S_IMODE(p.stat().st_mode) for p in (work / "dc").iterdir()} == {mode}


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664)])
def test_a_built_site_respects_the_umask(work, mask, mode):
    """A web server running as another user (or a group of editors) reads what the umask lets it."""
    old = os.umask(mask)
    try:
        assert run("build", work / "src", "-o", work / "site", "--formats", "html,txt", "-q").exit_code == 0
    finally:
        os.umask(old)
    site = [work / "site", *(work / "site").rglob("*")]
    assert {stat.S_IMODE(p.stat().st_mode) for p in site if p.is_file()} == {mode}
    assert {stat.S_IMODE(p.stat().st_mode) for p in site if p.is_dir()} == {mode | 0o111}


def test_long_file_names_with_unsafe_characters_keep_their_hash(tmp_path):
    # the hash that tells apart names the slug made equal was cut off with the long name, so the
    # second document was refused as a duplicate
    src = tmp_path / "src"
    src.mkdir()
    make_corpus.long_unsafe_names(src, sorted((ROOT / "samples").glob("short-*.txt"))[0])
    result = run("convert", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 2 and names[0] != names[1], names
    assert all(re.fullmatch(r"[A-Za-z0-9._-]{1,71}-[0-9a-f]{8}\.xml", name) for name in names), names


@pytest.mark.parametrize("command", [["convert", "-o", "out"], ["validate"], ["render", "--to", "txt", "-o", "out"],
                                     ["export", "csv", "-o", "out.csv"], ["entities"],
                                     ["build", "-o", "site", "--formats", "html", "-q"]], ids=lambda c: c[0])
def test_every_command_skips_a_link_out_of_the_source_folder_with_a_warning(work, command, caplog):
    outside = work / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text(SEED.read_text(encoding="utf-8").replace("Pyongyang", "SECRETWORD"))
    shutil.copy(GOLDEN, outside / "passwd.xml")
    make_corpus.links_out_of(work / "src", [outside / "passwd.txt", outside / "passwd.xml"])
    shutil.copy(GOLDEN, work / "src" / GOLDEN.name)
    args = [command[0], *command[1:2], "src", *command[2:]] if command[0] == "export" else [command[0], "src", *command[1:]]
    result = run(*args, cwd=work)
    warned = sorted({m for m in caplog.messages if "a link out of the source folder" in m})
    assert warned and all(m.startswith("src/passwd.") and m.endswith("not read") for m in warned), warned
    written = [p for p in work.rglob("*") if p.is_file() and not p.is_relative_to(work / "src")
               and not p.is_relative_to(outside)]
    assert not [p for p in written if b"SECRETWORD" in p.read_bytes() or b"passwd" in p.read_bytes()], written


def test_the_build_cache_is_ignored_by_git_and_so_is_the_default_site(tmp_path):
    """A build leaves nothing for `git status` in a checkout but what it was asked to write: the
    cache beside its output (.NAME.cache) is ignored by the repository's .gitignore, and so is the
    default output, edition/."""
    from tei.site.build import build

    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    for name in ("edition", "public"):
        build([src], tmp_path / name, jobs=1, formats=("html",))
        assert (tmp_path / f".{name}.cache").is_dir()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path, check=True,
                            capture_output=True, text=True).stdout.splitlines()
    untracked = sorted({line[3:].split("/")[0] for line in status})
    assert untracked == [".gitignore", "public", "src"]
