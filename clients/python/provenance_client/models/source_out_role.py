from enum import StrEnum

class SourceOutRole(StrEnum):
    DIRECT = "direct"
    ORIGIN = "origin"
    RELATED = "related"
    SIBLING = "sibling"

    def __str__(self) -> str:
        return str(self.value)
