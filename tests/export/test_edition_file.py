"""The edition file (edition.toml): one record of the edition's identity, clear errors for a bad file."""

from __future__ import annotations

import os

import pytest

from tei.export.edition import MAX_EDITION_BYTES, Edition, EditionFileError, find_edition, load_edition, starter_file


def write(tmp_path, text):
    path = tmp_path / "edition.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_starter_file_reads_back(tmp_path):
    edition = load_edition(write(tmp_path, starter_file()))
    assert edition.title == Edition().title and edition.editors[0].role == "general editor"


@pytest.mark.parametrize("text, message", [
    ('titel = "x"\n', "unknown key 'titel'"),
    ("title = 3\n", "title must be a string, not an integer"),
    ('base_url = "edition/"\n', "base_url must be an absolute http(s) URL"),
    ('[[editors]]\nnom = "x"\n', "editors[1]: unknown key 'nom'"),
    ('title = "x\n', "not valid TOML"),
])
def test_a_bad_file_is_one_line_naming_it(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(EditionFileError) as caught:
        load_edition(path)
    assert message in str(caught.value) and str(path) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("kind", ["fifo", "too large"])
def test_an_edition_file_that_is_no_small_regular_file_is_refused_at_once(tmp_path, kind):
    """Read, a FIFO waits for a writer for ever; the edition file is read with the bound of every
    other input, so both are one line naming the file."""
    path = tmp_path / "edition.toml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_text("# " + "x" * MAX_EDITION_BYTES + "\n", encoding="utf-8")
    with pytest.raises(EditionFileError) as caught:
        load_edition(path)
    expected = "is not a regular file" if kind == "fifo" else "too large"
    assert expected in str(caught.value) and str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_the_file_beside_the_sources_is_found(tmp_path):
    write(tmp_path, 'title = "Letters of Ana Pop"\nbase_url = "https://pop.example.org/"\n'
                    '[[editors]]\nname = "Ana Pop"\nrole = "general editor"\n')
    edition = find_edition([tmp_path])
    assert (edition.title, edition.editor, edition.base_url) == ("Letters of Ana Pop", "Ana Pop", "https://pop.example.org/")
    assert "Ana Pop, ed. Letters of Ana Pop" in edition.cite()
    (tmp_path / "elsewhere").mkdir()
    assert find_edition([tmp_path / "elsewhere"]) == Edition()


def test_init_writes_the_commented_starter_file_and_never_overwrites(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tei.cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0 and "edition.toml" in result.output
    written = (tmp_path / "edition.toml").read_text(encoding="utf-8")
    assert written == starter_file() and written.count("\n# ") > 10  # commented, key by key
    assert load_edition(tmp_path / "edition.toml").title == Edition().title
    (tmp_path / "edition.toml").write_text('title = "Mine"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 1 and "not overwritten" in result.output and str(tmp_path / "edition.toml") in result.output
    assert (tmp_path / "edition.toml").read_text(encoding="utf-8") == 'title = "Mine"\n'
    # a folder that does not exist yet is made, and the file follows the umask like any other
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "new")])
    assert result.exit_code == 0 and (tmp_path / "new" / "edition.toml").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
