from __future__ import annotations

from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/versions/<int:number>/", views.document_detail, name="version"),
    path("<int:pk>/versions/<int:number>/original", views.version_original, name="original"),
    path("<int:pk>/edit/", views.document_edit, name="edit"),
    path("<int:pk>/archive/", views.document_archive, name="archive"),
    path("<int:pk>/unarchive/", views.document_unarchive, name="unarchive"),
    path("imports/<int:pk>/", views.import_job, name="import_job"),
    path("imports/<int:pk>/resume/", views.import_job_resume, name="import_job_resume"),
    path("imports/<int:pk>/status.json", views.import_job_status, name="import_job_status"),
]
