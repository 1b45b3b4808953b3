from __future__ import annotations

from django.urls import path

from feeds import demo, views

app_name = "feeds"
urlpatterns = [
    path("", views.feed_list, name="list"),
    path("add/", views.feed_add, name="add"),
    path("<int:pk>/", views.feed_detail, name="feed"),
    path("<int:pk>/poll/", views.feed_poll, name="poll"),
    path("<int:pk>/pause/", views.feed_pause, name="pause"),
    path("<int:pk>/resume/", views.feed_resume, name="resume"),
    path("demo/feed.xml", demo.demo_feed, name="demo_feed"),
    path("demo/items/<slug:slug>/", demo.demo_item, name="demo_item"),
]
