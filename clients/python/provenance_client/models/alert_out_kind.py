from enum import StrEnum

class AlertOutKind(StrEnum):
    FINDING = "finding"
    NEW_DOCUMENT = "new_document"
    QUOTE = "quote"
    REUSED = "reused"

    def __str__(self) -> str:
        return str(self.value)
