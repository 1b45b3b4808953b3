from __future__ import annotations

from django.urls import path

from discovery import views

app_name = "discovery"
urlpatterns = [
    path("graph/", views.graph_view, name="graph"),
    path("status/", views.status_view, name="status"),
    path("status/retry/", views.retry_view, name="retry"),
    path("documents/<int:pk>/fan-out/", views.fan_out_view, name="fan_out"),
    path("documents/<int:pk>/trim-map/", views.trim_map_view, name="trim_map"),
    path("documents/<int:pk>/discover/", views.discover_view, name="discover"),
]
