from enum import StrEnum

class ImportJobOutStatus(StrEnum):
    DONE = "done"
    FAILED = "failed"
    PENDING = "pending"
    RUNNING = "running"
    STALLED = "stalled"

    def __str__(self) -> str:
        return str(self.value)
