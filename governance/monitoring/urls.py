from django.urls import path

from . import views

urlpatterns = [
    path("reports/monitoring/", views.monitoring_report, name="monitoring_report"),
    path("reports/monitoring/<int:year>/narrative/", views.monitoring_narrative, name="monitoring_narrative"),
    path("reports/monitoring/<int:year>/submit/", views.monitoring_submit, name="monitoring_submit"),
    path(
        "reports/monitoring/<int:year>/sent.<str:extension>",
        views.monitoring_sent,
        name="monitoring_sent",
    ),
]
