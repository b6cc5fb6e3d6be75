"""The exception tree. Every error says what went wrong, where, and what the user can do."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""

    def __init__(self, message: str, *, document: str | None = None, stage: str | None = None):
        self.message = message
        self.document = document
        self.stage = stage
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                f"document {self.document}" if self.document else "",
                f"stage {self.stage}" if self.stage else "",
            )
            if part
        )
        return f"{self.message} ({where})" if where else self.message


class InputError(MarsadError):
    """The input cannot be read: missing, empty, binary, too large, or badly formed."""


class ExtractionError(MarsadError):
    """No article could be extracted from a document."""


class PipelineError(MarsadError):
    """A pipeline was assembled wrongly, e.g. a stage needs what no earlier stage provides."""


class ConfigError(MarsadError):
    """A setting has a bad value or the settings file cannot be read."""


class StoreError(MarsadError):
    """The store cannot be opened, read or written."""
