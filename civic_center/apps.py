from django.apps import AppConfig


class CivicCenterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "civic_center"
    verbose_name = "Incroci di Comunità / Civic Center"
