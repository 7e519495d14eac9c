"""Hostile files: each gets a clear `xml` error, and nothing of the local file they aim at appears
in any output (library messages, text and JSON output of the command)."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from tei.cli import cli
from tei.validate.validator import Validator

SECRET = "TOP-SECRET-7d1f0c"
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    (tmp_path / "evil.dtd").write_text(f'<!ENTITY leak "{SECRET}">')
    return path


def hostile_documents(secret) -> dict[str, str]:
    url = secret.as_uri()
    dtd = (secret.parent / "evil.dtd").as_uri()
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    return {
        "xxe": f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{url}">]><TEI {TEI}><p>&xxe;</p></TEI>',
        "xxe-attribute": f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{url}">]><TEI {TEI} n="&xxe;"/>',
        "parameter-entity": f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}"> %p;]><TEI {TEI}/>',
        "error-based": (f'<!DOCTYPE TEI [<!ENTITY % file SYSTEM "{url}"><!ENTITY % eval "<!ENTITY &#x25; '
                        f"error SYSTEM 'file:///nonexistent/%file;'>\"> %eval; %error;]><TEI {TEI}/>"),
        "external-dtd": f'<!DOCTYPE TEI SYSTEM "{dtd}"><TEI {TEI}><p>&leak;</p></TEI>',
        "billion-laughs": f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{laughs}]><TEI {TEI}><p>&l9;</p></TEI>',
        "xinclude": (f'<TEI {TEI} xmlns:xi="http://www.w3.org/2001/XInclude"><p>'
                     f'<xi:include href="{url}" parse="text"/></p></TEI>'),
    }


@pytest.mark.parametrize("kind", ["xxe", "xxe-attribute", "parameter-entity", "error-based", "external-dtd",
                                  "billion-laughs", "xinclude"])
def test_hostile_file_is_refused_without_leaking(tmp_path, secret, kind):
    path = tmp_path / f"{kind}.xml"
    path.write_text(hostile_documents(secret)[kind])
    started = time.monotonic()
    messages = Validator().validate_file(path)
    assert time.monotonic() - started < 5
    assert len(messages) == 1 and messages[0].schema == "xml", messages
    assert messages[0].rule_id in ("doctype", "xinclude", "not-well-formed", "entity")
    assert "not allowed" in messages[0].message or "not well-formed" in messages[0].message
    runner = CliRunner()
    for fmt in ("text", "json"):
        result = runner.invoke(cli, ["validate", "--format", fmt, str(path)])
        assert result.exit_code == 1
        assert SECRET not in result.output and SECRET not in str(messages)


def test_not_well_formed_file_has_line_and_column(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text(f"<TEI {TEI}>\n  <p>open\n</TEI>\n")
    [message] = Validator().validate_file(path)
    assert (message.schema, message.rule_id, message.line) == ("xml", "not-well-formed", 3)
    assert message.column > 0


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.xml"
    path.write_text(f"<TEI {TEI}>{'x' * 2000}</TEI>")
    [message] = Validator(max_bytes=1000).validate_file(path)
    assert (message.schema, message.rule_id) == ("xml", "too-large")
