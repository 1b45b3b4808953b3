from enum import StrEnum

class FindingOutType(StrEnum):
    ADVICE_ADDED = "advice_added"
    ATTRIBUTION_CHANGED = "attribution_changed"
    CLAIM_STRENGTHENED = "claim_strengthened"
    CLAIM_WEAKENED = "claim_weakened"
    GROUP_RELABELLED = "group_relabelled"
    NAME_ADDED = "name_added"
    NAME_REMOVED = "name_removed"
    NUMBER_CHANGED = "number_changed"
    PASSAGE_MOVED = "passage_moved"
    QUOTE_ALTERED = "quote_altered"
    QUOTE_REPLACED = "quote_replaced"
    QUOTE_UNSOURCED = "quote_unsourced"
    SUBJECTS_GENERALISED = "subjects_generalised"

    def __str__(self) -> str:
        return str(self.value)
