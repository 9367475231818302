from django.contrib import admin
from django.urls import include, path

from governance.views import health, pages

admin.site.site_header = "Wel(l)Fare Legami – amministrazione"
admin.site.site_title = "Wel(l)Fare Legami"

urlpatterns = [
    path("", pages.home, name="home"),
    path("cruscotto/azioni/", pages.action_panels, name="dashboard_actions"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("privacy/", pages.privacy, name="privacy"),
    path("accessibilita/", pages.accessibility, name="accessibility"),
    path("governance/", include("governance.urls")),
    path("patti/", include("patti.urls")),
    path("laboratori/", include("laboratori.urls")),
    path("civic-center/", include("civic_center.urls")),
    path("wellfare-lab/", include("wellfare_lab.urls")),
    path("imprese/", include("imprese.urls")),
    path("fundraising/", include("fundraising.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "wellfare.errors.permission_denied"
handler404 = "wellfare.errors.page_not_found"
handler500 = "wellfare.errors.server_error"
