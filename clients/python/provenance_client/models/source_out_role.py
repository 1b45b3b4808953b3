from enum import StrEnum

class SourceOutRole(StrEnum):
    DIRECT = "direct"
    ORIGIN = "origin"
    RELATED = "related"
    REPORTS = "reports"
    SIBLING = "sibling"

    def __str__(self) -> str:
        return str(self.value)
