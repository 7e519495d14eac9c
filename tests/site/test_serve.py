"""`serve`: a real server on a free port, in a thread. A path no file can have is a 400, a folder
without index.html is a 404 (never a listing), names are escaped in the log, and a busy port is
one line and exit status 1."""

from __future__ import annotations

import http.client
import io
import socket
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei.cli import cli
from tei.core.errors import TeiEditionError
from tei.site.serve import SiteServer, printable

#: A name with a newline, a terminal escape sequence (clear the screen, red) and a bidi override.
HOSTILE_NAME = "evil\n200 OK\x1b[2J\x1b[31m\u202egnp.html"


@pytest.fixture
def site(tmp_path) -> Path:
    folder = tmp_path / "site"
    (folder / "documents").mkdir(parents=True)
    (folder / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (folder / "documents" / "a.html").write_text("<p>a</p>", encoding="utf-8")
    (folder / "empty-folder").mkdir()
    (folder / "with-index").mkdir()
    (folder / "with-index" / "index.html").write_text("<p>inside</p>", encoding="utf-8")
    (folder / HOSTILE_NAME).write_text("<p>hostile</p>", encoding="utf-8")
    return folder


@contextmanager
def running(folder: Path):
    """The site on a free loopback port, served from a thread; yields (server, log)."""
    log = io.StringIO()
    server = SiteServer(folder, 0, log=log)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, log
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def get(server: SiteServer, path: str, method: str = "GET") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def quoted(name: str) -> str:
    from urllib.parse import quote
    return "/" + quote(name)


def test_a_nul_in_the_path_is_a_400_and_the_server_goes_on(site):
    with running(site) as (server, log):
        for path in ("/%00", "/documents/%00.html", "/%ed%a0%80.html"):
            status, body = get(server, path)
            assert status == 400, (path, status)
        assert get(server, "/documents/a.html") == (200, b"<p>a</p>")
    assert "Traceback" not in log.getvalue() and "Error" not in log.getvalue(), log.getvalue()


def test_a_folder_is_never_listed(site):
    with running(site) as (server, log):
        for path in ("/empty-folder/", "/empty-folder", "/documents/", "/documents"):
            status, body = get(server, path)
            assert status == 404, (path, status)
            assert b"a.html" not in body and b"Directory listing" not in body
        assert get(server, "/with-index/") == (200, b"<p>inside</p>")
        assert get(server, "/") == (200, b"<p>home</p>")
        assert get(server, "/with-index")[0] == 301  # to the folder's index, as before
        assert get(server, "/empty-folder/", "HEAD")[0] == 404


def raw_request(server: SiteServer, line: bytes) -> bytes:
    """Send one request line as it is (http.client would refuse the controls in it)."""
    with socket.create_connection(server.server_address[:2], timeout=10) as connection:
        connection.sendall(line + b"\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_names_with_newlines_and_terminal_escapes_are_escaped_in_the_log(site):
    with running(site) as (server, log):
        assert get(server, quoted(HOSTILE_NAME)) == (200, b"<p>hostile</p>")
        answers = [raw_request(server, b"GET /\x1b[2J\x1b[31mred\x1b]0;title\x07.html HTTP/1.0"),
                   raw_request(server, b"GET /\x9b31m\xe2\x80\xae.html\rX HTTP/1.0"),
                   raw_request(server, b"\x1b[2J\x1b[31m / HTTP/1.0")]  # an escape as the method: a 501
    # a carriage return splits the request line: a 400
    assert [answer.split(b" ", 2)[1] for answer in answers] == [b"404", b"400", b"501"]
    text = log.getvalue()
    assert len(text.splitlines()) == 7, text  # a line per request, one per error's reason
    assert not [c for c in text if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c == "\u202e")], text
    assert "/\\x1b[2J\\x1b[31mred\\x1b]0;title\\x07.html" in text and "\\x0dX" in text and "\\x9b31m" in text


def test_printable_escapes_controls_separators_and_overrides_and_keeps_the_rest():
    assert printable("Летопись café 北京") == "Летопись café 北京"
    assert printable("a\nb\x1b[31mc\x9bd\u2028e\u202ef\udcffg") == "a\\x0ab\\x1b[31mc\\x9bd\\u2028e\\u202ef\\udcffg"
    assert printable("\\x1b") == "\\\\x1b"  # a literal backslash cannot pass for an escape


def test_a_busy_port_is_one_clear_line_and_exit_status_1(site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(TeiEditionError, match=f"port {port} is already in use"):
            SiteServer(site, port)
        result = CliRunner().invoke(cli, ["serve", str(site), "--port", str(port)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"error: port {port} is already in use on 127.0.0.1: stop the other "
                                          "server or choose another port with --port"], result.output


def test_the_folder_name_is_escaped_in_the_serving_message(tmp_path, monkeypatch):
    folder = tmp_path / "site\n\x1b[2J"
    folder.mkdir()
    monkeypatch.setattr(SiteServer, "serve_forever", lambda self, *a: (_ for _ in ()).throw(KeyboardInterrupt))
    result = CliRunner().invoke(cli, ["serve", str(folder), "--port", "0"])
    assert result.exit_code == 0, result.output
    [line] = result.output.splitlines()
    assert line.startswith("Serving ") and "site\\x0a\\x1b[2J/ on http://127.0.0.1:" in line


def test_a_port_out_of_range_is_a_usage_error(site):
    result = CliRunner().invoke(cli, ["serve", str(site), "--port", "70000"])
    assert result.exit_code == 2 and "Traceback" not in result.output
