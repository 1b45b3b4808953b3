from __future__ import annotations

from django.urls import path

from annotations import exports, views

app_name = "annotations"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/status/", views.set_status, name="status"),
    path("<int:pk>/replies/", views.reply, name="reply"),
    path("<int:pk>/reattach/", views.reattach, name="reattach"),
    path("labels/", views.labels, name="labels"),
    path("labels/<int:pk>/retire/", views.label_retire, name="label_retire"),
    path(
        "export/comparison/<int:pk>.<str:fmt>", exports.comparison_export, name="export_comparison"
    ),
    path("export/document/<int:pk>.<str:fmt>", exports.document_export, name="export_document"),
    path("import/", exports.import_view, name="import"),
]
