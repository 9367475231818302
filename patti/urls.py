from django.urls import path

from .views import households, patti, sections
from .views.sections import SECTIONS

app_name = "patti"

urlpatterns = [
    path("", patti.patto_list, name="patto_list"),
    path("new/", patti.patto_create, name="patto_create"),
    path("<int:pk>/", patti.patto_detail, name="patto_detail"),
    path("<int:pk>/edit/", patti.patto_edit, name="patto_edit"),
    path("<int:pk>/pdf/", patti.patto_pdf, name="patto_pdf"),
    path("<int:pk>/status/", patti.patto_transition, name="patto_transition"),
    path("<int:pk>/signing-date/", patti.patto_signing_date, name="patto_signing_date"),
    path("<int:pk>/disbursements/", patti.disbursement_create, name="disbursement_create"),
    path(
        "<int:pk>/disbursements/<int:disbursement_pk>/cancel/",
        patti.disbursement_cancel,
        name="disbursement_cancel",
    ),
    path("<int:pk>/assessments/", patti.assessment_create, name="assessment_create"),
    path("<int:pk>/signed/", patti.signed_upload, name="signed_upload"),
    path("<int:pk>/documents/pip/", patti.document_download, {"kind": "pip"}, name="pip_download"),
    path("<int:pk>/documents/firmato/", patti.document_download, {"kind": "firmato"}, name="signed_download"),
    path("households/", households.household_list, name="household_list"),
    path("households/new/", households.household_create, name="household_create"),
    path("households/<int:pk>/", households.household_detail, name="household_detail"),
    path("households/<int:pk>/edit/", households.household_edit, name="household_edit"),
    path("da-fare/", households.worklist_page, name="worklist"),
    path("access-log/", households.access_log, name="access_log"),
    path("reports/", households.reports_page, name="reports"),
    path("ideas/<int:pk>/status/", sections.idea_transition, name="idea_transition"),
]

SECTION_PREFIXES = {"path": "paths", "host": "hosts", "placement": "placements", "call": "calls", "idea": "ideas"}
for key, prefix in SECTION_PREFIXES.items():
    section = SECTIONS[key]
    urlpatterns += [
        path(f"{prefix}/", sections.section_list, {"section": section}, name=f"{key}_list"),
        path(f"{prefix}/new/", sections.section_create, {"section": section}, name=f"{key}_create"),
        path(f"{prefix}/<int:pk>/", sections.section_detail, {"section": section}, name=f"{key}_detail"),
        path(f"{prefix}/<int:pk>/edit/", sections.section_edit, {"section": section}, name=f"{key}_edit"),
    ]
