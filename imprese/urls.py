from django.urls import path

from . import views

app_name = "imprese"

urlpatterns = [
    path("", views.pact_list, name="pact_list"),
    path("new/", views.pact_create, name="pact_create"),
    path("<int:pk>/", views.pact_detail, name="pact_detail"),
    path("<int:pk>/edit/", views.pact_edit, name="pact_edit"),
    path("<int:pk>/stage/", views.pact_transition, name="pact_transition"),
    path("<int:pk>/payments/", views.payment_create, name="payment_create"),
    path("<int:pk>/payments/<int:payment_pk>/cancel/", views.payment_cancel, name="payment_cancel"),
    path("<int:pk>/questionnaires/", views.questionnaire_create, name="questionnaire_create"),
    path("<int:pk>/trainings/", views.record_create, {"section": "training"}, name="training_create"),
    path("<int:pk>/indicators/", views.record_create, {"section": "indicator"}, name="indicator_create"),
    path("<int:pk>/welfare-packages/", views.record_create, {"section": "package"}, name="package_create"),
    path("<int:pk>/dissemination/", views.record_create, {"section": "dissemination"}, name="dissemination_create"),
]
