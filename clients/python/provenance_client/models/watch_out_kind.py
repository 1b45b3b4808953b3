from enum import StrEnum

class WatchOutKind(StrEnum):
    OUTLET = "outlet"
    PERSON = "person"
    RELEASE = "release"

    def __str__(self) -> str:
        return str(self.value)
