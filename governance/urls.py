from django.urls import path

from .views import accounts, bodies, decisions, meetings, organisations, pages

app_name = "governance"

urlpatterns = [
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("users/", accounts.account_list, name="users"),
    path("users/new/", accounts.account_create, name="user_create"),
    path("users/<int:pk>/edit/", accounts.account_edit, name="user_edit"),
    path("bodies/", meetings.body_list, name="body_list"),
    path("bodies/<int:pk>/", meetings.body_detail, name="body_detail"),
    path("bodies/<int:pk>/quorum/", bodies.body_quorum, name="body_quorum"),
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/pdf/", meetings.meeting_pdf, name="meeting_pdf"),
    path("meetings/<int:pk>/attachments/", meetings.meeting_attachment_upload, name="meeting_attachment_upload"),
    path(
        "meetings/<int:pk>/attachments/<int:attachment_pk>/",
        meetings.meeting_attachment_download,
        name="meeting_attachment_download",
    ),
    path("meetings/<int:pk>/convene/", meetings.meeting_convene, name="meeting_convene"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/send-minutes/", meetings.meeting_send_minutes, name="meeting_send_minutes"),
    path("decisions/", meetings.decision_list, name="decision_list"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/complete/", decisions.decision_complete, name="decision_complete"),
    path("profile/", pages.profile, name="profile"),
    path("reference-date/", pages.reference_date_set, name="reference_date_set"),
]

from .budget.urls import urlpatterns as budget_urlpatterns  # noqa: E402

urlpatterns += budget_urlpatterns

from .results.urls import urlpatterns as results_urlpatterns  # noqa: E402

urlpatterns += results_urlpatterns

from .monitoring.urls import urlpatterns as monitoring_urlpatterns  # noqa: E402

urlpatterns += monitoring_urlpatterns
