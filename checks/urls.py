from __future__ import annotations

from django.urls import path

from checks import views

app_name = "checks"
urlpatterns = [
    path("", views.check_list, name="list"),
    path("<int:pk>/", views.check_detail, name="detail"),
    path("<int:pk>/delete/", views.check_delete, name="delete"),
    path("class-links/", views.token_create, name="token_create"),
    path("class-links/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("class/<str:token>/", views.class_page, name="class"),
    path("class/<str:token>/<int:pk>/", views.class_detail, name="class_detail"),
]
