"""Account URLs. Not namespaced: Django's password views reverse these names bare."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

urlpatterns = [
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("users/", views.user_list, name="users"),
    path("users/invite/", views.user_invite, name="user_invite"),
    path("users/<int:pk>/", views.user_detail, name="user_detail"),
    path("users/<int:pk>/role/", views.user_role, name="user_role"),
    path("users/<int:pk>/active/", views.user_active, name="user_active"),
    path("users/<int:pk>/reinvite/", views.user_reinvite, name="user_reinvite"),
]
