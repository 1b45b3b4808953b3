""" Contains all the data models used in inputs/outputs """

from .alert_filters import AlertFilters
from .alert_out import AlertOut
from .alert_out_kind import AlertOutKind
from .alert_page import AlertPage
from .annotation_create_payload import AnnotationCreatePayload
from .annotation_create_response import AnnotationCreateResponse
from .annotation_detail_response import AnnotationDetailResponse
from .annotation_edit import AnnotationEdit
from .annotation_edit_response import AnnotationEditResponse
from .annotation_filters import AnnotationFilters
from .annotation_filters_status_type_0 import AnnotationFiltersStatusType0
from .annotation_import_payload import AnnotationImportPayload
from .annotation_list_response import AnnotationListResponse
from .annotation_list_status_type_0 import AnnotationListStatusType0
from .check_in import CheckIn
from .check_out import CheckOut
from .check_out_result_type_0 import CheckOutResultType0
from .comparison_out import ComparisonOut
from .comparison_out_result_type_0 import ComparisonOutResultType0
from .comparison_out_status import ComparisonOutStatus
from .comparison_page import ComparisonPage
from .comparison_status import ComparisonStatus
from .comparison_status_status import ComparisonStatusStatus
from .create_out import CreateOut
from .create_out_status import CreateOutStatus
from .defaults import Defaults
from .defaults_kind import DefaultsKind
from .delivery_out import DeliveryOut
from .delivery_out_status import DeliveryOutStatus
from .delivery_page import DeliveryPage
from .document_annotations_response import DocumentAnnotationsResponse
from .document_in import DocumentIn
from .document_in_kind import DocumentInKind
from .document_in_near_duplicates import DocumentInNearDuplicates
from .document_list_item import DocumentListItem
from .document_list_kind_type_0 import DocumentListKindType0
from .document_out import DocumentOut
from .document_page import DocumentPage
from .document_ref import DocumentRef
from .document_upload_multi_part_body_params import DocumentUploadMultiPartBodyParams
from .document_upload_multi_part_body_params_kind import DocumentUploadMultiPartBodyParamsKind
from .document_upload_multi_part_body_params_near_duplicates import DocumentUploadMultiPartBodyParamsNearDuplicates
from .feed_in import FeedIn
from .feed_in_kind import FeedInKind
from .feed_item_out import FeedItemOut
from .feed_item_out_outcome import FeedItemOutOutcome
from .feed_out import FeedOut
from .feed_out_status import FeedOutStatus
from .field_error import FieldError
from .filters import Filters
from .filters_kind_type_0 import FiltersKindType0
from .finding_out import FindingOut
from .finding_out_derived_level_type_0 import FindingOutDerivedLevelType0
from .finding_out_severity import FindingOutSeverity
from .finding_out_source_level_type_0 import FindingOutSourceLevelType0
from .finding_out_type import FindingOutType
from .found_source import FoundSource
from .import_create_multi_part_body_params import ImportCreateMultiPartBodyParams
from .import_create_multi_part_body_params_kind import ImportCreateMultiPartBodyParamsKind
from .import_job_out import ImportJobOut
from .import_job_out_status import ImportJobOutStatus
from .import_out import ImportOut
from .meta import Meta
from .meta_kind import MetaKind
from .meta_near_duplicates import MetaNearDuplicates
from .page_filters import PageFilters
from .page_query import PageQuery
from .pair_in import PairIn
from .problem import Problem
from .queued import Queued
from .read_count import ReadCount
from .reply_in import ReplyIn
from .reply_out import ReplyOut
from .review_out import ReviewOut
from .seen import Seen
from .share_in import ShareIn
from .share_in_expires_in_days_type_0 import ShareInExpiresInDaysType0
from .share_link_out import ShareLinkOut
from .share_link_out_state import ShareLinkOutState
from .source_out import SourceOut
from .source_out_role import SourceOutRole
from .sources_out import SourcesOut
from .sources_out_status import SourcesOutStatus
from .status_in import StatusIn
from .status_in_status import StatusInStatus
from .token_in import TokenIn
from .token_in_scope import TokenInScope
from .token_info import TokenInfo
from .token_info_scope import TokenInfoScope
from .token_info_state import TokenInfoState
from .token_out import TokenOut
from .token_out_scope import TokenOutScope
from .token_out_state import TokenOutState
from .version_out import VersionOut
from .version_text import VersionText
from .watch_in import WatchIn
from .watch_in_kind import WatchInKind
from .watch_out import WatchOut
from .watch_out_kind import WatchOutKind
from .webhook_change import WebhookChange
from .webhook_change_events_type_0_item import WebhookChangeEventsType0Item
from .webhook_created import WebhookCreated
from .webhook_in import WebhookIn
from .webhook_in_events_item import WebhookInEventsItem
from .webhook_out import WebhookOut

