from __future__ import annotations

from django.contrib import admin
from django.urls import include, path, re_path

from accounts import views as account_views
from api.main import api
from api.views import api_not_found
from provenance import own_pages, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", account_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", account_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("accounts.urls")),
    path("audit/", include("audit.urls")),
    path("documents/", include("documents.urls")),
    path("discovery/", include("discovery.urls")),
    path("annotations/", include("annotations.urls")),
    path("checks/", include("checks.urls")),
    path("feeds/", include("feeds.urls")),
    path("alerts/", include("alerts.urls")),
    path("", include("comparisons.urls")),
    path("account/tokens/", include("api.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>(?s:.*))$", api_not_found),
    # Before the admin's own URLs, so its sign-in form is never shown.
    path("admin/login/", own_pages.admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
]
