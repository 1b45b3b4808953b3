from enum import StrEnum

class SourcesOutStatus(StrEnum):
    DONE = "done"
    FAILED = "failed"
    NO_TEXT = "no-text"
    QUEUED = "queued"

    def __str__(self) -> str:
        return str(self.value)
