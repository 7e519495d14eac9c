"""Previewing a built site on localhost (`tei-edition serve`).

The standard library's file server, with what a preview of untrusted names needs: no directory
listings, a clear status for a path that no file can have (`/%00`), one line for any failure
instead of a traceback, and every name escaped before it reaches the terminal.
"""

from __future__ import annotations

import errno
import http.server
import os
import sys
import unicodedata
from http import HTTPStatus
from pathlib import Path
from typing import Callable, TextIO

from ..core.errors import TeiEditionError

#: Characters a terminal may act on, besides the C0 and C1 controls: line and paragraph
#: separators, and the bidirectional overrides and isolates that reorder what follows them.
_INVISIBLE_ACTORS = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class ServeError(TeiEditionError):
    """The preview server cannot start (a port in use, an address that cannot be bound)."""


def printable(text: str) -> str:
    """`text` safe to print on a terminal: controls (newlines, escape sequences), bidi overrides,
    line separators and lone surrogates (bytes of a name that is not UTF-8) as `\\xNN`/`\\uNNNN`,
    and the backslash doubled, so that the escapes cannot be forged; other characters as they are."""
    out = []
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif char in _INVISIBLE_ACTORS or unicodedata.category(char) == "Cs":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the files of one folder; a folder without index.html is not found."""

    server: "SiteServer"

    def send_head(self):
        path = self.translate_path(self.path)
        try:
            os.fsencode(path)  # a NUL or a lone surrogate: no file can have that name
            if "\0" in path:
                raise ValueError("a NUL in the path")
        except ValueError:
            self.send_error(HTTPStatus.BAD_REQUEST, "No file can have this path")
            return None
        if os.path.isdir(path) and not os.path.isfile(os.path.join(path, "index.html")):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")  # never a listing
            return None
        return super().send_head()

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")
        return None

    def log_message(self, format: str, *args) -> None:
        self.server.log(f"{self.address_string()} - - [{self.log_date_time_string()}] "
                        f"{printable(format % args)}")


class SiteServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server for one folder, logging one escaped line per request or failure."""

    def __init__(self, folder: str | os.PathLike, port: int, *, host: str = "127.0.0.1",
                 log: TextIO | None = None) -> None:
        self.folder = Path(folder)
        self.stream = log
        try:
            super().__init__((host, port), self._handler)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} is already in use on {host}: stop the other server "
                                 "or choose another port with --port") from None
            raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None

    def _handler(self, request, client_address, server) -> SiteRequestHandler:
        return SiteRequestHandler(request, client_address, server, directory=str(self.folder))

    def log(self, line: str) -> None:
        stream = self.stream or sys.stderr
        stream.write(line + "\n")
        stream.flush()

    def handle_error(self, request, client_address) -> None:
        """One line for a request that failed (a client that went away, an unreadable file)."""
        error = sys.exc_info()[1]
        if isinstance(error, (BrokenPipeError, ConnectionResetError)):
            return
        self.log(printable(f"{client_address[0]} - - error: {type(error).__name__}: {error}"))

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def serve(folder: str | os.PathLike, port: int, *, host: str = "127.0.0.1",
          announce: Callable[[str], None] = print) -> None:
    """Serve `folder` until interrupted (Ctrl+C); a busy port raises `ServeError`."""
    with SiteServer(folder, port, host=host) as server:
        announce(f"Serving {printable(str(folder))}/ on {server.url} (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
