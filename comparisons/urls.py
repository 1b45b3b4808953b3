from __future__ import annotations

from django.urls import path

from comparisons import views

app_name = "comparisons"
urlpatterns = [
    path("compare/", views.pick, name="pick"),
    path("comparisons/<int:pk>/", views.detail, name="detail"),
    path("comparisons/<int:pk>/present/", views.present, name="present"),
    path("comparisons/<int:pk>/handout/", views.handout_view, name="handout"),
    path("comparisons/<int:pk>/status/", views.status, name="status"),
    path("comparisons/<int:pk>/findings.<str:fmt>", views.findings_export, name="findings_export"),
    path("comparisons/<int:pk>/retry/", views.retry, name="retry"),
    path("comparisons/<int:pk>/share/", views.share_create, name="share"),
    path("share-links/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
    path("share-links/<int:pk>/restore/", views.share_restore, name="share_restore"),
    path("s/<str:token>/", views.shared, name="shared"),
    path("s/<str:token>/present/", views.shared_present, name="shared_present"),
    path("s/<str:token>/handout/", views.shared_handout, name="shared_handout"),
]
