from enum import StrEnum

class DocumentInNearDuplicates(StrEnum):
    ASK = "ask"
    SEPARATE = "separate"
    VERSION = "version"

    def __str__(self) -> str:
        return str(self.value)
