from enum import StrEnum

class DocumentUploadMultiPartBodyParamsNearDuplicates(StrEnum):
    ASK = "ask"
    SEPARATE = "separate"
    VERSION = "version"

    def __str__(self) -> str:
        return str(self.value)
