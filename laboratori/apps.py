from django.apps import AppConfig


class LaboratoriConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "laboratori"
    verbose_name = "Laboratori di Comunità"
