from django.urls import path

from . import views

urlpatterns = [
    path("results/", views.results, name="results"),
    path("results/indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("results/indicators/<int:pk>/targets/new/", views.target_create, name="target_create"),
    path("results/targets/<int:pk>/edit/", views.target_edit, name="target_edit"),
    path("results/indicators/<int:pk>/values/new/", views.manual_value_create, name="manual_value_create"),
    path("results/values/<int:pk>/edit/", views.manual_value_edit, name="manual_value_edit"),
    path("results/values/<int:pk>/document/", views.manual_value_document, name="manual_value_document"),
]
