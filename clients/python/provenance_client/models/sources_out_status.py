from enum import StrEnum

class SourcesOutStatus(StrEnum):
    DONE = "done"
    FAILED = "failed"
    NO_TEXT = "no-text"
    PENDING = "pending"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
