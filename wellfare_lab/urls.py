from django.urls import path

from . import views

app_name = "wellfare_lab"

urlpatterns = [
    path("", views.lab_list, name="lab_list"),
    path("new/", views.lab_create, name="lab_create"),
    path("<int:pk>/", views.lab_detail, name="lab_detail"),
    path("<int:pk>/edit/", views.lab_edit, name="lab_edit"),
    path("<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("<int:pk>/participants/new/", views.participant_create, name="participant_create"),
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/attendance/", views.attendance_save, name="attendance_save"),
    path("participants/<int:pk>/edit/", views.participant_edit, name="participant_edit"),
    path("manifesto/", views.manifesto_list, name="manifesto_list"),
    path("manifesto/new/", views.manifesto_create, name="manifesto_create"),
    path("manifesto/<int:pk>/", views.manifesto_detail, name="manifesto_detail"),
    path("manifesto/<int:pk>/edit/", views.manifesto_edit, name="manifesto_edit"),
    path("manifesto/<int:pk>/document/", views.manifesto_download, name="manifesto_download"),
]
