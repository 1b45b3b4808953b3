from enum import StrEnum

class DocumentInKind(StrEnum):
    ARTICLE = "article"
    OTHER = "other"
    PRESS_RELEASE = "press_release"
    STATEMENT = "statement"

    def __str__(self) -> str:
        return str(self.value)
