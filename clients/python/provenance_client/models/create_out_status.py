from enum import StrEnum

class CreateOutStatus(StrEnum):
    ADDED = "added"
    DUPLICATE = "duplicate"
    NEW_VERSION = "new_version"

    def __str__(self) -> str:
        return str(self.value)