__all__ = (
    "AlertFilters",
    "AlertOut",
    "AlertOutKind",
    "AlertPage",
    "AnnotationCreatePayload",
    "AnnotationCreateResponse",
    "AnnotationDetailResponse",
    "AnnotationEdit",
    "AnnotationEditResponse",
    "AnnotationFilters",
    "AnnotationFiltersStatusType0",
    "AnnotationImportPayload",
    "AnnotationListResponse",
    "AnnotationListStatusType0",
    "CheckIn",
    "CheckOut",
    "CheckOutResultType0",
    "ComparisonOut",
    "ComparisonOutResultType0",
    "ComparisonOutStatus",
    "ComparisonPage",
    "ComparisonStatus",
    "ComparisonStatusStatus",
    "CreateOut",
    "CreateOutStatus",
    "Defaults",
    "DefaultsKind",
    "DeliveryOut",
    "DeliveryOutStatus",
    "DeliveryPage",
    "DocumentAnnotationsResponse",
    "DocumentIn",
    "DocumentInKind",
    "DocumentInNearDuplicates",
    "DocumentListItem",
    "DocumentListKindType0",
    "DocumentOut",
    "DocumentPage",
    "DocumentRef",
    "DocumentUploadMultiPartBodyParams",
    "DocumentUploadMultiPartBodyParamsKind",
    "DocumentUploadMultiPartBodyParamsNearDuplicates",
    "FeedIn",
    "FeedInKind",
    "FeedItemOut",
    "FeedItemOutOutcome",
    "FeedOut",
    "FeedOutStatus",
    "FieldError",
    "Filters",
    "FiltersKindType0",
    "FindingOut",
    "FindingOutDerivedLevelType0",
    "FindingOutSeverity",
    "FindingOutSourceLevelType0",
    "FindingOutType",
    "FoundSource",
    "ImportCreateMultiPartBodyParams",
    "ImportCreateMultiPartBodyParamsKind",
    "ImportJobOut",
    "ImportJobOutStatus",
    "ImportOut",
    "Meta",
    "MetaKind",
    "MetaNearDuplicates",
    "PageFilters",
    "PageQuery",
    "PairIn",
    "Problem",
    "Queued",
    "ReadCount",
    "ReplyIn",
    "ReplyOut",
    "ReviewOut",
    "Seen",
    "ShareIn",
    "ShareInExpiresInDaysType0",
    "ShareLinkOut",
    "ShareLinkOutState",
    "SourceOut",
    "SourceOutRole",
    "SourcesOut",
    "SourcesOutStatus",
    "StatusIn",
    "StatusInStatus",
    "TokenIn",
    "TokenInfo",
    "TokenInfoScope",
    "TokenInfoState",
    "TokenInScope",
    "TokenOut",
    "TokenOutScope",
    "TokenOutState",
    "VersionOut",
    "VersionText",
    "WatchIn",
    "WatchInKind",
    "WatchOut",
    "WatchOutKind",
    "WebhookChange",
    "WebhookChangeEventsType0Item",
    "WebhookCreated",
    "WebhookIn",
    "WebhookInEventsItem",
    "WebhookOut",
)
