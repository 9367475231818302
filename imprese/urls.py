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
]

# Trainings, wellbeing indicators, welfare packages and dissemination actions: added from the pact's page, corrected
# on their own page (one view each, see views.SECTIONS).
RECORD_PREFIXES = {
    "training": "trainings",
    "indicator": "indicators",
    "package": "welfare-packages",
    "dissemination": "dissemination",
}
for key, prefix in RECORD_PREFIXES.items():
    urlpatterns += [
        path(f"<int:pk>/{prefix}/", views.record_create, {"section": key}, name=f"{key}_create"),
        path(f"<int:pk>/{prefix}/<int:record_pk>/edit/", views.record_edit, {"section": key}, name=f"{key}_edit"),
    ]
