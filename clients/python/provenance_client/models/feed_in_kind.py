from enum import StrEnum

class FeedInKind(StrEnum):
    ARTICLE = "article"
    PRESS_RELEASE = "press_release"

    def __str__(self) -> str:
        return str(self.value)
