"""Errors a user can act on. Their message is Japanese and says what happened and what to do."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is shown to the user as is (CLI: stderr, exit 1; GUI: a dialog)."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class NotOurFileError(UserFacingError):
    """The file is a SQLite database of some other program, or not a database at all."""


class NewerSchemaError(UserFacingError):
    """The file was written by a newer version of the app."""


class DamagedFileError(UserFacingError):
    """The file is truncated, empty or fails SQLite's integrity check."""


class FileLockedError(UserFacingError):
    """Someone (this PC or another) has the file open; it may still be opened read-only."""

    def __init__(self, message: str, *, hint: str = "", holder: object = None) -> None:
        super().__init__(message, hint=hint)
        self.holder = holder


class ReadOnlyError(UserFacingError):
    """The file cannot be written: read-only media or attribute, or opened read-only."""


class DiskFullError(UserFacingError):
    """The disk (or the user's quota) is full; nothing was written."""


class ValidationError(UserFacingError):
    """Input that cannot be saved; ``field`` names the form field so the UI can mark it."""

    def __init__(self, message: str, *, field: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.field = field


class UnsupportedCharactersError(UserFacingError):
    """Text meant for a PDF holds characters its font cannot draw (𠮷, 😀); ``places`` lists
    (where, the characters), e.g. (「みどり町社会福祉協議会」の備考, 😀). Nothing was written: the
    caller may ask the user and write again with them replaced."""

    def __init__(self, message: str, *, hint: str = "", places: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message, hint=hint)
        self.places = places or []
