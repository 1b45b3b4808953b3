from enum import StrEnum

class FeedItemOutOutcome(StrEnum):
    ADDED = "added"
    FAILED = "failed"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
