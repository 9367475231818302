from django.urls import path

from . import views

app_name = "civic_center"

urlpatterns = [
    path("", views.center_list, name="center_list"),
    path("new/", views.center_create, name="center_create"),
    path("<int:pk>/", views.center_detail, name="center_detail"),
    path("<int:pk>/edit/", views.center_edit, name="center_edit"),
    path("<int:pk>/status/", views.center_transition, name="center_transition"),
    path("<int:pk>/timetable/", views.center_timetable, name="center_timetable"),
    path("<int:pk>/rules/", views.center_rules_download, name="center_rules_download"),
    path("<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("<int:pk>/agreements/new/", views.agreement_create, name="agreement_create"),
    path("activities/", views.activity_list, name="activity_list"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/demand/", views.demand_create, name="demand_create"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("demand/", views.demand_list, name="demand_list"),
]
