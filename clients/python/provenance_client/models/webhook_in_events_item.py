from enum import StrEnum

class WebhookInEventsItem(StrEnum):
    ALERT_RAISED = "alert.raised"
    ANNOTATION_REVIEWED = "annotation.reviewed"
    COMPARISON_DONE = "comparison.done"
    DISCOVERY_DONE = "discovery.done"
    DOCUMENT_ADDED = "document.added"
    IMPORT_FINISHED = "import.finished"

    def __str__(self) -> str:
        return str(self.value)
