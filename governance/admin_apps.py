"""The admin's AppConfig: installs `SystemAdminSite` as the default site (settings.INSTALLED_APPS).

Kept apart from `admin_site.py`, which imports models and forms: an AppConfig module must not.
"""

from django.contrib.admin.apps import AdminConfig


class SystemAdminConfig(AdminConfig):
    default_site = "governance.admin_site.SystemAdminSite"
