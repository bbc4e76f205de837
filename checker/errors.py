"""Input errors that carry a position, so the CLI can print ``path:line:col: message``."""

from __future__ import annotations


class InputError(Exception):
    """Bad input (malformed claim file, unreadable document). The CLI exits 2 on it."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.render())

    def render(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.message}"


class InputErrors(Exception):
    """Several input errors found in one file (all are reported, not only the first)."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(e.render() for e in errors))
