"""One base exception, so the command line can tell the project's own errors from bugs."""


class TeiEditionError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class SourceError(TeiEditionError):
    """A source document cannot be read or decoded (binary, empty, unknown encoding)."""


class UnsafeXMLError(TeiEditionError):
    """XML input that is not well-formed, too large, or tries to load entities, DTDs or XIncludes.

    `rule` names the problem (not-well-formed, doctype, entity, xinclude, too-large, too-deep, unreadable) and
    `line`/`column` locate it (0: unknown), so a validator can report it like any schema message.
    """

    def __init__(self, message: str, path: str | None = None, *, rule: str = "not-well-formed",
                 line: int = 0, column: int = 0):
        super().__init__(message, path)
        self.rule = rule
        self.line = line
        self.column = column


class ValidationError(TeiEditionError):
    """A document breaks a schema rule."""


class SchemaError(TeiEditionError):
    """A schema cannot be found, read or compiled (a usage error, not an invalid document)."""

    exit_code = 2


class RenderError(TeiEditionError):
    """A transformation failed."""


class OutputError(TeiEditionError):
    """An output cannot be written (exists, outside the output folder, read-only)."""
