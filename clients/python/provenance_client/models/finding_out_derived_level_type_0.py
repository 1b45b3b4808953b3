from enum import StrEnum

class FindingOutDerivedLevelType0(StrEnum):
    CAUSAL = "causal"
    CONDITIONAL = "conditional"
    CORRELATIONAL = "correlational"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
