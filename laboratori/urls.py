from django.urls import path

from . import restitution_views, views

app_name = "laboratori"

urlpatterns = [
    path("", views.lab_list, name="lab_list"),
    path("new/", views.lab_create, name="lab_create"),
    path("<int:pk>/", views.lab_detail, name="lab_detail"),
    path("<int:pk>/edit/", views.lab_edit, name="lab_edit"),
    path("<int:pk>/status/", views.lab_transition, name="lab_transition"),
    path("<int:pk>/assessments/", views.assessment_create, name="assessment_create"),
    path("<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("<int:pk>/meetings/<int:meeting_pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/payments/", views.payment_create, name="payment_create"),
    path("<int:pk>/payments/<int:payment_pk>/cancel/", views.payment_cancel, name="payment_cancel"),
    path("<int:pk>/fundraising/new/", views.fundraising_create, name="fundraising_create"),
    path("<int:pk>/fundraising/<int:activity_pk>/edit/", views.fundraising_edit, name="fundraising_edit"),
    path("restitution/", restitution_views.restitution_list, name="restitution_list"),
    path("restitution/new/", restitution_views.restitution_create, name="restitution_create"),
    path("restitution/<int:pk>/", restitution_views.restitution_detail, name="restitution_detail"),
    path("restitution/<int:pk>/edit/", restitution_views.restitution_edit, name="restitution_edit"),
]
